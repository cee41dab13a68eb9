import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationAction } from '../api/queries'
import type { Conversation } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import {
  formatSnoozeTime,
  fromInputs,
  localZoneName,
  snoozePresets,
  snoozeProblem,
  toDateInput,
  toTimeInput,
} from '../lib/snooze'
import { showToast } from '../lib/toast'
import { IconSnooze } from './ActionIcons'
import { IconChevronDown } from './Icons'
import { Sheet } from './Sheet'
import '../styles/actions.css'

type Props = { wid: string; conversation: Conversation; onClose: () => void }

/** Why this conversation can't be snoozed (the server refuses both), or null. */
export function snoozeBlockedReason(c: Pick<Conversation, 'blocked' | 'status'>): 'blocked' | 'closed' | null {
  if (c.blocked) return 'blocked'
  if (c.status === 'closed') return 'closed'
  return null
}

/** Snooze until a preset (1 h, 3 h, tomorrow 9:00, next Monday 9:00) or a date and time. */
export function SnoozeDialog({ wid, conversation: c, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const action = useConversationAction(wid)
  // "Now" when the dialog opened: the presets don't shift under the finger.
  const [now] = useState(() => new Date())
  const presets = useMemo(() => snoozePresets(now), [now])
  const [custom, setCustom] = useState(false)
  const [date, setDate] = useState(() => toDateInput(presets[2]!.until))
  const [time, setTime] = useState(() => toTimeInput(presets[2]!.until))
  const [tried, setTried] = useState(false)

  const blockedReason = snoozeBlockedReason(c)
  const customUntil = fromInputs(date, time)
  const problem = snoozeProblem(customUntil, new Date())
  const busy = action.isPending

  const snooze = async (until: Date) => {
    try {
      await action.mutateAsync({ cid: String(c.id), action: { kind: 'snooze', until: until.toISOString() }, optimistic: false })
      showToast(t('actions.done.snoozed', { time: formatSnoozeTime(until, new Date(), i18n.language) }))
      onClose()
    } catch {
      // Shown below from action.error.
    }
  }
  const submitCustom = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (customUntil && !problem) void snooze(customUntil)
  }

  return (
    <Sheet title={t('actions.snoozeDialog.title')} onClose={onClose} testId="snooze-dialog">
      {blockedReason ? (
        <p className="action-form__notice" role="alert" data-testid="snooze-blocked">
          {t(`actions.snoozeDialog.${blockedReason}`)}
        </p>
      ) : (
        <p className="action-form__hint">{t('actions.snoozeDialog.hint', { zone: localZoneName() })}</p>
      )}
      <ul className="action-list" role="list">
        {presets.map((p, i) => (
          <li key={p.key}>
            <button
              type="button"
              className="action-row"
              data-testid={`snooze-preset-${p.key}`}
              disabled={busy || blockedReason != null}
              onClick={() => void snooze(p.until)}
              {...(i === 0 ? { 'data-autofocus': true } : {})}
            >
              <IconSnooze size={20} className="action-row__icon" />
              <span className="action-row__label">{t(`actions.snoozeDialog.presets.${p.key}`)}</span>
              <span className="action-row__value">{formatSnoozeTime(p.until, now, i18n.language)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="action-row"
            aria-expanded={custom}
            data-testid="snooze-custom"
            disabled={busy || blockedReason != null}
            onClick={() => setCustom((v) => !v)}
          >
            <IconChevronDown size={20} className={`action-row__icon action-row__chevron ${custom ? 'action-row__chevron--open' : ''}`} />
            <span className="action-row__label">{t('actions.snoozeDialog.custom')}</span>
          </button>
        </li>
      </ul>
      {custom && !blockedReason && (
        <form className="action-form snooze-custom" onSubmit={submitCustom} noValidate>
          <div className="snooze-custom__row">
            <label className="field">
              <span className="field__label">{t('actions.snoozeDialog.date')}</span>
              <input
                type="date"
                className="field__input"
                data-testid="snooze-date"
                value={date}
                min={toDateInput(now)}
                onChange={(e) => setDate(e.target.value)}
                aria-invalid={tried && problem != null}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('actions.snoozeDialog.time')}</span>
              <input
                type="time"
                className="field__input"
                data-testid="snooze-time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                aria-invalid={tried && problem != null}
              />
            </label>
          </div>
          {tried && problem && <p className="field__error">{t(`actions.snoozeDialog.${problem}`)}</p>}
          <button type="submit" className="btn btn--primary btn--block" disabled={busy} data-testid="snooze-submit">
            {busy ? t('actions.snoozeDialog.submitting') : t('actions.snoozeDialog.submit')}
          </button>
        </form>
      )}
      {action.error && (
        <p className="form-error" role="alert" data-testid="snooze-error">
          {errorText(action.error)}
        </p>
      )}
    </Sheet>
  )
}

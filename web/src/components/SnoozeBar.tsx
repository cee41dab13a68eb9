import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../api/types'
import { useNow } from '../hooks/useNow'
import { formatFull } from '../lib/time'
import { formatSnoozeTime } from '../lib/snooze'
import { IconBan, IconSnooze, IconWake } from './ActionIcons'
import { IconClose } from './Icons'
import '../styles/actions.css'

/** "Back from snooze" bars hidden in this tab (conversation and snooze end). */
const dismissed = new Set<string>()

type Props = { conversation: Conversation; onUnsnooze: () => void }

/**
 * Under the header while snoozed: until when, and Unsnooze. After the snooze ran out and
 * reopened it (`last_snoozed_until`): that it was snoozed until then, until hidden.
 */
export function SnoozeBar({ conversation: c, onUnsnooze }: Props) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const wokeKey = `${String(c.id)}@${c.last_snoozed_until ?? ''}`
  const [, rerender] = useState(0)

  if (c.status === 'snoozed' && c.snoozed_until) {
    return (
      <div className="state-bar state-bar--snoozed" role="status" data-testid="snoozed-bar">
        <IconSnooze size={18} className="state-bar__icon" />
        <span className="state-bar__text" title={formatFull(c.snoozed_until, i18n.language)}>
          {t('actions.snoozeBar.until', { time: formatSnoozeTime(new Date(c.snoozed_until), now, i18n.language) })}
        </span>
        <button type="button" className="btn state-bar__btn" onClick={onUnsnooze} data-testid="unsnooze-bar-button">
          {t('actions.unsnooze')}
        </button>
      </div>
    )
  }
  if (c.status === 'open' && c.last_snoozed_until && !dismissed.has(wokeKey)) {
    return (
      <div className="state-bar state-bar--woke" role="status" data-testid="woke-bar">
        <IconWake size={18} className="state-bar__icon" />
        <span className="state-bar__text" title={formatFull(c.last_snoozed_until, i18n.language)}>
          {t('actions.snoozeBar.woke', { time: formatSnoozeTime(new Date(c.last_snoozed_until), now, i18n.language) })}
        </span>
        <button
          type="button"
          className="icon-btn state-bar__dismiss"
          aria-label={t('actions.snoozeBar.dismiss')}
          onClick={() => {
            dismissed.add(wokeKey)
            rerender((n) => n + 1)
          }}
        >
          <IconClose size={18} />
        </button>
      </div>
    )
  }
  return null
}

/** Under the header for a blocked contact: what that means, and Unblock. */
export function BlockedBar({ onUnblock }: { onUnblock: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="state-bar state-bar--blocked" role="status" data-testid="blocked-bar">
      <IconBan size={18} className="state-bar__icon" />
      <span className="state-bar__text">{t('actions.blockedBar.text')}</span>
      <button type="button" className="btn state-bar__btn" onClick={onUnblock} data-testid="unblock-bar-button">
        {t('actions.blockedBar.unblock')}
      </button>
    </div>
  )
}

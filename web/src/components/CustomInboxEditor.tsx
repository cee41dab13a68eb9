import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import {
  useChannels,
  useCustomFields,
  useCustomInbox,
  useDeleteCustomInbox,
  useMembers,
  useSaveCustomInbox,
  useTeams,
} from '../api/queries'
import { ApiError } from '../api/errors'
import type { CustomFieldDef, CustomInbox } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import {
  ASSIGNEE_ME,
  ASSIGNEE_NONE,
  emptyInboxForm,
  INBOX_STATUSES,
  toggled,
  toInboxForm,
  toInboxInput,
  type Answered,
  type InboxForm,
} from '../lib/inboxFilters'
import { showToast } from '../lib/toast'
import { IconClose, IconTrash } from './Icons'
import { Spinner } from './Spinner'
import { TagsEditor } from './TagsEditor'
import '../styles/customInboxes.css'

type Props = {
  wid: string
  /** The inbox to edit (or to look at, when someone else shared it); null: a new one. */
  inboxId: string | null
  onClose: () => void
  /** Saved (created or changed): the caller shows it. */
  onSaved?: (inbox: CustomInbox) => void
  /** Deleted: the caller leaves it if it was open. */
  onDeleted?: (inboxId: string) => void
}

const ANSWERED: readonly Answered[] = ['any', 'unanswered', 'answered']

/**
 * Create or edit a custom inbox: a name, whether the workspace sees it, and the saved filter
 * (status, assignee, team, channel, replies, last activity, contact fields, tags). Someone else's
 * shared inbox opens read-only; only its creator may change or delete it.
 */
export function CustomInboxEditor({ wid, inboxId, onClose, onSaved, onDeleted }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const existing = useCustomInbox(wid, inboxId)
  const members = useMembers(wid)
  const teams = useTeams(wid)
  const channels = useChannels(wid)
  const fields = useCustomFields(wid)
  const save = useSaveCustomInbox(wid)
  const remove = useDeleteCustomInbox(wid)
  const [form, setForm] = useState<InboxForm | null>(inboxId ? null : emptyInboxForm)
  const [nameMissing, setNameMissing] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)

  // The saved inbox fills the form once it has loaded.
  useEffect(() => {
    if (existing.data && form === null) setForm(toInboxForm(existing.data))
  }, [existing.data, form])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [onClose])

  const inbox = existing.data ?? null
  const readOnly = inbox !== null && !inbox.created_by_me
  const ownerName = inbox ? members.data?.find((m) => m.user_id === inbox.owner_id)?.name : undefined
  const title = inboxId === null ? t('customInboxes.newTitle') : readOnly ? t('customInboxes.viewTitle') : t('customInboxes.editTitle')
  const busy = save.isPending || remove.isPending

  const edit = (patch: Partial<InboxForm>) => setForm((f) => (f ? { ...f, ...patch } : f))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!form || readOnly || busy) return
    if (!form.name.trim()) {
      setNameMissing(true)
      return
    }
    const body = toInboxInput(form, fields.data ?? [])
    save.mutate(
      { id: inboxId, body },
      {
        onSuccess: (saved) => {
          showToast(t('customInboxes.saved', { name: saved.name }))
          onSaved?.(saved)
          onClose()
        },
      },
    )
  }

  const doDelete = () => {
    if (!inboxId || !inbox) return
    remove.mutate(inboxId, {
      onSuccess: () => {
        showToast(t('customInboxes.deleted', { name: inbox.name }))
        onDeleted?.(inboxId)
        onClose()
      },
    })
  }

  let body: ReactNode
  if (inboxId && existing.isError) {
    const gone = existing.error instanceof ApiError && existing.error.status === 404
    body = <p className="form-error">{gone ? t('customInboxes.notFound') : errorText(existing.error)}</p>
  } else if (!form) {
    body = <Spinner label={t('common.loading')} />
  } else {
    body = (
      <fieldset className="cinbox__fields" disabled={readOnly || busy}>
        <label className="field">
          <span className="field__label">{t('customInboxes.name')}</span>
          <input
            className="field__input"
            data-testid="custom-inbox-name"
            value={form.name}
            maxLength={100}
            placeholder={t('customInboxes.namePlaceholder')}
            aria-invalid={nameMissing && !form.name.trim()}
            autoFocus={!readOnly}
            onChange={(e) => edit({ name: e.target.value })}
          />
          {nameMissing && !form.name.trim() && <span className="field__error">{t('customInboxes.nameRequired')}</span>}
        </label>

        {readOnly ? (
          <p className="cinbox__readonly" data-testid="custom-inbox-readonly">
            {ownerName ? t('customInboxes.readOnly', { name: ownerName }) : t('customInboxes.readOnlyUnknown')}
          </p>
        ) : (
          <label className="cinbox__share">
            <span className="cinbox__share-text">
              <span className="cinbox__share-title">{t('customInboxes.share')}</span>
              <span className="settings__hint">{t('customInboxes.shareHint')}</span>
            </span>
            <input
              type="checkbox"
              role="switch"
              className="switch"
              data-testid="custom-inbox-shared"
              checked={form.shared}
              onChange={(e) => edit({ shared: e.target.checked })}
            />
          </label>
        )}

        <p className="cinbox__hint">{t('customInboxes.filtersHint')}</p>

        <ChoiceGroup label={t('customInboxes.status')}>
          {INBOX_STATUSES.map((s) => (
            <Check
              key={s}
              label={t(`customInboxes.statuses.${s}`)}
              checked={form.statuses.has(s)}
              onChange={(on) => edit({ statuses: toggled(form.statuses, s, on) })}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup label={t('customInboxes.assignee')}>
          <Check
            label={t('customInboxes.me')}
            checked={form.assignees.has(ASSIGNEE_ME)}
            onChange={(on) => edit({ assignees: toggled(form.assignees, ASSIGNEE_ME, on) })}
          />
          <Check
            label={t('customInboxes.unassigned')}
            checked={form.assignees.has(ASSIGNEE_NONE)}
            onChange={(on) => edit({ assignees: toggled(form.assignees, ASSIGNEE_NONE, on) })}
          />
          {members.data?.map((m) => (
            <Check
              key={m.user_id}
              label={m.name || m.email}
              checked={form.assignees.has(m.user_id)}
              onChange={(on) => edit({ assignees: toggled(form.assignees, m.user_id, on) })}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup label={t('customInboxes.team')} empty={teams.data?.length === 0 ? t('customInboxes.noTeams') : null}>
          {teams.data?.map((team) => (
            <Check
              key={team.id}
              label={team.name}
              checked={form.teamIds.has(team.id)}
              onChange={(on) => edit({ teamIds: toggled(form.teamIds, team.id, on) })}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup
          label={t('customInboxes.channel')}
          empty={channels.data?.length === 0 ? t('customInboxes.noChannels') : null}
        >
          {channels.data?.map((ch) => {
            const id = String(ch.id)
            return (
              <Check
                key={id}
                label={ch.name}
                checked={form.channelIds.has(id)}
                onChange={(on) => edit({ channelIds: toggled(form.channelIds, id, on) })}
              />
            )
          })}
        </ChoiceGroup>

        <ChoiceGroup label={t('customInboxes.replies')} radio>
          {ANSWERED.map((a) => (
            <Check
              key={a}
              radio
              name="cinbox-answered"
              label={t(`customInboxes.answered.${a}`)}
              checked={form.answered === a}
              onChange={(on) => on && edit({ answered: a })}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup label={t('customInboxes.lastActivity')}>
          <label className="cinbox__date">
            <span>{t('customInboxes.from')}</span>
            <input
              type="date"
              className="field__input"
              data-testid="custom-inbox-from"
              value={form.activeFrom}
              max={form.activeUntil || undefined}
              onChange={(e) => edit({ activeFrom: e.target.value })}
            />
          </label>
          <label className="cinbox__date">
            <span>{t('customInboxes.until')}</span>
            <input
              type="date"
              className="field__input"
              data-testid="custom-inbox-until"
              value={form.activeUntil}
              min={form.activeFrom || undefined}
              onChange={(e) => edit({ activeUntil: e.target.value })}
            />
          </label>
        </ChoiceGroup>

        <ChoiceGroup
          label={t('customInboxes.contactFields')}
          empty={fields.data?.length === 0 ? t('customInboxes.noFields') : null}
          column
        >
          {fields.data?.map((def) => (
            <ContactFieldInput
              key={def.key}
              def={def}
              value={form.fields[def.key] ?? ''}
              onChange={(v) => edit({ fields: { ...form.fields, [def.key]: v } })}
            />
          ))}
        </ChoiceGroup>

        <ChoiceGroup label={t('tags.filter')} column>
          <TagsEditor
            wid={wid}
            tags={form.tags}
            onChange={(tags) => edit({ tags })}
            label={t('tags.filter')}
            placeholder={t('tags.filterPlaceholder')}
            hint={t('tags.filterHint')}
            limit={100}
            testId="custom-inbox-tags"
          />
        </ChoiceGroup>
      </fieldset>
    )
  }

  const error = save.error ?? remove.error
  return createPortal(
    <div className="dialog-backdrop" onClick={onClose}>
      <form
        className="dialog cinbox"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="custom-inbox-editor"
        data-readonly={readOnly}
        onClick={(e) => e.stopPropagation()}
        onSubmit={submit}
        noValidate
      >
        <header className="dialog__head">
          <h2 className="dialog__title">{inbox && readOnly ? inbox.name : title}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
            <IconClose size={22} />
          </button>
        </header>
        <div className="dialog__body cinbox__body">{body}</div>
        {error && <p className="form-error cinbox__error">{errorText(error)}</p>}
        {confirmDelete && inbox ? (
          <footer className="cinbox__foot cinbox__foot--confirm">
            <p className="cinbox__confirm">{t('customInboxes.deleteConfirm', { name: inbox.name })}</p>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)} disabled={busy}>
              {t('customInboxes.cancel')}
            </button>
            <button type="button" className="btn btn--danger" data-testid="custom-inbox-delete-confirm" onClick={doDelete} disabled={busy}>
              {t('customInboxes.deleteYes')}
            </button>
          </footer>
        ) : readOnly ? (
          <footer className="cinbox__foot">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.close')}
            </button>
          </footer>
        ) : (
          <footer className="cinbox__foot">
            {inbox && (
              <button
                type="button"
                className="btn btn--ghost-danger cinbox__delete"
                data-testid="custom-inbox-delete"
                onClick={() => setConfirmDelete(true)}
                disabled={busy}
              >
                <IconTrash size={18} />
                {t('customInboxes.delete')}
              </button>
            )}
            <button type="button" className="btn" onClick={onClose}>
              {t('customInboxes.cancel')}
            </button>
            <button type="submit" className="btn btn--primary" data-testid="custom-inbox-save" disabled={!form || busy}>
              {save.isPending ? t('customInboxes.saving') : inboxId ? t('customInboxes.save') : t('customInboxes.create')}
            </button>
          </footer>
        )}
      </form>
    </div>,
    document.body,
  )
}

/** A labelled group of choices (a fieldset, so screen readers say what they choose). */
function ChoiceGroup({
  label,
  children,
  empty = null,
  radio = false,
  column = false,
}: {
  label: string
  children: ReactNode
  empty?: string | null
  radio?: boolean
  column?: boolean
}) {
  return (
    <fieldset className="cinbox__group" role={radio ? 'radiogroup' : undefined}>
      <legend className="field__label">{label}</legend>
      {empty ? <p className="muted cinbox__empty">{empty}</p> : <div className={column ? 'cinbox__column' : 'cinbox__choices'}>{children}</div>}
    </fieldset>
  )
}

/** A checkbox (or radio) shown as a toggle chip. */
function Check({
  label,
  checked,
  onChange,
  radio = false,
  name,
}: {
  label: string
  checked: boolean
  onChange: (on: boolean) => void
  radio?: boolean
  name?: string
}) {
  return (
    <label className={`segmented__item cinbox__chip ${checked ? 'segmented__item--on' : ''}`}>
      <input
        type={radio ? 'radio' : 'checkbox'}
        name={name}
        className="cinbox__check"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  )
}

/** One contact field's condition: an input fitting its kind ('' = any value). */
function ContactFieldInput({ def, value, onChange }: { def: CustomFieldDef; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  let input: ReactNode
  if (def.kind === 'checkbox' || def.kind === 'list') {
    const options = def.kind === 'checkbox' ? [['yes', t('customInboxes.yes')], ['no', t('customInboxes.no')]] : def.options.map((o) => [o, o])
    input = (
      <select id={id} className="select cinbox__field-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('customInboxes.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    )
  } else {
    input = (
      <input
        id={id}
        className="field__input cinbox__field-input"
        type={def.kind === 'date' ? 'date' : def.kind === 'number' ? 'number' : 'text'}
        inputMode={def.kind === 'number' ? 'decimal' : undefined}
        placeholder={def.kind === 'date' ? undefined : t('customInboxes.any')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  }
  return (
    <div className="cinbox__field" data-testid="custom-inbox-field" data-key={def.key}>
      <label htmlFor={id} className="cinbox__field-label">
        {def.label}
      </label>
      {input}
    </div>
  )
}

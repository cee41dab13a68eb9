import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { useCreateCustomField, useCustomFields, useDeleteCustomField, useUpdateCustomField } from '../api/queries'
import type { CustomFieldDef, CustomFieldKind } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import {
  cleanOptions,
  duplicateOptions,
  FIELD_KEY_PATTERN,
  FIELD_KINDS,
  fieldErrorsFromProblem,
  MAX_LABEL_LENGTH,
  suggestFieldKey,
} from '../lib/customFields'
import '../styles/settings.css'
import { IconEdit, IconPlus, IconTrash } from './Icons'
import { IconArrowDownSmall, IconArrowUp } from './ManageIcons'
import { SettingsHeader } from './SettingsHeader'
import { SettingsLoadError, SettingsLoading } from './SettingsNotice'

type Props = { wid: string; canManage: boolean; showBack: boolean }

/** The workspace's custom contact fields (owners and managers): define, edit, order, delete. */
export function CustomFieldsPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const fields = useCustomFields(wid).data ?? []
  // A new field goes last.
  const nextPosition = fields.reduce((max, f) => Math.max(max, f.position + 1), 0)
  return (
    <section className="settings" data-testid="custom-fields">
      <SettingsHeader wid={wid} title={t('settings.fields.title')} showBack={showBack}>
        {canManage && !adding && (
          <button type="button" className="btn btn--primary settings-header__add" data-testid="field-add" onClick={() => setAdding(true)}>
            <IconPlus size={18} />
            <span>{t('settings.fields.add')}</span>
          </button>
        )}
      </SettingsHeader>
      <div className="settings__scroller">
        {!canManage ? (
          <p className="settings__notice">{t('settings.forbidden')}</p>
        ) : (
          <div className="settings__stack">
            <p className="settings__intro">{t('settings.fields.intro')}</p>
            {adding && <FieldForm wid={wid} nextPosition={nextPosition} onDone={() => setAdding(false)} />}
            <FieldList wid={wid} />
          </div>
        )}
      </div>
    </section>
  )
}

type FormIssues = Partial<Record<'label' | 'key' | 'options', string>>

/** What is wrong with a field as typed (the server checks the same). */
function useFieldIssues() {
  const { t } = useTranslation()
  return (label: string, key: string | null, kind: CustomFieldKind, options: string[]): FormIssues => {
    const issues: FormIssues = {}
    if (!label.trim()) issues.label = t('settings.fields.invalid.label')
    else if (label.trim().length > MAX_LABEL_LENGTH) issues.label = t('settings.fields.invalid.labelTooLong')
    if (key !== null && !FIELD_KEY_PATTERN.test(key)) issues.key = t('settings.fields.invalid.key')
    if (kind === 'list') {
      const repeated = duplicateOptions(options)
      if (!options.length) issues.options = t('settings.fields.invalid.options')
      else if (repeated.length) issues.options = t('settings.fields.invalid.optionsRepeated', { options: repeated.join(', ') })
    }
    return issues
  }
}

/** Server problems, by the form's fields: 409 means the key is taken. */
function serverIssues(err: unknown, keyTaken: string): FormIssues {
  if (!(err instanceof ApiError)) return {}
  if (err.status === 409) return { key: keyTaken }
  const byField = fieldErrorsFromProblem(err.problem)
  const out: FormIssues = {}
  for (const name of ['label', 'key', 'options'] as const) if (byField[name]) out[name] = byField[name]
  return out
}

/** A new field, or (with `field`) a change to one: its label and list options. */
function FieldForm({ wid, field, nextPosition = 0, onDone }: { wid: string; field?: CustomFieldDef; nextPosition?: number; onDone: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const create = useCreateCustomField(wid)
  const update = useUpdateCustomField(wid)
  const mutation = field ? update : create
  const check = useFieldIssues()
  const [label, setLabel] = useState(field?.label ?? '')
  const [key, setKey] = useState(field?.key ?? '')
  // The key follows the label until it is edited by hand.
  const [keyEdited, setKeyEdited] = useState(false)
  const [kind, setKind] = useState<CustomFieldKind>(field?.kind ?? 'text')
  const [optionsText, setOptionsText] = useState((field?.options ?? []).join('\n'))
  const [tried, setTried] = useState(false)
  const options = cleanOptions(optionsText.split('\n'))
  const issues = check(label, field ? null : key, kind, options)
  const fromServer = serverIssues(mutation.error, t('settings.fields.invalid.keyTaken'))
  const shown: FormIssues = { ...(tried ? issues : {}), ...fromServer }
  const unexplained = mutation.isError && !Object.keys(fromServer).length
  const prefix = field ? `field-edit` : `field`

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (Object.keys(issues).length || mutation.isPending) return
    if (field) {
      update.mutate(
        { id: String(field.id), patch: { label: label.trim(), ...(field.kind === 'list' ? { options } : {}) } },
        { onSuccess: onDone },
      )
    } else {
      create.mutate(
        { label: label.trim(), key, kind, options: kind === 'list' ? options : [], position: nextPosition },
        { onSuccess: onDone },
      )
    }
  }

  return (
    <form className={`${field ? 'manage-card__form' : 'settings__card'} manage-form`} data-testid={`${prefix}-form`} onSubmit={submit} noValidate>
      <label className="field">
        <span className="field__label">{t('settings.fields.label')}</span>
        <input
          className="field__input"
          data-testid={`${prefix}-label`}
          value={label}
          maxLength={MAX_LABEL_LENGTH + 20}
          placeholder={t('settings.fields.labelPlaceholder')}
          aria-invalid={shown.label ? true : undefined}
          autoFocus
          onChange={(e) => {
            setLabel(e.target.value)
            if (!field && !keyEdited) setKey(suggestFieldKey(e.target.value))
            mutation.reset()
          }}
        />
        {shown.label && <span className="field__error">{shown.label}</span>}
      </label>
      {!field && (
        <label className="field">
          <span className="field__label">{t('settings.fields.key')}</span>
          <input
            className="field__input field__input--mono"
            data-testid="field-key"
            value={key}
            maxLength={64}
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={shown.key ? true : undefined}
            onChange={(e) => {
              setKey(e.target.value.trim())
              setKeyEdited(true)
              mutation.reset()
            }}
          />
          {shown.key ? (
            <span className="field__error">{shown.key}</span>
          ) : (
            <span className="settings__hint">{t('settings.fields.keyHint', { example: `{{contact.custom.${key || 'city'}}}` })}</span>
          )}
        </label>
      )}
      {!field && (
        <div className="field" role="radiogroup" aria-labelledby="field-kind-label">
          <span className="field__label" id="field-kind-label">
            {t('settings.fields.kind')}
          </span>
          <div className="segmented">
            {FIELD_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={kind === k}
                className={`segmented__item ${kind === k ? 'segmented__item--on' : ''}`}
                data-testid={`field-kind-${k}`}
                onClick={() => setKind(k)}
              >
                {t(`settings.fields.kinds.${k}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {kind === 'list' && (
        <label className="field">
          <span className="field__label">
            {t('settings.fields.options')} <span className="muted">· {t('settings.fields.optionsHint')}</span>
          </span>
          <textarea
            className="field__input field__textarea"
            data-testid={`${prefix}-options`}
            rows={4}
            value={optionsText}
            aria-invalid={shown.options ? true : undefined}
            onChange={(e) => {
              setOptionsText(e.target.value)
              mutation.reset()
            }}
          />
          {shown.options && <span className="field__error">{shown.options}</span>}
        </label>
      )}
      {unexplained && (
        <p className="form-error" role="alert" data-testid={`${prefix}-error`}>
          {errorText(mutation.error)}
        </p>
      )}
      <div className="manage-form__actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid={`${prefix}-save`} disabled={mutation.isPending}>
          {field
            ? mutation.isPending
              ? t('settings.fields.saving')
              : t('settings.fields.save')
            : mutation.isPending
              ? t('settings.fields.creating')
              : t('settings.fields.create')}
        </button>
      </div>
    </form>
  )
}

function FieldList({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const query = useCustomFields(wid)
  const update = useUpdateCustomField(wid)
  const [moving, setMoving] = useState(false)
  if (query.isPending) {
    return <SettingsLoading />
  }
  if (query.isError) {
    return <SettingsLoadError title={t('settings.fields.loadError')} error={query.error} onRetry={() => void query.refetch()} />
  }
  const fields = query.data
  if (!fields.length) return <p className="settings__notice">{t('settings.fields.empty')}</p>

  // Moving renumbers the whole list (fields made through the API may share a position).
  const move = async (index: number, by: -1 | 1) => {
    const order = [...fields]
    const [moved] = order.splice(index, 1)
    order.splice(index + by, 0, moved!)
    setMoving(true)
    try {
      for (const [position, f] of order.entries()) {
        if (f.position !== position) await update.mutateAsync({ id: String(f.id), patch: { position } })
      }
    } finally {
      setMoving(false)
    }
  }

  return (
    <ul className="manage-list" data-testid="field-list">
      {fields.map((f, i) => (
        <FieldRow
          key={String(f.id)}
          wid={wid}
          field={f}
          onUp={i > 0 && !moving ? () => void move(i, -1) : null}
          onDown={i < fields.length - 1 && !moving ? () => void move(i, 1) : null}
        />
      ))}
    </ul>
  )
}

function FieldRow({ wid, field: f, onUp, onDown }: { wid: string; field: CustomFieldDef; onUp: (() => void) | null; onDown: (() => void) | null }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const remove = useDeleteCustomField(wid)
  const name = f.label
  return (
    <li className="settings__card manage-card" data-testid="field-row" data-field-key={f.key}>
      <div className="manage-card__head">
        <div className="manage-card__title">
          <span className="manage-card__name" data-testid="field-label">
            {f.label}
          </span>
          <span className="manage-card__sub">
            <span className="kind-badge" data-testid="field-kind">
              {t(`settings.fields.kinds.${f.kind}`)}
            </span>
            <code className="manage-card__key">{f.key}</code>
          </span>
        </div>
        <div className="manage-card__tools">
          <button type="button" className="icon-btn" aria-label={t('settings.fields.moveUp', { name })} title={t('settings.fields.moveUp', { name })} disabled={!onUp} onClick={onUp ?? undefined}>
            <IconArrowUp size={18} />
          </button>
          <button type="button" className="icon-btn" aria-label={t('settings.fields.moveDown', { name })} title={t('settings.fields.moveDown', { name })} disabled={!onDown} onClick={onDown ?? undefined}>
            <IconArrowDownSmall size={18} />
          </button>
          <button type="button" className="icon-btn" data-testid="field-edit" aria-label={t('settings.fields.edit', { name })} title={t('settings.fields.edit', { name })} onClick={() => setMode('edit')}>
            <IconEdit size={20} />
          </button>
          <button type="button" className="icon-btn manage-card__danger" data-testid="field-delete" aria-label={t('settings.fields.remove', { name })} title={t('settings.fields.remove', { name })} onClick={() => setMode('delete')}>
            <IconTrash size={20} />
          </button>
        </div>
      </div>
      {f.kind === 'list' && mode !== 'edit' && (
        <ul className="option-chips" aria-label={t('settings.fields.optionCount', { count: f.options.length })}>
          {f.options.map((o) => (
            <li key={o} className="option-chip">
              {o}
            </li>
          ))}
        </ul>
      )}
      {mode === 'edit' && <FieldForm wid={wid} field={f} onDone={() => setMode('view')} />}
      {mode === 'delete' && (
        <div className="manage-card__confirm" role="alertdialog" aria-label={t('settings.fields.remove', { name })}>
          <p>{t('settings.fields.removeConfirm', { name })}</p>
          {remove.isError && <p className="form-error">{errorText(remove.error)}</p>}
          <div className="manage-form__actions">
            <button type="button" className="btn" onClick={() => setMode('view')}>
              {t('settings.cancel')}
            </button>
            <button type="button" className="btn btn--danger" data-testid="field-delete-confirm" disabled={remove.isPending} onClick={() => remove.mutate(String(f.id))}>
              {t('settings.delete')}
            </button>
          </div>
        </div>
      )}
    </li>
  )
}

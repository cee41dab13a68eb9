import { useState, type FormEvent, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import {
  useChannels,
  useCreateChannel,
  useRemoveChannel,
  useUpdateChannel,
  type ChannelChange,
  type CreatedChannel,
  type NewChannel,
} from '../api/queries'
import type { Channel } from '../api/types'
import { ApiError } from '../api/errors'
import { useErrorText } from '../hooks/useErrorText'
import { en } from '../i18n/en'
import { copyText } from '../lib/clipboard'
import { showToast } from '../lib/toast'
import { ChannelIcon } from './ChannelIcon'
import { IconAlert, IconCopy, IconEdit, IconPlus, IconTrash } from './Icons'
import { SettingsHeader } from './SettingsHeader'
import { SettingsLoadError, SettingsLoading } from './SettingsNotice'

type Props = { wid: string; canManage: boolean; showBack: boolean }

type Kind = NewChannel['kind']

const WHATSAPP_SECRETS = ['access_token', 'app_secret', 'waba_id', 'verify_token'] as const

/** The kinds that can be added here. */
const ADDABLE: readonly Kind[] = ['api', 'telegram', 'whatsapp']

/** The workspace's channels (owners and managers): status, webhook URL, add, edit, remove. */
export function ChannelsPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<CreatedChannel | null>(null)
  return (
    <section className="settings" data-testid="channels">
      <SettingsHeader wid={wid} title={t('channelsPage.title')} showBack={showBack}>
        {canManage && !adding && (
          <button
            type="button"
            className="btn btn--primary channels__add"
            data-testid="channel-add"
            onClick={() => {
              setCreated(null)
              setAdding(true)
            }}
          >
            <IconPlus size={18} />
            <span>{t('channelsPage.add')}</span>
          </button>
        )}
      </SettingsHeader>
      <div className="settings__scroller">
        {!canManage ? (
          <p className="settings__notice">{t('channelsPage.forbidden')}</p>
        ) : (
          <div className="channels">
            {created && <CreatedCard channel={created} onDone={() => setCreated(null)} />}
            {adding && (
              <AddChannelForm
                wid={wid}
                onCancel={() => setAdding(false)}
                onCreated={(c) => {
                  setAdding(false)
                  setCreated(c)
                }}
              />
            )}
            <ChannelList wid={wid} />
          </div>
        )}
      </div>
    </section>
  )
}

function ChannelList({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const query = useChannels(wid)
  if (query.isPending) {
    return <SettingsLoading />
  }
  if (query.isError) {
    return <SettingsLoadError title={t('channelsPage.loadError')} error={query.error} onRetry={() => void query.refetch()} />
  }
  if (!query.data.length) return <p className="settings__notice">{t('channelsPage.empty')}</p>
  return (
    <ul className="channels__list">
      {query.data.map((c) => (
        <ChannelRow key={String(c.id)} wid={wid} channel={c} />
      ))}
    </ul>
  )
}

function CopyField({ label, value, testId, secret = false }: { label: string; value: string; testId: string; secret?: boolean }) {
  const { t } = useTranslation()
  const copy = async () => showToast((await copyText(value)) ? t('voice.copied') : t('voice.copyFailed'))
  return (
    <div className="copy-field">
      <span className="copy-field__label">{label}</span>
      <span className="copy-field__row">
        <code className={`copy-field__value ${secret ? 'copy-field__value--secret' : ''}`} data-testid={testId}>
          {value}
        </code>
        <button type="button" className="icon-btn" data-testid={`${testId}-copy`} onClick={() => void copy()} aria-label={t('channelsPage.copy', { what: label })} title={t('channelsPage.copy', { what: label })}>
          <IconCopy size={20} />
        </button>
      </span>
    </div>
  )
}

function ChannelRow({ wid, channel: c }: { wid: string; channel: Channel }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view')
  const update = useUpdateChannel(wid)
  const remove = useRemoveChannel(wid)
  const kind = String(c.kind)
  const isApi = kind === 'api'
  const callback = typeof c.settings.callback_url === 'string' ? c.settings.callback_url : ''
  const [name, setName] = useState(c.name)
  const [callbackUrl, setCallbackUrl] = useState(callback)
  // Secrets are never shown; a value typed here replaces the stored one.
  const [secrets, setSecrets] = useState<Record<string, string>>({})
  const failing = c.status === 'failing'
  const secret = (key: string) => (secrets[key] ?? '').trim()

  const save = (e: FormEvent) => {
    e.preventDefault()
    const id = String(c.id)
    const newName = name.trim() && name.trim() !== c.name ? name.trim() : undefined
    let change: ChannelChange | null = null
    if (kind === 'telegram') {
      const patch = { ...(newName ? { name: newName } : {}), ...(secret('bot_token') ? { bot_token: secret('bot_token') } : {}) }
      if (Object.keys(patch).length) change = { kind, id, patch }
    } else if (kind === 'whatsapp') {
      const patch: Record<string, string> = newName ? { name: newName } : {}
      for (const key of WHATSAPP_SECRETS) if (secret(key)) patch[key] = secret(key)
      if (Object.keys(patch).length) change = { kind, id, patch }
    } else {
      const patch = {
        ...(newName ? { name: newName } : {}),
        ...(isApi && callbackUrl.trim() && callbackUrl.trim() !== callback ? { callback_url: callbackUrl.trim() } : {}),
      }
      if (Object.keys(patch).length) change = { kind: isApi ? 'api' : 'other', id, patch }
    }
    if (!change) {
      setMode('view')
      return
    }
    update.mutate(change, { onSuccess: () => setMode('view') })
  }

  const secretInput = (key: string, label: string, testId: string) => (
    <label className="field" key={key}>
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        data-testid={testId}
        value={secrets[key] ?? ''}
        placeholder={t('channelsPage.keepSecret')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setSecrets((old) => ({ ...old, [key]: e.target.value }))}
      />
    </label>
  )

  return (
    <li className={`channel-card ${failing ? 'channel-card--failing' : ''}`} data-testid="channel-row" data-channel-id={String(c.id)} data-kind={kind}>
      <div className="channel-card__head">
        <ChannelIcon kind={kind} size={36} />
        <div className="channel-card__title">
          <span className="channel-card__name" data-testid="channel-name">
            {c.name}
          </span>
          <span className="channel-card__kind">{kindLabel(t, kind)}</span>
        </div>
        <span className={`status-pill status-pill--${c.status}`} data-testid="channel-status" data-status={c.status}>
          {t(`channelsPage.status.${c.status}`)}
        </span>
      </div>
      {failing && c.status_reason && (
        <p className="channel-card__reason" role="note">
          <IconAlert size={16} /> {c.status_reason}
        </p>
      )}
      {mode === 'edit' ? (
        <form className="channel-card__form" onSubmit={save} noValidate>
          <label className="field">
            <span className="field__label">{t('channelsPage.name')}</span>
            <input className="field__input" data-testid="channel-name-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus />
          </label>
          {kind === 'telegram' && secretInput('bot_token', t('channelsPage.newBotToken'), 'channel-token-input')}
          {kind === 'whatsapp' && (
            <>
              {secretInput('access_token', t('channelsPage.accessToken'), 'channel-access-token')}
              {secretInput('app_secret', t('channelsPage.appSecret'), 'channel-app-secret')}
              {secretInput('waba_id', t('channelsPage.wabaId'), 'channel-waba-id')}
              {secretInput('verify_token', t('channelsPage.verifyToken'), 'channel-verify-token')}
            </>
          )}
          {isApi && (
            <label className="field">
              <span className="field__label">{t('channelsPage.callbackUrl')}</span>
              <input
                className="field__input"
                data-testid="channel-callback-input"
                type="url"
                inputMode="url"
                value={callbackUrl}
                placeholder="https://example.com/omnibox"
                onChange={(e) => setCallbackUrl(e.target.value)}
              />
            </label>
          )}
          {update.isError && (
            <p className="form-error" role="alert">
              {errorText(update.error)}
            </p>
          )}
          <div className="channel-card__actions">
            <button type="button" className="btn" onClick={() => setMode('view')}>
              {t('channelsPage.cancel')}
            </button>
            <button type="submit" className="btn btn--primary" data-testid="channel-save" disabled={update.isPending || !name.trim()}>
              {update.isPending ? t('settings.saving') : t('settings.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <CopyField label={t('channelsPage.webhookUrl')} value={c.webhook_url} testId="channel-webhook" />
          {isApi && callback && (
            <div className="copy-field">
              <span className="copy-field__label">{t('channelsPage.callbackUrl')}</span>
              <code className="copy-field__value" data-testid="channel-callback">
                {callback}
              </code>
            </div>
          )}
          {mode === 'remove' ? (
            <div className="channel-card__confirm" role="alertdialog" aria-label={t('channelsPage.removeTitle', { name: c.name })}>
              <p>
                <strong>{t('channelsPage.removeTitle', { name: c.name })}</strong>
              </p>
              <p className="muted">{t('channelsPage.removeHint')}</p>
              {remove.isError && (
                <p className="form-error" role="alert">
                  {errorText(remove.error)}
                </p>
              )}
              <div className="channel-card__actions">
                <button type="button" className="btn" onClick={() => setMode('view')}>
                  {t('channelsPage.cancel')}
                </button>
                <button
                  type="button"
                  className="btn btn--danger"
                  data-testid="channel-remove-confirm"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(String(c.id))}
                >
                  <IconTrash size={18} />
                  {t('channelsPage.remove')}
                </button>
              </div>
            </div>
          ) : (
            <div className="channel-card__actions">
              <button
                type="button"
                className="btn"
                data-testid="channel-edit"
                onClick={() => {
                  setName(c.name)
                  setCallbackUrl(callback)
                  setSecrets({})
                  update.reset()
                  setMode('edit')
                }}
              >
                <IconEdit size={18} />
                {t('channelsPage.edit')}
              </button>
              <button type="button" className="btn btn--ghost-danger" data-testid="channel-remove" onClick={() => setMode('remove')}>
                <IconTrash size={18} />
                {t('channelsPage.remove')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  )
}

type KnownKind = keyof typeof en.channels
const isKnownKind = (kind: string): kind is KnownKind => kind in en.channels

function kindLabel(t: TFunction, kind: string) {
  return isKnownKind(kind) ? t(`channels.${kind}`) : kind
}

/** Which fields a 422 named, by their last path segment ("body.phone_number_id" → phone_number_id). */
function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const e of err.problem?.errors ?? []) {
    const name = String(e.field).split('.').at(-1) ?? ''
    if (name && !out[name]) out[name] = e.message
  }
  return out
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
      {error ? (
        <span className="field__error" role="alert" data-testid="field-error">
          {error}
        </span>
      ) : (
        hint && <span className="settings__hint">{hint}</span>
      )}
    </label>
  )
}

function AddChannelForm({ wid, onCancel, onCreated }: { wid: string; onCancel: () => void; onCreated: (c: CreatedChannel) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const create = useCreateChannel(wid)
  const kinds = ADDABLE
  const [kind, setKind] = useState<Kind>('api')
  const [v, setV] = useState<Record<string, string>>({})
  const set = (key: string) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }))
  const val = (key: string) => (v[key] ?? '').trim()

  const errors = fieldErrors(create.error)
  const input = (key: string, testId: string, extra: Record<string, unknown> = {}) => (
    <input
      className="field__input"
      data-testid={testId}
      value={v[key] ?? ''}
      onChange={set(key)}
      autoComplete="off"
      aria-invalid={errors[key] ? true : undefined}
      {...extra}
    />
  )

  const body = (): NewChannel | null => {
    if (!val('name')) return null
    if (kind === 'telegram') return val('bot_token') ? { kind, name: val('name'), bot_token: val('bot_token') } : null
    if (kind === 'whatsapp') {
      const required = ['phone_number_id', 'waba_id', 'access_token', 'app_secret']
      if (!required.every(val)) return null
      return {
        kind,
        name: val('name'),
        phone_number_id: val('phone_number_id'),
        waba_id: val('waba_id'),
        access_token: val('access_token'),
        app_secret: val('app_secret'),
        ...(val('verify_token') ? { verify_token: val('verify_token') } : {}),
      }
    }
    return { kind: 'api', name: val('name'), callback_url: val('callback_url') || null }
  }
  const ready = body()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready || create.isPending) return
    create.mutate(ready, { onSuccess: onCreated })
  }

  return (
    <form className="settings__card channel-form" data-testid="channel-form" onSubmit={submit} noValidate>
      <h3 className="settings__section">{t('channelsPage.addTitle')}</h3>
      {kinds.length > 1 && (
        <div className="segmented" role="radiogroup" aria-label={t('channelsPage.kind')}>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              className={`segmented__item ${kind === k ? 'segmented__item--on' : ''}`}
              data-testid={`channel-kind-${k}`}
              onClick={() => {
                setKind(k)
                create.reset()
              }}
            >
              <ChannelIcon kind={k} size={22} />
              {kindLabel(t, k)}
            </button>
          ))}
        </div>
      )}
      <Field error={errors.name} label={t('channelsPage.name')}>{input('name', 'channel-name-input', { maxLength: 200, autoFocus: true, placeholder: t(`channelsPage.namePlaceholder.${kind}`) })}</Field>
      {kind === 'api' && (
        <Field error={errors.callback_url} label={t('channelsPage.callbackUrl')} hint={t('channelsPage.callbackHint')}>
          {input('callback_url', 'channel-callback-input', { type: 'url', inputMode: 'url', placeholder: 'https://example.com/omnibox' })}
        </Field>
      )}
      {kind === 'telegram' && (
        <Field error={errors.bot_token} label={t('channelsPage.botToken')} hint={t('channelsPage.botTokenHint')}>
          {input('bot_token', 'channel-token-input', { placeholder: '123456789:AA…', spellCheck: false })}
        </Field>
      )}
      {kind === 'whatsapp' && (
        <>
          <Field error={errors.phone_number_id} label={t('channelsPage.phoneNumberId')}>{input('phone_number_id', 'channel-phone-number-id', { inputMode: 'numeric' })}</Field>
          <Field error={errors.waba_id} label={t('channelsPage.wabaId')}>{input('waba_id', 'channel-waba-id', { inputMode: 'numeric' })}</Field>
          <Field error={errors.access_token} label={t('channelsPage.accessToken')}>{input('access_token', 'channel-access-token', { spellCheck: false })}</Field>
          <Field error={errors.app_secret} label={t('channelsPage.appSecret')}>{input('app_secret', 'channel-app-secret', { spellCheck: false })}</Field>
          <Field error={errors.verify_token} label={t('channelsPage.verifyToken')} hint={t('channelsPage.verifyTokenHint')}>
            {input('verify_token', 'channel-verify-token', { spellCheck: false })}
          </Field>
        </>
      )}
      {create.isError && (
        <p className="form-error" role="alert" data-testid="channel-form-error">
          {/* Field errors show under their fields; here the summary. */}
          {Object.keys(errors).length && create.error instanceof ApiError
            ? create.error.problem?.detail || t('common.error')
            : errorText(create.error)}
        </p>
      )}
      <div className="channel-card__actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('channelsPage.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid="channel-create" disabled={!ready || create.isPending}>
          {create.isPending ? t('channelsPage.creating') : t('channelsPage.create')}
        </button>
      </div>
    </form>
  )
}

/** Right after creating: what the other side needs, the secret shown this one time. */
function CreatedCard({ channel: c, onDone }: { channel: CreatedChannel; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="settings__card created-card" data-testid="channel-created" role="status">
      <h3 className="created-card__title">{t('channelsPage.createdTitle', { name: c.name })}</h3>
      <CopyField label={t('channelsPage.webhookUrl')} value={c.webhook_url} testId="channel-created-webhook" />
      {c.verify_token && <CopyField label={t('channelsPage.verifyToken')} value={c.verify_token} testId="channel-verify" />}
      {c.signing_secret && (
        <>
          <CopyField label={t('channelsPage.signingSecret')} value={c.signing_secret} testId="channel-secret" secret />
          <p className="created-card__warning" role="alert">
            <IconAlert size={18} />
            {t('channelsPage.secretOnce')}
          </p>
        </>
      )}
      <div className="channel-card__actions">
        <button type="button" className="btn btn--primary" data-testid="channel-secret-done" onClick={onDone}>
          {t('channelsPage.done')}
        </button>
      </div>
    </div>
  )
}

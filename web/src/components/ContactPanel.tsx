import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { keys } from '../api/keys'
import { useContact, useConversation, useCustomFields, usePreferences, useUpdateContact, useWorkspaces } from '../api/queries'
import { sameId, type ContactDetails, type CustomFieldDef } from '../api/types'
import { useContactForm } from '../hooks/useContactForm'
import { useErrorText } from '../hooks/useErrorText'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { focusFirstInvalid } from '../lib/focus'
import { paths } from '../lib/routes'
import { showToast } from '../lib/toast'
import '../styles/contacts.css'
import { Avatar } from './Avatar'
import { BlockContactDialog } from './BlockContactDialog'
import { CallDialog } from './CallDialog'
import { ChannelIcon } from './ChannelIcon'
import { ContactLanguageField, ContactTextField, CustomFieldList } from './ContactFormFields'
import { IconClose, IconSearch } from './Icons'
import { Link } from './Link'
import { IconBan, IconPhone } from './ManageIcons'
import { Spinner } from './Spinner'
import { ContactTagsCard } from './TagsEditor'

type Props = {
  wid: string
  /** The conversation the panel was opened from (its changes refresh the contact). */
  cid: string
  contactId: string
  onClose: () => void
  /** "Search in conversation": the pane swaps this panel for its search bar. */
  onSearch: () => void
}

/**
 * The contact of a conversation: who they are, their fields (the workspace's custom ones
 * too), channels, blocking, a call. A side panel on a desktop, a full-screen sheet on a phone.
 */
export function ContactPanel({ wid, cid, contactId, onClose, onSearch }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const desktop = useIsDesktop()
  const qc = useQueryClient()
  const contact = useContact(wid, contactId)
  const fields = useCustomFields(wid)
  const panel = useRef<HTMLElement>(null)
  const dirty = useRef(false)

  // Someone else may have changed the contact: load it fresh on opening, and whenever its
  // conversation changes (every contact edit touches the conversation, live for everyone).
  const conversationAt = useConversation(wid, cid).dataUpdatedAt
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: keys.contact(wid, contactId) })
  }, [qc, wid, contactId, conversationAt])

  // Focus starts on the panel; Esc closes it (unless a dialog above it is open: the dialog's).
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  useEffect(() => {
    panel.current?.focus({ preventScroll: true })
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      if (document.querySelector('[aria-modal="true"]:not(.contact-panel)')) return
      // Unsaved edits are not thrown away by a key press (the close button still closes).
      if (dirty.current) return
      closeRef.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  let body
  if (contact.isPending || fields.isPending) {
    body = (
      <div className="contact-panel__notice">
        <Spinner label={t('common.loading')} />
      </div>
    )
  } else if (!contact.data || fields.isError) {
    const error = contact.error ?? fields.error
    body = (
      <div className="contact-panel__notice">
        <p>{t('contacts.panel.loadError')}</p>
        <p className="muted">{errorText(error)}</p>
        <button type="button" className="btn" onClick={() => void Promise.all([contact.refetch(), fields.refetch()])}>
          {t('common.retry')}
        </button>
      </div>
    )
  } else {
    body = <ContactDetailsView wid={wid} contact={contact.data} defs={fields.data ?? []} onSearch={onSearch} dirtyRef={dirty} />
  }

  return (
    <aside
      ref={panel}
      className={`contact-panel ${desktop ? 'contact-panel--side' : 'contact-panel--sheet'}`}
      data-testid="contact-panel"
      role={desktop ? 'complementary' : 'dialog'}
      aria-modal={desktop ? undefined : true}
      aria-label={t('contacts.panel.title')}
      tabIndex={-1}
    >
      <header className="conv-header contact-panel__head">
        <h2 className="conv-header__name contact-panel__title">{t('contacts.panel.title')}</h2>
        <button type="button" className="icon-btn" data-testid="contact-panel-close" aria-label={t('contacts.panel.close')} title={t('contacts.panel.close')} onClick={onClose}>
          <IconClose size={22} />
        </button>
      </header>
      <div className="contact-panel__scroller">{body}</div>
    </aside>
  )
}

function useCanSeePhones(wid: string): { masks: boolean; manager: boolean } {
  const workspace = useWorkspaces(true).data?.find((w) => sameId(w.id, wid))
  const prefs = usePreferences(wid).data
  const manager = workspace?.role === 'owner' || workspace?.role === 'manager'
  return { masks: !manager && (prefs?.phone_masking ?? false), manager }
}

type DetailsProps = {
  wid: string
  contact: ContactDetails
  defs: readonly CustomFieldDef[]
  onSearch: () => void
  /** Whether there are unsaved edits (the panel's Esc leaves them alone). */
  dirtyRef: RefObject<boolean>
}

function ContactDetailsView({ wid, contact: c, defs, onSearch, dirtyRef }: DetailsProps) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const contactId = String(c.id)
  const save = useUpdateContact(wid, contactId)
  const form = useContactForm(c, defs)
  useEffect(() => {
    dirtyRef.current = form.dirty
  })
  const { masks, manager } = useCanSeePhones(wid)
  const [dialog, setDialog] = useState<'block' | 'call' | null>(null)
  // A number this user added while phones are hidden from them: say it was saved.
  const [hiddenPhoneSaved, setHiddenPhoneSaved] = useState(false)
  // Phones hidden from this user: no call; a number they add is saved but stays hidden.
  const phoneHidden = c.phone_masked || masks
  const name = c.name || c.phone || c.email || t('conversation.unknownContact')

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const el = e.currentTarget
    if (!form.attempt()) {
      focusFirstInvalid(el)
      return
    }
    if (save.isPending) return
    const addsHiddenPhone = phoneHidden && !!form.patch.phone
    save.mutate(form.patch, {
      onSuccess: () => {
        form.reset()
        setHiddenPhoneSaved(addsHiddenPhone)
        showToast(addsHiddenPhone ? t('contacts.panel.phoneSavedHidden') : t('contacts.panel.saved'))
      },
      onError: (err) => {
        form.refused(err)
        focusFirstInvalid(el)
      },
    })
  }

  const phoneNote = c.phone_masked
    ? hiddenPhoneSaved
      ? t('contacts.panel.phoneSavedHidden')
      : t('contacts.panel.phoneHidden')
    : masks
      ? t('contacts.panel.phoneAddHidden')
      : undefined

  return (
    <>
      <div className="contact-hero">
        <Avatar name={name} seed={contactId} />
        <div className="contact-hero__text">
          <span className="contact-hero__name" data-testid="contact-panel-name">
            {name}
          </span>
          {c.phone && (
            <span className="contact-hero__sub" data-testid="contact-panel-phone">
              {c.phone}
            </span>
          )}
          {c.blocked && (
            <span className="contact-hero__blocked" data-testid="contact-blocked">
              <IconBan size={14} /> {t('contacts.panel.blocked')}
            </span>
          )}
        </div>
      </div>

      <div className="contact-actions">
        {!phoneHidden &&
          (c.tel_uri ? (
            <a className="contact-action" href={c.tel_uri} data-testid="contact-call" aria-label={t('contacts.panel.callLabel', { phone: c.phone ?? '' })}>
              <span className="contact-action__icon contact-action__icon--call">
                <IconPhone size={20} />
              </span>
              <span className="contact-action__label">{t('contacts.panel.call')}</span>
            </a>
          ) : (
            <button type="button" className="contact-action" data-testid="contact-call" onClick={() => setDialog('call')}>
              <span className="contact-action__icon contact-action__icon--call">
                <IconPhone size={20} />
              </span>
              <span className="contact-action__label">{t('contacts.panel.call')}</span>
            </button>
          ))}
        <button type="button" className="contact-action" data-testid="contact-search" onClick={onSearch}>
          <span className="contact-action__icon">
            <IconSearch size={20} />
          </span>
          <span className="contact-action__label">{t('contacts.panel.search')}</span>
        </button>
        <button type="button" className="contact-action" data-testid="contact-block" onClick={() => setDialog('block')}>
          <span className={`contact-action__icon ${c.blocked ? '' : 'contact-action__icon--danger'}`}>
            <IconBan size={20} />
          </span>
          <span className="contact-action__label">{c.blocked ? t('contacts.panel.unblock') : t('contacts.panel.block')}</span>
        </button>
      </div>
      {c.blocked && <p className="contact-panel__blocked-hint">{t('contacts.panel.blockedHint')}</p>}

      <ContactTagsCard wid={wid} contact={c} />

      <form className="contact-form" onSubmit={submit} noValidate data-testid="contact-form">
        <section className="contact-card" aria-labelledby="contact-details-title">
          <h3 className="contact-card__title" id="contact-details-title">
            {t('contacts.panel.details')}
          </h3>
          <ContactTextField state={form} name="name" label={t('contacts.fields.name')} autoComplete="off" />
          <ContactTextField
            state={form}
            name="phone"
            label={t('contacts.fields.phone')}
            type="tel"
            placeholder={t('contacts.fields.phonePlaceholder')}
            readOnly={c.phone_masked}
            note={phoneNote}
          />
          <ContactTextField state={form} name="email" label={t('contacts.fields.email')} type="email" placeholder={t('contacts.fields.emailPlaceholder')} />
          <ContactLanguageField state={form} />
        </section>

        <section className="contact-card" aria-labelledby="contact-fields-title" data-testid="contact-custom-fields">
          <h3 className="contact-card__title" id="contact-fields-title">
            {t('contacts.panel.fields')}
          </h3>
          {defs.length ? (
            <CustomFieldList state={form} defs={defs} />
          ) : (
            <p className="contact-card__empty">
              {t('contacts.panel.noFields')}{' '}
              {manager && (
                <Link to={paths.settings(wid, 'fields')} className="contact-card__link">
                  {t('contacts.panel.manageFields')}
                </Link>
              )}
            </p>
          )}
        </section>

        {(form.dirty || save.isError) && (
          <div className="contact-savebar" data-testid="contact-savebar">
            <span
              className={`contact-savebar__status ${save.isError || form.invalid ? 'contact-savebar__status--error' : ''}`}
              role={save.isError ? 'alert' : 'status'}
              data-testid="contact-save-status"
            >
              {save.isError && form.generalError
                ? errorText(form.generalError)
                : save.isError || form.invalid
                  ? t('contacts.panel.fixErrors')
                  : t('contacts.panel.unsaved')}
            </span>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                form.reset()
                save.reset()
              }}
            >
              {t('contacts.panel.discard')}
            </button>
            <button type="submit" className="btn btn--primary" data-testid="contact-save" disabled={save.isPending || !form.dirty}>
              {save.isPending ? t('contacts.panel.saving') : t('contacts.panel.save')}
            </button>
          </div>
        )}
      </form>

      <section className="contact-card" aria-labelledby="contact-channels-title" data-testid="contact-channels">
        <h3 className="contact-card__title" id="contact-channels-title">
          {t('contacts.panel.channels')}
        </h3>
        {c.channels?.length ? (
          <ul className="contact-channels">
            {c.channels.map((ch) => (
              <li key={String(ch.id)} className="contact-channels__item" data-testid="contact-channel">
                <ChannelIcon kind={ch.kind} size={28} />
                <span className="contact-channels__name">{ch.name}</span>
                <span className="contact-channels__kind">{t(`channels.${ch.kind}` as 'channels.api', { defaultValue: ch.kind })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="contact-card__empty">{t('contacts.panel.noChannels')}</p>
        )}
      </section>

      {dialog === 'block' && <BlockContactDialog wid={wid} contact={c} blocked={c.blocked} onClose={() => setDialog(null)} />}
      {dialog === 'call' && <CallDialog wid={wid} contact={c} onClose={() => setDialog(null)} />}
    </>
  )
}

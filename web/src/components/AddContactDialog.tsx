import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCreateContact, useCustomFields } from '../api/queries'
import type { ContactCreate, ContactDetails } from '../api/types'
import { EMPTY_CONTACT, useContactForm } from '../hooks/useContactForm'
import { useErrorText } from '../hooks/useErrorText'
import { focusFirstInvalid } from '../lib/focus'
import { paths } from '../lib/routes'
import { navigate } from '../lib/router'
import '../styles/contacts.css'
import { ContactTextField, CustomFieldList } from './ContactFormFields'
import { IconCheck, IconUserPlus } from './Icons'
import { Sheet } from './Sheet'
import { Spinner } from './Spinner'

/** The inbox's "New contact" button (a floating one, in reach of a thumb on a phone). */
export function NewContactButton({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="new-contact-fab"
        data-testid="new-contact"
        aria-label={t('contacts.add.button')}
        title={t('contacts.add.button')}
        onClick={() => setOpen(true)}
      >
        <IconUserPlus size={24} />
      </button>
      {open && <AddContactDialog wid={wid} onClose={() => setOpen(false)} />}
    </>
  )
}

type Props = { wid: string; onClose: () => void }

/** A new contact by hand: name, phone, e-mail and the workspace's fields. */
export function AddContactDialog({ wid, onClose }: Props) {
  const { t } = useTranslation()
  const fields = useCustomFields(wid)
  const [created, setCreated] = useState<ContactDetails | null>(null)
  // A fresh form after "Add another".
  const [round, setRound] = useState(0)

  if (created) {
    const name = created.name
    const cid = created.conversation_id != null ? String(created.conversation_id) : null
    return (
      <Sheet
        title={t('contacts.add.createdTitle')}
        onClose={onClose}
        testId="new-contact-dialog"
        footer={
          <>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setCreated(null)
                setRound((r) => r + 1)
              }}
            >
              {t('contacts.add.another')}
            </button>
            <button type="button" className="btn" onClick={onClose} data-testid="new-contact-done">
              {t('contacts.add.done')}
            </button>
            {cid && (
              <button
                type="button"
                className="btn btn--primary"
                data-testid="new-contact-open"
                data-autofocus
                onClick={() => {
                  onClose()
                  navigate(paths.conversation(wid, cid, 'closed'), { state: { fromList: true } })
                }}
              >
                {t('contacts.add.open')}
              </button>
            )}
          </>
        }
      >
        <p className="new-contact__done" data-testid="new-contact-created">
          <span className="new-contact__done-icon">
            <IconCheck size={20} />
          </span>
          <span>{t('contacts.add.created', { name })}</span>
        </p>
      </Sheet>
    )
  }

  return (
    <Sheet
      title={t('contacts.add.title')}
      onClose={onClose}
      testId="new-contact-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('contacts.add.cancel')}
          </button>
          <button type="submit" form="new-contact-form" className="btn btn--primary" data-testid="new-contact-save" disabled={fields.isPending}>
            {t('contacts.add.create')}
          </button>
        </>
      }
    >
      {fields.isPending ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <NewContactForm key={round} wid={wid} onCreated={setCreated} />
      )}
    </Sheet>
  )
}

function NewContactForm({ wid, onCreated }: { wid: string; onCreated: (c: ContactDetails) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const defs = useCustomFields(wid).data ?? []
  const create = useCreateContact(wid)
  const form = useContactForm(EMPTY_CONTACT, defs)

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const el = e.currentTarget
    if (!form.attempt()) {
      focusFirstInvalid(el)
      return
    }
    if (create.isPending) return
    const { custom_fields, ...basics } = form.patch
    const body: ContactCreate = {
      ...basics,
      name: form.form.name.trim(),
      ...(custom_fields ? { custom_fields } : {}),
    }
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (err) => {
        form.refused(err)
        focusFirstInvalid(el)
      },
    })
  }

  return (
    <form id="new-contact-form" className="new-contact" onSubmit={submit} noValidate>
      <p className="new-contact__hint">{t('contacts.add.hint')}</p>
      <ContactTextField state={form} name="name" label={t('contacts.fields.name')} autoFocus />
      <ContactTextField state={form} name="phone" label={t('contacts.fields.phone')} type="tel" placeholder={t('contacts.fields.phonePlaceholder')} />
      <ContactTextField state={form} name="email" label={t('contacts.fields.email')} type="email" placeholder={t('contacts.fields.emailPlaceholder')} />
      {defs.length > 0 && <CustomFieldList state={form} defs={defs} />}
      {create.isPending && <Spinner label={t('contacts.add.creating')} />}
      {create.isError && form.generalError != null && (
        <p className="form-error" role="alert" data-testid="new-contact-error">
          {errorText(form.generalError)}
        </p>
      )}
    </form>
  )
}

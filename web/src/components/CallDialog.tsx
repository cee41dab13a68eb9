import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { useUpdateContact } from '../api/queries'
import type { ContactDetails } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { isValidPhone } from '../lib/contactForm'
import { fieldErrorsFromProblem } from '../lib/customFields'
import '../styles/contacts.css'
import { IconPhone } from './ManageIcons'
import { Sheet } from './Sheet'

type Props = { wid: string; contact: ContactDetails; onClose: () => void }

/**
 * "Call" for a contact with no number: ask for one, save it to the contact, then offer the
 * dialler (a tel: link; browsers open the phone app only from a tap).
 */
export function CallDialog({ wid, contact, onClose }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const save = useUpdateContact(wid, String(contact.id))
  const [phone, setPhone] = useState('')
  const [tried, setTried] = useState(false)
  const name = contact.name || contact.email || t('conversation.unknownContact')
  const saved = save.data
  const invalid = !isValidPhone(phone)
  const serverError = save.error instanceof ApiError ? fieldErrorsFromProblem(save.error.problem).phone : undefined
  const error = serverError ?? (tried && invalid ? t('contacts.invalid.phone') : null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (invalid || save.isPending) return
    save.mutate({ phone: phone.trim() })
  }

  if (saved) {
    return (
      <Sheet title={t('contacts.callDialog.title', { name })} onClose={onClose} testId="call-dialog">
        {saved.tel_uri ? (
          <>
            <p className="call-dialog__text">{t('contacts.callDialog.ready')}</p>
            <a className="btn btn--primary btn--block" href={saved.tel_uri} data-testid="call-dialog-call" onClick={onClose} data-autofocus>
              <IconPhone size={18} /> {saved.phone}
            </a>
          </>
        ) : (
          // Phones became hidden for this user meanwhile: the number is saved, not shown.
          <p className="call-dialog__text">{t('contacts.panel.phoneSavedHidden')}</p>
        )}
      </Sheet>
    )
  }

  return (
    <Sheet
      title={t('contacts.callDialog.title', { name })}
      onClose={onClose}
      testId="call-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('contacts.add.cancel')}
          </button>
          <button type="submit" form="call-dialog-form" className="btn btn--primary" data-testid="call-dialog-save" disabled={save.isPending}>
            {save.isPending ? t('contacts.callDialog.saving') : t('contacts.callDialog.save')}
          </button>
        </>
      }
    >
      <form id="call-dialog-form" className="call-dialog" onSubmit={submit} noValidate>
        <p className="call-dialog__text">{t('contacts.callDialog.noNumber')}</p>
        <label className="field">
          <span className="field__label">{t('contacts.fields.phone')}</span>
          <input
            className="field__input"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            data-testid="call-dialog-phone"
            data-autofocus
            placeholder={t('contacts.fields.phonePlaceholder')}
            value={phone}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setPhone(e.target.value)
              save.reset()
            }}
          />
          {error && (
            <span className="field__error" data-testid="call-dialog-error">
              {error}
            </span>
          )}
        </label>
        {save.isError && !serverError && <p className="form-error">{errorText(save.error)}</p>}
      </form>
    </Sheet>
  )
}

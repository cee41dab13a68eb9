import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomFieldDef } from '../api/types'
import { customName, type ContactFormState } from '../hooks/useContactForm'
import type { ContactBasics } from '../lib/contactForm'
import { languageName, TRANSCRIBE_LANGUAGES } from '../lib/voice'
import { CustomFieldInput } from './CustomFieldInput'

type TextProps = {
  state: ContactFormState
  name: Exclude<keyof ContactBasics, 'language'>
  label: string
  type?: 'text' | 'tel' | 'email'
  placeholder?: string
  autoComplete?: string
  readOnly?: boolean
  /** A note under the field (phone masking). */
  note?: ReactNode
  autoFocus?: boolean
}

/** One of the contact's own fields, with its error or note under it. */
export function ContactTextField({ state, name, label, type = 'text', placeholder, autoComplete, readOnly, note, autoFocus }: TextProps) {
  const id = useId()
  const error = state.errorFor(name)
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        data-testid={`contact-${name}`}
        type={type}
        inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : undefined}
        value={state.form[name]}
        placeholder={placeholder}
        autoComplete={autoComplete ?? 'off'}
        readOnly={readOnly}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || note ? `${id}-note` : undefined}
        onChange={(e) => state.setBasic(name, e.target.value)}
        onBlur={() => state.touch(name)}
      />
      {error ? (
        <span className="field__error" id={`${id}-note`} data-testid={`contact-${name}-error`}>
          {error}
        </span>
      ) : note ? (
        <span className="contact-note" id={`${id}-note`} data-testid={`contact-${name}-note`}>
          {note}
        </span>
      ) : null}
    </div>
  )
}

export function ContactLanguageField({ state }: { state: ContactFormState }) {
  const { t } = useTranslation()
  const id = useId()
  const value = state.form.language
  const codes: string[] = [...TRANSCRIBE_LANGUAGES]
  if (value && !codes.includes(value)) codes.push(value)
  const error = state.errorFor('language')
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('contacts.fields.language')}
      </label>
      <select
        id={id}
        className="select field__input"
        data-testid="contact-language"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => state.setBasic('language', e.target.value)}
      >
        <option value="">{t('contacts.fields.languageNone')}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
      {error && <span className="field__error">{error}</span>}
    </div>
  )
}

/** The workspace's custom fields, each as its kind is typed. */
export function CustomFieldList({ state, defs }: { state: ContactFormState; defs: readonly CustomFieldDef[] }) {
  return (
    <>
      {defs.map((def) => (
        <CustomFieldInput
          key={def.key}
          def={def}
          value={state.inputs[def.key] ?? ''}
          error={state.errorFor(customName(def.key))}
          onChange={(v) => state.setField(def.key, v)}
          onBlur={() => state.touch(customName(def.key))}
        />
      ))}
    </>
  )
}

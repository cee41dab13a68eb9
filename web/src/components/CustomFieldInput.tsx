import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomFieldDef } from '../api/types'
import type { FieldInput, FieldIssue } from '../lib/customFields'

type Props = {
  def: CustomFieldDef
  value: FieldInput
  onChange: (value: FieldInput) => void
  onBlur?: () => void
  /** What is wrong: the client's check, or the server's message. */
  error?: string | null
  disabled?: boolean
}

/** The text for a client-side issue with a field's value. */
export function useFieldIssueText() {
  const { t } = useTranslation()
  return (issue: FieldIssue): string => {
    switch (issue.code) {
      case 'number':
        return t('contacts.invalid.number')
      case 'date':
        return t('contacts.invalid.date')
      case 'option':
        return t('contacts.invalid.option', { options: issue.options.join(', ') })
      case 'tooLong':
        return t('contacts.invalid.tooLong', { max: issue.max })
    }
  }
}

/** One custom contact field, as its kind wants to be typed: text, number, date, list, checkbox. */
export function CustomFieldInput({ def, value, onChange, onBlur, error, disabled }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = `${id}-error`
  const testId = `cf-${def.key}`
  const described = error ? errorId : undefined
  const text = typeof value === 'string' ? value : ''

  if (def.kind === 'checkbox') {
    return (
      <div className="field cf-field cf-field--checkbox" data-kind={def.kind}>
        <label className="cf-check">
          <input
            type="checkbox"
            className="cf-check__box"
            data-testid={testId}
            checked={value === true}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.checked)}
            onBlur={onBlur}
          />
          <span className="cf-check__label">{def.label}</span>
        </label>
        {error && (
          <span className="field__error" id={errorId} data-testid={`${testId}-error`}>
            {error}
          </span>
        )}
      </div>
    )
  }

  let control
  if (def.kind === 'list') {
    // A value the options no longer have still shows (and can be changed).
    const options = text && !def.options.includes(text) ? [...def.options, text] : def.options
    control = (
      <select
        id={id}
        className="select field__input cf-field__select"
        data-testid={testId}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        <option value="">{t('contacts.fields.listNone')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    )
  } else {
    control = (
      <input
        id={id}
        className="field__input"
        data-testid={testId}
        // Numbers as text: a decimal comma ("2,5") and spaces ("1 500") are fine to type.
        type={def.kind === 'date' ? 'date' : 'text'}
        inputMode={def.kind === 'number' ? 'decimal' : undefined}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    )
  }
  return (
    <div className="field cf-field" data-kind={def.kind}>
      <label className="field__label" htmlFor={id}>
        {def.label}
      </label>
      {control}
      {error && (
        <span className="field__error" id={errorId} data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  )
}

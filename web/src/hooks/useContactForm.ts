import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import type { ContactPatch, CustomFieldDef } from '../api/types'
import { basicsFrom, basicsPatch, contactIssues, type ContactBasics } from '../lib/contactForm'
import { customFieldChanges, fieldErrorsFromProblem, inputFromValue, type FieldInput } from '../lib/customFields'
import { useFieldIssueText } from '../components/CustomFieldInput'

/** What the form starts from: a stored contact, or an empty one for a new contact. */
export type SavedContact = {
  name: string
  phone: string | null
  email: string | null
  language: string | null
  custom_fields: Record<string, unknown>
}

export const EMPTY_CONTACT: SavedContact = { name: '', phone: null, email: null, language: null, custom_fields: {} }

/** Form names of custom fields, as the server names them in its errors. */
export const customName = (key: string) => `custom_fields.${key}`

/**
 * A contact's edit form over what is stored: typed values, the client's checks (shown once a
 * field was left or a save tried), the server's refusals by field, and the PATCH of what changed.
 */
export function useContactForm(saved: SavedContact, defs: readonly CustomFieldDef[]) {
  const { t } = useTranslation()
  const issueText = useFieldIssueText()
  const [basics, setBasics] = useState<Partial<ContactBasics>>({})
  const [fields, setFields] = useState<Record<string, FieldInput>>({})
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [tried, setTried] = useState(false)
  const [server, setServer] = useState<Record<string, string>>({})
  const [serverGeneral, setServerGeneral] = useState<unknown>(null)

  const form: ContactBasics = { ...basicsFrom(saved), ...basics }
  const inputs: Record<string, FieldInput> = {}
  for (const d of defs) inputs[d.key] = d.key in fields ? fields[d.key]! : inputFromValue(d, saved.custom_fields[d.key])
  const basicIssues = contactIssues(form)
  const custom = customFieldChanges(defs, saved.custom_fields, inputs)
  const patch: ContactPatch = { ...basicsPatch(saved, form) }
  if (Object.keys(custom.changes).length) patch.custom_fields = custom.changes
  const dirty = Object.keys(patch).length > 0
  const invalid = Object.keys(basicIssues).length > 0 || Object.keys(custom.issues).length > 0

  const shows = (name: string) => tried || touched.has(name)
  const clientError = (name: string): string | null => {
    if (name.startsWith('custom_fields.')) {
      const issue = custom.issues[name.slice('custom_fields.'.length)]
      return issue ? issueText(issue) : null
    }
    const issue = basicIssues[name as keyof ContactBasics]
    return issue ? t(`contacts.invalid.${issue}`) : null
  }
  const forget = (name: string) => {
    if (name in server) setServer(({ [name]: _, ...rest }) => rest)
    setServerGeneral(null)
  }

  return {
    form,
    inputs,
    patch,
    dirty,
    invalid,
    /** The message to show next to a field: the server's, else the client's once it counts. */
    errorFor: (name: string) => server[name] ?? (shows(name) ? clientError(name) : null),
    /** A refusal the server gave without naming a field the form shows. */
    generalError: serverGeneral,
    setBasic: (name: keyof ContactBasics, value: string) => {
      setBasics((b) => ({ ...b, [name]: value }))
      forget(name)
    },
    setField: (key: string, value: FieldInput) => {
      setFields((f) => ({ ...f, [key]: value }))
      forget(customName(key))
    },
    touch: (name: string) => setTouched((s) => (s.has(name) ? s : new Set(s).add(name))),
    /** A save was tried: every check shows. Whether it may go to the server. */
    attempt: () => {
      setTried(true)
      return dirty && !invalid
    },
    /** Show the server's refusal next to its fields (or above the form). */
    refused: (err: unknown) => {
      const byField = err instanceof ApiError ? fieldErrorsFromProblem(err.problem) : {}
      const known = new Set(['name', 'phone', 'email', 'language', ...defs.map((d) => customName(d.key))])
      const mine = Object.fromEntries(Object.entries(byField).filter(([name]) => known.has(name)))
      setServer(mine)
      setServerGeneral(Object.keys(mine).length ? null : err)
    },
    reset: () => {
      setBasics({})
      setFields({})
      setTouched(new Set())
      setTried(false)
      setServer({})
      setServerGeneral(null)
    },
  }
}

export type ContactFormState = ReturnType<typeof useContactForm>

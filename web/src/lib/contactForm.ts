// A contact's own fields on the client: the same checks as the server's (contacts/schemas.py),
// and the PATCH of what changed. Pure.

const PHONE = /^\+?[\d\s().-]+$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

export const MAX_NAME_LENGTH = 300

/** A phone number a contact can be called on: digits (5–20), optionally +, spaces, dashes, brackets. */
export function isValidPhone(value: string): boolean {
  const v = value.trim()
  const digits = v.replace(/\D/g, '').length
  return PHONE.test(v) && digits >= 5 && digits <= 20
}

export function isValidEmail(value: string): boolean {
  return EMAIL.test(value.trim())
}

/** A masked number the server sent (`+7 *** *** ** 67`): not a number anyone typed. */
export const isMaskedPhone = (value: string | null | undefined) => !!value && value.includes('*')

export type ContactBasics = { name: string; phone: string; email: string; language: string }
export type ContactIssue = 'nameRequired' | 'nameTooLong' | 'phone' | 'email'

/** What is wrong with the typed basics, by field. A masked phone left as it was is fine. */
export function contactIssues(form: ContactBasics): Partial<Record<keyof ContactBasics, ContactIssue>> {
  const issues: Partial<Record<keyof ContactBasics, ContactIssue>> = {}
  const name = form.name.trim()
  if (!name) issues.name = 'nameRequired'
  else if (name.length > MAX_NAME_LENGTH) issues.name = 'nameTooLong'
  if (form.phone.trim() && !isMaskedPhone(form.phone) && !isValidPhone(form.phone)) issues.phone = 'phone'
  if (form.email.trim() && !isValidEmail(form.email)) issues.email = 'email'
  return issues
}

type Saved = { name: string; phone: string | null; email: string | null; language: string | null }

/** The basics as a form holds them (empty strings for missing values). */
export const basicsFrom = (c: Saved): ContactBasics => ({
  name: c.name,
  phone: c.phone ?? '',
  email: c.email ?? '',
  language: c.language ?? '',
})

/** Only what changed; a cleared field is sent as null. A masked phone is never sent back. */
export function basicsPatch(saved: Saved, form: ContactBasics): Partial<Record<keyof ContactBasics, string | null>> {
  const patch: Partial<Record<keyof ContactBasics, string | null>> = {}
  const norm = (v: string) => v.trim() || null
  if (form.name.trim() !== saved.name) patch.name = form.name.trim()
  if (norm(form.phone) !== (saved.phone ?? null) && !isMaskedPhone(form.phone)) patch.phone = norm(form.phone)
  if (norm(form.email) !== (saved.email ?? null)) patch.email = norm(form.email)
  if (norm(form.language) !== (saved.language ?? null)) patch.language = norm(form.language)
  return patch
}

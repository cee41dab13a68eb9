// Custom contact fields on the client: what a form holds for each kind, checking it the way
// the server does (customfields/service.py: check_value), and the change to send. Pure.
import type { CustomFieldDef, CustomFieldKind } from '../api/types'

export const FIELD_KINDS: readonly CustomFieldKind[] = ['text', 'number', 'date', 'list', 'checkbox']

/** A text value's limit on the server. */
export const MAX_TEXT_LENGTH = 2000
/** A field's key: what the API and variables call it (`{{contact.custom.city}}`). */
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/
export const MAX_LABEL_LENGTH = 100
export const MAX_OPTIONS = 200

/** What a form holds for a field: text (text, number, date, list), or a checkbox's state. */
export type FieldInput = string | boolean

/** Why a typed value can't be stored; the component says it in the user's language. */
export type FieldIssue =
  | { code: 'number' }
  | { code: 'date' }
  | { code: 'option'; options: readonly string[] }
  | { code: 'tooLong'; max: number }

type Parsed = { ok: true; value: unknown } | { ok: false; issue: FieldIssue }

type FieldShape = Pick<CustomFieldDef, 'kind' | 'options'>

/** The form's starting value for a stored one (a missing value is empty / unchecked). */
export function inputFromValue(def: FieldShape, value: unknown): FieldInput {
  if (def.kind === 'checkbox') return value === true
  if (value == null) return ''
  return typeof value === 'string' ? value : String(value)
}

/** Numbers as people type them: "1 500", "-3", "2,5" (a decimal comma) or "2.5". */
const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** The value to send for what was typed; `null` (nothing typed) removes the value. */
export function parseFieldInput(def: FieldShape, input: FieldInput): Parsed {
  if (def.kind === 'checkbox') return { ok: true, value: input === true }
  const text = typeof input === 'string' ? input : ''
  const trimmed = text.trim()
  if (!trimmed) return { ok: true, value: null }
  switch (def.kind) {
    case 'number': {
      const compact = trimmed.replace(/[\s\u00a0\u202f]/g, '')
      if (!NUMBER.test(compact)) return { ok: false, issue: { code: 'number' } }
      const value = Number(compact.replace(',', '.'))
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, issue: { code: 'number' } }
    }
    case 'date':
      return isValidDate(trimmed) ? { ok: true, value: trimmed } : { ok: false, issue: { code: 'date' } }
    case 'list':
      return def.options.includes(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, issue: { code: 'option', options: def.options } }
    default:
      // Text is kept as typed (spaces inside matter); only a blank one counts as empty.
      return text.length > MAX_TEXT_LENGTH
        ? { ok: false, issue: { code: 'tooLong', max: MAX_TEXT_LENGTH } }
        : { ok: true, value: text }
  }
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null)

/**
 * The `custom_fields` of a PATCH: only the fields whose value changed (null removes one), and
 * what is wrong with the others. An unchecked box that was never set stays unset.
 */
export function customFieldChanges(
  defs: readonly CustomFieldDef[],
  stored: Readonly<Record<string, unknown>>,
  inputs: Readonly<Record<string, FieldInput>>,
): { changes: Record<string, unknown>; issues: Record<string, FieldIssue> } {
  const changes: Record<string, unknown> = {}
  const issues: Record<string, FieldIssue> = {}
  for (const def of defs) {
    if (!(def.key in inputs)) continue
    const input = inputs[def.key]!
    const before = stored[def.key]
    // Untouched: nothing to send, and nothing to check (a list value whose option was removed
    // since must not block saving the other fields).
    if (input === inputFromValue(def, before)) continue
    const parsed = parseFieldInput(def, input)
    if (!parsed.ok) {
      issues[def.key] = parsed.issue
      continue
    }
    if (def.kind === 'checkbox' && parsed.value === false && before == null) continue
    if (!same(parsed.value, before)) changes[def.key] = parsed.value
  }
  return { changes, issues }
}

/** The field errors of a problem (422), by field: `name`, `phone`, `custom_fields.city`, … */
export function fieldErrorsFromProblem(
  problem: { errors?: readonly { field: string; message: string }[] | null } | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of problem?.errors ?? []) {
    // Pydantic's errors name the place in the request ("body.phone") and say "Value error, …".
    const field = e.field.replace(/^body\./, '')
    const message = e.message.replace(/^Value error, /, '')
    if (field && !(field in out)) out[field] = message.charAt(0).toUpperCase() + message.slice(1)
  }
  return out
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', қ: 'q', ғ: 'g', ң: 'n', ө: 'o', ү: 'u', ұ: 'u', һ: 'h', ә: 'a',
}

/** A key made from a label ("Город доставки" → "gorod_dostavki"), valid for FIELD_KEY_PATTERN. */
export function suggestFieldKey(label: string): string {
  const latin = Array.from(label.toLowerCase())
    .map((ch) => CYRILLIC[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  let key = latin.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')
  if (key && !/^[a-z]/.test(key)) key = `f_${key}`
  return key.slice(0, 64).replace(/_+$/, '')
}

/** A list field's options from the editor's lines: trimmed, blank lines dropped. */
export function cleanOptions(lines: readonly string[]): string[] {
  return lines.map((o) => o.trim()).filter(Boolean)
}

/** The options given more than once (case as typed). */
export function duplicateOptions(options: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const o of options) (seen.has(o) ? dup : seen).add(o)
  return [...dup]
}

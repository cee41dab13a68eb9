// The custom inbox editor's form, and the saved filter the server stores (InboxFilters).
// Pure: the form keeps what the inputs show (strings, sets); these turn it into the API's shape
// and back. An empty choice means "any" and leaves the condition out.
import type { CustomFieldKind, CustomInbox, CustomInboxInput, InboxFilters } from '../api/types'

export type InboxStatus = 'open' | 'snoozed' | 'closed'
export const INBOX_STATUSES: readonly InboxStatus[] = ['open', 'snoozed', 'closed']
/** Assignee choices besides users: whoever looks at the inbox, and nobody. */
export const ASSIGNEE_ME = 'me'
export const ASSIGNEE_NONE = 'none'
export type Answered = 'any' | 'unanswered' | 'answered'

export type InboxForm = {
  name: string
  shared: boolean
  statuses: ReadonlySet<InboxStatus>
  /** User ids, ASSIGNEE_ME and/or ASSIGNEE_NONE. */
  assignees: ReadonlySet<string>
  teamIds: ReadonlySet<string>
  channelIds: ReadonlySet<string>
  /** Contact field key → the input's text ('' = any; checkboxes: 'yes' / 'no'). */
  fields: Readonly<Record<string, string>>
  /** The contact has any of these tags. */
  tags: readonly string[]
  answered: Answered
  /** Local calendar days, YYYY-MM-DD ('' = no bound); both days included. */
  activeFrom: string
  activeUntil: string
}

export type FieldDef = { key: string; kind: CustomFieldKind }

export const emptyInboxForm = (): InboxForm => ({
  name: '',
  shared: false,
  statuses: new Set(),
  assignees: new Set(),
  teamIds: new Set(),
  channelIds: new Set(),
  fields: {},
  tags: [],
  answered: 'any',
  activeFrom: '',
  activeUntil: '',
})

const pad = (n: number) => String(n).padStart(2, '0')
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** Local midnight at the start of YYYY-MM-DD (+ `plusDays`), as an ISO instant; null if invalid. */
export function dayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

/** The local day of an instant (minus `minusDays`): the inverse of dayStart. */
export function dayOf(iso: string | null | undefined, minusDays = 0): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  d.setDate(d.getDate() - minusDays)
  return localDay(d)
}

/** A field's input text as the value stored on contacts; undefined when it says "any" or is not valid. */
export function fieldValue(kind: CustomFieldKind, text: string): string | number | boolean | undefined {
  const v = text.trim()
  if (!v) return undefined
  switch (kind) {
    case 'number': {
      const n = Number(v.replace(',', '.'))
      return Number.isFinite(n) ? n : undefined
    }
    case 'checkbox':
      return v === 'yes' ? true : v === 'no' ? false : undefined
    default:
      return v
  }
}

function fieldText(value: unknown): string {
  if (value === true) return 'yes'
  if (value === false) return 'no'
  return value == null ? '' : String(value)
}

const list = <T>(set: ReadonlySet<T>): T[] | null => (set.size ? [...set] : null)

/** The form as the API's body. `fields` says each contact field's kind (unknown keys are dropped). */
export function toInboxInput(form: InboxForm, fields: readonly FieldDef[]): CustomInboxInput {
  const contactFields: Record<string, string | number | boolean> = {}
  for (const def of fields) {
    const value = fieldValue(def.kind, form.fields[def.key] ?? '')
    if (value !== undefined) contactFields[def.key] = value
  }
  const filters: InboxFilters = {
    statuses: list(form.statuses),
    assignees: list(form.assignees),
    team_ids: list(form.teamIds),
    channel_ids: list(form.channelIds),
    contact_fields: Object.keys(contactFields).length ? contactFields : null,
    tags: form.tags.length ? [...form.tags] : null,
    unanswered: form.answered === 'any' ? null : form.answered === 'unanswered',
    last_activity_after: form.activeFrom ? dayStart(form.activeFrom) : null,
    // The last day is included: up to the next day's midnight.
    last_activity_before: form.activeUntil ? dayStart(form.activeUntil, 1) : null,
  }
  return { name: form.name.trim(), shared: form.shared, filters }
}

/** A saved inbox as the form shows it. */
export function toInboxForm(inbox: Pick<CustomInbox, 'name' | 'shared' | 'filters'>): InboxForm {
  const f = inbox.filters
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(f.contact_fields ?? {})) fields[key] = fieldText(value)
  return {
    name: inbox.name,
    shared: inbox.shared,
    statuses: new Set(f.statuses ?? []),
    assignees: new Set((f.assignees ?? []).map(String)),
    teamIds: new Set(f.team_ids ?? []),
    channelIds: new Set(f.channel_ids ?? []),
    fields,
    tags: f.tags ?? [],
    answered: f.unanswered == null ? 'any' : f.unanswered ? 'unanswered' : 'answered',
    activeFrom: dayOf(f.last_activity_after),
    activeUntil: dayOf(f.last_activity_before, 1),
  }
}

/** A copy of `set` with `item` in it or not. */
export function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set)
  if (on) next.add(item)
  else next.delete(item)
  return next
}

// What the inbox list shows: mailbox, tab, sort, search and the unanswered filter.
// The URL says the tab, and the mailbox and sort when it names them; the rest (and the last
// mailbox and sort picked, for URLs that don't name them) is remembered per workspace here.
import type { Mailbox, SortOrder, StatusFilter } from '../api/types'
import type { ListView } from './routes'
import { readStorage, STORAGE_KEYS, writeStorage } from './storage'

/** Everything the server's list endpoint filters by: one cached list per distinct value. */
export type ListParams = {
  mailbox: string
  status: StatusFilter
  sort: SortOrder
  /** Search words (name, phone, e-mail), trimmed; '' for none. */
  q: string
  unanswered: boolean
}

export const DEFAULT_MAILBOX = 'all'
export const DEFAULT_SORT: SortOrder = 'newest'

/** Choices of one workspace that outlive a URL without them (opening a conversation). */
export type Remembered = {
  mailbox: string | null
  sort: SortOrder | null
  q: string
  unanswered: boolean
}

/** The list's parameters: the URL first, then what was last picked here, then the defaults. */
export function resolveListParams(url: Required<ListView>, remembered: Remembered): ListParams {
  return {
    mailbox: url.mailbox ?? remembered.mailbox ?? DEFAULT_MAILBOX,
    status: url.status,
    sort: url.sort ?? remembered.sort ?? DEFAULT_SORT,
    q: remembered.q.trim(),
    unanswered: remembered.unanswered,
  }
}

/** The i18n key (under `inboxList.sort`) of a sort, which for "longest" depends on the tab. */
export type SortLabelKey =
  | 'newest'
  | 'oldest'
  | `${'longest' | 'shortest'}.${StatusFilter}`

export function sortLabelKey(sort: SortOrder, status: StatusFilter): SortLabelKey {
  return sort === 'newest' || sort === 'oldest' ? sort : `${sort}.${status}`
}

/** The mailbox menu's sections, in the order they show. */
export type MailboxGroups = {
  standard: Mailbox[]
  teams: Mailbox[]
  customMine: Mailbox[]
  customOthers: Mailbox[]
  blocked: Mailbox | null
}

/**
 * Split the server's mailboxes into the menu's sections. Blocked contacts show only when the
 * server lists the mailbox and there are blocked contacts (or it is the one open now).
 */
export function groupMailboxes(
  mailboxes: readonly Mailbox[],
  options: { hasBlockedContacts: boolean; current: string },
): MailboxGroups {
  const groups: MailboxGroups = { standard: [], teams: [], customMine: [], customOthers: [], blocked: null }
  for (const box of mailboxes) {
    if (box.kind === 'team') groups.teams.push(box)
    else if (box.kind === 'custom') (box.created_by_me === false ? groups.customOthers : groups.customMine).push(box)
    else if (box.kind === 'blocked') {
      if (options.hasBlockedContacts || box.id === options.current) groups.blocked = box
    } else groups.standard.push(box)
  }
  return groups
}

/** A tab's count from a mailbox's counts (All: every state). */
export function tabCount(box: Pick<Mailbox, 'counts'>, status: StatusFilter): number {
  const { open, closed, snoozed } = box.counts
  return status === 'all' ? open + closed + snoozed : box.counts[status]
}

/** Short enough for a tab or a menu row: 999, 1.2k, 12k (the caller adds the "k"). */
export function compactCount(n: number, language: string): { value: string; thousands: boolean } {
  if (n < 1000) return { value: String(n), thousands: false }
  const k = n / 1000
  const value = new Intl.NumberFormat(language, { maximumFractionDigits: k < 10 ? 1 : 0 }).format(
    k < 10 ? Math.floor(k * 10) / 10 : Math.floor(k),
  )
  return { value, thousands: true }
}

// --- the per-workspace store ---------------------------------------------------------------

const mailboxKey = (wid: string) => `${STORAGE_KEYS.mailbox}.${wid}`

type Listener = () => void

/** Remembered choices per workspace; the mailbox also survives a reload (localStorage). */
class InboxViewStore {
  private views = new Map<string, Remembered>()
  private listeners = new Set<Listener>()

  get(wid: string): Remembered {
    let view = this.views.get(wid)
    if (!view) {
      view = { mailbox: readStorage(mailboxKey(wid)), sort: null, q: '', unanswered: false }
      this.views.set(wid, view)
    }
    return view
  }

  update(wid: string, patch: Partial<Remembered>) {
    const current = this.get(wid)
    const next = { ...current, ...patch }
    if (
      next.mailbox === current.mailbox &&
      next.sort === current.sort &&
      next.q === current.q &&
      next.unanswered === current.unanswered
    ) {
      return
    }
    this.views.set(wid, next)
    if (next.mailbox !== current.mailbox) writeStorage(mailboxKey(wid), next.mailbox)
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Tests only. */
  reset() {
    this.views.clear()
  }
}

export const inboxViewStore = new InboxViewStore()

/** Two lists that differ at most in their search words (the same mailbox, tab, sort, filter). */
export function sameListExceptSearch(a: ListParams, b: ListParams): boolean {
  return a.mailbox === b.mailbox && a.status === b.status && a.sort === b.sort && a.unanswered === b.unanswered
}

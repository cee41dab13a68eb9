// Pure helpers on the cached pages of an inbox list. A list is one mailbox's tab, in one sort,
// maybe searched or only the unanswered (ListParams); its pages carry the server's cursor.
import { sameId, type Conversation, type LastMessage, type Message } from '../api/types'
import type { ListParams } from './inboxView'

/** One page of the inbox list, and the cursor of the next (null on the last page). */
export type ConversationPage = { items: Conversation[]; next: string | null }
export type ListPages = { pages: ConversationPage[]; pageParams: unknown[] }

export function flattenConversations(data: ListPages | undefined): Conversation[] {
  if (!data) return []
  const seen = new Set<string>()
  const out: Conversation[] = []
  for (const page of data.pages) {
    for (const c of page.items) {
      const key = String(c.id)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(c)
    }
  }
  return out
}

/** The cursor of the page after `lastPage` (undefined: it was the last). */
export function nextPageParam(lastPage: ConversationPage): string | undefined {
  return lastPage.next ?? undefined
}

export function findConversation(data: ListPages | undefined, conversationId: string): Conversation | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.items.find((c) => sameId(c.id, conversationId))
    if (found) return found
  }
  return undefined
}

export function toLastMessage(m: Message): LastMessage {
  return {
    id: m.id,
    text: m.text,
    kind: m.kind,
    direction: m.direction,
    created_at: m.created_at,
    attachment_count: m.attachments.length,
  } as LastMessage
}

/** Notes and system lines are not a reply to the contact: they leave "unanswered" alone. */
const answersContact = (m: Message) => m.direction === 'out' && m.kind !== 'comment' && m.kind !== 'system'

/**
 * Apply a new message to one conversation: preview, time, unread, unanswered, and (as the
 * server does) a contact's message reopens a closed or snoozed conversation unless blocked.
 */
export function withMessage(c: Conversation, m: Message, bumpUnread: boolean): Conversation {
  const last = c.last_message_at ? Date.parse(c.last_message_at) : 0
  const isNewer = Date.parse(m.created_at) >= last
  const alreadyCounted = c.last_message != null && sameId(c.last_message.id, m.id)
  const reopens = m.direction === 'in' && !c.blocked && c.status !== 'open' && !alreadyCounted
  // Internal comments stay out of the list's preview and order, as on the server.
  const preview = isNewer && m.kind !== 'comment'
  return {
    ...c,
    ...(preview ? { last_message: toLastMessage(m), last_message_at: m.created_at } : {}),
    ...(isNewer && m.direction === 'in' ? { unanswered: true } : {}),
    ...(isNewer && answersContact(m) ? { unanswered: false } : {}),
    ...(reopens
      ? { status: 'open' as const, opened_at: m.created_at, state_since: m.created_at, closed_at: null, snoozed_until: null }
      : {}),
    unread_count:
      bumpUnread && !alreadyCounted ? (c.unread_count ?? 0) + 1 : (c.unread_count ?? 0),
  }
}

/**
 * Whether a conversation belongs in a list, as far as the client can tell from the row alone:
 * the tab and the unanswered filter. (Mailbox and search don't change with a message.)
 */
export function fitsTabAndFilter(c: Conversation, params: Pick<ListParams, 'status' | 'unanswered'>): boolean {
  return (params.status === 'all' || c.status === params.status) && (!params.unanswered || c.unanswered)
}

function withoutConversation(data: ListPages, conversationId: string): { pages: ConversationPage[]; removed?: Conversation } {
  let removed: Conversation | undefined
  const pages = data.pages.map((page) => {
    const at = page.items.findIndex((c) => sameId(c.id, conversationId))
    if (at < 0) return page
    removed = page.items[at]
    return { ...page, items: page.items.filter((_, i) => i !== at) }
  })
  return { pages, removed }
}

const messageTime = (c: Conversation) => (c.last_message_at ? Date.parse(c.last_message_at) : 0)

/** Put `c` into the first page after every conversation with a newer last message. */
function insertNewestFirst(pages: ConversationPage[], c: Conversation): ConversationPage[] {
  const first = pages[0] ?? { items: [], next: null }
  const t = messageTime(c)
  let at = 0
  while (at < first.items.length && messageTime(first.items[at]!) > t) at++
  const items = [...first.items.slice(0, at), c, ...first.items.slice(at)]
  return [{ ...first, items }, ...pages.slice(1)]
}

export type ListUpdate = {
  data: ListPages | undefined
  /** The list held the conversation. */
  found: boolean
  /** The client can't place the change: ask the server for this list again. */
  refetch: boolean
}

/**
 * A message arrived for `conversationId`: update that row and put it where `params` says
 * (Newest: the top; Oldest: the end; by time in state: where it was), or take it out of a
 * list it no longer belongs to (answered, in Unanswered; reopened, in Closed).
 */
export function applyMessageToList(
  data: ListPages | undefined,
  params: ListParams,
  conversationId: string,
  message: Message,
  bumpUnread: boolean,
): ListUpdate {
  if (!data) return { data, found: false, refetch: false }
  const { pages, removed } = withoutConversation(data, conversationId)
  if (!removed) {
    // A message never moves a conversation into Closed or Snoozed (a contact's reopens it),
    // nor into Unanswered when it is ours; anywhere else it may be new here.
    const cannotEnter =
      params.status === 'closed' ||
      params.status === 'snoozed' ||
      (params.unanswered && message.direction === 'out')
    return { data, found: false, refetch: !cannotEnter }
  }
  const updated = withMessage(removed, message, bumpUnread)
  if (!fitsTabAndFilter(updated, params)) return { data: { ...data, pages }, found: true, refetch: false }
  if (params.sort === 'newest') {
    return { data: { ...data, pages: insertNewestFirst(pages, updated) }, found: true, refetch: false }
  }
  if (params.sort === 'oldest') {
    // The newest activity now: last in this order. Shown at the end once the list is whole.
    const last = pages.at(-1)
    if (last && last.next === null) {
      const whole = [...pages.slice(0, -1), { ...last, items: [...last.items, updated] }]
      return { data: { ...data, pages: whole }, found: true, refetch: false }
    }
    return { data: { ...data, pages }, found: true, refetch: false }
  }
  // By time in the current state: a message leaves the order alone, unless it reopened.
  const reopened = updated.status !== removed.status
  return {
    data: patchConversation(data, conversationId, updated),
    found: true,
    refetch: reopened,
  }
}

/** Set fields of one conversation wherever it is in the list. */
export function patchConversation(
  data: ListPages | undefined,
  conversationId: string,
  patch: Partial<Conversation>,
): ListPages | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    if (!page.items.some((c) => sameId(c.id, conversationId))) return page
    changed = true
    return { ...page, items: page.items.map((c) => (sameId(c.id, conversationId) ? { ...c, ...patch } : c)) }
  })
  return changed ? { ...data, pages } : data
}

/** Take one conversation out of the list (closed in the Open tab, and so on). */
export function removeConversation(data: ListPages | undefined, conversationId: string): ListPages | undefined {
  if (!data) return data
  const { pages, removed } = withoutConversation(data, conversationId)
  return removed ? { ...data, pages } : data
}

/** The list parameters of a cached list's query key (`keys.conversationList`). */
export function listParamsOfKey(key: readonly unknown[]): ListParams | null {
  const params = key[2]
  return typeof params === 'object' && params !== null && 'mailbox' in params ? (params as ListParams) : null
}

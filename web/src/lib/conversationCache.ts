// Pure helpers on the cached pages of an inbox list (sorted by last_message_at desc).
import { sameId, type Conversation, type LastMessage, type Message } from '../api/types'
import type { Pages } from './messageCache'

export function flattenConversations(data: Pages<Conversation> | undefined): Conversation[] {
  if (!data) return []
  const seen = new Set<string>()
  const out: Conversation[] = []
  for (const page of data.pages) {
    for (const c of page) {
      const key = String(c.id)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(c)
    }
  }
  return out
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

/** Apply a new message to one conversation: preview, time, unread. */
export function withMessage(c: Conversation, m: Message, bumpUnread: boolean): Conversation {
  const last = c.last_message_at ? Date.parse(c.last_message_at) : 0
  const isNewer = Date.parse(m.created_at) >= last
  const alreadyCounted = c.last_message != null && sameId(c.last_message.id, m.id)
  return {
    ...c,
    ...(isNewer ? { last_message: toLastMessage(m), last_message_at: m.created_at } : {}),
    unread_count:
      bumpUnread && !alreadyCounted ? (c.unread_count ?? 0) + 1 : (c.unread_count ?? 0),
  }
}

/**
 * A message arrived for `conversationId`: update that row and move it to the top.
 * `found` is false when the list does not hold the conversation (the caller refetches).
 */
export function applyMessageToList(
  data: Pages<Conversation> | undefined,
  conversationId: string,
  message: Message,
  bumpUnread: boolean,
): { data: Pages<Conversation> | undefined; found: boolean } {
  if (!data) return { data, found: false }
  let found: Conversation | undefined
  const pages = data.pages.map((page) =>
    page.filter((c) => {
      if (!sameId(c.id, conversationId)) return true
      found = c
      return false
    }),
  )
  if (!found) return { data, found: false }
  const updated = withMessage(found, message, bumpUnread)
  const first = pages[0] ?? []
  const t = updated.last_message_at ? Date.parse(updated.last_message_at) : 0
  let at = 0
  while (at < first.length) {
    const other = first[at]!
    const ot = other.last_message_at ? Date.parse(other.last_message_at) : 0
    if (ot <= t) break
    at++
  }
  pages[0] = [...first.slice(0, at), updated, ...first.slice(at)]
  return { data: { ...data, pages }, found: true }
}

/** Set fields of one conversation wherever it is in the list. */
export function patchConversation(
  data: Pages<Conversation> | undefined,
  conversationId: string,
  patch: Partial<Conversation>,
): Pages<Conversation> | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) =>
    page.map((c) => {
      if (!sameId(c.id, conversationId)) return c
      changed = true
      return { ...c, ...patch }
    }),
  )
  return changed ? { ...data, pages } : data
}

export function olderConversationsParam(
  lastPage: Conversation[],
  pageSize: number,
): string | undefined {
  if (lastPage.length < pageSize) return undefined
  return lastPage.at(-1)?.last_message_at ?? undefined
}

// Notifications: what each one says, where it leads, and pure helpers on the cached pages of
// the list (newest first). The server pushes new ones live (`notification.created`).
import type { InfiniteData } from '@tanstack/react-query'
import type { AppNotification, NotificationsPage } from '../api/types'
import { paths } from './routes'

/** The cached list: pages of the server's answer, each older than the one before. */
export type NotificationPages = InfiniteData<NotificationsPage, unknown>

/**
 * A notification as the client handles it: the kind is a plain string, so kinds newer than
 * this build ("mentioned" while the schema catches up, or later ones) still show.
 */
export type NotificationLike = Omit<AppNotification, 'kind'> & { kind: string }

export const NOTIFICATIONS_PAGE_SIZE = 30

/** The texts a notification is told with (the UI fills them from the translations). */
export type NotificationLabels = {
  assigned: (actor: string, contact: string) => string
  assignedToYou: (contact: string) => string
  snoozeEnded: (contact: string) => string
  mentioned: (actor: string, excerpt: string) => string
  mentionedNoText: (actor: string, contact: string) => string
  other: (contact: string) => string
  someone: string
  unknownContact: string
}

/** Longest excerpt of a mention shown in the list (the server sends up to 140 characters). */
export const EXCERPT_LENGTH = 90

/** One line of text, cut at a word boundary with "…" when longer than `max`. */
export function shortExcerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?—–-]+$/, '')}…`
}

const stringField = (data: Record<string, unknown>, key: string): string | null => {
  const v = data[key]
  return typeof v === 'string' && v.trim() ? v : null
}

/** What happened, in words: "Anna assigned you to Ivan Petrov", "Snooze ended: Ivan Petrov", … */
export function describeNotification(
  n: NotificationLike,
  labels: NotificationLabels,
  excerptLength = EXCERPT_LENGTH,
): string {
  const contact = n.contact_name?.trim() || labels.unknownContact
  const actor = n.actor_name?.trim() || null
  switch (n.kind) {
    case 'assigned':
      return actor ? labels.assigned(actor, contact) : labels.assignedToYou(contact)
    case 'snooze_ended':
      return labels.snoozeEnded(contact)
    case 'mentioned': {
      const excerpt = stringField(n.data, 'excerpt')
      const who = actor ?? labels.someone
      return excerpt ? labels.mentioned(who, shortExcerpt(excerpt, excerptLength)) : labels.mentionedNoText(who, contact)
    }
    default:
      return labels.other(contact)
  }
}

/** Where tapping it leads: the conversation, or for a mention the comment in it. */
export function notificationTarget(wid: string, n: NotificationLike): string | null {
  if (!n.conversation_id) return null
  const cid = String(n.conversation_id)
  const messageId = n.kind === 'mentioned' ? stringField(n.data, 'message_id') : null
  return messageId ? paths.message(wid, cid, messageId) : paths.conversation(wid, cid)
}

// --- The cached list -------------------------------------------------------------------

export function flattenNotifications(data: NotificationPages | undefined): AppNotification[] {
  if (!data) return []
  const seen = new Set<string>()
  const out: AppNotification[] = []
  for (const page of data.pages) {
    for (const n of page.items) {
      if (seen.has(n.id)) continue
      seen.add(n.id)
      out.push(n)
    }
  }
  return out
}

/** The unread count the server told most recently (kept on every page by the helpers here). */
export const unreadNotifications = (data: NotificationPages | undefined): number =>
  data?.pages[0]?.unread_count ?? 0

/** The cursor of the next (older) page: the oldest time loaded; none after a short page. */
export function olderNotificationsParam(last: NotificationsPage, pageSize = NOTIFICATIONS_PAGE_SIZE): string | undefined {
  if (last.items.length < pageSize) return undefined
  return last.items.at(-1)?.created_at
}

const withCount = (data: NotificationPages, pages: NotificationsPage[], unread: number): NotificationPages => ({
  ...data,
  pages: pages.map((p) => (p.unread_count === unread ? p : { ...p, unread_count: unread })),
})

/**
 * A notification that just arrived: on top of the list, counted as unread. `added` is false
 * when it was already there (the event raced the list's own fetch) and nothing changed.
 */
export function withNewNotification(
  data: NotificationPages | undefined,
  n: AppNotification,
): { data: NotificationPages | undefined; added: boolean } {
  if (!data?.pages.length) return { data, added: true }
  if (data.pages.some((p) => p.items.some((x) => x.id === n.id))) return { data, added: false }
  const [first, ...rest] = data.pages
  const unread = unreadNotifications(data) + (n.read_at ? 0 : 1)
  return { data: withCount(data, [{ ...first!, items: [n, ...first!.items] }, ...rest], unread), added: true }
}

/**
 * Mark `ids` (or everything: 'all') read at `readAt`. The count drops by the unread ones
 * found, or becomes `serverCount` when the server has said.
 */
export function withRead(
  data: NotificationPages | undefined,
  ids: readonly string[] | 'all',
  readAt: string,
  serverCount?: number,
): NotificationPages | undefined {
  if (!data) return data
  const wanted = ids === 'all' ? null : new Set(ids)
  const counted = new Set<string>()
  const pages = data.pages.map((page) => {
    let changed = false
    const items = page.items.map((n) => {
      if (n.read_at || (wanted && !wanted.has(n.id))) return n
      changed = true
      counted.add(n.id)
      return { ...n, read_at: readAt }
    })
    return changed ? { ...page, items } : page
  })
  const unread =
    serverCount ?? (ids === 'all' ? 0 : Math.max(0, unreadNotifications(data) - counted.size))
  return withCount(data, pages, unread)
}

// --- New ones, as they arrive (the bell shows a toast) ----------------------------------

type Listener = (n: AppNotification) => void
const listeners = new Set<Listener>()

export function onNotificationArrived(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function announceNotification(n: AppNotification) {
  for (const l of [...listeners]) l(n)
}

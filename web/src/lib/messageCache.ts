// Pure helpers on the cached pages of a conversation's messages.
// Page 0 is the latest page; each page is oldest-first (as the API returns it);
// later pages are older (loaded with `before`).
import { sameId, type Message, type MessageStatus, type Transcript } from '../api/types'
import { isNewerTranscript } from './voice'

export type Pages<T> = { pages: T[][]; pageParams: unknown[] }

const time = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : t
}

/** All messages oldest-first, without duplicates (pages may overlap after live inserts). */
export function flattenMessages(data: Pages<Message> | undefined): Message[] {
  if (!data) return []
  const seen = new Set<string>()
  const out: Message[] = []
  for (let p = data.pages.length - 1; p >= 0; p--) {
    for (const m of data.pages[p] ?? []) {
      const key = String(m.id)
      if (seen.has(key)) continue
      seen.add(key)
      out.push(m)
    }
  }
  return out.sort((a, b) => time(a.created_at) - time(b.created_at))
}

const STATUS_RANK: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  failed: 1,
  delivered: 2,
  read: 3,
}

/** How an update is applied when the message is already there. */
export type UpsertMode =
  /** Authoritative and ordered (a WebSocket event, a retry response): replace. */
  | 'replace'
  /** A create response that may be older than a realtime update: never regress status. */
  | 'keep-newer'

function matches(a: Message, b: Message) {
  if (sameId(a.id, b.id)) return true
  return !!a.client_id && !!b.client_id && a.client_id === b.client_id
}

/** The message's version: `updated_at` changes with its status, files and transcripts. */
const version = (m: Message) => (m.updated_at ? Date.parse(m.updated_at) : Number.NaN)

function choose(existing: Message, incoming: Message, mode: UpsertMode): Message {
  // A response or event carrying an older version of the message never undoes a newer one.
  const had = version(existing)
  const got = version(incoming)
  if (!Number.isNaN(had) && !Number.isNaN(got) && got < had) return existing
  if (mode === 'keep-newer' && STATUS_RANK[existing.status] >= STATUS_RANK[incoming.status]) {
    return existing
  }
  return incoming
}

/**
 * Insert or update a message (matched by id, or by client_id for our own sends).
 * New messages go into the latest page in time order; with `insert` false (a status update)
 * a message that is not loaded is left alone, so an old one never lands among the newest. Returns the same object when nothing
 * changed, so React Query does not re-render.
 */
export function upsertMessage(
  data: Pages<Message> | undefined,
  message: Message,
  mode: UpsertMode = 'replace',
  insert = true,
): Pages<Message> | undefined {
  if (!data) return data
  for (let p = 0; p < data.pages.length; p++) {
    const page = data.pages[p] ?? []
    const i = page.findIndex((m) => matches(m, message))
    if (i === -1) continue
    const current = page[i]!
    const next = choose(current, message, mode)
    if (next === current) return data
    const pages = data.pages.slice()
    const newPage = page.slice()
    newPage[i] = next
    pages[p] = newPage
    return { ...data, pages }
  }
  if (!insert) return data
  const pages = data.pages.length ? data.pages.slice() : [[]]
  const latest = (pages[0] ?? []).slice()
  const t = time(message.created_at)
  let at = latest.length
  while (at > 0 && time(latest[at - 1]!.created_at) > t) at--
  latest.splice(at, 0, message)
  pages[0] = latest
  return { ...data, pages, pageParams: data.pageParams.length ? data.pageParams : [undefined] }
}

/** Where the next (older) page starts: before this message (time, then id for ties). */
export type MessageCursor = { before: string; before_id: string }

/** The cursor for the next (older) page, or undefined when there is none. */
export function olderPageParam(lastPage: Message[], pageSize: number): MessageCursor | undefined {
  if (lastPage.length < pageSize) return undefined
  const oldest = lastPage[0]
  return oldest ? { before: oldest.created_at, before_id: String(oldest.id) } : undefined
}

/**
 * Put a transcript (from the "T" request's response) on its attachment wherever the message
 * is loaded, unless the cache already has a newer state of it (a realtime update that came
 * first). Returns the same object when nothing changed.
 */
export function setAttachmentTranscript(
  data: Pages<Message> | undefined,
  transcript: Transcript,
): Pages<Message> | undefined {
  if (!data) return data
  let changed = false
  const pages = data.pages.map((page) => {
    let pageChanged = false
    const next = page.map((m) => {
      const i = m.attachments.findIndex((a) => sameId(a.id, transcript.attachment_id))
      if (i === -1) return m
      const attachment = m.attachments[i]!
      if (!isNewerTranscript(attachment.transcript, transcript)) return m
      const attachments = m.attachments.slice()
      attachments[i] = { ...attachment, transcript }
      pageChanged = true
      return { ...m, attachments }
    })
    if (!pageChanged) return page
    changed = true
    return next
  })
  return changed ? { ...data, pages } : data
}

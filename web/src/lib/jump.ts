// Pure helpers for jumping to a message that may not be loaded yet (a link, a search hit, the
// original of a quote): older messages come in big chunks, stored as the usual pages.
import type { Message } from '../api/types'
import { olderPageParam, type MessageCursor, type Pages } from './messageCache'

/** Older messages fetched per request while looking for a message (the API's maximum). */
export const JUMP_CHUNK = 200

const time = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : t
}

/** Order of two messages as the API pages them: time, then id. */
export function compareMessages(a: Pick<Message, 'created_at' | 'id'>, b: Pick<Message, 'created_at' | 'id'>): number {
  const d = time(a.created_at) - time(b.created_at)
  if (d !== 0) return d
  const x = String(a.id)
  const y = String(b.id)
  return x < y ? -1 : x > y ? 1 : 0
}

const sameCursor = (a: MessageCursor | undefined, b: MessageCursor | undefined) =>
  !!a && !!b && a.before === b.before && a.before_id === b.before_id

/**
 * Add a chunk of older messages (oldest first, fetched with `cursor` and `limit`) to the cached
 * pages, cut into pages of `pageSize` exactly as `fetchNextPage` would have stored them, so a
 * later refetch or "load older" carries on from there. Returns `data` unchanged when its oldest
 * page no longer ends at `cursor` (older messages were loaded meanwhile).
 */
export function appendOlderChunk(
  data: Pages<Message> | undefined,
  cursor: MessageCursor,
  chunk: readonly Message[],
  limit: number,
  pageSize: number,
): Pages<Message> | undefined {
  if (!data || !data.pages.length) return data
  if (!sameCursor(olderPageParam(data.pages.at(-1)!, pageSize), cursor)) return data
  const pages: Message[][] = []
  const params: MessageCursor[] = []
  let param = cursor
  let end = chunk.length
  do {
    const start = Math.max(0, end - pageSize)
    const page = chunk.slice(start, end)
    pages.push(page)
    params.push(param)
    const oldest = page[0]
    if (oldest) param = { before: oldest.created_at, before_id: String(oldest.id) }
    end = start
  } while (end > 0)
  // A short chunk is the end of the conversation: say so with an empty page when the last
  // cut happens to be a full one (else "load older" would ask once more for nothing).
  if (chunk.length < limit && chunk.length > 0 && chunk.length % pageSize === 0) {
    pages.push([])
    params.push(param)
  }
  return { pages: [...data.pages, ...pages], pageParams: [...data.pageParams, ...params] }
}

/** The cursor of the next older page of the cached pages, if there may be one. */
export function nextOlderCursor(data: Pages<Message> | undefined, pageSize: number): MessageCursor | undefined {
  const last = data?.pages.at(-1)
  return last ? olderPageParam(last, pageSize) : undefined
}

/**
 * Where `words` occur in `text` (case-insensitive, each occurrence once), as [start, end)
 * offsets sorted by start. Used to mark a search hit's words inside the message on screen.
 */
export function findWords(text: string, words: readonly string[]): Array<[number, number]> {
  const hay = text.toLocaleLowerCase()
  // Lower-casing must keep offsets (it does, except for a few letters such as 'İ').
  if (hay.length !== text.length) return []
  const out: Array<[number, number]> = []
  for (const word of new Set(words.map((w) => w.trim().toLocaleLowerCase()).filter(Boolean))) {
    for (let at = hay.indexOf(word); at !== -1; at = hay.indexOf(word, at + word.length)) {
      out.push([at, at + word.length])
    }
  }
  return out.sort((a, b) => a[0] - b[0])
}

/** The words of an excerpt that its highlight ranges mark (what matched, as written). */
export function highlightedWords(excerpt: string, highlights: ReadonlyArray<readonly [number, number] | readonly number[]>): string[] {
  const out: string[] = []
  for (const range of highlights) {
    const [start, end] = range
    if (start === undefined || end === undefined || end <= start) continue
    const word = excerpt.slice(Math.max(0, start), Math.min(excerpt.length, end)).trim()
    if (word) out.push(word)
  }
  return out
}

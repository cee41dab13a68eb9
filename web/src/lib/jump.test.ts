import { describe, expect, it } from 'vitest'
import type { Message } from '../api/types'
import { appendOlderChunk, compareMessages, findWords, highlightedWords, nextOlderCursor } from './jump'
import { olderPageParam, type Pages } from './messageCache'

/** Message n at minute n (ids sort like the times). */
const msg = (n: number) =>
  ({ id: `m-${String(n).padStart(4, '0')}`, created_at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() }) as unknown as Message
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => msg(from + i))
const cursorOf = (page: Message[]) => olderPageParam(page, 5)!

describe('appendOlderChunk', () => {
  // The latest page: messages 100..104 (page size 5).
  const latest = range(100, 105)
  const data: Pages<Message> = { pages: [latest], pageParams: [undefined] }

  it('cuts a chunk into pages the way fetchNextPage would have stored them', () => {
    const cursor = cursorOf(latest)
    const next = appendOlderChunk(data, cursor, range(88, 100), 12, 5)!
    expect(next.pages.map((p) => p.map((m) => m.id))).toEqual([
      latest.map((m) => m.id),
      range(95, 100).map((m) => m.id),
      range(90, 95).map((m) => m.id),
      range(88, 90).map((m) => m.id),
    ])
    expect(next.pageParams).toEqual([undefined, cursor, cursorOf(range(95, 100)), cursorOf(range(90, 95))])
    // A full chunk: there may be more; the short last page says there is none.
    expect(nextOlderCursor(next, 5)).toBeUndefined()
  })

  it('keeps loading possible after a full chunk, and ends exactly at a short one', () => {
    const cursor = cursorOf(latest)
    const full = appendOlderChunk(data, cursor, range(90, 100), 10, 5)!
    expect(nextOlderCursor(full, 5)).toEqual(cursorOf(range(90, 95)))
    // 10 of at most 20: the conversation starts there, though both pages are full.
    const short = appendOlderChunk(data, cursor, range(90, 100), 20, 5)!
    expect(short.pages.at(-1)).toEqual([])
    expect(nextOlderCursor(short, 5)).toBeUndefined()
  })

  it('stores an empty chunk as the end, and leaves pages alone when they moved on', () => {
    const cursor = cursorOf(latest)
    const empty = appendOlderChunk(data, cursor, [], 20, 5)!
    expect(empty.pages).toEqual([latest, []])
    const moved = appendOlderChunk(data, { before: msg(50).created_at, before_id: String(msg(50).id) }, range(1, 5), 20, 5)
    expect(moved).toBe(data)
    expect(appendOlderChunk(undefined, cursor, range(1, 5), 20, 5)).toBeUndefined()
  })
})

describe('compareMessages', () => {
  it('orders by time, then id', () => {
    expect(compareMessages(msg(1), msg(2))).toBeLessThan(0)
    const a = { id: 'a', created_at: msg(1).created_at }
    const b = { id: 'b', created_at: msg(1).created_at }
    expect(compareMessages(a, b)).toBeLessThan(0)
    expect(compareMessages(b, a)).toBeGreaterThan(0)
  })
})

describe('search marks', () => {
  it('finds every occurrence of the words, case-insensitively', () => {
    expect(findWords('Заказ готов. Ваш заказ ждёт', ['заказ'])).toEqual([
      [0, 5],
      [17, 22],
    ])
    expect(findWords('Refund the order', ['ORDER', 'refund'])).toEqual([
      [0, 6],
      [11, 16],
    ])
    expect(findWords('nothing here', ['order', ' '])).toEqual([])
  })

  it('takes the matched words out of an excerpt', () => {
    expect(highlightedWords('… ваш заказ готов', [[6, 11]])).toEqual(['заказ'])
    expect(highlightedWords('abc', [[2, 1], [5, 9]])).toEqual([])
  })
})

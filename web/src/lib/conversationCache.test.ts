import { describe, expect, it } from 'vitest'
import type { Conversation } from '../api/types'
import { conv, msg } from '../test/factories'
import {
  applyMessageToList,
  flattenConversations,
  listParamsOfKey,
  nextPageParam,
  patchConversation,
  removeConversation,
  type ListPages,
} from './conversationCache'
import type { ListParams } from './inboxView'

/** Pages of conversations; the last one has no next page unless `more`. */
const pages = (...p: Conversation[][]): ListPages => ({
  pages: p.map((items, i) => ({ items, next: i < p.length - 1 ? `cursor-${i}` : null })),
  pageParams: p.map(() => undefined),
})
const withMore = (data: ListPages): ListPages => ({
  ...data,
  pages: data.pages.map((page, i) => (i === data.pages.length - 1 ? { ...page, next: 'more' } : page)),
})
const params = (p: Partial<ListParams> = {}): ListParams => ({
  mailbox: 'all',
  status: 'open',
  sort: 'newest',
  q: '',
  unanswered: false,
  ...p,
})
const names = (data: ListPages | undefined) => flattenConversations(data).map((c) => c.id)

describe('applyMessageToList', () => {
  const a = conv({ id: 'a', last_message_at: '2024-05-10T12:00:00Z' })
  const b = conv({ id: 'b', last_message_at: '2024-05-10T11:00:00Z' })
  const c = conv({ id: 'c', last_message_at: '2024-05-09T11:00:00Z', unread_count: 2 })

  it('moves the conversation to the top of Newest, updates the preview and bumps unread', () => {
    const m = msg({ id: 'new', text: 'ping', created_at: '2024-05-10T13:00:00Z' })
    const { data, found, refetch } = applyMessageToList(pages([a, b], [c]), params(), 'c', m, true)
    expect([found, refetch]).toEqual([true, false])
    const list = flattenConversations(data)
    expect(list.map((x) => x.id)).toEqual(['c', 'a', 'b'])
    expect(list[0]).toMatchObject({ unread_count: 3, last_message_at: m.created_at, unanswered: true })
    expect(list[0]?.last_message).toMatchObject({ id: 'new', text: 'ping', direction: 'in', attachment_count: 0 })
  })

  it('does not bump for our own messages or the open conversation', () => {
    const m = msg({ direction: 'out', created_at: '2024-05-10T13:00:00Z' })
    const { data } = applyMessageToList(pages([a, b], [c]), params(), 'c', m, false)
    expect(flattenConversations(data)[0]).toMatchObject({ unread_count: 2, unanswered: false })
  })

  it('does not count the same message twice', () => {
    const m = msg({ id: 'dup', created_at: '2024-05-10T13:00:00Z' })
    const once = applyMessageToList(pages([a]), params(), 'a', m, true).data
    const twice = applyMessageToList(once, params(), 'a', m, true).data
    expect(flattenConversations(twice)[0]?.unread_count).toBe(1)
  })

  it('keeps a newer preview when an older message arrives late', () => {
    const m = msg({ id: 'late', created_at: '2024-05-10T08:00:00Z' })
    const { data } = applyMessageToList(pages([a, b]), params(), 'a', m, false)
    expect(flattenConversations(data)[0]?.last_message_at).toBe('2024-05-10T12:00:00Z')
  })

  it('asks the server about a conversation it does not hold, where it may belong', () => {
    const data = pages([a])
    expect(applyMessageToList(data, params(), 'zzz', msg(), true)).toEqual({ data, found: false, refetch: true })
    // A message never brings a conversation into Closed or Snoozed, nor ours into Unanswered.
    for (const p of [params({ status: 'closed' }), params({ status: 'snoozed' })]) {
      expect(applyMessageToList(data, p, 'zzz', msg(), true).refetch).toBe(false)
    }
    const ours = msg({ direction: 'out' })
    expect(applyMessageToList(data, params({ unanswered: true }), 'zzz', ours, false).refetch).toBe(false)
    expect(applyMessageToList(data, params({ unanswered: true }), 'zzz', msg(), true).refetch).toBe(true)
  })

  it('takes an answered conversation out of the Unanswered list', () => {
    const waiting = conv({ id: 'w', unanswered: true })
    const reply = msg({ direction: 'out', created_at: '2024-05-10T13:00:00Z' })
    const { data } = applyMessageToList(pages([waiting, a]), params({ unanswered: true }), 'w', reply, false)
    expect(names(data)).toEqual(['a'])
    // An internal note is no answer.
    const note = msg({ direction: 'out', kind: 'comment', created_at: '2024-05-10T13:00:00Z' })
    const kept = applyMessageToList(pages([waiting]), params({ unanswered: true }), 'w', note, false)
    expect(names(kept.data)).toEqual(['w'])
    // Nor the list's preview: the server keeps comments out of it too.
    expect(flattenConversations(kept.data)[0]?.last_message).toEqual(waiting.last_message)
  })

  it('takes a conversation the contact reopened out of Closed, and shows it open in All', () => {
    const closed = conv({ id: 'x', status: 'closed', closed_at: '2024-05-01T00:00:00Z' })
    const m = msg({ created_at: '2024-05-10T13:00:00Z' })
    expect(names(applyMessageToList(pages([closed]), params({ status: 'closed' }), 'x', m, true).data)).toEqual([])
    const all = applyMessageToList(pages([a, closed]), params({ status: 'all' }), 'x', m, true)
    expect(flattenConversations(all.data)[0]).toMatchObject({ id: 'x', status: 'open', closed_at: null })
    // A blocked contact's message does not reopen.
    const blocked = conv({ id: 'y', status: 'closed', blocked: true })
    const stays = applyMessageToList(pages([blocked]), params({ status: 'closed', mailbox: 'blocked' }), 'y', m, true)
    expect(flattenConversations(stays.data)[0]).toMatchObject({ id: 'y', status: 'closed' })
  })

  it('puts the conversation last in Oldest once the whole list is loaded, else leaves it for later pages', () => {
    const m = msg({ created_at: '2024-05-10T13:00:00Z' })
    const oldest = params({ sort: 'oldest' })
    expect(names(applyMessageToList(pages([c, b], [a]), oldest, 'c', m, true).data)).toEqual(['b', 'a', 'c'])
    expect(names(applyMessageToList(withMore(pages([c, b])), oldest, 'c', m, true).data)).toEqual(['b'])
  })

  it('keeps the place in the time-in-state orders, and asks the server when the state changed', () => {
    const m = msg({ id: 'n', created_at: '2024-05-10T13:00:00Z' })
    const longest = params({ sort: 'longest', status: 'all' })
    const same = applyMessageToList(pages([a, b, c]), longest, 'b', m, true)
    expect(names(same.data)).toEqual(['a', 'b', 'c'])
    expect(flattenConversations(same.data)[1]?.last_message?.id).toBe('n')
    expect(same.refetch).toBe(false)
    const snoozed = conv({ id: 's', status: 'snoozed' })
    expect(applyMessageToList(pages([a, snoozed]), longest, 's', m, true).refetch).toBe(true)
  })
})

describe('patchConversation and removeConversation', () => {
  it('clears the unread count', () => {
    const data = pages([conv({ id: 'x', unread_count: 4 })])
    expect(flattenConversations(patchConversation(data, 'x', { unread_count: 0 }))[0]?.unread_count).toBe(0)
    expect(patchConversation(data, 'nope', { unread_count: 0 })).toBe(data)
  })

  it('removes one conversation, and returns the same data when it is not there', () => {
    const data = pages([conv({ id: 'x' }), conv({ id: 'y' })], [conv({ id: 'z' })])
    expect(names(removeConversation(data, 'z'))).toEqual(['x', 'y'])
    expect(removeConversation(data, 'nope')).toBe(data)
  })
})

describe('pages and keys', () => {
  it('flattens pages without duplicates and pages on with the server cursor', () => {
    const x = conv({ id: 'x' })
    const data = pages([x, conv({ id: 'y' })], [x, conv({ id: 'z' })])
    expect(names(data)).toEqual(['x', 'y', 'z'])
    expect(nextPageParam(data.pages[0]!)).toBe('cursor-0')
    expect(nextPageParam(data.pages[1]!)).toBeUndefined()
  })

  it('reads the list parameters back from a list key', () => {
    expect(listParamsOfKey(['conversations', 'w', params({ mailbox: 'mine' })])?.mailbox).toBe('mine')
    expect(listParamsOfKey(['conversations', 'w'])).toBeNull()
    expect(listParamsOfKey(['conversations', 'w', 'open'])).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import type { Conversation } from '../api/types'
import { conv, msg } from '../test/factories'
import { applyMessageToList, flattenConversations, patchConversation } from './conversationCache'
import type { Pages } from './messageCache'

const pages = (...p: Conversation[][]): Pages<Conversation> => ({ pages: p, pageParams: p.map(() => undefined) })

describe('applyMessageToList', () => {
  const a = conv({ id: 'a', last_message_at: '2024-05-10T12:00:00Z' })
  const b = conv({ id: 'b', last_message_at: '2024-05-10T11:00:00Z' })
  const c = conv({ id: 'c', last_message_at: '2024-05-09T11:00:00Z', unread_count: 2 })

  it('moves the conversation to the top, updates the preview and bumps unread', () => {
    const m = msg({ id: 'new', text: 'ping', created_at: '2024-05-10T13:00:00Z' })
    const { data, found } = applyMessageToList(pages([a, b], [c]), 'c', m, true)
    expect(found).toBe(true)
    const list = flattenConversations(data)
    expect(list.map((x) => x.id)).toEqual(['c', 'a', 'b'])
    expect(list[0]).toMatchObject({ unread_count: 3, last_message_at: m.created_at })
    expect(list[0]?.last_message).toMatchObject({ id: 'new', text: 'ping', direction: 'in', attachment_count: 0 })
  })

  it('does not bump for our own messages or the open conversation', () => {
    const m = msg({ direction: 'out', created_at: '2024-05-10T13:00:00Z' })
    const { data } = applyMessageToList(pages([a, b], [c]), 'c', m, false)
    expect(flattenConversations(data)[0]?.unread_count).toBe(2)
  })

  it('does not count the same message twice', () => {
    const m = msg({ id: 'dup', created_at: '2024-05-10T13:00:00Z' })
    const once = applyMessageToList(pages([a]), 'a', m, true).data
    const twice = applyMessageToList(once, 'a', m, true).data
    expect(flattenConversations(twice)[0]?.unread_count).toBe(1)
  })

  it('keeps a newer preview when an older message arrives late', () => {
    const m = msg({ id: 'late', created_at: '2024-05-10T08:00:00Z' })
    const { data } = applyMessageToList(pages([a, b]), 'a', m, false)
    expect(flattenConversations(data)[0]?.last_message_at).toBe('2024-05-10T12:00:00Z')
  })

  it('reports a conversation it does not hold', () => {
    const data = pages([a])
    expect(applyMessageToList(data, 'zzz', msg(), true)).toEqual({ data, found: false })
  })
})

describe('patchConversation', () => {
  it('clears the unread count', () => {
    const data = pages([conv({ id: 'x', unread_count: 4 })])
    expect(flattenConversations(patchConversation(data, 'x', { unread_count: 0 }))[0]?.unread_count).toBe(0)
    expect(patchConversation(data, 'nope', { unread_count: 0 })).toBe(data)
  })
})

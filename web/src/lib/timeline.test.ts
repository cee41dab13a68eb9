import { describe, expect, it } from 'vitest'
import { msg } from '../test/factories'
import { buildTimeline } from './timeline'

describe('buildTimeline', () => {
  it('adds a date separator per day', () => {
    const items = buildTimeline([
      msg({ created_at: '2024-05-09T10:00:00Z' }),
      msg({ created_at: '2024-05-10T10:00:00Z' }),
      msg({ created_at: '2024-05-10T10:01:00Z' }),
    ])
    expect(items.map((i) => i.type)).toEqual(['date', 'message', 'date', 'message', 'message'])
  })

  it('groups runs by the same author within five minutes', () => {
    const items = buildTimeline([
      msg({ created_at: '2024-05-10T10:00:00Z' }),
      msg({ created_at: '2024-05-10T10:01:00Z' }),
      msg({ created_at: '2024-05-10T10:09:00Z' }), // gap > 5 min
      msg({ direction: 'out', author: { type: 'user', id: 'u1', name: 'Ann' }, created_at: '2024-05-10T10:10:00Z' }),
      msg({ direction: 'out', author: { type: 'ai', id: null, name: 'AI' }, created_at: '2024-05-10T10:10:30Z' }),
    ])
    const flags = items.filter((i) => i.type === 'message').map((i) => (i.type === 'message' ? [i.first, i.last] : []))
    expect(flags).toEqual([
      [true, false],
      [false, true],
      [true, true],
      [true, true],
      [true, true],
    ])
  })

  it('never groups centred messages (comments, system)', () => {
    const note = { kind: 'comment' as const, direction: 'out' as const, author: { type: 'user' as const, id: 'u1', name: 'Ann' } }
    const items = buildTimeline([msg(note), msg(note)])
    const m = items.filter((i) => i.type === 'message')
    expect(m.every((i) => i.type === 'message' && i.first && i.last)).toBe(true)
  })

  it('keys our own messages by client_id so the optimistic bubble is not remounted', () => {
    const [, item] = buildTimeline([msg({ id: 'srv-1', client_id: 'abc' })])
    expect(item?.key).toBe('c:abc')
  })
})

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
    expect(items.map((d) => [d.key, d.items.length])).toEqual([
      ['d:2024-05-09', 1],
      ['d:2024-05-10', 2],
    ])
  })

  it('starts a new group on a new day', () => {
    const days = buildTimeline([
      msg({ created_at: '2024-05-09T23:59:00Z' }),
      msg({ created_at: '2024-05-10T00:01:00Z' }),
    ])
    expect(days.map((d) => d.items[0]?.first)).toEqual([true, true])
  })

  it('groups runs by the same author within five minutes', () => {
    const items = buildTimeline([
      msg({ created_at: '2024-05-10T10:00:00Z' }),
      msg({ created_at: '2024-05-10T10:01:00Z' }),
      msg({ created_at: '2024-05-10T10:09:00Z' }), // gap > 5 min
      msg({ direction: 'out', author: { type: 'user', id: 'u1', name: 'Ann' }, created_at: '2024-05-10T10:10:00Z' }),
      msg({ direction: 'out', author: { type: 'ai', id: null, name: 'AI' }, created_at: '2024-05-10T10:10:30Z' }),
    ])
    const flags = items.flatMap((d) => d.items).map((i) => [i.first, i.last])
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
    expect(items.flatMap((d) => d.items).every((i) => i.first && i.last)).toBe(true)
  })

  it('keys our own messages by client_id so the optimistic bubble is not remounted', () => {
    const [day] = buildTimeline([msg({ id: 'srv-1', client_id: 'abc' })])
    expect(day?.items[0]?.key).toBe('c:abc')
  })
})

import { describe, expect, it } from 'vitest'
import { msg } from '../test/factories'
import { flattenMessages, olderPageParam, upsertMessage, type Pages } from './messageCache'
import type { Message } from '../api/types'

const pages = (...p: Message[][]): Pages<Message> => ({ pages: p, pageParams: p.map(() => undefined) })

describe('flattenMessages', () => {
  it('puts older pages first and removes overlaps', () => {
    const a = msg({ id: 'a', created_at: '2024-05-10T10:00:00Z' })
    const b = msg({ id: 'b', created_at: '2024-05-10T10:01:00Z' })
    const c = msg({ id: 'c', created_at: '2024-05-10T10:02:00Z' })
    expect(flattenMessages(pages([b, c], [a, b])).map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('upsertMessage', () => {
  it('appends a new message to the latest page in time order', () => {
    const a = msg({ id: 'a', created_at: '2024-05-10T10:00:00Z' })
    const c = msg({ id: 'c', created_at: '2024-05-10T10:02:00Z' })
    const b = msg({ id: 'b', created_at: '2024-05-10T10:01:00Z' })
    const out = upsertMessage(pages([a, c]), b)
    expect(out?.pages[0]?.map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })

  it('matches our own message by client_id, never showing it twice', () => {
    const mine = msg({ id: 'srv-1', client_id: 'cid-1', direction: 'out', status: 'queued' })
    const data = upsertMessage(pages([msg({ id: 'x' })]), mine)
    const again = upsertMessage(data, { ...mine, status: 'sent' })
    expect(flattenMessages(again).filter((m) => m.client_id === 'cid-1')).toHaveLength(1)
    expect(flattenMessages(again).at(-1)?.status).toBe('sent')
  })

  it('does not let a late create response undo a newer status', () => {
    const sent = msg({ id: 's', client_id: 'k', direction: 'out', status: 'delivered' })
    const data = pages([sent])
    const late = upsertMessage(data, { ...sent, status: 'queued' }, 'keep-newer')
    expect(late).toBe(data)
    const retried = upsertMessage(pages([{ ...sent, status: 'failed' }]), { ...sent, status: 'queued' }, 'replace')
    expect(retried?.pages[0]?.[0]?.status).toBe('queued')
  })

  it('never replaces a newer version of a message with an older one', () => {
    const read = msg({ id: 'v', direction: 'out', status: 'read', updated_at: '2024-05-10T10:00:09Z' })
    const data = pages([read])
    const stale = { ...read, status: 'delivered' as const, updated_at: '2024-05-10T10:00:05Z' }
    expect(upsertMessage(data, stale, 'replace')).toBe(data)
    const newer = { ...read, text: 'edited', updated_at: '2024-05-10T10:00:10Z' }
    expect(upsertMessage(data, newer, 'replace')?.pages[0]?.[0]?.text).toBe('edited')
  })

  it('updates in place in an older page', () => {
    const old = msg({ id: 'old', direction: 'out', status: 'sent' })
    const out = upsertMessage(pages([msg()], [old]), { ...old, status: 'read' })
    expect(out?.pages[1]?.[0]?.status).toBe('read')
  })

  it('does not insert a status update for a message that is not loaded', () => {
    const data = pages([msg({ id: 'a' })])
    expect(upsertMessage(data, msg({ id: 'old', status: 'read' }), 'replace', false)).toBe(data)
  })

  it('leaves an uncached conversation alone', () => {
    expect(upsertMessage(undefined, msg())).toBeUndefined()
  })
})

describe('olderPageParam', () => {
  it('pages before the oldest message of a full page (time, and id for equal times)', () => {
    const page = [msg({ id: 'm-old', created_at: '2024-01-01T00:00:00Z' }), msg()]
    expect(olderPageParam(page, 2)).toEqual({ before: '2024-01-01T00:00:00Z', before_id: 'm-old' })
    expect(olderPageParam(page, 50)).toBeUndefined()
  })
})

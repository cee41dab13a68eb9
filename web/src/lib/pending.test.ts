import { describe, expect, it } from 'vitest'
import { msg } from '../test/factories'
import { isPendingId, mergePending, pendingReducer, type PendingState } from './pending'

const base = {
  client_id: 'k1',
  workspace_id: 'w1',
  conversation_id: 'c1',
  text: 'Hi there',
  author: { type: 'user' as const, id: 'u1', name: 'Ann' },
  created_at: '2024-05-10T10:05:00Z',
}

function added(): PendingState {
  return pendingReducer({}, { type: 'add', message: base })
}

describe('pendingReducer', () => {
  it('adds a sending message', () => {
    expect(added().k1?.state).toBe('sending')
  })
  it('marks a failure and resends', () => {
    const failed = pendingReducer(added(), { type: 'failed', client_id: 'k1', error: 'offline' })
    expect(failed.k1).toMatchObject({ state: 'failed', error: 'offline' })
    const again = pendingReducer(failed, { type: 'resend', client_id: 'k1' })
    expect(again.k1).toMatchObject({ state: 'sending', error: null })
  })
  it('does not mark a confirmed message failed', () => {
    const ok = pendingReducer(added(), { type: 'confirmed', client_id: 'k1', message: msg({ client_id: 'k1' }) })
    expect(pendingReducer(ok, { type: 'failed', client_id: 'k1', error: 'x' })).toBe(ok)
  })
  it('prunes, and returns the same state when there is nothing to prune', () => {
    const s = added()
    expect(pendingReducer(s, { type: 'prune', client_ids: ['k1'] })).toEqual({})
    expect(pendingReducer(s, { type: 'prune', client_ids: ['zzz'] })).toBe(s)
  })
})

describe('mergePending', () => {
  it('shows a pending message as queued at the end', () => {
    const server = [msg({ created_at: '2024-05-10T10:00:00Z' })]
    const { messages } = mergePending(server, Object.values(added()))
    expect(messages).toHaveLength(2)
    const last = messages.at(-1)!
    expect(last).toMatchObject({ status: 'queued', direction: 'out', client_id: 'k1', text: 'Hi there' })
    expect(isPendingId(last.id)).toBe(true)
  })
  it('shows a failed send as failed with its error', () => {
    const s = pendingReducer(added(), { type: 'failed', client_id: 'k1', error: 'offline' })
    expect(mergePending([], Object.values(s)).messages[0]).toMatchObject({ status: 'failed', error: 'offline' })
  })
  it('hides the pending copy once the server list has the client_id (never twice)', () => {
    const server = [msg({ id: 'srv', client_id: 'k1', direction: 'out', status: 'sent' })]
    const { messages, settled } = mergePending(server, Object.values(added()))
    expect(messages).toEqual(server)
    expect(settled).toEqual(['k1'])
  })
  it('shows the confirmed server copy until the cache catches up', () => {
    const serverCopy = msg({ id: 'srv', client_id: 'k1', direction: 'out', status: 'queued' })
    const s = pendingReducer(added(), { type: 'confirmed', client_id: 'k1', message: serverCopy })
    const { messages, settled } = mergePending([], Object.values(s))
    expect(messages).toEqual([serverCopy])
    expect(settled).toEqual([])
  })
})

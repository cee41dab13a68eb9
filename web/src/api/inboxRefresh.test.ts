import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { INBOX_REFRESH_DELAY_MS, scheduleInboxRefresh } from './inboxRefresh'
import { keys } from './keys'

describe('scheduleInboxRefresh', () => {
  let qc: QueryClient
  let invalidated: unknown[][]

  beforeEach(() => {
    vi.useFakeTimers()
    qc = new QueryClient()
    invalidated = []
    vi.spyOn(qc, 'invalidateQueries').mockImplementation(async (filters) => {
      invalidated.push([...(filters?.queryKey ?? [])])
    })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks once per burst, for the lists too when any event of the burst needs them', () => {
    scheduleInboxRefresh(qc, 'w', { lists: false })
    scheduleInboxRefresh(qc, 'w', { lists: true })
    scheduleInboxRefresh(qc, 'w', { lists: false })
    expect(invalidated).toEqual([])
    vi.advanceTimersByTime(INBOX_REFRESH_DELAY_MS)
    expect(invalidated).toEqual([[...keys.mailboxes('w')], [...keys.conversationLists('w')]])
  })

  it('keeps refreshing under a steady stream of events instead of waiting for silence', () => {
    for (let t = 0; t < 3 * INBOX_REFRESH_DELAY_MS; t += 50) {
      scheduleInboxRefresh(qc, 'w', { lists: false })
      vi.advanceTimersByTime(50)
    }
    expect(invalidated.length).toBeGreaterThanOrEqual(2)
  })

  it('keeps workspaces apart and leaves the lists alone when only counts changed', () => {
    scheduleInboxRefresh(qc, 'a', { lists: false })
    scheduleInboxRefresh(qc, 'b', { lists: true })
    vi.advanceTimersByTime(INBOX_REFRESH_DELAY_MS)
    expect(invalidated).toEqual([[...keys.mailboxes('a')], [...keys.mailboxes('b')], [...keys.conversationLists('b')]])
  })
})

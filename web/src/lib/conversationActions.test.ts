import { describe, expect, it } from 'vitest'
import type { Conversation } from '../api/types'
import { placeInList, stillListed, withAction } from './conversationActions'
import type { ListParams } from './inboxView'

const conv = (over: Partial<Conversation> = {}): Conversation =>
  ({
    id: 'c1',
    status: 'open',
    contact: { id: 'k1', name: 'Anna', phone: null, email: null },
    assignee_id: null,
    team_id: null,
    blocked: false,
    last_message: null,
    last_message_at: null,
    unread_count: 0,
    last_channel: null,
    opened_at: null,
    closed_at: null,
    snoozed_until: null,
    last_snoozed_until: null,
    ...over,
  }) as Conversation

const pages = (...rows: Conversation[]) => ({ pages: [{ items: rows, next: null }], pageParams: [undefined] })

describe('withAction', () => {
  const now = new Date('2030-01-01T10:00:00Z')

  it('closes with the note, reopens and snoozes', () => {
    const closed = withAction(conv({ last_snoozed_until: '2029-12-31T09:00:00Z' }), { kind: 'close', note: ' done ', category: 'Sale' }, now)
    expect(closed).toMatchObject({ status: 'closed', closing_note: 'done', closing_category: 'Sale', last_snoozed_until: null })
    expect(withAction(closed, { kind: 'reopen' }, now)).toMatchObject({ status: 'open', closed_at: null })
    const snoozed = withAction(conv(), { kind: 'snooze', until: '2030-01-02T09:00:00Z' }, now)
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozed_until: '2030-01-02T09:00:00Z' })
    expect(withAction(snoozed, { kind: 'unsnooze' }, now)).toMatchObject({ status: 'open', snoozed_until: null })
  })

  it('changes only the assignment fields sent', () => {
    const c = conv({ assignee_id: 'u1' as Conversation['assignee_id'], team_id: 't1' as Conversation['team_id'] })
    expect(withAction(c, { kind: 'assign', assignee_id: 'u2' })).toMatchObject({ assignee_id: 'u2', team_id: 't1' })
    expect(withAction(c, { kind: 'assign', team_id: null })).toMatchObject({ assignee_id: 'u1', team_id: null })
    expect(withAction(c, { kind: 'unassign' })).toMatchObject({ assignee_id: null, team_id: null })
  })
})

describe('which cached lists keep a conversation', () => {
  const list = (status: ListParams['status'], mailbox = 'all'): ListParams => ({ mailbox, status, sort: 'newest', q: '', unanswered: false })

  it('drops it from other tabs, from mailboxes it left, and when blocked', () => {
    const closed = conv({ status: 'closed' })
    expect(stillListed(closed, list('open'), 'me')).toBe(false)
    expect(stillListed(closed, list('all'), 'me')).toBe(true)
    expect(stillListed(conv(), list('open', 'mine'), 'me')).toBe(false)
    expect(stillListed(conv({ assignee_id: 'me' as Conversation['assignee_id'] }), list('open', 'mine'), 'me')).toBe(true)
    expect(stillListed(conv(), list('open', 'unassigned'), 'me')).toBe(true)
    expect(stillListed(conv({ blocked: true }), list('all'), 'me')).toBe(false)
    expect(stillListed(conv({ blocked: true }), list('all', 'blocked'), 'me')).toBe(true)
    expect(stillListed(conv(), list('open', 'custom:x'), 'me')).toBeNull()
  })

  it('updates the row in place or removes it', () => {
    const other = conv({ id: 'c2' as Conversation['id'] })
    const data = pages(conv(), other)
    const snoozed = withAction(conv(), { kind: 'snooze', until: '2030-01-02T09:00:00Z' })
    expect(placeInList(data, snoozed, list('open'), 'me')!.pages[0]!.items).toEqual([other])
    expect(placeInList(data, snoozed, list('all'), 'me')!.pages[0]!.items[0]!.status).toBe('snoozed')
    // A list without it is left as it is (the same object: nothing to re-render).
    const without = pages(other)
    expect(placeInList(without, snoozed, list('open'), 'me')).toBe(without)
  })
})

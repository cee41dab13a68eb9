import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mailbox } from '../api/types'
import {
  compactCount,
  groupMailboxes,
  inboxViewStore,
  resolveListParams,
  sameListExceptSearch,
  sortLabelKey,
  tabCount,
  type ListParams,
} from './inboxView'
import { parseListView, paths, STATUS_FILTERS } from './routes'

describe('inbox URLs', () => {
  it('keeps the old URLs: a tab alone, Open by default', () => {
    expect(paths.inbox('w')).toBe('/w/w')
    expect(paths.inbox('w', 'closed')).toBe('/w/w?status=closed')
    expect(paths.conversation('w', 'c')).toBe('/w/w/c/c')
    expect(parseListView('')).toEqual({ status: 'open', mailbox: null, sort: null })
  })

  it('carries the mailbox and the sort', () => {
    const url = paths.inbox('w', { status: 'snoozed', mailbox: 'team:3f2a', sort: 'longest' })
    expect(url).toBe('/w/w?status=snoozed&mailbox=team:3f2a&sort=longest')
    expect(parseListView(url.slice(url.indexOf('?')))).toEqual({ status: 'snoozed', mailbox: 'team:3f2a', sort: 'longest' })
    expect(paths.conversation('w', 'c', { status: 'open', mailbox: 'mine' })).toBe('/w/w/c/c?mailbox=mine')
  })

  it('ignores what is not a mailbox or a sort', () => {
    expect(parseListView('?mailbox=drop%20table&sort=random')).toEqual({ status: 'open', mailbox: null, sort: null })
    expect(parseListView('?mailbox=custom:&sort=oldest')).toEqual({ status: 'open', mailbox: null, sort: 'oldest' })
    expect(parseListView('?mailbox=blocked').mailbox).toBe('blocked')
  })

  it('orders the tabs All, Open, Closed, Snoozed', () => {
    expect(STATUS_FILTERS).toEqual(['all', 'open', 'closed', 'snoozed'])
  })
})

describe('the list parameters', () => {
  const remembered = { mailbox: 'mine', sort: 'oldest' as const, q: '  petrov ', unanswered: true }

  it('take the URL first, then what was picked last, then the defaults', () => {
    expect(resolveListParams({ status: 'closed', mailbox: 'unassigned', sort: 'newest' }, remembered)).toEqual({
      mailbox: 'unassigned',
      status: 'closed',
      sort: 'newest',
      q: 'petrov',
      unanswered: true,
    })
    expect(resolveListParams({ status: 'open', mailbox: null, sort: null }, remembered)).toMatchObject({
      mailbox: 'mine',
      sort: 'oldest',
    })
    const nothing = { mailbox: null, sort: null, q: '', unanswered: false }
    expect(resolveListParams({ status: 'open', mailbox: null, sort: null }, nothing)).toEqual({
      mailbox: 'all',
      status: 'open',
      sort: 'newest',
      q: '',
      unanswered: false,
    })
  })

  it('tell a new search from another list', () => {
    const base: ListParams = { mailbox: 'all', status: 'open', sort: 'newest', q: 'a', unanswered: false }
    expect(sameListExceptSearch(base, { ...base, q: 'ab' })).toBe(true)
    expect(sameListExceptSearch(base, { ...base, mailbox: 'mine' })).toBe(false)
    expect(sameListExceptSearch(base, { ...base, unanswered: true })).toBe(false)
  })
})

describe('sort labels', () => {
  it('name the time in state after the tab', () => {
    expect(sortLabelKey('newest', 'closed')).toBe('newest')
    expect(sortLabelKey('oldest', 'open')).toBe('oldest')
    expect(sortLabelKey('longest', 'open')).toBe('longest.open')
    expect(sortLabelKey('shortest', 'closed')).toBe('shortest.closed')
    expect(sortLabelKey('longest', 'snoozed')).toBe('longest.snoozed')
    expect(sortLabelKey('shortest', 'all')).toBe('shortest.all')
  })
})

const box = (p: Partial<Mailbox>): Mailbox => ({
  id: 'all',
  kind: 'all',
  name: 'All',
  counts: { open: 0, closed: 0, snoozed: 0 },
  unread: 0,
  ...p,
})

describe('the mailbox menu', () => {
  const all = box({ id: 'all', kind: 'all' })
  const mine = box({ id: 'mine', kind: 'mine', name: 'Mine' })
  const sales = box({ id: 'team:1', kind: 'team', name: 'Sales' })
  const vip = box({ id: 'custom:1', kind: 'custom', name: 'VIP', created_by_me: true })
  const shared = box({ id: 'custom:2', kind: 'custom', name: 'Shared', created_by_me: false })
  const blocked = box({ id: 'blocked', kind: 'blocked', name: 'Blocked contacts' })
  const everything = [all, mine, sales, vip, shared, blocked]

  it('groups standard, teams, custom inboxes by creator, and blocked contacts', () => {
    expect(groupMailboxes(everything, { hasBlockedContacts: true, current: 'all' })).toEqual({
      standard: [all, mine],
      teams: [sales],
      customMine: [vip],
      customOthers: [shared],
      blocked,
    })
  })

  it('hides Blocked contacts while there are none, unless it is open', () => {
    expect(groupMailboxes(everything, { hasBlockedContacts: false, current: 'all' }).blocked).toBeNull()
    expect(groupMailboxes(everything, { hasBlockedContacts: false, current: 'blocked' }).blocked).toBe(blocked)
    expect(groupMailboxes([all, mine], { hasBlockedContacts: true, current: 'all' }).blocked).toBeNull()
  })

  it('counts a tab, All being every state', () => {
    const counts = box({ counts: { open: 3, closed: 10, snoozed: 2 } })
    expect(tabCount(counts, 'open')).toBe(3)
    expect(tabCount(counts, 'snoozed')).toBe(2)
    expect(tabCount(counts, 'all')).toBe(15)
  })

  it('shortens big counts', () => {
    expect(compactCount(999, 'en')).toEqual({ value: '999', thousands: false })
    expect(compactCount(1250, 'en')).toEqual({ value: '1.2', thousands: true })
    expect(compactCount(1250, 'ru')).toEqual({ value: '1,2', thousands: true })
    expect(compactCount(12_900, 'en')).toEqual({ value: '12', thousands: true })
  })
})

describe('the remembered view', () => {
  beforeEach(() => {
    // Tests run in Node: a localStorage of our own.
    const stored = new Map<string, string>()
    const localStorage = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    }
    vi.stubGlobal('window', { localStorage })
    inboxViewStore.reset()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('keeps the mailbox per workspace across reloads, the search only in memory', () => {
    inboxViewStore.update('w1', { mailbox: 'mine', q: 'anna' })
    inboxViewStore.update('w2', { mailbox: 'unassigned' })
    inboxViewStore.reset() // a reload
    expect(inboxViewStore.get('w1')).toEqual({ mailbox: 'mine', sort: null, q: '', unanswered: false })
    expect(inboxViewStore.get('w2').mailbox).toBe('unassigned')
  })

  it('tells listeners about changes only', () => {
    let calls = 0
    const stop = inboxViewStore.subscribe(() => calls++)
    inboxViewStore.update('w', { unanswered: true })
    inboxViewStore.update('w', { unanswered: true })
    stop()
    inboxViewStore.update('w', { unanswered: false })
    expect(calls).toBe(1)
  })
})

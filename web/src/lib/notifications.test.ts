import { describe, expect, it } from 'vitest'
import type { AppNotification, NotificationsPage } from '../api/types'
import {
  describeNotification,
  flattenNotifications,
  notificationTarget,
  olderNotificationsParam,
  shortExcerpt,
  unreadNotifications,
  withNewNotification,
  withRead,
  type NotificationLabels,
  type NotificationLike,
  type NotificationPages,
} from './notifications'

const labels: NotificationLabels = {
  assigned: (actor, contact) => `${actor} assigned you to ${contact}`,
  assignedToYou: (contact) => `You were assigned to ${contact}`,
  snoozeEnded: (contact) => `Snooze ended: ${contact}`,
  mentioned: (actor, excerpt) => `${actor} mentioned you: “${excerpt}”`,
  mentionedNoText: (actor, contact) => `${actor} mentioned you in a note on ${contact}`,
  other: (contact) => `New notification: ${contact}`,
  someone: 'Someone',
  unknownContact: 'Unknown contact',
}

function note(over: Partial<NotificationLike> = {}): AppNotification {
  return {
    id: 'n1',
    kind: 'assigned',
    conversation_id: 'c1',
    contact_name: 'Ivan Petrov',
    actor_id: 'u1',
    actor_name: 'Anna',
    data: {},
    created_at: '2024-05-10T12:00:00Z',
    read_at: null,
    ...over,
  } as AppNotification
}

const pages = (...p: NotificationsPage[]): NotificationPages => ({ pages: p, pageParams: p.map(() => undefined) })

describe('describeNotification', () => {
  it('says who assigned what', () => {
    expect(describeNotification(note(), labels)).toBe('Anna assigned you to Ivan Petrov')
    expect(describeNotification(note({ actor_name: null, actor_id: null }), labels)).toBe(
      'You were assigned to Ivan Petrov',
    )
    expect(describeNotification(note({ contact_name: '  ' }), labels)).toBe('Anna assigned you to Unknown contact')
  })

  it('tells a snooze that ended', () => {
    expect(describeNotification(note({ kind: 'snooze_ended', actor_name: null }), labels)).toBe('Snooze ended: Ivan Petrov')
  })

  it('quotes a mention, shortened to one line', () => {
    const excerpt = 'Could you call\nthis customer back tomorrow morning? They asked about the delivery to Kazan and the price of the express option.'
    const text = describeNotification(note({ kind: 'mentioned', data: { message_id: 'm1', excerpt } }), labels)
    expect(text.startsWith('Anna mentioned you: “Could you call this customer back tomorrow morning?')).toBe(true)
    expect(text.endsWith('…”')).toBe(true)
    const short = describeNotification(note({ kind: 'mentioned', data: { message_id: 'm1', excerpt } }), labels, 20)
    expect(short).toBe('Anna mentioned you: “Could you call this…”')
    expect(describeNotification(note({ kind: 'mentioned', data: { message_id: 'm1', excerpt: '' } }), labels)).toBe(
      'Anna mentioned you in a note on Ivan Petrov',
    )
  })

  it('still says something for a kind it does not know', () => {
    expect(describeNotification(note({ kind: 'sla_breached' }), labels)).toBe('New notification: Ivan Petrov')
  })
})

describe('shortExcerpt', () => {
  it('keeps short text, cuts long text at a word', () => {
    expect(shortExcerpt('  hello   there ')).toBe('hello there')
    expect(shortExcerpt('one two three four five', 12)).toBe('one two…')
    expect(shortExcerpt('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij…')
  })
})

describe('notificationTarget', () => {
  it('opens the conversation, or the mentioning comment in it', () => {
    expect(notificationTarget('w1', note())).toBe('/w/w1/c/c1')
    expect(notificationTarget('w1', note({ kind: 'mentioned', data: { message_id: 'm9', excerpt: 'hi' } }))).toBe(
      '/w/w1/c/c1?m=m9',
    )
    expect(notificationTarget('w1', note({ conversation_id: null }))).toBeNull()
  })
})

describe('the cached list', () => {
  const a = note({ id: 'a', created_at: '2024-05-10T12:00:00Z' })
  const b = note({ id: 'b', created_at: '2024-05-10T11:00:00Z', read_at: '2024-05-10T11:30:00Z' })
  const c = note({ id: 'c', created_at: '2024-05-09T11:00:00Z' })
  const list = () => pages({ items: [a, b], unread_count: 2 }, { items: [c], unread_count: 2 })

  it('pages by the oldest time loaded, and stops after a short page', () => {
    expect(olderNotificationsParam({ items: [a, b], unread_count: 0 }, 2)).toBe(b.created_at)
    expect(olderNotificationsParam({ items: [a], unread_count: 0 }, 2)).toBeUndefined()
  })

  it('puts a new one on top and counts it, once', () => {
    const n = note({ id: 'new', created_at: '2024-05-10T13:00:00Z' })
    const first = withNewNotification(list(), n)
    expect(first.added).toBe(true)
    expect(flattenNotifications(first.data).map((x) => x.id)).toEqual(['new', 'a', 'b', 'c'])
    expect(unreadNotifications(first.data)).toBe(3)
    expect(first.data?.pages[1]?.unread_count).toBe(3)
    const again = withNewNotification(first.data, n)
    expect(again.added).toBe(false)
    expect(again.data).toBe(first.data)
  })

  it('announces one even before the list is loaded', () => {
    expect(withNewNotification(undefined, a)).toEqual({ data: undefined, added: true })
  })

  it('marks some read and lowers the count by the unread ones among them', () => {
    const data = withRead(list(), ['c', 'b'], '2024-05-11T00:00:00Z')
    expect(unreadNotifications(data)).toBe(1)
    const items = flattenNotifications(data)
    expect(items.find((x) => x.id === 'c')?.read_at).toBe('2024-05-11T00:00:00Z')
    // Already read: its time stays.
    expect(items.find((x) => x.id === 'b')?.read_at).toBe(b.read_at)
    expect(items.find((x) => x.id === 'a')?.read_at).toBeNull()
  })

  it('marks all read, and takes the server’s count when it has one', () => {
    const all = withRead(list(), 'all', '2024-05-11T00:00:00Z')
    expect(unreadNotifications(all)).toBe(0)
    expect(flattenNotifications(all).every((x) => x.read_at)).toBe(true)
    expect(unreadNotifications(withRead(list(), ['a'], '2024-05-11T00:00:00Z', 5))).toBe(5)
  })
})

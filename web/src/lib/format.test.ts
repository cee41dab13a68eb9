import { describe, expect, it } from 'vitest'
import { avatarColor, formatFileSize, initials, linkify } from './format'
import { backoffDelay } from './backoff'
import { parseRoute, parseStatus, paths, safeNext } from './routes'
import { defaultWorkspaceId } from './workspaces'
import { parseRetryAfter } from '../api/errors'
import { parseEvent } from '../api/events'
import { msg } from '../test/factories'

describe('initials', () => {
  it('takes first and last word', () => {
    expect(initials('Ann Lee')).toBe('AL')
    expect(initials('анна мария петрова')).toBe('АП')
    expect(initials('kate')).toBe('K')
    expect(initials('Live Tester 837')).toBe('LT')
    expect(initials('+7 999 123')).toBe('#')
    expect(initials('')).toBe('?')
  })
  it('gives a stable colour', () => {
    expect(avatarColor('x')).toBe(avatarColor('x'))
  })
})

describe('formatFileSize', () => {
  const units = ['B', 'KB', 'MB', 'GB'] as const
  it('scales units', () => {
    expect(formatFileSize(512, 'en', units)).toBe('512 B')
    expect(formatFileSize(1536, 'en', units)).toBe('1.5 KB')
    expect(formatFileSize(15 * 1024 * 1024, 'en', units)).toBe('15 MB')
    expect(formatFileSize(1536, 'ru', ['Б', 'КБ', 'МБ', 'ГБ'])).toBe('1,5 КБ')
    expect(formatFileSize(null, 'en', units)).toBe('')
  })
})

describe('linkify', () => {
  it('finds links and leaves trailing punctuation out', () => {
    expect(linkify('see https://example.com/a?b=1. ok')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: '. ok' },
    ])
    expect(linkify('www.x.org')[0]).toMatchObject({ href: 'https://www.x.org' })
    expect(linkify('<b>no html</b>')).toEqual([{ type: 'text', text: '<b>no html</b>' }])
  })
})

describe('backoffDelay', () => {
  it('grows exponentially with jitter and a cap', () => {
    expect(backoffDelay(0, () => 1)).toBe(500)
    expect(backoffDelay(0, () => 0)).toBe(250)
    expect(backoffDelay(3, () => 1)).toBe(4000)
    expect(backoffDelay(20, () => 1)).toBe(10_000)
  })
})

describe('routes', () => {
  it('parses the app URLs', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' })
    expect(parseRoute('/login')).toEqual({ name: 'login' })
    expect(parseRoute('/w/7')).toEqual({ name: 'inbox', wid: '7' })
    expect(parseRoute('/w/7/c/abc/')).toEqual({ name: 'conversation', wid: '7', cid: 'abc' })
    expect(parseRoute('/nope')).toEqual({ name: 'not-found' })
    expect(parseStatus('?status=closed')).toBe('closed')
    expect(parseStatus('?status=bogus')).toBe('open')
    expect(paths.conversation('w', 'c', 'all')).toBe('/w/w/c/c?status=all')
  })
  it('only accepts in-app paths after login', () => {
    expect(safeNext('/w/1/c/2')).toBe('/w/1/c/2')
    expect(safeNext('https://evil.example')).toBeNull()
    expect(safeNext('//evil.example/w/')).toBeNull()
  })
  it('opens the remembered workspace if still a member', () => {
    const ws = [
      { id: 'a', name: 'A', role: 'owner' as const },
      { id: 'b', name: 'B', role: 'agent' as const },
    ]
    expect(defaultWorkspaceId(ws as never, 'b')).toBe('b')
    expect(defaultWorkspaceId(ws as never, 'gone')).toBe('a')
    expect(defaultWorkspaceId([], null)).toBeNull()
  })
})

describe('api helpers', () => {
  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('30')).toBe(30)
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60)
    expect(parseRetryAfter(null)).toBeNull()
  })
  it('validates realtime events', () => {
    const m = msg()
    expect(parseEvent(JSON.stringify({ type: 'ping' }))).toEqual({ type: 'ping' })
    expect(parseEvent({ type: 'message.created', workspace_id: 1, conversation_id: 2, message: m })).toEqual({
      type: 'message.created',
      workspace_id: '1',
      conversation_id: '2',
      message: m,
    })
    expect(parseEvent({ type: 'message.created', workspace_id: 1, conversation_id: 2, message: {} })).toBeNull()
    expect(parseEvent('{nope')).toBeNull()
    expect(parseEvent({ type: 'unknown.kind' })).toBeNull()
  })
})

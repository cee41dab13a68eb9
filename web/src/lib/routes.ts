// The client's URLs. Pure: parse and build.
import type { StatusFilter } from '../api/types'

/** The workspace's settings screens (owners and managers). */
export const SETTINGS_PAGES = ['preferences', 'channels', 'teams', 'fields', 'snippets'] as const
export type SettingsPage = (typeof SETTINGS_PAGES)[number]

const isSettingsPage = (page: string): page is SettingsPage =>
  (SETTINGS_PAGES as readonly string[]).includes(page)

export type Route =
  | { name: 'login' }
  | { name: 'home' }
  | { name: 'inbox'; wid: string }
  | { name: 'conversation'; wid: string; cid: string }
  | { name: 'settings'; wid: string; page: SettingsPage }
  | { name: 'not-found' }

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'home' }
  if (path === '/login') return { name: 'login' }
  const s = path.match(/^\/w\/([^/]+)\/settings(?:\/([^/]+))?$/)
  if (s) {
    const page = s[2] ? decodeURIComponent(s[2]) : 'preferences'
    return isSettingsPage(page) ? { name: 'settings', wid: decodeURIComponent(s[1]!), page } : { name: 'not-found' }
  }
  const ch = path.match(/^\/w\/([^/]+)\/channels$/)
  if (ch) return { name: 'settings', wid: decodeURIComponent(ch[1]!), page: 'channels' }
  const m = path.match(/^\/w\/([^/]+)(?:\/c\/([^/]+))?$/)
  if (m) {
    const wid = decodeURIComponent(m[1]!)
    return m[2] ? { name: 'conversation', wid, cid: decodeURIComponent(m[2]) } : { name: 'inbox', wid }
  }
  return { name: 'not-found' }
}

export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'closed', 'all']

export function parseStatus(search: string): StatusFilter {
  const s = new URLSearchParams(search).get('status')
  return s === 'closed' || s === 'all' || s === 'snoozed' ? s : 'open'
}

const statusQuery = (status: StatusFilter) => (status === 'open' ? '' : `?status=${status}`)

export const paths = {
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  inbox: (wid: string, status: StatusFilter = 'open') =>
    `/w/${encodeURIComponent(wid)}${statusQuery(status)}`,
  conversation: (wid: string, cid: string, status: StatusFilter = 'open') =>
    `/w/${encodeURIComponent(wid)}/c/${encodeURIComponent(cid)}${statusQuery(status)}`,
  /** A message in its conversation: the app opens it scrolled there and highlighted. */
  message: (wid: string, cid: string, mid: string) =>
    `/w/${encodeURIComponent(wid)}/c/${encodeURIComponent(cid)}?m=${encodeURIComponent(mid)}`,
  settings: (wid: string, page: SettingsPage = 'preferences') =>
    `/w/${encodeURIComponent(wid)}/settings${page === 'preferences' ? '' : `/${page}`}`,
  channels: (wid: string) => `/w/${encodeURIComponent(wid)}/channels`,
}

/** Only same-app paths are accepted as a post-login destination. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/w/') || next.startsWith('//')) return null
  return next
}

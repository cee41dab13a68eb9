// The client's URLs. Pure: parse and build.
import type { StatusFilter } from '../api/types'

export type Route =
  | { name: 'login' }
  | { name: 'home' }
  | { name: 'inbox'; wid: string }
  | { name: 'conversation'; wid: string; cid: string }
  | { name: 'settings'; wid: string }
  | { name: 'channels'; wid: string }
  | { name: 'not-found' }

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'home' }
  if (path === '/login') return { name: 'login' }
  const s = path.match(/^\/w\/([^/]+)\/settings$/)
  if (s) return { name: 'settings', wid: decodeURIComponent(s[1]!) }
  const ch = path.match(/^\/w\/([^/]+)\/channels$/)
  if (ch) return { name: 'channels', wid: decodeURIComponent(ch[1]!) }
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
  settings: (wid: string) => `/w/${encodeURIComponent(wid)}/settings`,
  channels: (wid: string) => `/w/${encodeURIComponent(wid)}/channels`,
}

/** Only same-app paths are accepted as a post-login destination. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/w/') || next.startsWith('//')) return null
  return next
}

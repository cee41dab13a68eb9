// The client's URLs. Pure: parse and build.
import type { SortOrder, StatusFilter } from '../api/types'

/** The workspace's settings screens (owners and managers). */
export const SETTINGS_PAGES = ['preferences', 'channels', 'teams', 'fields', 'snippets'] as const
export type SettingsPage = (typeof SETTINGS_PAGES)[number]

/** `/w/{id}/settings` with no page named: a phone shows the list of sections there. */
export const isSettingsIndex = (pathname: string) => /^\/w\/[^/]+\/settings\/*$/.test(pathname)

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

/** The inbox tabs, in the order they show (Open is the default). */
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'open', 'closed', 'snoozed']
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'longest', 'shortest']

export function parseStatus(search: string): StatusFilter {
  const s = new URLSearchParams(search).get('status')
  return s === 'closed' || s === 'all' || s === 'snoozed' ? s : 'open'
}

/**
 * What the inbox list shows, as far as the URL says: the tab, and the mailbox and sort when
 * the URL names them (`?mailbox=mine&sort=oldest`); absent ones fall back to the remembered.
 */
export type ListView = { status: StatusFilter; mailbox?: string | null; sort?: SortOrder | null }

/** Mailbox ids as the server names them: all, mine, unassigned, blocked, team:<id>, custom:<id>. */
const MAILBOX_ID = /^(all|mine|unassigned|blocked|(team|custom):[\w-]{1,50})$/

export function parseListView(search: string): Required<ListView> {
  const q = new URLSearchParams(search)
  const mailbox = q.get('mailbox')
  const sort = q.get('sort')
  return {
    status: parseStatus(search),
    mailbox: mailbox && MAILBOX_ID.test(mailbox) ? mailbox : null,
    sort: (SORT_ORDERS as readonly (string | null)[]).includes(sort) ? (sort as SortOrder) : null,
  }
}

function listQuery(view: StatusFilter | ListView): string {
  const v = typeof view === 'string' ? { status: view } : view
  const q = new URLSearchParams()
  if (v.status !== 'open') q.set('status', v.status)
  if (v.mailbox) q.set('mailbox', v.mailbox)
  if (v.sort) q.set('sort', v.sort)
  const s = q.toString().replace(/%3A/gi, ':')
  return s ? `?${s}` : ''
}

export const paths = {
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  /** The inbox list: a tab (`'closed'`), or a whole view (tab, mailbox, sort). */
  inbox: (wid: string, view: StatusFilter | ListView = 'open') =>
    `/w/${encodeURIComponent(wid)}${listQuery(view)}`,
  conversation: (wid: string, cid: string, view: StatusFilter | ListView = 'open') =>
    `/w/${encodeURIComponent(wid)}/c/${encodeURIComponent(cid)}${listQuery(view)}`,
  /** A message in its conversation: the app opens it scrolled there and highlighted. */
  message: (wid: string, cid: string, mid: string) =>
    `/w/${encodeURIComponent(wid)}/c/${encodeURIComponent(cid)}?m=${encodeURIComponent(mid)}`,
  /** No page: the list of sections on a phone, the preferences on a desktop. */
  settings: (wid: string, page?: SettingsPage) =>
    `/w/${encodeURIComponent(wid)}/settings${page ? `/${page}` : ''}`,
  channels: (wid: string) => `/w/${encodeURIComponent(wid)}/channels`,
}

/** Only same-app paths are accepted as a post-login destination. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/w/') || next.startsWith('//')) return null
  return next
}

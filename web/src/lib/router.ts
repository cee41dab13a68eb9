// A tiny History API router (the app has three screens; no dependency needed).
import { useSyncExternalStore } from 'react'

const NAV_EVENT = 'omnibox:navigate'

function subscribe(callback: () => void) {
  window.addEventListener('popstate', callback)
  window.addEventListener(NAV_EVENT, callback)
  return () => {
    window.removeEventListener('popstate', callback)
    window.removeEventListener(NAV_EVENT, callback)
  }
}

const snapshot = () => window.location.pathname + window.location.search

export function useLocation() {
  const href = useSyncExternalStore(subscribe, snapshot)
  const url = new URL(href, window.location.origin)
  return { pathname: url.pathname, search: url.search }
}

export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  if (to === snapshot()) return
  const state = options.state ?? null
  if (options.replace) window.history.replaceState(state, '', to)
  else window.history.pushState(state, '', to)
  window.dispatchEvent(new Event(NAV_EVENT))
}

/** history.state of the current entry (set by `navigate`). */
export function historyState<T>(): Partial<T> {
  const s: unknown = window.history.state
  return typeof s === 'object' && s !== null ? (s as Partial<T>) : {}
}

/** Whether a click should be left to the browser (new tab, download, …). */
export function isModifiedClick(e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }) {
  return e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey
}

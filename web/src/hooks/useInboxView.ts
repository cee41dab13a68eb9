import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { SortOrder } from '../api/types'
import { DEFAULT_MAILBOX, DEFAULT_SORT, inboxViewStore, resolveListParams, type ListParams } from '../lib/inboxView'
import { navigate, useLocation } from '../lib/router'
import { parseListView, parseRoute, paths, type ListView } from '../lib/routes'

export type InboxView = {
  params: ListParams
  /** The tab/mailbox/sort part, for links (tabs) that keep the rest. */
  urlView: (patch?: Partial<ListView>) => ListView
  setMailbox: (mailbox: string) => void
  setSort: (sort: SortOrder) => void
  setQuery: (q: string) => void
  setUnanswered: (on: boolean) => void
}

/**
 * What the inbox list of workspace `wid` shows, and how to change it. Mailbox and sort go
 * into the URL (and are remembered for URLs without them); search and the unanswered filter
 * are remembered for the session.
 */
export function useInboxView(wid: string): InboxView {
  const { pathname, search } = useLocation()
  const url = parseListView(search)
  const getSnapshot = useCallback(() => inboxViewStore.get(wid), [wid])
  const remembered = useSyncExternalStore(inboxViewStore.subscribe, getSnapshot)

  // A mailbox or sort the URL names is the one picked: keep it for URLs without one.
  useEffect(() => {
    if (url.mailbox) inboxViewStore.update(wid, { mailbox: url.mailbox })
    if (url.sort) inboxViewStore.update(wid, { sort: url.sort })
  }, [wid, url.mailbox, url.sort])

  const params = resolveListParams(url, remembered)
  const { mailbox, status, sort } = params

  const urlView = useCallback(
    (patch: Partial<ListView> = {}): ListView => {
      const view = { status, mailbox, sort, ...patch }
      // Defaults stay out of the URL (the remembered choice is the same by then).
      return {
        status: view.status,
        mailbox: view.mailbox === DEFAULT_MAILBOX ? null : view.mailbox,
        sort: view.sort === DEFAULT_SORT ? null : view.sort,
      }
    },
    [status, mailbox, sort],
  )

  const go = useCallback(
    (patch: Partial<ListView>) => {
      const route = parseRoute(pathname)
      const view = urlView(patch)
      const to = route.name === 'conversation' ? paths.conversation(wid, route.cid, view) : paths.inbox(wid, view)
      navigate(to, { replace: true })
    },
    [pathname, urlView, wid],
  )

  return {
    params,
    urlView,
    setMailbox: (next: string) => {
      inboxViewStore.update(wid, { mailbox: next })
      go({ mailbox: next })
    },
    setSort: (next: SortOrder) => {
      inboxViewStore.update(wid, { sort: next })
      go({ sort: next })
    },
    setQuery: (q: string) => inboxViewStore.update(wid, { q }),
    setUnanswered: (on: boolean) => inboxViewStore.update(wid, { unanswered: on }),
  }
}

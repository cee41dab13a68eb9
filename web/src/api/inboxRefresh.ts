// Realtime events arrive in bursts (a message is message.created + conversation.updated, a
// busy inbox many a second): the mailbox counts and the inbox lists are asked for again once
// per burst, not once per event.
import type { QueryClient } from '@tanstack/react-query'
import { keys } from './keys'

/** How long after the first event of a burst the server is asked again. */
export const INBOX_REFRESH_DELAY_MS = 300

type Pending = { timer: ReturnType<typeof setTimeout>; lists: boolean }
const pending = new WeakMap<QueryClient, Map<string, Pending>>()

/**
 * Refresh the mailbox counts (and the inbox lists, with `lists`) of a workspace shortly. The
 * first event of a burst starts the timer and later ones join it, so a steady stream of
 * events still refreshes every INBOX_REFRESH_DELAY_MS instead of never.
 */
export function scheduleInboxRefresh(qc: QueryClient, wid: string, options: { lists: boolean }) {
  let perWorkspace = pending.get(qc)
  if (!perWorkspace) {
    perWorkspace = new Map()
    pending.set(qc, perWorkspace)
  }
  const waiting = perWorkspace.get(wid)
  if (waiting) {
    waiting.lists ||= options.lists
    return
  }
  const entry: Pending = {
    lists: options.lists,
    timer: setTimeout(() => {
      perWorkspace.delete(wid)
      void qc.invalidateQueries({ queryKey: keys.mailboxes(wid) })
      if (entry.lists) void qc.invalidateQueries({ queryKey: keys.conversationLists(wid) })
    }, INBOX_REFRESH_DELAY_MS),
  }
  perWorkspace.set(wid, entry)
}

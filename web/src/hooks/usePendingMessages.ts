import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Message } from '../api/types'
import { mergePending } from '../lib/pending'
import { pendingStore } from '../lib/pendingStore'

/** Server messages of a conversation plus our optimistic ones not yet in them. */
export function useWithPending(wid: string, cid: string, server: Message[]): Message[] {
  const all = useSyncExternalStore(pendingStore.subscribe, pendingStore.get)
  const pending = useMemo(
    () => Object.values(all).filter((p) => p.workspace_id === wid && p.conversation_id === cid),
    [all, wid, cid],
  )
  const { messages, settled } = useMemo(() => mergePending(server, pending), [server, pending])
  useEffect(() => {
    if (settled.length) pendingStore.dispatch({ type: 'prune', client_ids: settled })
  }, [settled])
  return messages
}

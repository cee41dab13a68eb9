import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { cacheRead } from '../api/cache'
import { markRead } from '../api/endpoints'
import { keys } from '../api/keys'
import { useDocumentVisible } from './useDocumentVisible'

/**
 * Mark the conversation read when it is opened, and again whenever a new incoming message
 * shows while it is open and the page is visible.
 */
export function useMarkRead(wid: string, cid: string, lastIncomingId: string | null, ready: boolean) {
  const qc = useQueryClient()
  const visible = useDocumentVisible()
  const marked = useRef<string | null>(null)

  useEffect(() => {
    if (!ready || !visible) return
    const key = `${wid}|${cid}|${lastIncomingId ?? ''}`
    if (marked.current === key) return
    marked.current = key
    cacheRead(qc, wid, cid)
    markRead(wid, cid).then(
      () => {
        // A list refetch that started before the server stored the read state may have
        // brought the old count back; clear it again and let the lists settle on fresh data.
        cacheRead(qc, wid, cid)
        void qc.invalidateQueries({ queryKey: keys.conversationLists(wid) })
      },
      () => {
        if (marked.current === key) marked.current = null
      },
    )
  }, [qc, wid, cid, lastIncomingId, ready, visible])
}

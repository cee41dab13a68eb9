import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { cacheRead } from '../api/cache'
import { markRead } from '../api/endpoints'
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
    markRead(wid, cid).catch(() => {
      if (marked.current === key) marked.current = null
    })
  }, [qc, wid, cid, lastIncomingId, ready, visible])
}

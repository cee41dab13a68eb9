import { useQueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useState } from 'react'
import { applyRealtimeEvent } from '../api/cache'
import { parseEvent } from '../api/events'
import { keys } from '../api/keys'
import { receiveNotification } from '../api/queries'
import { backoffDelay } from '../lib/backoff'

export type SocketState = 'connecting' | 'open' | 'reconnecting'

/** A socket that stays silent this long after the server has shown it pings is dead. */
const SILENCE_LIMIT_MS = 75_000
/** Close codes: not logged in (→ the session query finds out), no such workspace. */
const CLOSE_UNAUTHORIZED = new Set([1008, 4001, 4401])
const CLOSE_NOT_FOUND = 4404

export function socketUrl(wid: string, location: Pick<Location, 'protocol' | 'host'> = window.location) {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}/api/v1/ws?workspace_id=${encodeURIComponent(wid)}`
}

/**
 * One WebSocket per tab for the current workspace. Events go into the query cache; after
 * every (re)connect all queries are invalidated, so whatever was missed comes through REST.
 */
export function useRealtimeConnection(wid: string | null): SocketState {
  const qc = useQueryClient()
  // The state belongs to one workspace's socket; another workspace starts as "connecting".
  const [conn, setConn] = useState<{ wid: string | null; state: SocketState }>({
    wid: null,
    state: 'connecting',
  })

  useEffect(() => {
    if (!wid) return
    let socket: WebSocket | null = null
    let attempt = 0
    let retryTimer: number | undefined
    let watchdogTimer: number | undefined
    let disposed = false
    let pingsSeen = false
    let lastFrameAt = Date.now()
    const setState = (state: SocketState) => setConn({ wid, state })

    const detach = (s: WebSocket) => {
      s.onopen = s.onmessage = s.onclose = s.onerror = null
    }

    const scheduleReconnect = () => {
      if (disposed) return
      setState('reconnecting')
      window.clearTimeout(retryTimer)
      retryTimer = window.setTimeout(connect, backoffDelay(attempt++))
    }

    const drop = () => {
      if (!socket) return
      const s = socket
      socket = null
      detach(s)
      try {
        s.close()
      } catch {
        // already closed
      }
      scheduleReconnect()
    }

    const watchdog = () => {
      window.clearTimeout(watchdogTimer)
      watchdogTimer = window.setTimeout(() => {
        if (pingsSeen && Date.now() - lastFrameAt > SILENCE_LIMIT_MS) drop()
        else watchdog()
      }, 15_000)
    }

    function connect() {
      window.clearTimeout(retryTimer)
      if (disposed || socket) return
      let s: WebSocket
      try {
        s = new WebSocket(socketUrl(wid!))
      } catch {
        scheduleReconnect()
        return
      }
      socket = s
      s.onopen = () => {
        attempt = 0
        lastFrameAt = Date.now()
        setState('open')
        watchdog()
        // Catch up on anything that happened while we were not listening.
        void qc.invalidateQueries()
      }
      s.onmessage = (e: MessageEvent) => {
        lastFrameAt = Date.now()
        const event = parseEvent(e.data)
        if (!event) return
        if (event.type === 'ping') pingsSeen = true
        else if (event.type === 'notification.created') {
          if (String(event.workspace_id) === wid) receiveNotification(qc, wid, event.notification)
        } else applyRealtimeEvent(qc, wid!, event)
      }
      s.onclose = (e: CloseEvent) => {
        if (socket !== s) return
        socket = null
        window.clearTimeout(watchdogTimer)
        if (CLOSE_UNAUTHORIZED.has(e.code)) void qc.invalidateQueries({ queryKey: keys.session })
        if (e.code === CLOSE_NOT_FOUND) void qc.invalidateQueries({ queryKey: keys.workspaces })
        scheduleReconnect()
      }
    }

    const reconnectNow = () => {
      if (disposed || socket) return
      attempt = 0
      connect()
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') reconnectNow()
    }
    window.addEventListener('online', reconnectNow)
    document.addEventListener('visibilitychange', onVisible)
    connect()

    return () => {
      disposed = true
      window.clearTimeout(retryTimer)
      window.clearTimeout(watchdogTimer)
      window.removeEventListener('online', reconnectNow)
      document.removeEventListener('visibilitychange', onVisible)
      if (socket) {
        detach(socket)
        socket.close(1000)
        socket = null
      }
    }
  }, [wid, qc])

  return conn.wid === wid ? conn.state : 'connecting'
}

export const SocketStateContext = createContext<SocketState>('connecting')
export const useSocketState = () => useContext(SocketStateContext)

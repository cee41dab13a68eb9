import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { cacheMessage } from '../api/cache'
import { retryMessage, sendMessage } from '../api/endpoints'
import { useSession } from '../api/queries'
import type { Message } from '../api/types'
import { isPendingId } from '../lib/pending'
import { pendingStore } from '../lib/pendingStore'
import { uuid } from '../lib/uuid'
import { useErrorText } from './useErrorText'

/** Optimistic sending and retrying of outbound messages in one conversation. */
export function useSendMessage(wid: string, cid: string) {
  const qc = useQueryClient()
  const user = useSession().data?.user
  const errorText = useErrorText()

  const post = useCallback(
    async (clientId: string, text: string) => {
      try {
        const message = await sendMessage(wid, cid, { text, client_id: clientId })
        cacheMessage(qc, wid, cid, message, { mode: 'keep-newer', isNew: true, bumpUnread: false })
        pendingStore.dispatch({ type: 'confirmed', client_id: clientId, message })
      } catch (err) {
        pendingStore.dispatch({ type: 'failed', client_id: clientId, error: errorText(err) })
      }
    },
    [qc, wid, cid, errorText],
  )

  const send = useCallback(
    (raw: string) => {
      const text = raw.replace(/\s+$/, '')
      if (!text.trim()) return
      const clientId = uuid()
      pendingStore.dispatch({
        type: 'add',
        message: {
          client_id: clientId,
          workspace_id: wid,
          conversation_id: cid,
          text,
          author: {
            type: 'user',
            id: (user?.id ?? null) as Message['author']['id'],
            name: user?.name ?? null,
          } as Message['author'],
          created_at: new Date().toISOString(),
        },
      })
      void post(clientId, text)
    },
    [wid, cid, user, post],
  )

  /** Retry a failed message; resolves when the retry was accepted, throws a user text if not. */
  const retry = useCallback(
    async (message: Message) => {
      if (isPendingId(message.id) && message.client_id) {
        pendingStore.dispatch({ type: 'resend', client_id: message.client_id })
        await post(message.client_id, message.text ?? '')
        return
      }
      try {
        const updated = await retryMessage(wid, String(message.id))
        cacheMessage(qc, wid, cid, updated, { mode: 'replace', isNew: false, bumpUnread: false })
      } catch (err) {
        throw new Error(errorText(err))
      }
    },
    [qc, wid, cid, post, errorText],
  )

  return { send, retry }
}

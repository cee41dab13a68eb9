import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { cacheMessage } from '../api/cache'
import { retryMessage, sendMessage } from '../api/endpoints'
import { ApiError } from '../api/errors'
import { useSession } from '../api/queries'
import type { Attachment, Message, TemplateSend } from '../api/types'
import { isPendingId, type PendingMessage } from '../lib/pending'
import { pendingStore } from '../lib/pendingStore'
import { showToast } from '../lib/toast'
import { uuid } from '../lib/uuid'
import { useErrorText } from './useErrorText'

/** What the composer sends. */
export type OutgoingMessage = {
  text: string
  attachments?: Attachment[]
  replyToId?: string | null
  channelId?: string | null
  voiceNote?: boolean
  template?: TemplateSend | null
}

function body(p: PendingMessage) {
  return {
    client_id: p.client_id,
    text: p.text,
    attachment_ids: (p.attachments ?? []).map((a) => a.id),
    voice_note: p.voice_note ?? false,
    ...(p.reply_to_id ? { reply_to_id: p.reply_to_id as Message['id'] } : {}),
    ...(p.channel_id ? { channel_id: p.channel_id as Message['id'] } : {}),
    // A template message has no text or files of its own.
    ...(p.template ? { template: p.template, text: '' } : {}),
  }
}

/** Optimistic sending and retrying of outbound messages in one conversation. */
export function useSendMessage(wid: string, cid: string) {
  const qc = useQueryClient()
  const user = useSession().data?.user
  const errorText = useErrorText()

  const post = useCallback(
    async (clientId: string) => {
      const pending = pendingStore.get()[clientId]
      if (!pending) return
      try {
        const message = await sendMessage(wid, cid, body(pending))
        cacheMessage(qc, wid, cid, message, { mode: 'keep-newer', isNew: true, bumpUnread: false })
        pendingStore.dispatch({ type: 'confirmed', client_id: clientId, message })
      } catch (err) {
        const text = errorText(err)
        pendingStore.dispatch({ type: 'failed', client_id: clientId, error: text })
        // A conflict (replying to a message still sending, a channel that can't quote, a
        // closed messaging window) is something to act on: say it out loud too.
        if (err instanceof ApiError && err.status === 409) showToast(text, 'error')
      }
    },
    [qc, wid, cid, errorText],
  )

  const send = useCallback(
    (out: OutgoingMessage) => {
      const text = out.text.replace(/\s+$/, '')
      const attachments = out.attachments ?? []
      if (!text.trim() && !attachments.length && !out.template) return
      const clientId = uuid()
      pendingStore.dispatch({
        type: 'add',
        message: {
          client_id: clientId,
          workspace_id: wid,
          conversation_id: cid,
          text,
          attachments,
          reply_to_id: out.replyToId ?? null,
          channel_id: out.channelId ?? null,
          voice_note: out.voiceNote ?? false,
          template: out.template ?? null,
          author: {
            type: 'user',
            id: (user?.id ?? null) as Message['author']['id'],
            name: user?.name ?? null,
          } as Message['author'],
          created_at: new Date().toISOString(),
        },
      })
      void post(clientId)
    },
    [wid, cid, user, post],
  )

  /** Retry a failed message; resolves when the retry was accepted, throws a user text if not. */
  const retry = useCallback(
    async (message: Message) => {
      if (isPendingId(message.id) && message.client_id) {
        pendingStore.dispatch({ type: 'resend', client_id: message.client_id })
        await post(message.client_id)
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

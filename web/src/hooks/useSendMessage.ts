import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { cacheMessage } from '../api/cache'
import { retryMessage, sendMessage } from '../api/endpoints'
import { ApiError } from '../api/errors'
import { useSession } from '../api/queries'
import type { Attachment, Message, SnippetFile, TemplateSend } from '../api/types'
import type { Mentioned } from '../lib/mentions'
import { isPendingId, type PendingMessage } from '../lib/pending'
import { pendingStore } from '../lib/pendingStore'
import { showToast } from '../lib/toast'
import { uuid } from '../lib/uuid'
import { hasVariables } from '../lib/variables'
import { useErrorText } from './useErrorText'

/** What the composer sends. */
export type OutgoingMessage = {
  text: string
  attachments?: Attachment[]
  replyToId?: string | null
  channelId?: string | null
  voiceNote?: boolean
  template?: TemplateSend | null
  /** An internal comment: seen by the team only, never sent to the contact. */
  internal?: boolean
  /** Who the comment @mentions (they get a notification). */
  mentions?: Mentioned[]
  /** Files of inserted snippets, sent along without uploading them again. */
  snippetFiles?: SnippetFile[]
}

/** A snippet's file shown on the message until the server's copy arrives. */
const snippetFileAsAttachment = (f: SnippetFile): Attachment =>
  ({
    id: f.id,
    media_type: f.media_type,
    filename: f.filename,
    size: f.size,
    status: 'ready',
    url: f.url,
    duration: null,
    waveform: null,
    playback_url: null,
    error: null,
    transcript: null,
  }) as unknown as Attachment

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
    ...(p.internal ? { internal: true, mentions: (p.mentions ?? []).map((m) => m.user_id) } : {}),
    ...(p.snippet_files?.length ? { snippet_file_ids: p.snippet_files.map((f) => f.id) } : {}),
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

  /** The message as it will be posted, shown at once (optimistically) where it is. */
  const pendingOf = useCallback(
    (out: OutgoingMessage, text: string): Omit<PendingMessage, 'state' | 'error' | 'server'> => ({
      client_id: uuid(),
      workspace_id: wid,
      conversation_id: cid,
      text,
      attachments: out.attachments ?? [],
      snippet_files: (out.snippetFiles ?? []).map(snippetFileAsAttachment),
      // A comment never goes to the contact: it quotes nothing and takes no channel.
      reply_to_id: out.internal ? null : (out.replyToId ?? null),
      channel_id: out.internal ? null : (out.channelId ?? null),
      voice_note: out.internal ? false : (out.voiceNote ?? false),
      template: out.template ?? null,
      internal: out.internal ?? false,
      mentions: out.internal ? (out.mentions ?? []) : [],
      author: {
        type: 'user',
        id: (user?.id ?? null) as Message['author']['id'],
        name: user?.name ?? null,
      } as Message['author'],
      created_at: new Date().toISOString(),
    }),
    [wid, cid, user],
  )

  /**
   * Send a message. It shows at once and is retried from its bubble if it fails; except a
   * message with variables: the server fills them in (or refuses an empty one), so it is
   * posted first and the promise rejects with the server's reason, the draft kept.
   */
  const send = useCallback(
    async (out: OutgoingMessage): Promise<void> => {
      const text = out.text.replace(/\s+$/, '')
      if (!text.trim() && !out.attachments?.length && !out.snippetFiles?.length && !out.template) return
      const pending = pendingOf(out, text)
      if (!out.internal && !out.template && hasVariables(text)) {
        const message = await sendMessage(wid, cid, body({ ...pending, state: 'sending', error: null, server: null }))
        cacheMessage(qc, wid, cid, message, { mode: 'keep-newer', isNew: true, bumpUnread: false })
        return
      }
      pendingStore.dispatch({ type: 'add', message: pending })
      void post(pending.client_id)
    },
    [qc, wid, cid, pendingOf, post],
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

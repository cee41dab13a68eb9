// Optimistic outbound messages: shown at once, matched to the server's message by client_id.
import { sameId, type Attachment, type Author, type Message } from '../api/types'

export type PendingMessage = {
  client_id: string
  workspace_id: string
  conversation_id: string
  text: string
  author: Author
  created_at: string
  /** Uploaded files it carries (already on the server). */
  attachments?: Attachment[]
  /** The message it answers. */
  reply_to_id?: string | null
  /** The channel it goes out on (null: the contact's latest). */
  channel_id?: string | null
  /** The one audio file is a voice note recorded here. */
  voice_note?: boolean
  /** A message template (WhatsApp, after the window closed) instead of free text. */
  template?: { name: string; language: string; variables?: string[] } | null
  /** An internal comment (never sent to the contact), and who it @mentions. */
  internal?: boolean
  mentions?: { user_id: string; name: string }[]
  /** Files of snippets going out with it (sent as snippet_file_ids, shown with the files). */
  snippet_files?: Attachment[]
  /** queued: the POST is in flight; failed: it did not reach the server. */
  state: 'sending' | 'failed' | 'confirmed'
  error: string | null
  /** The server's copy once the POST answered (kept until the cache has it). */
  server: Message | null
}

export type PendingState = Readonly<Record<string, PendingMessage>>

export type PendingAction =
  | { type: 'add'; message: Omit<PendingMessage, 'state' | 'error' | 'server'> }
  | { type: 'failed'; client_id: string; error: string }
  | { type: 'resend'; client_id: string }
  | { type: 'confirmed'; client_id: string; message: Message }
  | { type: 'prune'; client_ids: string[] }

export function pendingReducer(state: PendingState, action: PendingAction): PendingState {
  switch (action.type) {
    case 'add':
      return {
        ...state,
        [action.message.client_id]: { ...action.message, state: 'sending', error: null, server: null },
      }
    case 'failed': {
      const p = state[action.client_id]
      if (!p || p.state === 'confirmed') return state
      return { ...state, [action.client_id]: { ...p, state: 'failed', error: action.error } }
    }
    case 'resend': {
      const p = state[action.client_id]
      if (!p || p.state !== 'failed') return state
      return { ...state, [action.client_id]: { ...p, state: 'sending', error: null } }
    }
    case 'confirmed': {
      const p = state[action.client_id]
      if (!p) return state
      return {
        ...state,
        [action.client_id]: { ...p, state: 'confirmed', error: null, server: action.message },
      }
    }
    case 'prune': {
      if (!action.client_ids.some((id) => id in state)) return state
      const next = { ...state }
      for (const id of action.client_ids) delete next[id]
      return next
    }
  }
}

export const PENDING_ID_PREFIX = 'pending:'
export const isPendingId = (id: unknown) => String(id).startsWith(PENDING_ID_PREFIX)

/** The pending message as a Message for rendering. */
export function pendingAsMessage(p: PendingMessage): Message {
  if (p.server) return p.server
  const attachments = [...(p.attachments ?? []), ...(p.snippet_files ?? [])]
  const message = {
    id: `${PENDING_ID_PREFIX}${p.client_id}`,
    conversation_id: p.conversation_id,
    channel_id: p.channel_id ?? null,
    client_id: p.client_id,
    direction: 'out',
    author: p.author,
    kind: p.internal ? 'comment' : p.voice_note ? 'voice' : attachments.length && !p.text.trim() ? 'media' : 'text',
    text: p.text,
    reply_to_id: p.reply_to_id ?? null,
    external_id: null,
    status: p.state === 'failed' ? 'failed' : 'queued',
    error: p.error,
    created_at: p.created_at,
    updated_at: p.created_at,
    attachments,
    mentions: p.mentions ?? [],
  }
  return message as unknown as Message
}

/**
 * Server messages plus our pending ones that the server list does not contain yet.
 * Also returns the client_ids that the server list now has (to prune).
 */
export function mergePending(
  server: Message[],
  pending: PendingMessage[],
): { messages: Message[]; settled: string[] } {
  const serverClientIds = new Set(server.map((m) => m.client_id).filter(Boolean) as string[])
  const settled: string[] = []
  const extra: Message[] = []
  for (const p of pending) {
    const found =
      serverClientIds.has(p.client_id) ||
      (p.server !== null && server.some((m) => sameId(m.id, p.server!.id)))
    if (found) {
      settled.push(p.client_id)
      continue
    }
    extra.push(pendingAsMessage(p))
  }
  if (!extra.length) return { messages: server, settled }
  extra.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
  return { messages: [...server, ...extra], settled }
}

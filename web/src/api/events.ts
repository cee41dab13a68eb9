// Realtime events sent by the server over /api/v1/ws (their shapes come from the OpenAPI
// schema: ServerEvent), validated on arrival.
import type { Message, NotificationCreatedEvent, ServerEvent } from './types'

export type {
  ConversationReadEvent,
  ConversationUpdatedEvent,
  MessageCreatedEvent,
  MessageUpdatedEvent,
  NotificationCreatedEvent,
  PingEvent,
  TypingEvent,
} from './types'

export type RealtimeEvent = ServerEvent

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown) => typeof v === 'string' || typeof v === 'number'

function isMessage(v: unknown): v is Message {
  return (
    isObj(v) &&
    isId(v.id) &&
    isId(v.conversation_id) &&
    (v.direction === 'in' || v.direction === 'out') &&
    typeof v.kind === 'string' &&
    typeof v.status === 'string' &&
    typeof v.created_at === 'string' &&
    isObj(v.author) &&
    Array.isArray(v.attachments)
  )
}

/** Parse one WebSocket frame; returns null for anything malformed or unknown. */
export function parseEvent(data: unknown): RealtimeEvent | null {
  let raw: unknown = data
  if (typeof data === 'string') {
    try {
      raw = JSON.parse(data)
    } catch {
      return null
    }
  }
  if (!isObj(raw) || typeof raw.type !== 'string') return null
  switch (raw.type) {
    case 'ping':
      return { type: 'ping' }
    case 'message.created':
    case 'message.updated':
      if (!isId(raw.workspace_id) || !isId(raw.conversation_id) || !isMessage(raw.message)) {
        return null
      }
      return {
        type: raw.type,
        workspace_id: String(raw.workspace_id),
        conversation_id: String(raw.conversation_id),
        message: raw.message,
      }
    case 'conversation.updated':
    case 'conversation.read':
      if (!isId(raw.workspace_id) || !isId(raw.conversation_id)) return null
      return {
        type: raw.type,
        workspace_id: String(raw.workspace_id),
        conversation_id: String(raw.conversation_id),
      }
    case 'typing':
      if (!isId(raw.workspace_id) || !isId(raw.conversation_id) || !isId(raw.user_id)) return null
      return {
        type: 'typing',
        workspace_id: String(raw.workspace_id),
        conversation_id: String(raw.conversation_id),
        user_id: String(raw.user_id),
        user_name: typeof raw.user_name === 'string' ? raw.user_name : '',
      }
    case 'notification.created': {
      // A new notification for this user (the server sends it to them only).
      const n = raw.notification
      if (!isId(raw.workspace_id) || !isObj(n) || typeof n.id !== 'string' || typeof n.kind !== 'string') return null
      if (typeof n.created_at !== 'string' || !isObj(n.data)) return null
      return {
        type: 'notification.created',
        workspace_id: String(raw.workspace_id),
        notification: n as unknown as NotificationCreatedEvent['notification'],
      }
    }
    default:
      return null
  }
}

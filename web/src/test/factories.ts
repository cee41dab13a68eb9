import type { Conversation, Message } from '../api/types'

let seq = 0

export function msg(partial: Partial<Message> = {}): Message {
  seq++
  return {
    id: `m${seq}`,
    conversation_id: 'c1',
    channel_id: 'ch1',
    client_id: null,
    direction: 'in',
    author: { type: 'contact', id: 'k1', name: 'Kate' },
    kind: 'text',
    text: `hello ${seq}`,
    reply_to_id: null,
    external_id: null,
    status: 'received',
    error: null,
    created_at: '2024-05-10T10:00:00Z',
    updated_at: '2024-05-10T10:00:00Z',
    attachments: [],
    ...partial,
  } as Message
}

export function conv(partial: Partial<Conversation> = {}): Conversation {
  seq++
  return {
    id: `c${seq}`,
    status: 'open',
    contact: { id: `k${seq}`, name: 'Kate', phone: null, email: null },
    assignee_id: null,
    last_message: null,
    last_message_at: '2024-05-10T10:00:00Z',
    unread_count: 0,
    last_channel: null,
    opened_at: null,
    closed_at: null,
    ...partial,
  } as Conversation
}

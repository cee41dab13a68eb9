// Writing server events into the TanStack Query cache (realtime and our own sends).
import type { QueryClient } from '@tanstack/react-query'
import { isConversationOnScreen } from '../lib/activeConversation'
import { applyMessageToList, listParamsOfKey, patchConversation, withMessage } from '../lib/conversationCache'
import { typingStore } from '../lib/typingStore'
import { setAttachmentTranscript, upsertMessage, type UpsertMode } from '../lib/messageCache'
import type { RealtimeEvent } from './events'
import { keys } from './keys'
import type { ConversationPages, MessagePages } from './queries'
import type { Conversation, Message, Transcript } from './types'
import { scheduleInboxRefresh } from './inboxRefresh'

/** Put a new or changed message everywhere it shows: the thread, the inbox lists, the header. */
export function cacheMessage(
  qc: QueryClient,
  wid: string,
  cid: string,
  message: Message,
  options: { mode?: UpsertMode; isNew: boolean; bumpUnread: boolean },
) {
  qc.setQueryData<MessagePages>(keys.messages(wid, cid), (data) =>
    upsertMessage(data, message, options.mode ?? 'replace', options.isNew) as MessagePages | undefined,
  )
  if (!options.isNew || message.kind === 'system') return
  for (const [key, data] of qc.getQueriesData<ConversationPages>({
    queryKey: keys.conversationLists(wid),
  })) {
    const params = listParamsOfKey(key)
    if (!data || !params) continue
    const result = applyMessageToList(data, params, cid, message, options.bumpUnread)
    if (result.data !== data) qc.setQueryData(key, result.data)
    // One the client can't place (new to this list, reopened): the server says where it goes.
    if (result.refetch) scheduleInboxRefresh(qc, wid, { lists: true })
  }
  qc.setQueryData<Conversation>(keys.conversation(wid, cid), (c) =>
    c ? withMessage(c, message, options.bumpUnread) : c,
  )
}

/** The user has read the conversation: clear its unread badge right away. */
export function cacheRead(qc: QueryClient, wid: string, cid: string) {
  for (const [key, data] of qc.getQueriesData<ConversationPages>({
    queryKey: keys.conversationLists(wid),
  })) {
    const next = patchConversation(data, cid, { unread_count: 0 })
    if (next !== data) qc.setQueryData(key, next)
  }
  qc.setQueryData<Conversation>(keys.conversation(wid, cid), (c) =>
    c && c.unread_count ? { ...c, unread_count: 0 } : c,
  )
}

/** A transcript the server returned: show it on its attachment (never over a newer one). */
export function cacheTranscript(qc: QueryClient, wid: string, cid: string, transcript: Transcript) {
  qc.setQueryData<MessagePages>(keys.messages(wid, cid), (data) =>
    setAttachmentTranscript(data, transcript) as MessagePages | undefined,
  )
}

export function applyRealtimeEvent(qc: QueryClient, wid: string, event: RealtimeEvent) {
  // Notifications are not this client's (yet); parseEvent does not pass them on.
  if (event.type === 'ping' || event.type === 'notification.created') return
  if (String(event.workspace_id) !== wid) return
  const cid = String(event.conversation_id)
  switch (event.type) {
    case 'typing':
      typingStore.typing({ conversation_id: cid, user_id: String(event.user_id), user_name: event.user_name })
      break
    case 'message.created':
      // Whoever sent it has stopped typing.
      if (event.message.author.type === 'user' && event.message.author.id != null) {
        typingStore.stopped(cid, String(event.message.author.id))
      }
      cacheMessage(qc, wid, cid, event.message, {
        isNew: true,
        bumpUnread: event.message.direction === 'in' && !isConversationOnScreen(wid, cid),
      })
      scheduleInboxRefresh(qc, wid, { lists: false })
      break
    case 'message.updated':
      cacheMessage(qc, wid, cid, event.message, { isNew: false, bumpUnread: false })
      break
    case 'conversation.read':
      // This user read it in another tab (or device): clear the badge here too.
      cacheRead(qc, wid, cid)
      scheduleInboxRefresh(qc, wid, { lists: false })
      break
    case 'conversation.updated':
      // Anything may have changed (status, assignee, team, blocked): lists and counts again.
      scheduleInboxRefresh(qc, wid, { lists: true })
      void qc.invalidateQueries({ queryKey: keys.conversation(wid, cid) })
      break
  }
}

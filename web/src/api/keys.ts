import type { StatusFilter } from './types'

/** TanStack Query keys, in one place. */
export const keys = {
  session: ['session'] as const,
  workspaces: ['workspaces'] as const,
  conversationLists: (wid: string) => ['conversations', wid] as const,
  conversationList: (wid: string, status: StatusFilter) => ['conversations', wid, status] as const,
  conversation: (wid: string, cid: string) => ['conversation', wid, cid] as const,
  messages: (wid: string, cid: string) => ['messages', wid, cid] as const,
  preferences: (wid: string) => ['preferences', wid] as const,
  channels: (wid: string) => ['channels', wid] as const,
  contact: (wid: string, contactId: string) => ['contact', wid, contactId] as const,
  window: (wid: string, cid: string, channelId: string) => ['window', wid, cid, channelId] as const,
  templates: (wid: string, channelId: string) => ['templates', wid, channelId] as const,
}

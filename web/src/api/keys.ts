import type { ListParams } from '../lib/inboxView'

/** TanStack Query keys, in one place. */
export const keys = {
  session: ['session'] as const,
  workspaces: ['workspaces'] as const,
  conversationLists: (wid: string) => ['conversations', wid] as const,
  /** One inbox list: a mailbox's tab, sorted, searched, maybe only the unanswered. */
  conversationList: (wid: string, params: ListParams) => ['conversations', wid, params] as const,
  /** The mailbox menu with its counts. */
  mailboxes: (wid: string) => ['mailboxes', wid] as const,
  conversation: (wid: string, cid: string) => ['conversation', wid, cid] as const,
  messages: (wid: string, cid: string) => ['messages', wid, cid] as const,
  /** Search within one conversation, by query. */
  conversationSearch: (wid: string, cid: string, q: string) => ['conversation-search', wid, cid, q] as const,
  preferences: (wid: string) => ['preferences', wid] as const,
  channels: (wid: string) => ['channels', wid] as const,
  contact: (wid: string, contactId: string) => ['contact', wid, contactId] as const,
  /** Every contact of a workspace (prefix of `contact`). */
  contacts: (wid: string) => ['contact', wid] as const,
  customFields: (wid: string) => ['custom-fields', wid] as const,
  teams: (wid: string) => ['teams', wid] as const,
  members: (wid: string) => ['members', wid] as const,
  snippets: (wid: string) => ['snippets', wid] as const,
  variables: (wid: string) => ['variables', wid] as const,
  conversationVariables: (wid: string, cid: string) => ['variables', wid, cid] as const,
  window: (wid: string, cid: string, channelId: string) => ['window', wid, cid, channelId] as const,
  templates: (wid: string, channelId: string) => ['templates', wid, channelId] as const,
  notifications: (wid: string) => ['notifications', wid] as const,
  customInbox: (wid: string, inboxId: string) => ['custom-inbox', wid, inboxId] as const,
  /** The workspace's tags in use (for pickers), by what was typed; `allTags` is their prefix. */
  tags: (wid: string, q: string) => ['tags', wid, q] as const,
  allTags: (wid: string) => ['tags', wid] as const,
}

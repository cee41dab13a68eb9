// Friendly aliases for the generated OpenAPI schema (src/api/schema.d.ts, `npm run gen:api`).
import type { components } from './schema'

type Schemas = components['schemas']

export type Session = Schemas['SessionOut']
export type User = Schemas['UserOut']
export type Workspace = Schemas['WorkspaceOut']
export type Role = Workspace['role']
export type Conversation = Schemas['ConversationOut']
export type ConversationStatus = Conversation['status']
export type Contact = Conversation['contact']
export type LastMessage = NonNullable<Conversation['last_message']>
export type ChannelBrief = NonNullable<Conversation['last_channel']>
export type Message = Schemas['MessageOut']
export type MessageStatus = Message['status']
export type MessageKind = Message['kind']
export type Direction = Message['direction']
export type Author = Message['author']
export type Attachment = Message['attachments'][number]
export type Transcript = Schemas['TranscriptOut']
/** A match of search within a conversation (GET /conversations/{cid}/search). */
export type SearchHit = Schemas['SearchHitOut']
export type TranscriptStatus = Transcript['status']
export type TranscriptSegment = Transcript['segments'][number]
export type AttachmentId = Attachment['id']
export type Preferences = Schemas['WorkspacePreferences']
export type Channel = Schemas['ChannelOut']
export type ChannelCreated = Schemas['ChannelCreatedOut']
export type ChannelUpdate = Schemas['ChannelUpdate']
export type ApiChannelCreate = Schemas['ApiChannelCreate']
export type Capabilities = Schemas['CapabilitiesOut']
export type ContactDetails = Schemas['ContactOut']
/** A tag in use in the workspace, with how many contacts (the viewer can see) have it. */
export type TagInUse = Schemas['TagOut']
export type TelegramChannelCreate = Schemas['TelegramChannelCreate']
export type TelegramChannelUpdate = Schemas['TelegramChannelUpdate']
export type WhatsAppChannelCreate = Schemas['WhatsAppChannelCreate']
export type WhatsAppChannelUpdate = Schemas['WhatsAppChannelUpdate']
export type WhatsAppChannel = Schemas['WhatsAppChannelOut']
/** A WhatsApp message template, and how one is sent (MessageCreate.template). */
export type Template = Schemas['TemplateOut']
export type TemplateSend = Schemas['TemplateIn']
/** WhatsApp's 24-hour customer service window of one channel in a conversation. */
export type MessagingWindow = Schemas['MessagingWindowOut']
/** The body of a new outbound message (fields with defaults optional). */
export type MessageCreate = Partial<Schemas['MessageCreate']>
export type PreferencesPatch = Schemas['WorkspacePreferencesPatch']
/** Saved replies (snippets) with their files, and who is @mentioned in an internal comment. */
export type Snippet = Schemas['SnippetOut']
export type SnippetFile = Snippet['files'][number]
export type SnippetCreate = Schemas['SnippetIn']
export type SnippetPatch = Schemas['SnippetPatch']
export type Mention = Schemas['MentionOut']
/** `{{key}}` variables: what exists, and their values in one conversation. */
export type Variable = Schemas['VariableOut']
export type ResolvedVariable = Schemas['ResolvedVariableOut']
/** Contacts: a new one, a change (only the fields sent), typed custom fields, teams, members. */
export type ContactCreate = Schemas['ContactCreate']
export type ContactPatch = Schemas['ContactPatch']
export type CustomFieldDef = Schemas['CustomFieldOut']
export type CustomFieldKind = CustomFieldDef['kind']
export type CustomFieldCreate = Schemas['CustomFieldIn']
export type CustomFieldPatch = Schemas['CustomFieldPatch']
export type Team = Schemas['TeamOut']
export type TeamCreate = Schemas['TeamIn']
export type Member = Schemas['MemberOut']
/**
 * RFC 9457 problem details, as every API error is returned (Schemas['Problem']); looser here
 * because the client also makes one from a proxy's or a network failure's answer.
 */
export type Problem = {
  type: string
  title: string
  status: number
  detail?: string | null
  instance?: string | null
  /** Which fields were wrong (422). */
  errors?: Schemas['ProblemFieldError'][] | null
}

/** Realtime events (`/api/v1/ws`), as the server declares them. */
export type ServerEvent = Schemas['ServerEvent']
export type MessageCreatedEvent = Schemas['MessageCreatedEvent']
export type MessageUpdatedEvent = Schemas['MessageUpdatedEvent']
export type ConversationUpdatedEvent = Schemas['ConversationUpdatedEvent']
export type ConversationReadEvent = Schemas['ConversationReadEvent']
export type PingEvent = Schemas['PingEvent']
export type TypingEvent = Schemas['TypingEvent']
export type NotificationCreatedEvent = Schemas['NotificationCreatedEvent']

/** Notifications (assigned, snooze ended, mentioned) and one page of their list. */
export type AppNotification = Schemas['NotificationOut']
export type NotificationsPage = Schemas['NotificationsPage']
/** Custom inboxes: saved filters, owned by one user, optionally shared (read-only to others). */
export type CustomInbox = Schemas['CustomInboxOut']
export type CustomInboxInput = Schemas['CustomInboxIn']
export type InboxFilters = Schemas['InboxFilters']

/** The status filter of the inbox list (`all` is not a conversation status). */
export type StatusFilter = ConversationStatus | 'all'
/** The inbox menu (`GET /mailboxes`): every mailbox of this user with its counts. */
export type Mailboxes = Schemas['MailboxesOut']
export type Mailbox = Mailboxes['mailboxes'][number]
export type MailboxKind = Mailbox['kind']
/** How the inbox list is ordered: by last message, or by time in the current state. */
type ListQuery = NonNullable<
  import('./schema').operations['list_conversations_api_v1_workspaces__workspace_id__conversations_get']['parameters']['query']
>
export type SortOrder = NonNullable<ListQuery['sort']>

/**
 * Ids travel through the UI as strings (they come from the URL). The schema decides whether
 * they are UUIDs or integers; path parameters are interpolated into the URL either way, so
 * these casts are safe at runtime and keep the UI independent of that choice.
 */
export type WorkspaceId = Workspace['id']
export type ConversationId = Conversation['id']
export type MessageId = Message['id']

export const asWorkspaceId = (id: string) => id as unknown as WorkspaceId
export const asConversationId = (id: string) => id as unknown as ConversationId
export const asMessageId = (id: string) => id as unknown as MessageId
export const asAttachmentId = (id: string) => id as unknown as AttachmentId
export type ChannelId = Channel['id']
export const asChannelId = (id: string) => id as unknown as ChannelId
export type ContactId = ContactDetails['id']
export const asContactId = (id: string) => id as unknown as ContactId

/** Compare ids of any type (string/number) safely. */
export const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

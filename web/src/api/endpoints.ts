// Every REST call the client makes. Keep path/parameter names here only, so a regenerated
// schema can only break this one file.
import { api, noteUnauthorized } from './client'
import { ApiError, isProblem, unwrap } from './errors'
import {
  asAttachmentId,
  asChannelId,
  asContactId,
  asConversationId,
  asMessageId,
  asWorkspaceId,
  type ApiChannelCreate,
  type Attachment,
  type Channel,
  type ChannelCreated,
  type ChannelUpdate,
  type ContactCreate,
  type ContactDetails,
  type ContactPatch,
  type CustomFieldCreate,
  type CustomFieldDef,
  type CustomFieldPatch,
  type Member,
  type Team,
  type TeamCreate,
  type MessagingWindow,
  type TelegramChannelCreate,
  type TelegramChannelUpdate,
  type Template,
  type WhatsAppChannel,
  type WhatsAppChannelCreate,
  type WhatsAppChannelUpdate,
  type Conversation,
  type Message,
  type MessageCreate,
  type Preferences,
  type PreferencesPatch,
  type Session,
  type SearchHit,
  type Transcript,
  type Workspace,
} from './types'
import type { CustomInbox, CustomInboxInput, NotificationsPage } from './types'
import type { TagInUse } from './types'
import type { ConversationPage } from '../lib/conversationCache'
import type { ListParams } from '../lib/inboxView'
import type { Mailboxes } from './types'
import type { ResolvedVariable, Snippet, SnippetCreate, SnippetPatch, Variable } from './types'

export const PAGE_SIZE = 50

export async function fetchSession(): Promise<Session | null> {
  try {
    return await unwrap(api.GET('/api/v1/auth/me'))
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

export function login(email: string, password: string): Promise<Session> {
  return unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }))
}

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/logout'))
}

export function fetchWorkspaces(): Promise<Workspace[]> {
  return unwrap(api.GET('/api/v1/workspaces'))
}

export async function fetchConversations(
  wid: string,
  params: ListParams,
  cursor?: string,
): Promise<ConversationPage> {
  let next: string | null = null
  const items = await unwrap(
    api
      .GET('/api/v1/workspaces/{workspace_id}/conversations', {
        params: {
          path: { workspace_id: asWorkspaceId(wid) },
          query: {
            mailbox: params.mailbox,
            status: params.status,
            sort: params.sort,
            limit: PAGE_SIZE,
            ...(params.q ? { q: params.q } : {}),
            ...(params.unanswered ? { unanswered: true } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      })
      .then((result) => {
        next = result.response.headers.get('X-Next-Cursor')
        return result
      }),
  )
  return { items, next }
}

/** The inbox menu: mailboxes with their counts per tab and unread. */
export function fetchMailboxes(wid: string): Promise<Mailboxes> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/mailboxes', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

export function fetchConversation(wid: string, cid: string): Promise<Conversation> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
    }),
  )
}

/** The latest page, or the page before `cursor` (the oldest message loaded: time, then id). */
export function fetchMessages(
  wid: string,
  cid: string,
  cursor?: { before: string; before_id: string },
  limit: number = PAGE_SIZE,
): Promise<Message[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/messages', {
      params: {
        path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) },
        query: {
          limit,
          ...(cursor ? { before: cursor.before, before_id: asMessageId(cursor.before_id) } : {}),
        },
      },
    }),
  )
}

/** One message by id (a linked message, a search hit): 404 when it is gone or not visible. */
export function fetchMessage(wid: string, mid: string): Promise<Message> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/messages/{message_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), message_id: asMessageId(mid) } },
    }),
  )
}

/** A reply: text and/or uploaded files, optionally quoting a message, on a chosen channel. */
export function sendMessage(wid: string, cid: string, body: MessageCreate & { client_id: string }): Promise<Message> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/messages', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
      // The schema's defaulted fields are required in the generated types.
      body: { text: '', voice_note: false, attachment_ids: [], snippet_file_ids: [], internal: false, mentions: [], ...body },
    }),
  )
}

export async function markRead(wid: string, cid: string): Promise<void> {
  await unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/read', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
    }),
  )
}

export function retryMessage(wid: string, mid: string): Promise<Message> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/messages/{message_id}/retry', {
      params: { path: { workspace_id: asWorkspaceId(wid), message_id: asMessageId(mid) } },
    }),
  )
}

/** The "T" button: start (or retry) transcribing an audio attachment. 202 pending, 200 done. */
export function requestTranscript(wid: string, attachmentId: string, language?: string): Promise<Transcript> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/attachments/{attachment_id}/transcript', {
      params: { path: { workspace_id: asWorkspaceId(wid), attachment_id: asAttachmentId(attachmentId) } },
      ...(language ? { body: { language } } : {}),
    }),
  )
}

export function fetchPreferences(wid: string): Promise<Preferences> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/preferences', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

/** Change only the given fields (owner/manager; agents get 403). */
export function updatePreferences(wid: string, patch: PreferencesPatch): Promise<Preferences> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/preferences', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body: patch,
    }),
  )
}

/** "I am typing" (throttled by the caller); the contact sees it where the channel can show it. */
export async function sendTyping(wid: string, cid: string, channelId?: string | null): Promise<void> {
  await unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/typing', {
      params: {
        path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) },
        query: channelId ? { channel_id: asChannelId(channelId) } : {},
      },
    }),
  )
}

export function fetchChannels(wid: string): Promise<Channel[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/channels', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

/** A new API channel; the answer carries its signing secret, shown this once. */
export function createApiChannel(wid: string, body: Omit<ApiChannelCreate, 'kind'>): Promise<ChannelCreated> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/channels', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body: { kind: 'api', ...body },
    }),
  )
}

export function updateChannel(wid: string, channelId: string, patch: ChannelUpdate): Promise<Channel> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/channels/{channel_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), channel_id: asChannelId(channelId) } },
      body: patch,
    }),
  )
}

/** Remove a channel; its conversations and messages stay. */
export async function removeChannel(wid: string, channelId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/channels/{channel_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), channel_id: asChannelId(channelId) } },
    }),
  )
}

/** Connect a Telegram bot by its token (the server checks it with Telegram: 502 when it can't). */
export function createTelegramChannel(wid: string, body: TelegramChannelCreate): Promise<Channel> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/channels/telegram', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

export function updateTelegramChannel(wid: string, channelId: string, patch: TelegramChannelUpdate): Promise<Channel> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/channels/telegram/{channel_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), channel_id: asChannelId(channelId) } },
      body: patch,
    }),
  )
}

/** Connect a WhatsApp Cloud API number; the answer has the verify token for Meta's webhook. */
export function createWhatsAppChannel(wid: string, body: WhatsAppChannelCreate): Promise<WhatsAppChannel> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/channels/whatsapp', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

export function updateWhatsAppChannel(wid: string, channelId: string, patch: WhatsAppChannelUpdate): Promise<Channel> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/channels/whatsapp/{channel_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), channel_id: asChannelId(channelId) } },
      body: patch,
    }),
  )
}

/** The messaging window of a channel in a conversation (WhatsApp: 24 h after the contact wrote). */
export function fetchWindow(wid: string, cid: string, channelId: string): Promise<MessagingWindow> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/window', {
      params: {
        path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) },
        query: { channel_id: asChannelId(channelId) },
      },
    }),
  )
}

/** A channel's message templates (WhatsApp), sendable or not (with why). */
export function fetchTemplates(wid: string, channelId: string): Promise<Template[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/channels/{channel_id}/templates', {
      params: { path: { workspace_id: asWorkspaceId(wid), channel_id: asChannelId(channelId) } },
    }),
  )
}

export function fetchContact(wid: string, contactId: string): Promise<ContactDetails> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/contacts/{contact_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), contact_id: asContactId(contactId) } },
    }),
  )
}

/** Your notifications, newest first (`before`: older than this time), with the unread count. */
export function fetchNotifications(wid: string, limit: number, before?: string): Promise<NotificationsPage> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/notifications', {
      params: { path: { workspace_id: asWorkspaceId(wid) }, query: { limit, ...(before ? { before } : {}) } },
    }),
  )
}

/** Mark some notifications, or all of them, read; answers the unread count after. */
export async function markNotificationsRead(wid: string, ids: readonly string[] | 'all'): Promise<number> {
  const body = ids === 'all' ? { all: true } : { ids: [...ids], all: false }
  const out = await unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/notifications/read', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
  return out.unread_count
}

export function fetchCustomInbox(wid: string, inboxId: string): Promise<CustomInbox> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/custom-inboxes/{inbox_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), inbox_id: inboxId } },
    }),
  )
}

export function createCustomInbox(wid: string, body: CustomInboxInput): Promise<CustomInbox> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/custom-inboxes', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

/** Only its creator may change it (403 for anyone else). */
export function updateCustomInbox(wid: string, inboxId: string, body: CustomInboxInput): Promise<CustomInbox> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/custom-inboxes/{inbox_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), inbox_id: inboxId } },
      body,
    }),
  )
}

export async function deleteCustomInbox(wid: string, inboxId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/custom-inboxes/{inbox_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), inbox_id: inboxId } },
    }),
  )
}

export type UploadOptions = {
  /** A voice note recorded in the browser. */
  voice?: boolean
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Upload one file (multipart `file`, `voice`) for a reply. XMLHttpRequest, because fetch
 * does not report upload progress. Rejects with an ApiError carrying the server's problem
 * (413 too large, 415 type refused), or status 0 on a network failure / abort.
 */
export function uploadFile(wid: string, file: Blob, filename: string, options: UploadOptions = {}): Promise<Attachment> {
  const url = `/api/v1/workspaces/${encodeURIComponent(wid)}/uploads`
  return new Promise<Attachment>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as Attachment)
        return
      }
      if (xhr.status === 401) noteUnauthorized(url)
      const problem = isProblem(body)
        ? body
        : { type: 'about:blank', title: xhr.statusText || `HTTP ${xhr.status}`, status: xhr.status, detail: null }
      reject(new ApiError(xhr.status, problem))
    }
    xhr.onerror = () => reject(new ApiError(0, null))
    xhr.onabort = () => reject(new ApiError(0, { type: 'about:blank', title: 'aborted', status: 0, detail: null }))
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('file', file, filename)
    if (options.voice) form.append('voice', 'true')
    xhr.send(form)
  })
}

// Contacts, their custom fields, teams and members (inbox management).

/** A new contact; its conversation starts in the Closed tab (`conversation_id` in the answer). */
export function createContact(wid: string, body: ContactCreate): Promise<ContactDetails> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/contacts', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

/** Only the fields sent change; in `custom_fields` a null removes a value. */
export function updateContact(wid: string, contactId: string, patch: ContactPatch): Promise<ContactDetails> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/contacts/{contact_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), contact_id: asContactId(contactId) } },
      body: patch,
    }),
  )
}

/** The workspace's contact tags in use, most used first; `q`: those containing it (any case). */
export function fetchTags(wid: string, q: string, limit = 20): Promise<TagInUse[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/tags', {
      params: { path: { workspace_id: asWorkspaceId(wid) }, query: { q: q || undefined, limit } },
    }),
  )
}

export function fetchCustomFields(wid: string): Promise<CustomFieldDef[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/custom-fields', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

export function createCustomField(wid: string, body: CustomFieldCreate): Promise<CustomFieldDef> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/custom-fields', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

export function updateCustomField(wid: string, fieldId: string, patch: CustomFieldPatch): Promise<CustomFieldDef> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/custom-fields/{field_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), field_id: fieldId } },
      body: patch,
    }),
  )
}

/** The definition goes; values stored on contacts stay (hidden until a field with the key returns). */
export async function deleteCustomField(wid: string, fieldId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/custom-fields/{field_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), field_id: fieldId } },
    }),
  )
}

export function fetchMembers(wid: string): Promise<Member[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/members', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

export function fetchTeams(wid: string): Promise<Team[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/teams', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

export function createTeam(wid: string, body: TeamCreate): Promise<Team> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/teams', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

export function renameTeam(wid: string, teamId: string, name: string): Promise<Team> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/teams/{team_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), team_id: teamId } },
      body: { name },
    }),
  )
}

/** Its conversations keep their assignee and lose the team. */
export async function deleteTeam(wid: string, teamId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/teams/{team_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), team_id: teamId } },
    }),
  )
}

export function addTeamMember(wid: string, teamId: string, userId: string): Promise<Team> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/teams/{team_id}/members', {
      params: { path: { workspace_id: asWorkspaceId(wid), team_id: teamId } },
      body: { user_id: userId },
    }),
  )
}

export async function removeTeamMember(wid: string, teamId: string, userId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/teams/{team_id}/members/{user_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), team_id: teamId, user_id: userId } },
    }),
  )
}

// Conversation actions (close, reopen, snooze, assign) and blocking a contact. Each answers
// with the conversation (or contact) as it is now.

/** What an agent does to a conversation; `runConversationAction` sends it. */
export type ConversationAction =
  | { kind: 'close'; note?: string | null; category?: string | null }
  | { kind: 'reopen' }
  | { kind: 'snooze'; until: string }
  | { kind: 'unsnooze' }
  | { kind: 'assign'; assignee_id?: string | null; team_id?: string | null }
  | { kind: 'unassign' }

export function runConversationAction(wid: string, cid: string, action: ConversationAction): Promise<Conversation> {
  const params = { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } }
  const base = '/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}' as const
  switch (action.kind) {
    case 'close': {
      const { kind: _, ...body } = action
      return unwrap(api.POST(`${base}/close`, { params, body }))
    }
    case 'snooze':
      return unwrap(api.POST(`${base}/snooze`, { params, body: { until: action.until } }))
    case 'assign': {
      const { kind: _, ...body } = action
      return unwrap(api.POST(`${base}/assign`, { params, body }))
    }
    case 'reopen':
      return unwrap(api.POST(`${base}/reopen`, { params }))
    case 'unsnooze':
      return unwrap(api.POST(`${base}/unsnooze`, { params }))
    case 'unassign':
      return unwrap(api.POST(`${base}/unassign`, { params }))
  }
}

/** Block (their messages are kept but open nothing and notify no one) or unblock a contact. */
export function setContactBlocked(wid: string, contactId: string, blocked: boolean): Promise<ContactDetails> {
  const params = { path: { workspace_id: asWorkspaceId(wid), contact_id: asContactId(contactId) } }
  return blocked
    ? unwrap(api.POST('/api/v1/workspaces/{workspace_id}/contacts/{contact_id}/block', { params }))
    : unwrap(api.POST('/api/v1/workspaces/{workspace_id}/contacts/{contact_id}/unblock', { params }))
}

// Saved replies (snippets): everyone lists them, owners and managers change them.
export function fetchSnippets(wid: string): Promise<Snippet[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/snippets', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

export function createSnippet(wid: string, body: SnippetCreate): Promise<Snippet> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/snippets', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
      body,
    }),
  )
}

/** `attachment_ids` replaces the files: ids of files to keep plus new uploads, in order. */
export function updateSnippet(wid: string, snippetId: string, patch: SnippetPatch): Promise<Snippet> {
  return unwrap(
    api.PATCH('/api/v1/workspaces/{workspace_id}/snippets/{snippet_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), snippet_id: snippetId } },
      body: patch,
    }),
  )
}

export async function deleteSnippet(wid: string, snippetId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/workspaces/{workspace_id}/snippets/{snippet_id}', {
      params: { path: { workspace_id: asWorkspaceId(wid), snippet_id: snippetId } },
    }),
  )
}

/** Messages, comments and voice transcripts of a conversation that contain the words, oldest first. */
export async function searchConversation(wid: string, cid: string, q: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const out = await unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/search', {
      params: {
        path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) },
        query: { q, limit: SEARCH_LIMIT },
      },
      signal,
    }),
  )
  // openapi-fetch widens the [start, end) pairs to number[]: the schema says pairs.
  return out.hits as SearchHit[]
}

/** Matches asked for per search (the newest ones, where there are more). */
export const SEARCH_LIMIT = 200

/** The variables a message or snippet may use (`{{key}}`). */
export function fetchVariables(wid: string): Promise<Variable[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/variables', {
      params: { path: { workspace_id: asWorkspaceId(wid) } },
    }),
  )
}

/** Each variable's value in a conversation ('' when empty): for the composer's preview. */
export function fetchConversationVariables(wid: string, cid: string): Promise<ResolvedVariable[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/variables', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
    }),
  )
}


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
  type ContactDetails,
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
  type StatusFilter,
  type Transcript,
  type Workspace,
} from './types'

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

export function fetchConversations(
  wid: string,
  status: StatusFilter,
  before?: string,
): Promise<Conversation[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations', {
      params: {
        path: { workspace_id: asWorkspaceId(wid) },
        query: { status, limit: PAGE_SIZE, ...(before ? { before } : {}) },
      },
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
): Promise<Message[]> {
  return unwrap(
    api.GET('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/messages', {
      params: {
        path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) },
        query: {
          limit: PAGE_SIZE,
          ...(cursor ? { before: cursor.before, before_id: asMessageId(cursor.before_id) } : {}),
        },
      },
    }),
  )
}

/** A reply: text and/or uploaded files, optionally quoting a message, on a chosen channel. */
export function sendMessage(wid: string, cid: string, body: MessageCreate & { client_id: string }): Promise<Message> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/messages', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
      // The schema's defaulted fields are required in the generated types.
      body: { text: '', voice_note: false, attachment_ids: [], ...body },
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

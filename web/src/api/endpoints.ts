// Every REST call the client makes. Keep path/parameter names here only, so a regenerated
// schema can only break this one file.
import { api } from './client'
import { ApiError, unwrap } from './errors'
import {
  asAttachmentId,
  asConversationId,
  asMessageId,
  asWorkspaceId,
  type Conversation,
  type Message,
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

export function sendMessage(
  wid: string,
  cid: string,
  body: { text: string; client_id: string },
): Promise<Message> {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace_id}/conversations/{conversation_id}/messages', {
      params: { path: { workspace_id: asWorkspaceId(wid), conversation_id: asConversationId(cid) } },
      // A text reply (the schema's defaulted fields are required in the generated types).
      body: { ...body, voice_note: false },
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

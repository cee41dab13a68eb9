// TanStack Query hooks: all server state goes through these.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query'
import { flattenConversations, olderConversationsParam } from '../lib/conversationCache'
import { flattenMessages, olderPageParam, type MessageCursor } from '../lib/messageCache'
import { pendingStore } from '../lib/pendingStore'
import { paths } from '../lib/routes'
import { navigate } from '../lib/router'
import { cacheTranscript } from './cache'
import {
  createApiChannel,
  createTelegramChannel,
  createWhatsAppChannel,
  fetchTemplates,
  fetchWindow,
  updateTelegramChannel,
  updateWhatsAppChannel,
  fetchChannels,
  fetchContact,
  fetchConversation,
  fetchConversations,
  fetchMessages,
  fetchPreferences,
  fetchSession,
  fetchWorkspaces,
  login,
  logout,
  PAGE_SIZE,
  removeChannel,
  requestTranscript,
  updateChannel,
  updatePreferences,
} from './endpoints'
import { keys } from './keys'
import {
  sameId,
  type ApiChannelCreate,
  type Channel,
  type ChannelUpdate,
  type Conversation,
  type TelegramChannelCreate,
  type TelegramChannelUpdate,
  type WhatsAppChannelCreate,
  type WhatsAppChannelUpdate,
  type Message,
  type Preferences,
  type PreferencesPatch,
  type Session,
  type StatusFilter,
} from './types'

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
  })
}

export function useLogin() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (vars: { email: string; password: string }) => login(vars.email, vars.password),
    onSuccess: (session) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] })
      qc.setQueryData<Session | null>(keys.session, session)
      qc.setQueryData(keys.workspaces, session.workspaces)
    },
  })
}

export function useLogout() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      pendingStore.reset()
      navigate(paths.login(), { replace: true })
      qc.clear()
      qc.setQueryData<Session | null>(keys.session, null)
    },
  })
}

export function useWorkspaces(enabled: boolean) {
  const qc = useQueryClient()
  return useQuery({
    queryKey: keys.workspaces,
    queryFn: fetchWorkspaces,
    enabled,
    placeholderData: () => qc.getQueryData<Session | null>(keys.session)?.workspaces,
  })
}

export type ConversationPages = InfiniteData<Conversation[], string | undefined>
export type MessagePages = InfiniteData<Message[], MessageCursor | undefined>

export function useConversationList(wid: string, status: StatusFilter) {
  const query = useInfiniteQuery({
    queryKey: keys.conversationList(wid, status),
    queryFn: ({ pageParam }) => fetchConversations(wid, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => olderConversationsParam(last, PAGE_SIZE),
  })
  return { ...query, conversations: flattenConversations(query.data) }
}

/** A conversation; the list row (if cached) shows at once while the full one loads. */
export function useConversation(wid: string, cid: string) {
  const qc = useQueryClient()
  return useQuery({
    queryKey: keys.conversation(wid, cid),
    queryFn: () => fetchConversation(wid, cid),
    placeholderData: () => {
      for (const [, data] of qc.getQueriesData<ConversationPages>({
        queryKey: keys.conversationLists(wid),
      })) {
        const found = data?.pages.flat().find((c) => sameId(c.id, cid))
        if (found) return found
      }
      return undefined
    },
  })
}

export function useMessages(wid: string, cid: string) {
  const query = useInfiniteQuery({
    queryKey: keys.messages(wid, cid),
    queryFn: ({ pageParam }) => fetchMessages(wid, cid, pageParam),
    initialPageParam: undefined as MessageCursor | undefined,
    getNextPageParam: (last) => olderPageParam(last, PAGE_SIZE),
  })
  return { ...query, messages: flattenMessages(query.data) }
}

/** Start (or retry) transcribing one attachment; the result lands on the message at once. */
export function useTranscribe(wid: string, cid: string, attachmentId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => requestTranscript(wid, attachmentId),
    onSuccess: (transcript) => cacheTranscript(qc, wid, cid, transcript),
  })
}

export function usePreferences(wid: string) {
  return useQuery({
    queryKey: keys.preferences(wid),
    queryFn: () => fetchPreferences(wid),
  })
}

export function useUpdatePreferences(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (patch: PreferencesPatch) => updatePreferences(wid, patch),
    onSuccess: (prefs) => qc.setQueryData<Preferences>(keys.preferences(wid), prefs),
  })
}

/** The workspace's channels with their capabilities (every member may list them). */
export function useChannels(wid: string) {
  return useQuery({
    queryKey: keys.channels(wid),
    queryFn: () => fetchChannels(wid),
    staleTime: 60_000,
  })
}

export function useContact(wid: string, contactId: string | null | undefined) {
  return useQuery({
    queryKey: keys.contact(wid, String(contactId ?? '')),
    queryFn: () => fetchContact(wid, String(contactId)),
    enabled: contactId != null,
    staleTime: 60_000,
  })
}

/** The messaging window (WhatsApp's 24 h) of a channel in a conversation, for channels with one. */
export function useMessagingWindow(wid: string, cid: string, channelId: string | null, hasWindow: boolean) {
  const enabled = hasWindow && channelId != null
  return useQuery({
    queryKey: keys.window(wid, cid, String(channelId ?? '')),
    queryFn: () => fetchWindow(wid, cid, String(channelId)),
    enabled,
    staleTime: 60_000,
  })
}

export function useTemplates(wid: string, channelId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: keys.templates(wid, String(channelId ?? '')),
    queryFn: () => fetchTemplates(wid, String(channelId)),
    enabled: enabled && channelId != null,
    staleTime: 5 * 60_000,
  })
}

export type NewChannel =
  | ({ kind: 'api' } & Omit<ApiChannelCreate, 'kind'>)
  | ({ kind: 'telegram' } & TelegramChannelCreate)
  | ({ kind: 'whatsapp' } & WhatsAppChannelCreate)

/** What the server answers when a channel is made: secrets to show once. */
export type CreatedChannel = Channel & { signing_secret?: string | null; verify_token?: string | null }

export function useCreateChannel(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (input: NewChannel): Promise<CreatedChannel> => {
      if (input.kind === 'telegram') {
        const { kind: _, ...body } = input
        return createTelegramChannel(wid, body)
      }
      if (input.kind === 'whatsapp') {
        const { kind: _, ...body } = input
        return createWhatsAppChannel(wid, body)
      }
      const { kind: _, ...body } = input
      return createApiChannel(wid, body)
    },
    onSuccess: (created) => {
      qc.setQueryData<Channel[]>(keys.channels(wid), (list) => (list ? [...list.filter((c) => !sameId(c.id, created.id)), created] : list))
      void qc.invalidateQueries({ queryKey: keys.channels(wid) })
    },
  })
}

/** A change to a channel: name (any kind), callback URL (API), token (Telegram), keys (WhatsApp). */
export type ChannelChange =
  | { kind: 'api'; id: string; patch: ChannelUpdate }
  | { kind: 'telegram'; id: string; patch: TelegramChannelUpdate }
  | { kind: 'whatsapp'; id: string; patch: WhatsAppChannelUpdate }
  | { kind: 'other'; id: string; patch: ChannelUpdate }

export function useUpdateChannel(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (change: ChannelChange) =>
      change.kind === 'telegram'
        ? updateTelegramChannel(wid, change.id, change.patch)
        : change.kind === 'whatsapp'
          ? updateWhatsAppChannel(wid, change.id, change.patch)
          : updateChannel(wid, change.id, change.patch),
    onSuccess: (updated) => {
      qc.setQueryData<Channel[]>(keys.channels(wid), (list) => list?.map((c) => (sameId(c.id, updated.id) ? updated : c)))
    },
  })
}

export function useRemoveChannel(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => removeChannel(wid, id),
    onSuccess: (_, id) => {
      qc.setQueryData<Channel[]>(keys.channels(wid), (list) => list?.filter((c) => !sameId(c.id, id)))
      void qc.invalidateQueries({ queryKey: keys.channels(wid) })
    },
  })
}

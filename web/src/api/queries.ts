// TanStack Query hooks: all server state goes through these.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query'
import { findConversation, flattenConversations, listParamsOfKey, nextPageParam, type ConversationPage } from '../lib/conversationCache'
import { sameListExceptSearch, type ListParams } from '../lib/inboxView'
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
  addTeamMember,
  createContact,
  createCustomField,
  createTeam,
  deleteCustomField,
  deleteTeam,
  fetchCustomFields,
  fetchMembers,
  fetchTeams,
  removeTeamMember,
  renameTeam,
  updateContact,
  updateCustomField,
  fetchContact,
  fetchConversation,
  fetchConversations,
  fetchMessages,
  searchConversation,
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
import { fetchMailboxes } from './endpoints'
import {
  sameId,
  type ApiChannelCreate,
  type Channel,
  type ChannelUpdate,
  type ContactCreate,
  type ContactDetails,
  type ContactPatch,
  type CustomFieldCreate,
  type CustomFieldDef,
  type CustomFieldPatch,
  type Team,
  type TeamCreate,
  type TelegramChannelCreate,
  type TelegramChannelUpdate,
  type WhatsAppChannelCreate,
  type WhatsAppChannelUpdate,
  type Message,
  type Preferences,
  type PreferencesPatch,
  type Session,
} from './types'
import {
  announceNotification,
  flattenNotifications,
  NOTIFICATIONS_PAGE_SIZE,
  olderNotificationsParam,
  unreadNotifications,
  withNewNotification,
  withRead,
  type NotificationPages,
} from '../lib/notifications'
import {
  createCustomInbox,
  deleteCustomInbox,
  fetchCustomInbox,
  fetchNotifications,
  markNotificationsRead,
  updateCustomInbox,
} from './endpoints'
import type { AppNotification, CustomInbox, CustomInboxInput } from './types'
import { createSnippet, deleteSnippet, fetchConversationVariables, fetchSnippets, fetchVariables, updateSnippet } from './endpoints'
import type { Snippet, SnippetCreate, SnippetPatch } from './types'
import { runConversationAction, setContactBlocked, type ConversationAction } from './endpoints'
import type { Conversation } from './types'
import { placeInList, withAction } from '../lib/conversationActions'
import { scheduleInboxRefresh } from './inboxRefresh'
import { fetchTags } from './endpoints'

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

export type ConversationPages = InfiniteData<ConversationPage, string | undefined>
export type MessagePages = InfiniteData<Message[], MessageCursor | undefined>

export function useConversationList(wid: string, params: ListParams) {
  const query = useInfiniteQuery({
    queryKey: keys.conversationList(wid, params),
    queryFn: ({ pageParam }) => fetchConversations(wid, params, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextPageParam,
    // While a search is being typed the previous results stay on screen (no skeleton flash);
    // another mailbox, tab or sort starts empty, so nothing on screen is from the wrong list.
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery ? listParamsOfKey(previousQuery.queryKey) : null
      return before && sameListExceptSearch(before, params) ? previous : undefined
    },
  })
  return { ...query, conversations: flattenConversations(query.data) }
}

/** The mailbox menu with counts per tab and unread; kept fresh by realtime events. */
export function useMailboxes(wid: string) {
  return useQuery({
    queryKey: keys.mailboxes(wid),
    queryFn: () => fetchMailboxes(wid),
    staleTime: 10_000,
  })
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
        const found = findConversation(data, cid)
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

/** Search within a conversation; `q` is the (debounced, trimmed) query, '' for none. */
export function useConversationSearch(wid: string, cid: string, q: string) {
  return useQuery({
    queryKey: keys.conversationSearch(wid, cid, q),
    queryFn: ({ signal }) => searchConversation(wid, cid, q, signal),
    enabled: q !== '',
    staleTime: 30_000,
    gcTime: 60_000,
  })
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

// Contacts, custom fields, teams, members (inbox management).

/** A new contact (its conversation starts closed): the Closed and All lists learn of it. */
export function useCreateContact(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: ContactCreate) => createContact(wid, body),
    onSuccess: (contact) => {
      qc.setQueryData<ContactDetails>(keys.contact(wid, String(contact.id)), contact)
      // The lists and the tabs' counts (the new conversation is closed).
      scheduleInboxRefresh(qc, wid, { lists: true })
    },
  })
}

export function useUpdateContact(wid: string, contactId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (patch: ContactPatch) => updateContact(wid, contactId, patch),
    onSuccess: (updated, patch) => {
      // The answer does not list the channels: keep the ones we know.
      qc.setQueryData<ContactDetails>(keys.contact(wid, contactId), (old) => ({
        ...updated,
        channels: updated.channels?.length ? updated.channels : (old?.channels ?? []),
      }))
      // The name shows in the list and the header.
      void qc.invalidateQueries({ queryKey: keys.conversationLists(wid) })
      if (patch.tags) void qc.invalidateQueries({ queryKey: keys.allTags(wid) })
      if (updated.conversation_id) {
        void qc.invalidateQueries({ queryKey: keys.conversation(wid, String(updated.conversation_id)) })
      }
    },
  })
}

/** The workspace's tags in use for a picker, by what was typed (the last answer shows meanwhile). */
export function useTags(wid: string, q: string, enabled = true) {
  return useQuery({
    queryKey: keys.tags(wid, q),
    queryFn: () => fetchTags(wid, q),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  })
}

/** The workspace's custom contact fields, in their order (every member may read them). */
export function useCustomFields(wid: string) {
  return useQuery({
    queryKey: keys.customFields(wid),
    queryFn: () => fetchCustomFields(wid),
    staleTime: 60_000,
  })
}

const byPosition = (a: CustomFieldDef, b: CustomFieldDef) => a.position - b.position || a.key.localeCompare(b.key)

export function useCreateCustomField(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: CustomFieldCreate) => createCustomField(wid, body),
    onSuccess: (created) => {
      qc.setQueryData<CustomFieldDef[]>(keys.customFields(wid), (list) => (list ? [...list, created].sort(byPosition) : list))
      void qc.invalidateQueries({ queryKey: keys.customFields(wid) })
    },
  })
}

export function useUpdateCustomField(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id: string; patch: CustomFieldPatch }) => updateCustomField(wid, vars.id, vars.patch),
    onSuccess: (updated) => {
      qc.setQueryData<CustomFieldDef[]>(keys.customFields(wid), (list) =>
        list?.map((f) => (sameId(f.id, updated.id) ? updated : f)).sort(byPosition),
      )
    },
  })
}

export function useDeleteCustomField(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteCustomField(wid, id),
    onSuccess: (_, id) => {
      qc.setQueryData<CustomFieldDef[]>(keys.customFields(wid), (list) => list?.filter((f) => !sameId(f.id, id)))
      void qc.invalidateQueries({ queryKey: keys.customFields(wid) })
    },
  })
}

/** The workspace's members (people to assign, add to teams, mention). */
export function useMembers(wid: string) {
  return useQuery({
    queryKey: keys.members(wid),
    queryFn: () => fetchMembers(wid),
    staleTime: 5 * 60_000,
  })
}

export function useTeams(wid: string) {
  return useQuery({
    queryKey: keys.teams(wid),
    queryFn: () => fetchTeams(wid),
    staleTime: 60_000,
  })
}

/** Every change to a team answers with the team (or nothing, for removals): put it in the list. */
function useTeamMutation<V>(wid: string, fn: (vars: V) => Promise<Team | null>, onDone?: (vars: V) => void) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (team, vars) => {
      if (team) {
        qc.setQueryData<Team[]>(keys.teams(wid), (list) =>
          list ? (list.some((t) => sameId(t.id, team.id)) ? list.map((t) => (sameId(t.id, team.id) ? team : t)) : [...list, team]) : list,
        )
      }
      onDone?.(vars)
      void qc.invalidateQueries({ queryKey: keys.teams(wid) })
    },
  })
}

export function useCreateTeam(wid: string) {
  return useTeamMutation(wid, (body: TeamCreate) => createTeam(wid, body))
}

export function useRenameTeam(wid: string) {
  return useTeamMutation(wid, (vars: { id: string; name: string }) => renameTeam(wid, vars.id, vars.name))
}

export function useDeleteTeam(wid: string) {
  const qc = useQueryClient()
  return useTeamMutation(
    wid,
    async (id: string) => {
      await deleteTeam(wid, id)
      return null
    },
    (id) => qc.setQueryData<Team[]>(keys.teams(wid), (list) => list?.filter((t) => !sameId(t.id, id))),
  )
}

export function useAddTeamMember(wid: string) {
  return useTeamMutation(wid, (vars: { teamId: string; userId: string }) => addTeamMember(wid, vars.teamId, vars.userId))
}

export function useRemoveTeamMember(wid: string) {
  const qc = useQueryClient()
  return useTeamMutation(
    wid,
    async (vars: { teamId: string; userId: string }) => {
      await removeTeamMember(wid, vars.teamId, vars.userId)
      return null
    },
    (vars) =>
      qc.setQueryData<Team[]>(keys.teams(wid), (list) =>
        list?.map((t) => (sameId(t.id, vars.teamId) ? { ...t, member_ids: t.member_ids.filter((m) => !sameId(m, vars.userId)) } : t)),
      ),
  )
}

// --- Notifications ------------------------------------------------------------------------

/** Your notifications, newest first, paged by time; the unread count comes with every page. */
export function useNotifications(wid: string) {
  const query = useInfiniteQuery({
    queryKey: keys.notifications(wid),
    queryFn: ({ pageParam }) => fetchNotifications(wid, NOTIFICATIONS_PAGE_SIZE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => olderNotificationsParam(last),
    // New ones arrive over the WebSocket (and everything is refetched after a reconnect).
    staleTime: 5 * 60_000,
  })
  return { ...query, notifications: flattenNotifications(query.data), unread: unreadNotifications(query.data) }
}

/** Mark some notifications (ids) or all of them read: at once on screen, then as the server says. */
export function useMarkNotificationsRead(wid: string) {
  const qc = useQueryClient()
  const key = keys.notifications(wid)
  return useMutation({
    mutationFn: (ids: readonly string[] | 'all') => markNotificationsRead(wid, ids),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: key })
      qc.setQueryData<NotificationPages>(key, (data) => withRead(data, ids, new Date().toISOString()))
    },
    onSuccess: (count, ids) => {
      qc.setQueryData<NotificationPages>(key, (data) => withRead(data, ids, new Date().toISOString(), count))
    },
    onError: () => void qc.invalidateQueries({ queryKey: key }),
  })
}

/** A notification pushed live (`notification.created`): into the list, and announced once. */
export function receiveNotification(qc: QueryClient, wid: string, notification: AppNotification) {
  const key = keys.notifications(wid)
  const current = qc.getQueryData<NotificationPages>(key)
  const { data, added } = withNewNotification(current, notification)
  if (!added) return
  if (current) qc.setQueryData(key, data)
  else void qc.invalidateQueries({ queryKey: key })
  announceNotification(notification)
}

// --- Custom inboxes -----------------------------------------------------------------------

export function useCustomInbox(wid: string, inboxId: string | null) {
  return useQuery({
    queryKey: keys.customInbox(wid, inboxId ?? ''),
    queryFn: () => fetchCustomInbox(wid, inboxId!),
    enabled: inboxId != null,
  })
}

/** After a custom inbox changes: the mailbox menu (names, counts) and its lists are stale. */
function refreshCustomInboxes(qc: QueryClient, wid: string) {
  void qc.invalidateQueries({ queryKey: keys.mailboxes(wid) })
  void qc.invalidateQueries({ queryKey: keys.conversationLists(wid) })
}

/** Create (no id) or change a custom inbox; answers the saved one. */
export function useSaveCustomInbox(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CustomInboxInput }) =>
      id ? updateCustomInbox(wid, id, body) : createCustomInbox(wid, body),
    onSuccess: (saved: CustomInbox) => {
      qc.setQueryData(keys.customInbox(wid, saved.id), saved)
      refreshCustomInboxes(qc, wid)
    },
  })
}

export function useDeleteCustomInbox(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteCustomInbox(wid, id),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: keys.customInbox(wid, id) })
      refreshCustomInboxes(qc, wid)
    },
  })
}

/** The workspace's saved replies (the composer's `/` list and the settings page). */
export function useSnippets(wid: string, enabled = true) {
  return useQuery({
    queryKey: keys.snippets(wid),
    queryFn: () => fetchSnippets(wid),
    enabled,
    staleTime: 30_000,
  })
}

const byName = (a: Snippet, b: Snippet) => a.name.localeCompare(b.name)

/** Create (no id) or change a snippet; the list shows it at once. */
export function useSaveSnippet(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id: null; body: SnippetCreate } | { id: string; body: SnippetPatch }) =>
      vars.id === null ? createSnippet(wid, vars.body) : updateSnippet(wid, vars.id, vars.body),
    onSuccess: (saved) => {
      qc.setQueryData<Snippet[]>(keys.snippets(wid), (list) =>
        list ? [...list.filter((s) => !sameId(s.id, saved.id)), saved].sort(byName) : list,
      )
      void qc.invalidateQueries({ queryKey: keys.snippets(wid) })
    },
  })
}

export function useDeleteSnippet(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteSnippet(wid, id),
    onSuccess: (_, id) => {
      qc.setQueryData<Snippet[]>(keys.snippets(wid), (list) => list?.filter((s) => !sameId(s.id, id)))
      void qc.invalidateQueries({ queryKey: keys.snippets(wid) })
    },
  })
}

// --- Conversation actions (close, reopen, snooze, assign) and blocking a contact ----------

/** The conversation as it is now, everywhere it shows: its own query and every inbox list. */
function cacheConversation(qc: QueryClient, wid: string, c: Conversation) {
  qc.setQueryData<Conversation>(keys.conversation(wid, String(c.id)), c)
  const myId = qc.getQueryData<Session | null>(keys.session)?.user.id
  for (const [key, data] of qc.getQueriesData<ConversationPages>({ queryKey: keys.conversationLists(wid) })) {
    const params = listParamsOfKey(key)
    if (!params || !data) continue
    const next = placeInList(data, c, params, myId)
    if (next !== data) qc.setQueryData(key, next)
  }
}

function cachedConversation(qc: QueryClient, wid: string, cid: string): Conversation | undefined {
  const own = qc.getQueryData<Conversation>(keys.conversation(wid, cid))
  if (own) return own
  for (const [, data] of qc.getQueriesData<ConversationPages>({ queryKey: keys.conversationLists(wid) })) {
    const found = findConversation(data, cid)
    if (found) return found
  }
  return undefined
}

/**
 * Close, reopen, snooze, unsnooze, assign, unassign: shown at once (and gone from lists it no
 * longer belongs to), then as the server answers; others see it through conversation.updated.
 */
export type ConversationActionVars = {
  cid: string
  action: ConversationAction
  /** false: wait for the server (a dialog that shows the server's refusal in place). */
  optimistic?: boolean
}

/**
 * `onSuccess` / `onError` run even after the caller is gone (a swiped row leaves the list at
 * once): say what happened there, not in `mutate`'s own callbacks.
 */
export function useConversationAction(
  wid: string,
  callbacks: {
    onSuccess?: (c: Conversation, vars: ConversationActionVars) => void
    onError?: (err: unknown, vars: ConversationActionVars) => void
  } = {},
) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ cid, action }: ConversationActionVars) => runConversationAction(wid, cid, action),
    onMutate: async ({ cid, action, optimistic = true }) => {
      if (!optimistic) return
      // A refetch already on its way would bring the old state back.
      await qc.cancelQueries({ queryKey: keys.conversation(wid, cid) })
      await qc.cancelQueries({ queryKey: keys.conversationLists(wid) })
      const before = cachedConversation(qc, wid, cid)
      if (before) cacheConversation(qc, wid, withAction(before, action))
    },
    onSuccess: (conversation, vars) => {
      cacheConversation(qc, wid, conversation)
      callbacks.onSuccess?.(conversation, vars)
    },
    onError: (err, vars) => {
      void qc.invalidateQueries({ queryKey: keys.conversation(wid, vars.cid) })
      callbacks.onError?.(err, vars)
    },
    // Lists it moved into (Closed, Snoozed, Unassigned…) and the mailbox counts.
    onSettled: () => scheduleInboxRefresh(qc, wid, { lists: true }),
  })
}

/** Block or unblock a contact; its conversation (if any) shows the change at once. */
export function useSetContactBlocked(wid: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ contactId, blocked }: { contactId: string; blocked: boolean; conversationId?: string | null }) =>
      setContactBlocked(wid, contactId, blocked),
    onMutate: ({ blocked, conversationId }) => {
      const before = conversationId ? cachedConversation(qc, wid, conversationId) : undefined
      if (before) cacheConversation(qc, wid, { ...before, blocked })
    },
    onSuccess: (contact) => {
      // The answer may not list the contact's channels: keep the ones we know.
      qc.setQueryData<ContactDetails>(keys.contact(wid, String(contact.id)), (old) => ({
        ...contact,
        channels: contact.channels?.length ? contact.channels : (old?.channels ?? []),
      }))
      if (contact.conversation_id) {
        void qc.invalidateQueries({ queryKey: keys.conversation(wid, String(contact.conversation_id)) })
      }
    },
    onError: (_err, { conversationId }) => {
      if (conversationId) void qc.invalidateQueries({ queryKey: keys.conversation(wid, conversationId) })
    },
    onSettled: () => scheduleInboxRefresh(qc, wid, { lists: true }),
  })
}

/** The variables a text may use (the snippet editor's `$` list). */
export function useVariables(wid: string, enabled = true) {
  return useQuery({
    queryKey: keys.variables(wid),
    queryFn: () => fetchVariables(wid),
    enabled,
    staleTime: 5 * 60_000,
  })
}

/** The variables' values in a conversation (the composer's `$` list and its preview). */
export function useConversationVariables(wid: string, cid: string, enabled = true) {
  return useQuery({
    queryKey: keys.conversationVariables(wid, cid),
    queryFn: () => fetchConversationVariables(wid, cid),
    enabled,
    staleTime: 15_000,
  })
}


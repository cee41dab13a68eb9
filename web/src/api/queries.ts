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
  fetchConversation,
  fetchConversations,
  fetchMessages,
  fetchPreferences,
  fetchSession,
  fetchWorkspaces,
  login,
  logout,
  PAGE_SIZE,
  requestTranscript,
  updatePreferences,
} from './endpoints'
import { keys } from './keys'
import {
  sameId,
  type Conversation,
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

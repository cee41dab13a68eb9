// What the composer's shortcut lists show and insert: `/` snippets, `$` variables (with this
// contact's values), `@` teammates.
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationVariables, useMembers, useSession, useSnippets, useVariables } from '../api/queries'
import type { Member, Snippet } from '../api/types'
import type { Suggestion } from '../components/SuggestionPopover'
import { IconPaperclip } from '../components/Icons'
import { rankByQuery, type Trigger } from '../lib/composerTriggers'
import { variableLabelKey, variableToken } from '../lib/variables'

/** What picking an item does; the composer applies it to its text. */
export type Pick =
  | { kind: 'snippet'; snippet: Snippet }
  | { kind: 'variable'; token: string; caretOffset: number }
  | { kind: 'member'; member: Member }

export type SuggestionList = {
  title: string
  items: Suggestion[]
  picks: Pick[]
  loading: boolean
  emptyText: string
}

const LIMIT = 30

/** A variable's name in the user's language (custom fields keep their own label). */
export function useVariableLabel() {
  const { t } = useTranslation()
  return useCallback(
    (key: string, label: string) => {
      const known = variableLabelKey(key)
      return known ? t(`composerTools.variables.${known}`) : label
    },
    [t],
  )
}

/** One line of a snippet's text for the list. */
const firstLine = (text: string) => text.trim().split('\n', 1)[0]?.slice(0, 140) ?? ''

/**
 * The list for the trigger the cursor is in. `cid` null: the snippet editor (variables with no
 * values). Data is fetched only once a list of that kind opens.
 */
export function useComposerSuggestions(wid: string, cid: string | null, trigger: Trigger | null): SuggestionList | null {
  const { t } = useTranslation()
  const char = trigger?.char ?? null
  const query = trigger?.query ?? ''
  const myId = useSession().data?.user.id
  const snippets = useSnippets(wid, char === '/')
  const members = useMembers(wid)
  const resolved = useConversationVariables(wid, cid ?? '', char === '$' && cid != null)
  const available = useVariables(wid, char === '$' && cid == null)
  const label = useVariableLabel()

  return useMemo((): SuggestionList | null => {
    if (char === '/') {
      const found = rankByQuery(snippets.data ?? [], query, (s) => [s.name, s.text], { contains: true, limit: LIMIT })
      return {
        title: t('composerTools.suggest.snippets'),
        items: found.map((s) => ({
          key: String(s.id),
          title: s.name,
          detail: firstLine(s.text) || null,
          aside: s.files.length ? (
            <span className="suggest__files" title={s.files.map((f) => f.filename).join(', ')}>
              <IconPaperclip size={14} />
              {s.files.length}
            </span>
          ) : null,
        })),
        picks: found.map((snippet) => ({ kind: 'snippet', snippet })),
        loading: snippets.isPending,
        emptyText: snippets.data?.length
          ? t('composerTools.suggest.noSnippets', { query })
          : t('composerTools.suggest.noSnippetsYet'),
      }
    }
    if (char === '$') {
      // In a conversation: each value for this contact; in the snippet editor: examples.
      const rows = cid
        ? (resolved.data ?? []).map((v) => ({ key: v.key, label: v.label, value: v.value as string | null }))
        : (available.data ?? []).map((v) => ({ key: v.key, label: v.label, value: null }))
      const found = rankByQuery(rows, query, (v) => [v.key, label(v.key, v.label)], { limit: LIMIT })
      return {
        title: t('composerTools.suggest.variables'),
        items: found.map((v) => {
          const empty = cid != null && !v.value?.trim()
          return {
            key: v.key,
            title: label(v.key, v.label),
            detail: cid == null ? null : empty ? t('composerTools.suggest.emptyFallback') : v.value,
            warn: empty,
            aside: <code className="suggest__code">{variableToken(v.key)}</code>,
          }
        }),
        picks: found.map((v) => {
          // An empty value needs a fallback: the cursor lands after the `|` to type it.
          const empty = cid != null && !v.value?.trim()
          const token = variableToken(v.key, empty)
          return { kind: 'variable', token, caretOffset: empty ? token.length - 2 : token.length }
        }),
        loading: cid ? resolved.isPending : available.isPending,
        emptyText: t('composerTools.suggest.noVariables', { query }),
      }
    }
    if (char === '@') {
      const others = (members.data ?? []).filter((m) => String(m.user_id) !== String(myId))
      const found = rankByQuery(others, query, (m) => [m.name, m.email], { limit: LIMIT })
      return {
        title: t('composerTools.suggest.members'),
        items: found.map((m) => ({ key: String(m.user_id), title: m.name, detail: m.email })),
        picks: found.map((member) => ({ kind: 'member', member })),
        loading: members.isPending,
        emptyText: t('composerTools.suggest.noMembers', { query }),
      }
    }
    return null
  }, [char, query, cid, t, label, myId, snippets.data, snippets.isPending, resolved.data, resolved.isPending, available.data, available.isPending, members.data, members.isPending])
}

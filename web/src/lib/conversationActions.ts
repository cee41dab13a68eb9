// Pure helpers for conversation actions: what a conversation looks like right after an action
// (shown at once, before the server answers), and which cached inbox lists still hold it.
import type { ConversationAction } from '../api/endpoints'
import { sameId, type Conversation } from '../api/types'
import { fitsTabAndFilter, patchConversation, removeConversation, type ListPages } from './conversationCache'
import type { ListParams } from './inboxView'

/** The conversation as the action will leave it (the server's answer replaces this). */
export function withAction(c: Conversation, action: ConversationAction, now: Date = new Date()): Conversation {
  const at = now.toISOString()
  switch (action.kind) {
    case 'close':
      return {
        ...c,
        status: 'closed',
        closed_at: at,
        state_since: at,
        snoozed_until: null,
        last_snoozed_until: null,
        closing_note: action.note?.trim() || null,
        closing_category: action.category?.trim() || null,
      }
    case 'reopen':
    case 'unsnooze':
      return { ...c, status: 'open', opened_at: at, closed_at: null, state_since: at, snoozed_until: null, last_snoozed_until: null }
    case 'snooze':
      return { ...c, status: 'snoozed', snoozed_until: action.until, state_since: at, last_snoozed_until: null }
    case 'assign':
      return {
        ...c,
        ...('assignee_id' in action ? { assignee_id: (action.assignee_id ?? null) as Conversation['assignee_id'] } : {}),
        ...('team_id' in action ? { team_id: (action.team_id ?? null) as Conversation['team_id'] } : {}),
      }
    case 'unassign':
      return { ...c, assignee_id: null, team_id: null }
  }
}

/**
 * Whether a list still holds the conversation after an action: false when it surely does
 * not (another tab, blocked, no longer mine), true when it surely does, null when only the
 * server can tell (a team's or a custom inbox).
 */
export function stillListed(c: Conversation, params: Pick<ListParams, 'status' | 'mailbox' | 'unanswered'>, myId: unknown): boolean | null {
  if (!fitsTabAndFilter(c, params)) return false
  const mailbox = params.mailbox
  if (mailbox === 'blocked') return Boolean(c.blocked)
  if (c.blocked) return false
  if (mailbox === 'all') return true
  if (mailbox === 'mine') return myId != null && sameId(c.assignee_id, myId)
  if (mailbox === 'unassigned') return c.assignee_id == null
  if (mailbox.startsWith('team:')) return sameId(c.team_id, mailbox.slice(5)) ? true : null
  return null
}

/**
 * Put the changed conversation into one cached list: updated where it is, dropped where it no
 * longer belongs. (Lists it newly belongs to are refetched: the server knows its place.)
 */
export function placeInList(data: ListPages | undefined, c: Conversation, params: ListParams, myId: unknown): ListPages | undefined {
  return stillListed(c, params, myId) === false
    ? removeConversation(data, String(c.id))
    : patchConversation(data, String(c.id), c)
}

// Turn a conversation's messages into what the message list renders:
// date separators, and runs of bubbles from the same author grouped together.
import type { Message } from '../api/types'

export type TimelineMessage = {
  key: string
  message: Message
  /** first / last bubble of a run from the same author */
  first: boolean
  last: boolean
}

/** One calendar day: its date separator and its messages. */
export type TimelineDay = { key: string; date: Date; items: TimelineMessage[] }

/** Messages further apart than this start a new group. */
export const GROUP_GAP_MS = 5 * 60 * 1000

export type Placement = 'in' | 'out' | 'center'

export function placement(m: Message): Placement {
  if (m.kind === 'system' || m.kind === 'comment') return 'center'
  return m.direction === 'in' ? 'in' : 'out'
}

function authorKey(m: Message) {
  return `${placement(m)}|${m.kind === 'comment' ? 'c' : ''}|${m.author.type}|${m.author.id ?? ''}`
}

export function localDayKey(d: Date) {
  const y = d.getFullYear()
  const mo = String(d.getMonth() + 1).padStart(2, '0')
  const da = String(d.getDate()).padStart(2, '0')
  return `${y}-${mo}-${da}`
}

/** A stable React key for a message: the client_id survives the optimistic → server swap. */
export function messageKey(m: Message) {
  return m.client_id ? `c:${m.client_id}` : `m:${m.id}`
}

export function buildTimeline(messages: Message[]): TimelineDay[] {
  const days: TimelineDay[] = []
  let day: TimelineDay | null = null
  let prev: TimelineMessage | null = null
  for (const m of messages) {
    const date = new Date(m.created_at)
    const dayKey = localDayKey(date)
    if (!day || day.key !== `d:${dayKey}`) {
      day = { key: `d:${dayKey}`, date, items: [] }
      days.push(day)
      prev = null
    }
    const continues =
      prev !== null &&
      placement(m) !== 'center' &&
      authorKey(prev.message) === authorKey(m) &&
      Date.parse(m.created_at) - Date.parse(prev.message.created_at) <= GROUP_GAP_MS
    if (continues && prev) prev.last = false
    const item: TimelineMessage = { key: messageKey(m), message: m, first: !continues, last: true }
    day.items.push(item)
    prev = item
  }
  return days
}

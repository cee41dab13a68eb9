// Turn a conversation's messages into what the message list renders:
// date separators, and runs of bubbles from the same author grouped together.
import type { Message } from '../api/types'

export type TimelineItem =
  | { type: 'date'; key: string; date: Date }
  | {
      type: 'message'
      key: string
      message: Message
      /** first / last bubble of a run from the same author */
      first: boolean
      last: boolean
    }

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

export function buildTimeline(messages: Message[]): TimelineItem[] {
  const items: TimelineItem[] = []
  let lastDay = ''
  let prev: Message | null = null
  let prevItem: Extract<TimelineItem, { type: 'message' }> | null = null
  for (const m of messages) {
    const date = new Date(m.created_at)
    const day = localDayKey(date)
    let newDay = false
    if (day !== lastDay) {
      items.push({ type: 'date', key: `d:${day}`, date })
      lastDay = day
      newDay = true
    }
    const continues =
      !newDay &&
      prev !== null &&
      placement(m) !== 'center' &&
      authorKey(prev) === authorKey(m) &&
      Date.parse(m.created_at) - Date.parse(prev.created_at) <= GROUP_GAP_MS
    if (continues && prevItem) prevItem.last = false
    const item = { type: 'message' as const, key: messageKey(m), message: m, first: !continues, last: true }
    items.push(item)
    prev = m
    prevItem = item
  }
  return items
}

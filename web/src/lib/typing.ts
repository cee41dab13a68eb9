// Typing indicators: ours are sent at most every few seconds; others' show for a while after
// their last event. Pure; lib/typingStore.ts keeps the app's state.

/** We tell the server we are typing at most this often. */
export const TYPING_SEND_INTERVAL_MS = 4_000
/** Someone counts as typing this long after their last event. */
export const TYPING_SHOW_MS = 6_000

/** A throttle for "I am typing" calls: fires at once, then at most every `interval`. */
export function createTypingThrottle(interval = TYPING_SEND_INTERVAL_MS) {
  let last = Number.NEGATIVE_INFINITY
  return {
    /** Whether to call the server now (and remember that we did). */
    shouldSend(now: number): boolean {
      if (now - last < interval) return false
      last = now
      return true
    },
    /** After sending the message: the next keystroke tells the server again at once. */
    reset() {
      last = Number.NEGATIVE_INFINITY
    },
  }
}

export type Typer = { user_id: string; name: string; until: number }

/** conversation id → user id → who types until when. */
export type TypingState = Readonly<Record<string, Readonly<Record<string, Typer>>>>

export function addTyping(
  state: TypingState,
  event: { conversation_id: string; user_id: string; user_name: string },
  now: number,
  show = TYPING_SHOW_MS,
): TypingState {
  const cid = String(event.conversation_id)
  const uid = String(event.user_id)
  const current = pruneConversation(state[cid] ?? {}, now)
  return { ...state, [cid]: { ...current, [uid]: { user_id: uid, name: event.user_name, until: now + show } } }
}

/** They sent a message: they are no longer typing. */
export function removeTyping(state: TypingState, cid: string, uid: string): TypingState {
  const conv = state[cid]
  if (!conv || !(uid in conv)) return state
  const next = { ...conv }
  delete next[uid]
  return { ...state, [cid]: next }
}

function pruneConversation(conv: Readonly<Record<string, Typer>>, now: number) {
  const alive = Object.values(conv).filter((t) => t.until > now)
  if (alive.length === Object.keys(conv).length) return conv
  return Object.fromEntries(alive.map((t) => [t.user_id, t]))
}

/** Who is typing in a conversation now, in the order they started (minus `exceptUserId`). */
export function activeTypers(state: TypingState, cid: string, now: number, exceptUserId?: string | null): Typer[] {
  return Object.values(state[cid] ?? {}).filter(
    (t) => t.until > now && (exceptUserId == null || t.user_id !== String(exceptUserId)),
  )
}

/** When the next typer expires (to re-render then), or null. */
export function nextExpiry(typers: Typer[]): number | null {
  return typers.length ? Math.min(...typers.map((t) => t.until)) : null
}

export type TypingLabels = {
  one: (name: string) => string
  two: (a: string, b: string) => string
  many: (a: string, count: number) => string
}

/** "Boris is typing…", "Boris and Anna are typing…", "Boris and 2 others are typing…". */
export function typingText(typers: Typer[], labels: TypingLabels): string {
  const names = typers.map((t) => t.name.trim() || '…')
  if (!names.length) return ''
  if (names.length === 1) return labels.one(names[0]!)
  if (names.length === 2) return labels.two(names[0]!, names[1]!)
  return labels.many(names[0]!, names.length - 1)
}

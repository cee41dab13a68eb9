// Per conversation, besides the draft text: the message being replied to and the channel
// chosen for the reply (kept while switching conversations, like drafts).
export type ComposerState = { replyTo: string | null; channelId: string | null }

const EMPTY: ComposerState = { replyTo: null, channelId: null }
const states = new Map<string, ComposerState>()
const listeners = new Set<() => void>()

export const getComposerState = (key: string): ComposerState => states.get(key) ?? EMPTY

export function setComposerState(key: string, patch: Partial<ComposerState>) {
  const current = getComposerState(key)
  const next = { ...current, ...patch }
  if (next.replyTo === current.replyTo && next.channelId === current.channelId) return
  states.set(key, next)
  for (const l of [...listeners]) l()
}

export function subscribeComposerState(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

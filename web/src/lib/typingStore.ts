// Who is typing where (from WebSocket events), for the whole tab.
import { addTyping, removeTyping, type TypingState } from './typing'

let state: TypingState = {}
const listeners = new Set<() => void>()

function set(next: TypingState) {
  if (next === state) return
  state = next
  for (const l of [...listeners]) l()
}

export const typingStore = {
  get: () => state,
  typing(event: { conversation_id: string; user_id: string; user_name: string }) {
    set(addTyping(state, event, Date.now()))
  },
  stopped(cid: string, uid: string) {
    set(removeTyping(state, cid, uid))
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  reset() {
    set({})
  },
}

// The app-wide store of optimistic messages (survives switching conversations).
import { pendingReducer, type PendingAction, type PendingState } from './pending'

let state: PendingState = {}
const listeners = new Set<() => void>()

export const pendingStore = {
  get: () => state,
  dispatch(action: PendingAction) {
    const next = pendingReducer(state, action)
    if (next === state) return
    state = next
    for (const l of listeners) l()
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  reset() {
    state = {}
    for (const l of listeners) l()
  },
}

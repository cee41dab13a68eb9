// Short messages at the bottom of the screen ("Link copied", why a reply isn't possible).
export type Toast = { id: number; text: string; tone: 'info' | 'error' }

let toasts: readonly Toast[] = []
let seq = 0
const listeners = new Set<() => void>()
const timers = new Map<number, ReturnType<typeof setTimeout>>()

function emit(next: readonly Toast[]) {
  toasts = next
  for (const l of [...listeners]) l()
}

/** Show `text` for a few seconds; the same text again restarts its timer instead of stacking. */
export function showToast(text: string, tone: Toast['tone'] = 'info', ms = 4000): void {
  const same = toasts.find((t) => t.text === text)
  const id = same?.id ?? ++seq
  if (!same) emit([...toasts.slice(-2), { id, text, tone }])
  clearTimeout(timers.get(id))
  timers.set(
    id,
    setTimeout(() => dismissToast(id), ms),
  )
}

export function dismissToast(id: number) {
  clearTimeout(timers.get(id))
  timers.delete(id)
  if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id))
}

export const getToasts = () => toasts

export function subscribeToasts(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

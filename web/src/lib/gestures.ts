// Touch gestures on a message (pure decisions; the hook in hooks/useMessageGestures feeds them).
// Swipe right to reply (the bubble follows the finger and snaps back), long-press, double-tap.

/** Held this long without moving: a long-press (reply). */
export const LONG_PRESS_MS = 450
/** Moving further than this before deciding cancels the long-press and picks a direction. */
export const MOVE_SLOP_PX = 10
/** A swipe this far to the right replies when released. */
export const SWIPE_TRIGGER_PX = 56
/** The bubble follows the finger 1:1 up to here, then ever more slowly. */
export const SWIPE_MAX_PX = 80
/** Two taps within this time and distance: a double-tap. */
export const DOUBLE_TAP_MS = 300
export const DOUBLE_TAP_SLOP_PX = 24
/** A press longer than this is not a tap. */
export const TAP_MAX_MS = 250

export type Axis = 'undecided' | 'swipe' | 'scroll'

/**
 * Which way a touch is going once it has moved far enough: to the right and mostly
 * sideways is a reply swipe; anything else (vertical, or to the left) belongs to the page.
 */
export function decideAxis(dx: number, dy: number, slop = MOVE_SLOP_PX): Axis {
  if (Math.abs(dx) < slop && Math.abs(dy) < slop) return 'undecided'
  if (dx > 0 && dx > Math.abs(dy) * 1.5) return 'swipe'
  return 'scroll'
}

/** How far the bubble is drawn for a finger `dx` to the right: 1:1, then a rubber band. */
export function swipeOffset(dx: number, max = SWIPE_MAX_PX): number {
  if (!Number.isFinite(dx) || dx <= 0) return 0
  if (dx <= max) return dx
  const over = dx - max
  // Resistance past the limit: never more than another `max / 2`.
  return max + (max / 2) * (1 - 1 / (1 + over / max))
}

/** Whether releasing after `dx` replies. */
export const swipeTriggers = (dx: number, trigger = SWIPE_TRIGGER_PX) => dx >= trigger

/** The reply arrow's visibility (0..1) while swiping. */
export const swipeProgress = (dx: number, trigger = SWIPE_TRIGGER_PX) =>
  dx <= 0 ? 0 : Math.min(1, dx / trigger)

export type Tap = { t: number; x: number; y: number }

/** Whether `tap` completes a double-tap after `previous`. */
export function isDoubleTap(previous: Tap | null, tap: Tap): boolean {
  if (!previous) return false
  const dt = tap.t - previous.t
  return (
    dt > 0 &&
    dt <= DOUBLE_TAP_MS &&
    Math.hypot(tap.x - previous.x, tap.y - previous.y) <= DOUBLE_TAP_SLOP_PX
  )
}

/** A swipe down this far closes the image viewer. */
export const DISMISS_PX = 120

/** The image viewer's backdrop fades as the image is dragged down (1 → 0.3). */
export const dismissOpacity = (dy: number, dismiss = DISMISS_PX) =>
  1 - 0.7 * Math.min(1, Math.max(0, dy) / (dismiss * 2))

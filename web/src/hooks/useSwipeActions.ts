import { useCallback, useEffect, useRef, type MouseEvent, type PointerEvent } from 'react'
import { decideAxis, swipeOffset, swipeProgress, swipeTriggers, type Axis } from '../lib/gestures'
import { vibrate } from './useMessageGestures'

/** A list row acts when released this far to either side… */
export const ROW_SWIPE_TRIGGER_PX = 88
/** …and follows the finger 1:1 up to here, then ever more slowly. */
export const ROW_SWIPE_MAX_PX = 132

export type SwipeSide = 'left' | 'right'

type Press = { id: number; x: number; y: number; axis: Axis; dx: number; armed: boolean }

/**
 * Swipe actions on a list row for touch and pen: left and right each do one thing when the
 * row is released past the threshold; a vertical move is left to the page (scrolling) and
 * cancels. The handlers go on the row; it gets `--swipe` (px), `--swipe-progress` (0..1) and
 * `data-swipe` (left/right, and `data-armed` past the threshold) while it is being swiped.
 * A side whose action is null does not move.
 */
export function useSwipeActions(actions: { left: (() => void) | null; right: (() => void) | null }) {
  const rowRef = useRef<HTMLLIElement>(null)
  const press = useRef<Press | null>(null)
  const swipedAt = useRef(0)
  const actionsRef = useRef(actions)
  useEffect(() => {
    actionsRef.current = actions
  })

  const draw = useCallback((dx: number) => {
    const el = rowRef.current
    if (!el) return
    const side: SwipeSide | null = dx < 0 ? 'left' : dx > 0 ? 'right' : null
    const distance = Math.abs(dx)
    el.style.setProperty('--swipe', `${(Math.sign(dx) * swipeOffset(distance, ROW_SWIPE_MAX_PX)).toFixed(1)}px`)
    el.style.setProperty('--swipe-progress', swipeProgress(distance, ROW_SWIPE_TRIGGER_PX).toFixed(2))
    if (side) el.dataset.swipe = side
    else delete el.dataset.swipe
    if (swipeTriggers(distance, ROW_SWIPE_TRIGGER_PX)) el.dataset.armed = 'true'
    else delete el.dataset.armed
  }, [])

  const end = useCallback(() => {
    press.current = null
    const el = rowRef.current
    if (el?.classList.contains('conv-row--swiping')) {
      el.classList.remove('conv-row--swiping')
      draw(0)
    }
  }, [draw])

  useEffect(() => end, [end])

  const onPointerDown = (e: PointerEvent<HTMLLIElement>) => {
    if (e.pointerType === 'mouse' || !e.isPrimary) return
    if ((e.target as Element).closest('button')) return
    press.current = { id: e.pointerId, x: e.clientX, y: e.clientY, axis: 'undecided', dx: 0, armed: false }
  }

  const onPointerMove = (e: PointerEvent<HTMLLIElement>) => {
    const p = press.current
    if (!p || p.id !== e.pointerId) return
    const raw = e.clientX - p.x
    const dy = e.clientY - p.y
    if (p.axis === 'undecided') {
      // Sideways either way is a swipe; mostly vertical is the list scrolling.
      p.axis = decideAxis(Math.abs(raw), dy)
      if (p.axis === 'undecided') return
      if (p.axis === 'scroll') {
        press.current = null
        return
      }
      try {
        e.currentTarget.setPointerCapture(e.pointerId)
      } catch {
        // the pointer is gone already
      }
      e.currentTarget.classList.add('conv-row--swiping')
    }
    // A side with nothing to do stays put.
    const side = raw < 0 ? actionsRef.current.left : actionsRef.current.right
    const dx = side ? raw : 0
    p.dx = dx
    draw(dx)
    const armed = swipeTriggers(Math.abs(dx), ROW_SWIPE_TRIGGER_PX)
    if (armed && !p.armed) vibrate(10)
    p.armed = armed
  }

  const onPointerUp = (e: PointerEvent<HTMLLIElement>) => {
    const p = press.current
    if (!p || p.id !== e.pointerId) return
    const fire = p.axis === 'swipe' && swipeTriggers(Math.abs(p.dx), ROW_SWIPE_TRIGGER_PX)
    if (p.axis === 'swipe') swipedAt.current = Date.now()
    const run = fire ? (p.dx < 0 ? actionsRef.current.left : actionsRef.current.right) : null
    end()
    run?.()
  }

  // The row is a link: a swipe must not also open the conversation.
  const onClickCapture = (e: MouseEvent<HTMLLIElement>) => {
    if (Date.now() - swipedAt.current < 400) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return {
    rowRef,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: end, onClickCapture },
  }
}

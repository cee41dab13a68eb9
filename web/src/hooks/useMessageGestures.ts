import { useCallback, useEffect, useRef, type MouseEvent, type PointerEvent } from 'react'
import {
  decideAxis,
  isDoubleTap,
  LONG_PRESS_MS,
  swipeOffset,
  swipeProgress,
  swipeTriggers,
  TAP_MAX_MS,
  type Axis,
  type Tap,
} from '../lib/gestures'

/** Controls inside a bubble keep their own touches (play, seek, open an image, links). */
const INTERACTIVE = 'button, a, input, select, textarea, audio, video, [role="slider"], [data-no-gesture]'

export function vibrate(ms: number) {
  try {
    navigator.vibrate?.(ms)
  } catch {
    // not allowed (no user activation yet) or not there
  }
}

type Press = {
  id: number
  x: number
  y: number
  t: number
  axis: Axis
  dx: number
  timer: number | undefined
  longPressed: boolean
  armed: boolean
}

/**
 * Reply gestures on one message for touch and pen: swipe right (the bubble follows the finger
 * and snaps back), long-press (~450 ms, with a short vibration), double-tap. A vertical move is
 * left to the page (scrolling). The returned handlers go on the message row; the row gets CSS
 * variables --swipe (px) and --swipe-progress (0..1) while swiping.
 */
export function useMessageGestures(onReply: (() => void) | null) {
  const rowRef = useRef<HTMLDivElement>(null)
  const press = useRef<Press | null>(null)
  const lastTap = useRef<Tap | null>(null)
  const touchedAt = useRef(0)
  const replyRef = useRef(onReply)
  useEffect(() => {
    replyRef.current = onReply
  })

  const draw = useCallback((dx: number) => {
    const el = rowRef.current
    if (!el) return
    el.style.setProperty('--swipe', `${swipeOffset(dx).toFixed(1)}px`)
    el.style.setProperty('--swipe-progress', swipeProgress(dx).toFixed(2))
  }, [])

  const end = useCallback(() => {
    const p = press.current
    if (p) window.clearTimeout(p.timer)
    press.current = null
    const el = rowRef.current
    if (el?.classList.contains('msg--swiping')) {
      el.classList.remove('msg--swiping')
      draw(0)
    }
  }, [draw])

  useEffect(() => end, [end])

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' || !replyRef.current || !e.isPrimary) return
    if ((e.target as Element).closest(INTERACTIVE)) return
    touchedAt.current = Date.now()
    const p: Press = { id: e.pointerId, x: e.clientX, y: e.clientY, t: e.timeStamp, axis: 'undecided', dx: 0, timer: undefined, longPressed: false, armed: false }
    p.timer = window.setTimeout(() => {
      if (press.current !== p || p.axis !== 'undecided') return
      p.longPressed = true
      vibrate(15)
      replyRef.current?.()
    }, LONG_PRESS_MS)
    press.current = p
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current
    if (!p || p.id !== e.pointerId || p.longPressed) return
    const dx = e.clientX - p.x
    const dy = e.clientY - p.y
    if (p.axis === 'undecided') {
      p.axis = decideAxis(dx, dy)
      if (p.axis === 'undecided') return
      window.clearTimeout(p.timer)
      if (p.axis === 'scroll') return
      try {
        e.currentTarget.setPointerCapture(e.pointerId)
      } catch {
        // the pointer is gone already
      }
      e.currentTarget.classList.add('msg--swiping')
    }
    if (p.axis !== 'swipe') return
    p.dx = dx
    draw(dx)
    const armed = swipeTriggers(dx)
    if (armed && !p.armed) vibrate(10)
    p.armed = armed
  }

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current
    if (!p || p.id !== e.pointerId) return
    const swipe = p.axis === 'swipe' && swipeTriggers(p.dx)
    const tap = p.axis === 'undecided' && !p.longPressed && e.timeStamp - p.t <= TAP_MAX_MS
    end()
    if (swipe) {
      replyRef.current?.()
      return
    }
    if (!tap) return
    const now: Tap = { t: e.timeStamp, x: e.clientX, y: e.clientY }
    if (isDoubleTap(lastTap.current, now)) {
      lastTap.current = null
      replyRef.current?.()
    } else {
      lastTap.current = now
    }
  }

  // A long-press on a touch screen also opens the browser's menu (or selects text): not here.
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (Date.now() - touchedAt.current < 1500) {
      e.preventDefault()
      return true
    }
    return false
  }

  return {
    rowRef,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: end },
    /** Whether a context menu event came from a touch (and was swallowed). */
    swallowTouchMenu: onContextMenu,
  }
}

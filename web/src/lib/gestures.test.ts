import { describe, expect, it } from 'vitest'
import {
  decideAxis,
  dismissOpacity,
  isDoubleTap,
  MOVE_SLOP_PX,
  SWIPE_MAX_PX,
  SWIPE_TRIGGER_PX,
  swipeOffset,
  swipeProgress,
  swipeTriggers,
} from './gestures'

describe('decideAxis', () => {
  it('waits until the finger has moved past the slop', () => {
    expect(decideAxis(0, 0)).toBe('undecided')
    expect(decideAxis(MOVE_SLOP_PX - 1, 3)).toBe('undecided')
  })
  it('takes a mostly sideways move to the right as a reply swipe', () => {
    expect(decideAxis(20, 5)).toBe('swipe')
    expect(decideAxis(30, -12)).toBe('swipe')
  })
  it('leaves vertical moves, diagonals and moves to the left to the page', () => {
    expect(decideAxis(3, 20)).toBe('scroll')
    expect(decideAxis(20, 18)).toBe('scroll')
    expect(decideAxis(-25, 0)).toBe('scroll')
  })
})

describe('swipe', () => {
  it('follows the finger, then resists past the maximum', () => {
    expect(swipeOffset(-10)).toBe(0)
    expect(swipeOffset(30)).toBe(30)
    expect(swipeOffset(SWIPE_MAX_PX)).toBe(SWIPE_MAX_PX)
    const far = swipeOffset(SWIPE_MAX_PX + 100)
    expect(far).toBeGreaterThan(SWIPE_MAX_PX)
    expect(far).toBeLessThan(SWIPE_MAX_PX * 1.5)
    expect(swipeOffset(10_000)).toBeLessThan(SWIPE_MAX_PX * 1.5)
    expect(swipeOffset(Number.NaN)).toBe(0)
  })
  it('replies once released past the trigger', () => {
    expect(swipeTriggers(SWIPE_TRIGGER_PX - 1)).toBe(false)
    expect(swipeTriggers(SWIPE_TRIGGER_PX)).toBe(true)
    expect(swipeProgress(0)).toBe(0)
    expect(swipeProgress(SWIPE_TRIGGER_PX / 2)).toBe(0.5)
    expect(swipeProgress(SWIPE_TRIGGER_PX * 3)).toBe(1)
  })
})

describe('isDoubleTap', () => {
  it('needs two taps close in time and place', () => {
    const first = { t: 1000, x: 100, y: 100 }
    expect(isDoubleTap(null, first)).toBe(false)
    expect(isDoubleTap(first, { t: 1200, x: 105, y: 98 })).toBe(true)
    expect(isDoubleTap(first, { t: 1400, x: 100, y: 100 })).toBe(false)
    expect(isDoubleTap(first, { t: 1100, x: 160, y: 100 })).toBe(false)
    expect(isDoubleTap(first, { t: 1000, x: 100, y: 100 })).toBe(false)
  })
})

describe('dismissOpacity', () => {
  it('fades the viewer as the image is dragged down', () => {
    expect(dismissOpacity(0)).toBe(1)
    expect(dismissOpacity(-50)).toBe(1)
    expect(dismissOpacity(10_000)).toBeCloseTo(0.3)
    expect(dismissOpacity(120)).toBeLessThan(1)
  })
})

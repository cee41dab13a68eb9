import { describe, expect, it } from 'vitest'
import {
  activeTypers,
  addTyping,
  createTypingThrottle,
  nextExpiry,
  removeTyping,
  TYPING_SEND_INTERVAL_MS,
  TYPING_SHOW_MS,
  typingText,
  type TypingLabels,
} from './typing'

describe('createTypingThrottle', () => {
  it('sends at once, then at most every 4 s', () => {
    const th = createTypingThrottle()
    expect(th.shouldSend(1000)).toBe(true)
    expect(th.shouldSend(1500)).toBe(false)
    expect(th.shouldSend(1000 + TYPING_SEND_INTERVAL_MS - 1)).toBe(false)
    expect(th.shouldSend(1000 + TYPING_SEND_INTERVAL_MS)).toBe(true)
    expect(th.shouldSend(1000 + TYPING_SEND_INTERVAL_MS + 10)).toBe(false)
  })
  it('starts over once the message is sent', () => {
    const th = createTypingThrottle()
    th.shouldSend(0)
    th.reset()
    expect(th.shouldSend(10)).toBe(true)
  })
})

describe('typing state', () => {
  const ev = (user_id: string, user_name: string, conversation_id = 'c1') => ({ conversation_id, user_id, user_name })

  it('shows someone for 6 s after their last event', () => {
    let s = addTyping({}, ev('u1', 'Boris'), 0)
    expect(activeTypers(s, 'c1', 1000).map((t) => t.name)).toEqual(['Boris'])
    expect(activeTypers(s, 'c1', TYPING_SHOW_MS)).toEqual([])
    s = addTyping(s, ev('u1', 'Boris'), 4000)
    expect(activeTypers(s, 'c1', TYPING_SHOW_MS + 1000)).toHaveLength(1)
    expect(activeTypers(s, 'c2', 1000)).toEqual([])
  })

  it('lists several, leaves out the viewer, and drops whoever sent a message', () => {
    let s = addTyping({}, ev('u1', 'Boris'), 0)
    s = addTyping(s, ev('u2', 'Anna'), 100)
    expect(activeTypers(s, 'c1', 200).map((t) => t.name)).toEqual(['Boris', 'Anna'])
    expect(activeTypers(s, 'c1', 200, 'u2').map((t) => t.name)).toEqual(['Boris'])
    expect(nextExpiry(activeTypers(s, 'c1', 200))).toBe(TYPING_SHOW_MS)
    s = removeTyping(s, 'c1', 'u1')
    expect(activeTypers(s, 'c1', 200).map((t) => t.name)).toEqual(['Anna'])
    expect(removeTyping(s, 'c1', 'nobody')).toBe(s)
    expect(nextExpiry([])).toBeNull()
  })

  it('forgets expired typers when new events come', () => {
    let s = addTyping({}, ev('u1', 'Boris'), 0)
    s = addTyping(s, ev('u2', 'Anna'), TYPING_SHOW_MS + 1)
    expect(Object.keys(s.c1!)).toEqual(['u2'])
  })
})

describe('typingText', () => {
  const labels: TypingLabels = {
    one: (n) => `${n} is typing…`,
    two: (a, b) => `${a} and ${b} are typing…`,
    many: (a, n) => `${a} and ${n} others are typing…`,
  }
  const t = (name: string) => ({ user_id: name, name, until: 1 })
  it('says who', () => {
    expect(typingText([], labels)).toBe('')
    expect(typingText([t('Boris')], labels)).toBe('Boris is typing…')
    expect(typingText([t('Boris'), t('Anna')], labels)).toBe('Boris and Anna are typing…')
    expect(typingText([t('Boris'), t('Anna'), t('Ivan')], labels)).toBe('Boris and 2 others are typing…')
  })
})

import { describe, expect, it } from 'vitest'
import { msg } from '../test/factories'
import type { Attachment } from '../api/types'
import { oneLine, replyBlock, replySummary, type ReplyLabels } from './replyPreview'

const labels: ReplyLabels = {
  you: 'You',
  author: (type) => ({ contact: 'Contact', user: 'Agent', ai: 'AI agent', workflow: 'Workflow', system: 'System' })[type],
  photo: 'Photo',
  video: 'Video',
  voice: 'Voice message',
  audio: 'Audio',
  file: 'File',
  files: (n) => `${n} files`,
  unsupported: 'Unsupported message',
}

const file = (media_type: string, filename: string) =>
  ({ id: filename, media_type, filename, size: 10, status: 'ready', url: '/x' }) as Attachment

describe('oneLine', () => {
  it('collapses whitespace and cuts long text at a word with an ellipsis', () => {
    expect(oneLine('  hello\n\n  world  ')).toBe('hello world')
    const long = 'word '.repeat(60)
    const cut = oneLine(long, 40)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(41)
    expect(cut).not.toMatch(/\s…$/)
    expect(oneLine('x'.repeat(50), 20)).toBe(`${'x'.repeat(20)}…`)
  })
})

describe('replySummary', () => {
  it("names the contact for incoming messages, 'You' for ours, the agent for someone else's", () => {
    const incoming = msg({ direction: 'in', author: { type: 'contact', id: 'k', name: 'Anna' }, text: 'Hi there' })
    expect(replySummary(incoming, { mine: false }, labels)).toEqual({ author: 'Anna', text: 'Hi there', icon: null })
    const nameless = msg({ direction: 'in', author: { type: 'contact', id: 'k', name: '' } })
    expect(replySummary(nameless, { mine: false, contactName: 'Anna S.' }, labels).author).toBe('Anna S.')
    const mine = msg({ direction: 'out', author: { type: 'user', id: 'u1', name: 'Olga' }, status: 'sent' })
    expect(replySummary(mine, { mine: true }, labels).author).toBe('You')
    expect(replySummary(mine, { mine: false }, labels).author).toBe('Olga')
    const ai = msg({ direction: 'out', author: { type: 'ai', id: null, name: '' }, status: 'sent' })
    expect(replySummary(ai, { mine: false }, labels).author).toBe('AI agent')
  })

  it('labels files when there is no text', () => {
    const photo = msg({ text: '', kind: 'media', attachments: [file('image/png', 'a.png')] })
    expect(replySummary(photo, { mine: false }, labels)).toMatchObject({ text: 'Photo', icon: 'image' })
    const pdf = msg({ text: '', kind: 'media', attachments: [file('application/pdf', 'offer.pdf')] })
    expect(replySummary(pdf, { mine: false }, labels)).toMatchObject({ text: 'offer.pdf', icon: 'file' })
    const two = msg({ text: '', kind: 'media', attachments: [file('image/png', 'a.png'), file('application/pdf', 'b.pdf')] })
    expect(replySummary(two, { mine: false }, labels).text).toBe('2 files')
    const voice = msg({ text: '', kind: 'voice', attachments: [file('audio/ogg', 'v.ogg')] })
    expect(replySummary(voice, { mine: false }, labels)).toMatchObject({ text: 'Voice message', icon: 'voice' })
    const video = msg({ text: '', kind: 'media', attachments: [file('video/mp4', 'v.mp4')] })
    expect(replySummary(video, { mine: false }, labels).text).toBe('Video')
    const unsupported = msg({ text: '', kind: 'unsupported' })
    expect(replySummary(unsupported, { mine: false }, labels).text).toBe('Unsupported message')
  })

  it('keeps the text (one line) and the file icon when both are there', () => {
    const captioned = msg({ text: 'Look\nhere', kind: 'text', attachments: [file('image/jpeg', 'p.jpg')] })
    expect(replySummary(captioned, { mine: false }, labels)).toMatchObject({ text: 'Look here', icon: 'image' })
  })
})

describe('replyBlock', () => {
  it('allows sent and received messages on channels that quote', () => {
    expect(replyBlock(msg({ status: 'received' }), true)).toBeNull()
    expect(replyBlock(msg({ direction: 'out', status: 'delivered' }), true)).toBeNull()
  })
  it('refuses messages still sending, never sent, notes, and channels without replies', () => {
    expect(replyBlock(msg({ direction: 'out', status: 'queued' }), true)).toBe('pending')
    expect(replyBlock(msg({ id: 'pending:abc', direction: 'out', status: 'queued' }), true)).toBe('pending')
    expect(replyBlock(msg({ direction: 'out', status: 'failed' }), true)).toBe('notSent')
    expect(replyBlock(msg({ kind: 'comment' }), true)).toBe('kind')
    expect(replyBlock(msg({ status: 'received' }), false)).toBe('channel')
  })
})

import { describe, expect, it } from 'vitest'
import type { Channel } from '../api/types'
import { conv, msg } from '../test/factories'
import { capabilitiesOf, contactChannels, fillTemplate, templateValues, windowLeft } from './channels'

const channel = (id: string, kind: string, caps: Partial<Channel['capabilities']> = {}) =>
  ({
    id,
    kind,
    name: `${kind} ${id}`,
    status: 'connected',
    status_reason: null,
    settings: {},
    webhook_url: '',
    created_at: '',
    capabilities: { reply_to: false, typing: false, messaging_window_hours: null, ...caps },
  }) as Channel

describe('contactChannels', () => {
  const all = [channel('a', 'api', { reply_to: true }), channel('w', 'whatsapp', { messaging_window_hours: 24 }), channel('t', 'telegram')]
  it("puts the last channel first, then every channel the contact wrote on", () => {
    const c = conv({ last_channel: { id: 'w', kind: 'whatsapp', name: 'old name' } })
    const messages = [msg({ channel_id: 'a', direction: 'in' }), msg({ channel_id: 't', direction: 'out' }), msg({ channel_id: 'w', direction: 'in' })]
    expect(contactChannels(c, messages, all).map((x) => [x.id, x.name])).toEqual([
      ['w', 'whatsapp w'],
      ['a', 'api a'],
    ])
  })
  it('uses the channels the contact lists, when the server gives them', () => {
    const c = conv({ last_channel: { id: 'a', kind: 'api', name: 'x' } })
    expect(contactChannels(c, [], all, [{ id: 't', kind: 'telegram', name: 'T' }]).map((x) => x.id)).toEqual(['a', 't'])
    expect(contactChannels(undefined, [], all)).toEqual([])
  })
})

describe('capabilitiesOf', () => {
  it('finds the capabilities, or none', () => {
    const all = [channel('a', 'api', { reply_to: true })]
    expect(capabilitiesOf(all, 'a').reply_to).toBe(true)
    expect(capabilitiesOf(all, 'zzz')).toEqual({ reply_to: false, typing: false, messaging_window_hours: null })
    expect(capabilitiesOf(undefined, null).reply_to).toBe(false)
  })
})

describe('windowLeft', () => {
  it('counts down to the close', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(windowLeft('2025-01-01T05:30:00Z', now)).toEqual({ open: true, hours: 5, minutes: 30 })
    expect(windowLeft('2025-01-01T00:00:30Z', now)).toEqual({ open: true, hours: 0, minutes: 0 })
    expect(windowLeft('2024-12-31T23:00:00Z', now).open).toBe(false)
    expect(windowLeft(null, now).open).toBe(false)
  })
})

describe('templates', () => {
  it('need every variable filled', () => {
    expect(templateValues(['1', '2'], { 1: ' Anna ', 2: '42' })).toEqual(['Anna', '42'])
    expect(templateValues(['1', '2'], { 1: 'Anna' })).toBeNull()
    expect(templateValues([], {})).toEqual([])
    expect(fillTemplate('Hi {{1}}, order {{ 2 }} is {{status}}', { 1: 'Anna', status: 'ready' })).toBe(
      'Hi Anna, order {{ 2 }} is ready',
    )
  })
})

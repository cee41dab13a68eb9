import { describe, expect, it } from 'vitest'
import { parseEvent } from '../api/events'
import type { Attachment, Message, Preferences, Transcript } from '../api/types'
import { msg } from '../test/factories'
import { appendText, appendToDraft, getDraft, setDraft, subscribeDrafts } from './drafts'
import { setAttachmentTranscript, type Pages } from './messageCache'
import { claimPlayback, currentPlayback, releasePlayback } from './playback'
import { preferencesPatch } from './preferences'
import { parseRoute, paths } from './routes'
import {
  formatClockSeconds,
  fractionAt,
  isNewerTranscript,
  knownDuration,
  MIN_BAR,
  nextSpeed,
  PLACEHOLDER_BAR,
  playbackSource,
  playedBars,
  timeLabel,
  transcriptText,
  waveformBars,
} from './voice'

function transcript(partial: Partial<Transcript> = {}): Transcript {
  return {
    id: 't1',
    attachment_id: 'a1',
    status: 'pending',
    error: null,
    text: '',
    language: null,
    segments: [],
    engine: null,
    model: null,
    audio_seconds: null,
    processing_seconds: null,
    updated_at: '2024-05-10T10:00:00Z',
    ...partial,
  } as Transcript
}

function voice(partial: Partial<Attachment> = {}): Attachment {
  return {
    id: 'a1',
    media_type: 'audio/ogg',
    filename: 'voice.ogg',
    size: 1000,
    status: 'ready',
    url: '/files/a1/voice.ogg',
    duration: 5.66,
    waveform: null,
    playback_url: null,
    error: null,
    transcript: null,
    ...partial,
  } as Attachment
}

describe('waveformBars', () => {
  it('is a flat placeholder until the server has the peaks', () => {
    expect(waveformBars(null, 4)).toEqual([PLACEHOLDER_BAR, PLACEHOLDER_BAR, PLACEHOLDER_BAR, PLACEHOLDER_BAR])
    expect(waveformBars([], 2)).toHaveLength(2)
  })

  it('takes the loudest peak of each share and scales the loudest bar to full height', () => {
    const bars = waveformBars([0.1, 0.5, 0.2, 0.25, 0, 0, 0.05, 0.1], 4)
    expect(bars).toHaveLength(4)
    expect(bars[0]).toBe(1)
    expect(bars[2]).toBe(MIN_BAR)
    expect(bars[1]).toBeCloseTo(MIN_BAR + (1 - MIN_BAR) * 0.5)
  })

  it('stretches fewer peaks than bars, and survives silence and junk', () => {
    const half = MIN_BAR + (1 - MIN_BAR) * 0.5
    expect(waveformBars([0.2, 0.4], 4)).toEqual([half, half, 1, 1])
    expect(waveformBars([0, 0, 0], 3)).toEqual([MIN_BAR, MIN_BAR, MIN_BAR])
    expect(waveformBars([Number.NaN, 2, -1], 3)).toEqual([MIN_BAR, 1, MIN_BAR])
  })
})

describe('progress and seeking', () => {
  it('colours the bars up to the playing position', () => {
    expect(playedBars(0, 48)).toBe(0)
    expect(playedBars(0.5, 48)).toBe(24)
    expect(playedBars(0.51, 48)).toBe(25)
    expect(playedBars(1, 48)).toBe(48)
    expect(playedBars(Number.NaN, 48)).toBe(0)
  })

  it('turns a pointer position into a share of the waveform, clamped', () => {
    expect(fractionAt(150, 100, 200)).toBe(0.25)
    expect(fractionAt(50, 100, 200)).toBe(0)
    expect(fractionAt(400, 100, 200)).toBe(1)
    expect(fractionAt(150, 100, 0)).toBe(0)
  })

  it('uses the server duration, else a finite one from the browser', () => {
    expect(knownDuration(5.66, 5.7)).toBe(5.66)
    expect(knownDuration(null, Number.POSITIVE_INFINITY)).toBeNull()
    expect(knownDuration(undefined, 3)).toBe(3)
  })

  it('shows the duration while idle and elapsed of total once started', () => {
    expect(timeLabel(0, 5.66, false)).toBe('0:06')
    expect(timeLabel(2.9, 5.66, true)).toBe('0:02 / 0:06')
    expect(timeLabel(61, null, true)).toBe('1:01')
    expect(timeLabel(0, null, false)).toBe('')
    expect(formatClockSeconds(5.999)).toBe('0:05')
  })

  it('cycles the speed 1x → 1.5x → 2x → 1x', () => {
    expect(nextSpeed(1)).toBe(1.5)
    expect(nextSpeed(1.5)).toBe(2)
    expect(nextSpeed(2)).toBe(1)
    expect(nextSpeed(3)).toBe(1)
  })

  it('plays the rendition when there is one, else the original', () => {
    expect(playbackSource(voice())).toBe('/files/a1/voice.ogg')
    expect(playbackSource(voice({ playback_url: '/p/a1.m4a' }))).toBe('/p/a1.m4a')
    expect(playbackSource(voice({ url: null }))).toBeNull()
  })

  it('lets one player play at a time', () => {
    const make = () => {
      const p = { paused: true, pause() { p.paused = true } }
      return p
    }
    const a = make()
    const b = make()
    claimPlayback(a)
    a.paused = false
    claimPlayback(b)
    expect(a.paused).toBe(true)
    expect(currentPlayback()).toBe(b)
    releasePlayback(b)
    expect(currentPlayback()).toBeNull()
  })
})

describe('transcripts in the cache', () => {
  const pages = (...p: Message[][]): Pages<Message> => ({ pages: p, pageParams: p.map(() => undefined) })

  it('puts the response on its attachment', () => {
    const m = msg({ kind: 'voice', text: '', attachments: [voice()] })
    const data = pages([msg(), m])
    const out = setAttachmentTranscript(data, transcript())
    expect(out?.pages[0]?.[1]?.attachments[0]?.transcript?.status).toBe('pending')
    expect(out?.pages[0]?.[0]).toBe(data.pages[0]![0]) // others untouched
  })

  it('never puts an older state over a newer realtime one', () => {
    const done = transcript({ status: 'done', text: 'hi', updated_at: '2024-05-10T10:00:05Z' })
    const m = msg({ kind: 'voice', attachments: [voice({ transcript: done })] })
    const data = pages([m])
    expect(setAttachmentTranscript(data, transcript({ status: 'pending' }))).toBe(data)
    expect(isNewerTranscript(done, transcript({ status: 'pending', updated_at: '2024-05-10T10:00:09Z' }))).toBe(true)
    expect(isNewerTranscript(null, transcript())).toBe(true)
  })

  it('leaves the cache alone when the message is not loaded', () => {
    const data = pages([msg()])
    expect(setAttachmentTranscript(data, transcript())).toBe(data)
    expect(setAttachmentTranscript(undefined, transcript())).toBeUndefined()
  })

  it('tidies the text for a reply', () => {
    expect(transcriptText(transcript({ text: '  and shining\n in the sun. ' }))).toBe('and shining in the sun.')
  })
})

describe('drafts', () => {
  it('appends on a new line, or starts the draft', () => {
    expect(appendText('', ' hello ')).toBe('hello')
    expect(appendText('Thanks!  ', 'hello')).toBe('Thanks!\nhello')
    expect(appendText('Thanks!', '  ')).toBe('Thanks!')
  })

  it('tells the composer when a draft changes', () => {
    let calls = 0
    const stop = subscribeDrafts(() => calls++)
    appendToDraft('w/c', 'one')
    appendToDraft('w/c', 'two')
    setDraft('w/c', getDraft('w/c'))
    expect(getDraft('w/c')).toBe('one\ntwo')
    expect(calls).toBe(2)
    setDraft('w/c', '')
    expect(getDraft('w/c')).toBe('')
    stop()
  })
})

describe('preferences', () => {
  it('sends only what changed', () => {
    // Other preferences (added over time) are left out: the patch only looks at these two.
    const base = { auto_transcribe: false, transcribe_language: null } as Preferences
    const saved = base
    expect(preferencesPatch(saved, saved)).toEqual({})
    expect(preferencesPatch(saved, { ...base, auto_transcribe: true })).toEqual({ auto_transcribe: true })
    expect(preferencesPatch({ ...base, auto_transcribe: true, transcribe_language: 'ru' }, { ...base, auto_transcribe: true })).toEqual({
      transcribe_language: null,
    })
  })

  it('has its own URL', () => {
    expect(paths.settings('w1')).toBe('/w/w1/settings')
    expect(parseRoute('/w/w1/settings')).toEqual({ name: 'settings', wid: 'w1', page: 'preferences' })
    expect(parseRoute('/w/w1/settings/teams')).toEqual({ name: 'settings', wid: 'w1', page: 'teams' })
    expect(parseRoute('/w/w1/channels')).toEqual({ name: 'settings', wid: 'w1', page: 'channels' })
    expect(parseRoute('/w/w1/settings/x')).toEqual({ name: 'not-found' })
    expect(paths.settings('w1', 'snippets')).toBe('/w/w1/settings/snippets')
    expect(paths.message('w 1', 'c1', 'm1')).toBe('/w/w%201/c/c1?m=m1')
  })
})

describe('conversation.read event', () => {
  it('is parsed (another tab of this user read the conversation)', () => {
    expect(parseEvent({ type: 'conversation.read', workspace_id: 'w', conversation_id: 'c' })).toEqual({
      type: 'conversation.read',
      workspace_id: 'w',
      conversation_id: 'c',
    })
    expect(parseEvent({ type: 'conversation.read', workspace_id: 'w' })).toBeNull()
  })
})

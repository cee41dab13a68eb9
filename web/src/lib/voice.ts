// Pure helpers of the voice player and transcripts (unit-tested in voice.test.ts).
import type { Attachment, Transcript, TranscriptStatus } from '../api/types'

/** Playback speeds, in the order the speed button cycles through them. */
export const SPEEDS = [1, 1.5, 2] as const
export type Speed = (typeof SPEEDS)[number]

export function isSpeed(value: unknown): value is Speed {
  return typeof value === 'number' && (SPEEDS as readonly number[]).includes(value)
}

export function nextSpeed(current: number): Speed {
  const i = SPEEDS.findIndex((s) => s === current)
  return SPEEDS[(i + 1) % SPEEDS.length]!
}

export const formatSpeed = (speed: number) => `${speed}x`

export const isAudio = (a: Pick<Attachment, 'media_type'>) =>
  a.media_type.toLowerCase().startsWith('audio/')

/** What the player plays: the browser-playable rendition when the server has made it. */
export function playbackSource(a: Pick<Attachment, 'url' | 'playback_url'>): string | null {
  return a.playback_url || a.url || null
}

/** Smallest bar, as a share of the full height: silence still shows as a row of dots. */
export const MIN_BAR = 0.08
/** The bar height of the flat placeholder shown before the server has the waveform. */
export const PLACEHOLDER_BAR = 0.16

/**
 * `count` bar heights in [MIN_BAR, 1] from the server's peaks (any number of them, 0..1): each
 * bar is the loudest peak of its share, scaled so the loudest bar is full height. Without
 * peaks (not computed yet) a flat placeholder.
 */
export function waveformBars(peaks: readonly number[] | null | undefined, count: number): number[] {
  const clean = (peaks ?? []).map((p) => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0))
  if (!clean.length) return Array.from({ length: count }, () => PLACEHOLDER_BAR)
  const bars: number[] = []
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * clean.length) / count)
    const to = Math.max(from + 1, Math.floor(((i + 1) * clean.length) / count))
    let peak = 0
    for (let j = from; j < to && j < clean.length; j++) peak = Math.max(peak, clean[j]!)
    bars.push(peak)
  }
  const loudest = Math.max(...bars)
  return bars.map((b) => (loudest > 0 ? MIN_BAR + (1 - MIN_BAR) * (b / loudest) : MIN_BAR))
}

/** How many of `count` bars are played at `fraction` (0..1) of the audio. */
export function playedBars(fraction: number, count: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0) return 0
  return Math.min(count, Math.ceil(fraction * count - 1e-9))
}

export const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0)

/** The share of the waveform left of a pointer at `clientX`. */
export function fractionAt(clientX: number, left: number, width: number): number {
  return width > 0 ? clamp01((clientX - left) / width) : 0
}

/** A usable duration: the server's, else the browser's (Infinity/NaN for some streams). */
export function knownDuration(...candidates: (number | null | undefined)[]): number | null {
  for (const d of candidates) if (d != null && Number.isFinite(d) && d > 0) return d
  return null
}

/** Seconds as m:ss, rounding down (a clock: 0:05.9 is still 0:05). */
export function formatClockSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds + 1e-6))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * The time under the waveform: the duration while idle; once started, elapsed of total
 * (or just elapsed when the total is unknown).
 */
export function timeLabel(position: number, duration: number | null, started: boolean): string {
  if (!started) return duration != null ? formatClockSeconds(Math.round(duration)) : ''
  const elapsed = formatClockSeconds(position)
  return duration != null ? `${elapsed} / ${formatClockSeconds(Math.round(duration))}` : elapsed
}

export const isTranscribing = (status: TranscriptStatus | null | undefined) =>
  status === 'pending' || status === 'running'

/**
 * Whether `incoming` should replace `current` (same attachment): a response may arrive after
 * a newer realtime update, so the newer `updated_at` wins; ties go to the incoming one.
 */
export function isNewerTranscript(current: Transcript | null | undefined, incoming: Transcript): boolean {
  if (!current) return true
  if (String(current.id) !== String(incoming.id)) return true
  const a = current.updated_at ? Date.parse(current.updated_at) : Number.NaN
  const b = incoming.updated_at ? Date.parse(incoming.updated_at) : Number.NaN
  if (Number.isNaN(a) || Number.isNaN(b)) return true
  return b >= a
}

/** The transcript text as it goes into a reply: whitespace tidied. */
export const transcriptText = (t: Pick<Transcript, 'text'>) => t.text.replace(/\s+/g, ' ').trim()

/** Languages offered as a transcription hint (ISO 639-1), besides auto-detection. */
export const TRANSCRIBE_LANGUAGES = ['ru', 'en', 'uk', 'kk', 'uz', 'be', 'de', 'fr', 'es', 'it', 'tr', 'zh', 'ar'] as const

/** A language's name in that language ("Русский", "English"), or the code without Intl support. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code)
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1)
  } catch {
    // no Intl.DisplayNames
  }
  return code
}

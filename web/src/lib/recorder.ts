// Recording voice and video notes in the browser (pure parts: formats, names, errors).

export type RecordMode = 'audio' | 'video'

/** In order of preference: Opus in WebM (Chromium, Firefox), AAC in MP4 (Safari). */
export const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'] as const
export const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'] as const

/** The first type this browser records, or '' (let the browser choose). */
export function pickMimeType(mode: RecordMode, isSupported: (type: string) => boolean): string {
  const list: readonly string[] = mode === 'audio' ? AUDIO_TYPES : VIDEO_TYPES
  return list.find((t) => {
    try {
      return isSupported(t)
    } catch {
      return false
    }
  }) ?? ''
}

/** A file name the server accepts for a recording of this type. */
export function recordingFileName(mimeType: string, mode: RecordMode, now = new Date()): string {
  const type = mimeType.split(';')[0]!.trim().toLowerCase()
  const ext = type.endsWith('/mp4') ? (mode === 'audio' ? 'm4a' : 'mp4') : type.endsWith('/ogg') ? 'ogg' : 'webm'
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `${mode === 'audio' ? 'voice' : 'video'}-${stamp}.${ext}`
}

export type RecordError = 'denied' | 'noDevice' | 'busy' | 'insecure' | 'unsupported' | 'failed'

/** What went wrong when asking for the microphone/camera, for a clear message. */
export function classifyMediaError(err: unknown, env: { secure: boolean; hasMediaDevices: boolean; hasRecorder: boolean }): RecordError {
  if (!env.secure) return 'insecure'
  if (!env.hasMediaDevices || !env.hasRecorder) return 'unsupported'
  const name = typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : ''
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied'
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noDevice'
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy'
    default:
      return 'failed'
  }
}

/** Loudness peaks (0..1), `count` of them, from levels sampled while recording. */
export function levelsToPeaks(levels: readonly number[], count: number): number[] {
  if (!levels.length) return []
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * levels.length) / count)
    const to = Math.max(from + 1, Math.floor(((i + 1) * levels.length) / count))
    let peak = 0
    for (let j = from; j < to && j < levels.length; j++) peak = Math.max(peak, levels[j]!)
    out.push(Math.min(1, Math.max(0, peak)))
  }
  return out
}

/** RMS of one analyser frame (bytes around 128) as a 0..1 level, boosted for speech. */
export function frameLevel(frame: ArrayLike<number>): number {
  if (!frame.length) return 0
  let sum = 0
  for (let i = 0; i < frame.length; i++) {
    const v = (frame[i]! - 128) / 128
    sum += v * v
  }
  return Math.min(1, Math.sqrt(sum / frame.length) * 3)
}

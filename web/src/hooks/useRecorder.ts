import { useCallback, useEffect, useRef, useState } from 'react'
import {
  classifyMediaError,
  frameLevel,
  levelsToPeaks,
  pickMimeType,
  recordingFileName,
  type RecordError,
  type RecordMode,
} from '../lib/recorder'

/** Recordings stop by themselves after this long. */
const MAX_SECONDS = 15 * 60
/** Loudness is sampled this often while recording (the live bars and the preview waveform). */
const LEVEL_INTERVAL_MS = 80

export type Recording = {
  mode: RecordMode
  blob: Blob
  url: string
  fileName: string
  mimeType: string
  /** Seconds, measured while recording (a recorded WebM does not say its duration). */
  duration: number
  peaks: number[]
}

export type RecorderState =
  | { phase: 'idle' }
  | { phase: 'starting'; mode: RecordMode }
  | { phase: 'recording'; mode: RecordMode; startedAt: number; stream: MediaStream }
  | { phase: 'preview'; recording: Recording }
  | { phase: 'error'; mode: RecordMode; error: RecordError }

type Session = {
  recorder: MediaRecorder
  stream: MediaStream
  chunks: Blob[]
  audio: AudioContext | null
  levelTimer: number | undefined
  maxTimer: number | undefined
  levels: number[]
  keep: boolean
  startedAt: number
  stoppedAt: number
}

/**
 * Voice notes (MediaRecorder; Opus in WebM in Chromium, AAC in MP4 in Safari) and video notes
 * (WebM) recorded in the browser: record → preview → send / re-record / delete.
 */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ phase: 'idle' })
  const [levels, setLevels] = useState<number[]>([])
  const session = useRef<Session | null>(null)
  const previewUrl = useRef<string | null>(null)
  const generation = useRef(0)

  const release = useCallback((s: Session) => {
    window.clearInterval(s.levelTimer)
    window.clearTimeout(s.maxTimer)
    for (const track of s.stream.getTracks()) track.stop()
    void s.audio?.close().catch(() => undefined)
  }, [])

  const dropPreview = useCallback(() => {
    if (previewUrl.current) URL.revokeObjectURL(previewUrl.current)
    previewUrl.current = null
  }, [])

  const stop = useCallback(() => {
    const s = session.current
    if (!s || s.recorder.state === 'inactive') return
    s.keep = true
    s.stoppedAt = performance.now()
    s.recorder.stop()
  }, [])

  const start = useCallback(
    async (mode: RecordMode) => {
      const gen = ++generation.current
      dropPreview()
      setLevels([])
      const env = {
        secure: window.isSecureContext,
        hasMediaDevices: typeof navigator.mediaDevices?.getUserMedia === 'function',
        hasRecorder: typeof MediaRecorder !== 'undefined',
      }
      if (!env.secure || !env.hasMediaDevices || !env.hasRecorder) {
        setState({ phase: 'error', mode, error: classifyMediaError(null, env) })
        return
      }
      setState({ phase: 'starting', mode })
      let stream: MediaStream
      try {
        stream = await navigator.mediaDevices.getUserMedia(
          mode === 'audio'
            ? { audio: { echoCancellation: true, noiseSuppression: true } }
            : { audio: true, video: { facingMode: 'user', width: { ideal: 480 }, height: { ideal: 480 } } },
        )
      } catch (err) {
        if (gen === generation.current) setState({ phase: 'error', mode, error: classifyMediaError(err, env) })
        return
      }
      if (gen !== generation.current) {
        for (const track of stream.getTracks()) track.stop()
        return
      }
      const mimeType = pickMimeType(mode, (t) => MediaRecorder.isTypeSupported(t))
      let recorder: MediaRecorder
      try {
        recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined)
      } catch (err) {
        for (const track of stream.getTracks()) track.stop()
        setState({ phase: 'error', mode, error: classifyMediaError(err, env) })
        return
      }
      const s: Session = {
        recorder,
        stream,
        chunks: [],
        audio: null,
        levelTimer: undefined,
        maxTimer: undefined,
        levels: [],
        keep: false,
        startedAt: performance.now(),
        stoppedAt: 0,
      }
      session.current = s
      recorder.ondataavailable = (e) => {
        if (e.data.size) s.chunks.push(e.data)
      }
      recorder.onstop = () => {
        release(s)
        if (session.current === s) session.current = null
        if (!s.keep || gen !== generation.current) return
        const type = recorder.mimeType || mimeType || (mode === 'audio' ? 'audio/webm' : 'video/webm')
        const blob = new Blob(s.chunks, { type })
        const url = URL.createObjectURL(blob)
        previewUrl.current = url
        setState({
          phase: 'preview',
          recording: {
            mode,
            blob,
            url,
            mimeType: type,
            fileName: recordingFileName(type, mode),
            duration: Math.max(0.1, (s.stoppedAt - s.startedAt) / 1000),
            peaks: levelsToPeaks(s.levels, 64),
          },
        })
      }
      // Loudness for the live bars and the preview's waveform.
      try {
        const audio = new AudioContext()
        const analyser = audio.createAnalyser()
        analyser.fftSize = 1024
        audio.createMediaStreamSource(stream).connect(analyser)
        const frame = new Uint8Array(analyser.fftSize)
        s.audio = audio
        s.levelTimer = window.setInterval(() => {
          analyser.getByteTimeDomainData(frame)
          s.levels.push(frameLevel(frame))
          setLevels(s.levels.slice(-40))
        }, LEVEL_INTERVAL_MS)
      } catch {
        // no Web Audio: no bars, the recording itself still works
      }
      s.maxTimer = window.setTimeout(stop, MAX_SECONDS * 1000)
      recorder.start(250)
      setState({ phase: 'recording', mode, startedAt: Date.now(), stream })
    },
    [dropPreview, release, stop],
  )

  /** Stop and throw away what was being recorded, or the preview. */
  const discard = useCallback(() => {
    generation.current++
    const s = session.current
    session.current = null
    if (s) {
      s.keep = false
      if (s.recorder.state !== 'inactive') s.recorder.stop()
      release(s)
    }
    dropPreview()
    setLevels([])
    setState({ phase: 'idle' })
  }, [dropPreview, release])

  // Leaving the conversation stops the microphone.
  useEffect(
    () => () => {
      generation.current++
      const s = session.current
      if (s) {
        s.keep = false
        if (s.recorder.state !== 'inactive') s.recorder.stop()
        release(s)
      }
      if (previewUrl.current) URL.revokeObjectURL(previewUrl.current)
    },
    [release],
  )

  return { state, levels, start, stop, discard }
}

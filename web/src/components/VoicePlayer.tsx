import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import { useVoiceSpeed } from '../hooks/useVoiceSpeed'
import { claimPlayback, releasePlayback } from '../lib/playback'
import {
  formatClockSeconds,
  formatSpeed,
  fractionAt,
  knownDuration,
  nextSpeed,
  playbackSource,
  playedBars,
  timeLabel,
  waveformBars,
} from '../lib/voice'
import { setVoiceSpeed } from '../lib/voiceSpeed'
import { IconPause, IconPlay } from './Icons'

/** Bars drawn, whatever number of peaks the server computed. */
const BARS = 48
/** A touch that moves this far sideways is a drag along the waveform (not a tap). */
const DRAG_SLOP_PX = 6
/** Arrow keys move this many seconds. */
const KEY_STEP_S = 2

type Props = {
  attachment: Attachment
  /** Shown at the end of the row under the waveform (the transcribe button). */
  actions?: ReactNode
  /** Under the player (the file name of an audio file that is not a voice note). */
  footer?: ReactNode
}

/**
 * A voice message player: play/pause, a waveform that shows progress and seeks on tap or drag,
 * the time, and the playback speed. Plays the server's browser-playable rendition when there is
 * one; only one player plays at a time.
 */
export function VoicePlayer({ attachment: a, actions, footer }: Props) {
  const { t } = useTranslation()
  const audio = useRef<HTMLAudioElement>(null)
  const wave = useRef<HTMLDivElement>(null)
  const speed = useVoiceSpeed()
  const [playing, setPlaying] = useState(false)
  const [position, setPosition] = useState(0)
  const [mediaDuration, setMediaDuration] = useState<number | null>(null)
  const [playError, setPlayError] = useState(false)
  const pendingSeek = useRef<number | null>(null)
  const drag = useRef<{ id: number; startX: number; active: boolean } | null>(null)

  // The source: the rendition once it exists, but never switched under a playing message.
  const wanted = playbackSource(a)
  const [src, setSrc] = useState(wanted)
  useEffect(() => {
    if (wanted === src) return
    const el = audio.current
    if (!el || el.paused) {
      // Keep the place where the listener paused.
      if (el && el.currentTime > 0 && !el.ended) pendingSeek.current = el.currentTime
      setSrc(wanted)
      setPlayError(false)
    }
  }, [wanted, src, playing])

  const duration = knownDuration(a.duration, mediaDuration)
  const started = playing || position > 0
  const fraction = duration ? position / duration : 0
  const bars = waveformBars(a.waveform, BARS)
  const played = playedBars(fraction, BARS)

  // Smooth progress while playing (timeupdate alone fires only about 4 times a second).
  useEffect(() => {
    if (!playing) return
    let frame = 0
    const tick = () => {
      const el = audio.current
      if (el) setPosition(el.currentTime)
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [playing])

  useEffect(() => {
    const el = audio.current
    if (!el) return
    el.defaultPlaybackRate = speed
    el.playbackRate = speed
  }, [speed, src])

  useEffect(() => {
    const el = audio.current
    return () => {
      if (!el) return
      el.pause()
      releasePlayback(el)
    }
  }, [])

  const toggle = async () => {
    const el = audio.current
    if (!el || !src) return
    if (!el.paused) {
      el.pause()
      return
    }
    claimPlayback(el)
    el.playbackRate = speed
    setPlayError(false)
    try {
      await el.play()
    } catch (err) {
      // AbortError: paused again (or another player started) before it began: not a failure.
      if (!(err instanceof DOMException && err.name === 'AbortError')) setPlayError(true)
    }
  }

  const seekTo = useCallback(
    (seconds: number) => {
      const el = audio.current
      if (!el || duration == null) return
      const time = Math.min(Math.max(0, seconds), duration)
      setPosition(time)
      if (el.readyState === HTMLMediaElement.HAVE_NOTHING) {
        // Nothing loaded yet: seek once the metadata is in.
        pendingSeek.current = time
        if (el.networkState !== HTMLMediaElement.NETWORK_LOADING) el.load()
      } else {
        el.currentTime = time
      }
    },
    [duration],
  )

  const seekToPointer = (clientX: number) => {
    const box = wave.current?.getBoundingClientRect()
    if (!box || duration == null) return
    seekTo(fractionAt(clientX, box.left, box.width) * duration)
  }

  // Mouse: seek on press and follow the drag. Touch: a tap seeks on release, a sideways drag
  // seeks as it moves, and a vertical swipe is left to the page (it scrolls the messages).
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || duration == null) return
    const mouse = e.pointerType === 'mouse'
    drag.current = { id: e.pointerId, startX: e.clientX, active: mouse }
    if (mouse) {
      e.currentTarget.setPointerCapture(e.pointerId)
      seekToPointer(e.clientX)
    }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    if (!d.active && Math.abs(e.clientX - d.startX) > DRAG_SLOP_PX) {
      d.active = true
      e.currentTarget.setPointerCapture(e.pointerId)
    }
    if (d.active) seekToPointer(e.clientX)
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    drag.current = null
    seekToPointer(e.clientX)
  }
  const onPointerCancel = () => {
    drag.current = null
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (duration == null) return
    const current = audio.current?.currentTime ?? position
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowUp'
        ? current + KEY_STEP_S
        : e.key === 'ArrowLeft' || e.key === 'ArrowDown'
          ? current - KEY_STEP_S
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? duration
              : null
    if (to == null) return
    e.preventDefault()
    seekTo(to)
  }

  const label = timeLabel(position, duration, started)
  const total = duration != null ? formatClockSeconds(Math.round(duration)) : ''
  const placeholder = !a.waveform?.length

  return (
    <div
      className={`voice ${playing ? 'voice--playing' : ''}`}
      data-testid="voice-player"
      data-state={playing ? 'playing' : started ? 'paused' : 'idle'}
    >
      <div className="voice__row">
        <button
          type="button"
          className="voice__play"
          data-testid="voice-play"
          aria-label={playing ? t('voice.pause') : t('voice.play')}
          title={playing ? t('voice.pause') : t('voice.play')}
          disabled={!src}
          onClick={() => void toggle()}
        >
          {playing ? <IconPause size={22} /> : <IconPlay size={22} />}
        </button>
        <div className="voice__body">
          <div
            ref={wave}
            className={`voice__wave ${placeholder ? 'voice__wave--placeholder' : ''}`}
            data-testid="voice-waveform"
            data-progress={fraction.toFixed(3)}
            role="slider"
            tabIndex={duration != null ? 0 : -1}
            aria-label={t('voice.seek')}
            aria-valuemin={0}
            aria-valuemax={duration != null ? Math.round(duration) : 0}
            aria-valuenow={Math.round(position)}
            aria-valuetext={t('voice.positionOf', { elapsed: formatClockSeconds(position), total })}
            aria-disabled={duration == null || undefined}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerCancel}
            onKeyDown={onKeyDown}
          >
            {bars.map((h, i) => (
              <span
                key={i}
                className={`voice__bar ${i < played ? 'voice__bar--played' : ''}`}
                style={{ height: `${(h * 100).toFixed(1)}%` }}
              />
            ))}
          </div>
          <div className="voice__info">
            <span className="voice__time" data-testid="voice-duration">
              {label}
            </span>
            <button
              type="button"
              className="voice__chip"
              data-testid="voice-speed"
              aria-label={t('voice.speed', { speed: formatSpeed(speed) })}
              title={t('voice.speed', { speed: formatSpeed(speed) })}
              onClick={() => setVoiceSpeed(nextSpeed(speed))}
            >
              {formatSpeed(speed)}
            </button>
            {actions}
          </div>
        </div>
      </div>
      {(a.error || playError) && (
        <p className="voice__note" role="note">
          {a.error || t('voice.playError')}
        </p>
      )}
      {footer}
      <audio
        ref={audio}
        src={src ?? undefined}
        preload="metadata"
        onPlay={(e) => {
          claimPlayback(e.currentTarget)
          setPlaying(true)
        }}
        onPause={(e) => {
          setPlaying(false)
          setPosition(e.currentTarget.currentTime)
        }}
        onEnded={() => {
          setPlaying(false)
          setPosition(0)
        }}
        onTimeUpdate={(e) => {
          if (!playing) setPosition(e.currentTarget.currentTime)
        }}
        onLoadedMetadata={(e) => {
          const el = e.currentTarget
          el.playbackRate = speed
          if (Number.isFinite(el.duration)) setMediaDuration(el.duration)
          if (pendingSeek.current != null) {
            el.currentTime = pendingSeek.current
            pendingSeek.current = null
          }
        }}
        onDurationChange={(e) => {
          if (Number.isFinite(e.currentTarget.duration)) setMediaDuration(e.currentTarget.duration)
        }}
        onError={() => {
          setPlaying(false)
          setPlayError(true)
        }}
      />
    </div>
  )
}

import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import type { RecorderState, Recording } from '../hooks/useRecorder'
import { formatClockSeconds } from '../lib/voice'
import { IconClose, IconRedo, IconSend, IconStop, IconTrash } from './Icons'
import { Spinner } from './Spinner'
import { VoicePlayer } from './VoicePlayer'

type Props = {
  state: Exclude<RecorderState, { phase: 'idle' }>
  levels: number[]
  onStop: () => void
  onDiscard: () => void
  onRerecord: () => void
  onSend: (r: Recording) => void
  /** The upload of the recording: progress 0..1, or its error. */
  sending: { progress: number } | null
  sendError: string | null
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(id)
  }, [])
  return <span className="rec__time" data-testid="record-time">{formatClockSeconds((now - since) / 1000)}</span>
}

function LiveVideo({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (video.current) video.current.srcObject = stream
  }, [stream])
  return <video ref={video} className="rec__video" autoPlay muted playsInline />
}

/**
 * Where the input row was: recording (elapsed time, live level, cancel, stop), then the
 * preview (play it at 1x/1.5x/2x, delete, re-record, send).
 */
export function RecorderBar({ state, levels, onStop, onDiscard, onRerecord, onSend, sending, sendError }: Props) {
  const { t } = useTranslation()

  if (state.phase === 'error') {
    return (
      <div className="rec rec--error" role="alert" data-testid="record-error">
        <span className="rec__message">{t(`record.errors.${state.error}`)}</span>
        <button type="button" className="icon-btn" onClick={onDiscard} aria-label={t('common.close')} title={t('common.close')}>
          <IconClose size={20} />
        </button>
      </div>
    )
  }

  if (state.phase === 'starting' || state.phase === 'recording') {
    const video = state.mode === 'video'
    return (
      <div className={`rec rec--recording ${video ? 'rec--video' : ''}`} data-testid="recording" data-mode={state.mode}>
        {state.phase === 'recording' && video && <LiveVideo stream={state.stream} />}
        <div className="rec__row">
          <button type="button" className="icon-btn rec__cancel" data-testid="record-cancel" onClick={onDiscard} aria-label={t('record.cancel')} title={t('record.cancel')}>
            <IconTrash size={22} />
          </button>
          <span className="rec__dot" aria-hidden="true" />
          {state.phase === 'recording' ? <Elapsed since={state.startedAt} /> : <span className="rec__time">{t('record.starting')}</span>}
          <span className="rec__levels" aria-hidden="true">
            {levels.map((l, i) => (
              <span key={i} style={{ height: `${Math.max(8, l * 100).toFixed(0)}%` }} />
            ))}
          </span>
          <span className="rec__label">{video ? t('record.recordingVideo') : t('record.recording')}</span>
          <button
            type="button"
            className="composer__send rec__stop"
            data-testid="record-stop"
            onClick={onStop}
            disabled={state.phase !== 'recording'}
            aria-label={t('record.stop')}
            title={t('record.stop')}
          >
            <IconStop size={20} />
          </button>
        </div>
      </div>
    )
  }

  const r = state.recording
  const attachment = {
    id: 'recording',
    media_type: r.mimeType,
    filename: r.fileName,
    size: r.blob.size,
    status: 'ready',
    url: r.url,
    duration: r.duration,
    waveform: r.peaks.length ? r.peaks : null,
    playback_url: null,
    error: null,
    transcript: null,
  } as unknown as Attachment
  const busy = sending !== null
  return (
    <div className="rec rec--preview" data-testid="record-preview" data-mode={r.mode}>
      {r.mode === 'video' && <video className="rec__video" src={r.url} controls playsInline />}
      <div className="rec__row">
        <button type="button" className="icon-btn" data-testid="record-delete" onClick={onDiscard} disabled={busy} aria-label={t('record.delete')} title={t('record.delete')}>
          <IconTrash size={22} />
        </button>
        <div className="rec__player">
          {r.mode === 'audio' ? <VoicePlayer attachment={attachment} /> : <span className="rec__label">{t('record.videoReady', { time: formatClockSeconds(r.duration) })}</span>}
        </div>
        <button type="button" className="icon-btn" data-testid="record-rerecord" onClick={onRerecord} disabled={busy} aria-label={t('record.rerecord')} title={t('record.rerecord')}>
          <IconRedo size={22} />
        </button>
        <button
          type="button"
          className="composer__send"
          data-testid="record-send"
          onClick={() => onSend(r)}
          disabled={busy}
          aria-label={t('record.send')}
          title={t('record.send')}
        >
          {busy ? <Spinner small label={t('record.sending')} /> : <IconSend size={22} />}
        </button>
      </div>
      {busy && (
        <span className="rec__progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(sending.progress * 100)}>
          <span style={{ width: `${Math.round(sending.progress * 100)}%` }} />
        </span>
      )}
      {sendError && (
        <p className="rec__error" role="alert" data-testid="record-error">
          {sendError}
        </p>
      )}
    </div>
  )
}

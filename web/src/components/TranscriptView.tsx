import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Transcript, TranscriptStatus } from '../api/types'
import { copyText } from '../lib/clipboard'
import { languageName, transcriptText } from '../lib/voice'
import { IconAlert, IconCheck, IconCopy, IconReply } from './Icons'
import { Spinner } from './Spinner'

type Props = {
  status: TranscriptStatus
  transcript: Transcript | null
  /** Why it failed (the transcript's reason, or why the request itself failed). */
  error: string | null
  onRetry: () => void
  /** Append the text to the reply; absent where there is no composer. */
  onInsert?: (text: string) => void
}

/** The text of a voice message under its player: working, done (copy, insert), or failed. */
export function TranscriptView({ status, transcript, error, onRetry, onInsert }: Props) {
  const { t } = useTranslation()
  return (
    <div className={`transcript transcript--${status}`} data-testid="transcript" data-status={status} aria-live="polite">
      {(status === 'pending' || status === 'running') && (
        <p className="transcript__working">
          <Spinner small />
          <span>{t('voice.transcribing')}</span>
        </p>
      )}
      {status === 'failed' && (
        <div className="transcript__failed" role="alert">
          <IconAlert size={16} className="transcript__failed-icon" />
          <span className="transcript__error">{error || t('voice.failed')}</span>
          <button type="button" className="link-btn" data-testid="transcript-retry" onClick={onRetry}>
            {t('voice.retry')}
          </button>
        </div>
      )}
      {status === 'done' && transcript && <DoneTranscript transcript={transcript} onInsert={onInsert} />}
    </div>
  )
}

function DoneTranscript({ transcript, onInsert }: { transcript: Transcript; onInsert?: (text: string) => void }) {
  const { t } = useTranslation()
  const text = transcriptText(transcript)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  const copy = async () => {
    const ok = await copyText(text)
    setCopied(ok ? 'yes' : 'no')
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setCopied(null), 2000)
  }

  const lang = transcript.language
  if (!text) return <p className="transcript__empty">{t('voice.empty')}</p>
  return (
    <>
      <p className="transcript__text" data-testid="transcript-text" lang={lang ?? undefined}>
        {text}
      </p>
      <div className="transcript__actions">
        {lang && (
          <span
            className="transcript__lang"
            data-testid="transcript-language"
            title={t('voice.language', { name: languageName(lang) })}
            aria-label={t('voice.language', { name: languageName(lang) })}
          >
            {lang.toUpperCase()}
          </span>
        )}
        <button
          type="button"
          className={`transcript__action ${copied === 'yes' ? 'transcript__action--done' : ''}`}
          data-testid="transcript-copy"
          onClick={() => void copy()}
        >
          {copied === 'yes' ? <IconCheck size={15} /> : <IconCopy size={15} />}
          <span aria-live="polite">
            {copied === 'yes' ? t('voice.copied') : copied === 'no' ? t('voice.copyFailed') : t('voice.copy')}
          </span>
        </button>
        {onInsert && (
          <button
            type="button"
            className="transcript__action"
            data-testid="transcript-insert"
            // Keep the composer's focus where it is on desktop; the action focuses it anyway.
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => onInsert(text)}
          >
            <IconReply size={15} />
            <span>{t('voice.insert')}</span>
          </button>
        )}
      </div>
    </>
  )
}

import { useTranslation } from 'react-i18next'
import { useTranscribe } from '../api/queries'
import type { Attachment, TranscriptStatus } from '../api/types'
import { useConversationActions } from '../hooks/useConversationActions'
import { useErrorText } from '../hooks/useErrorText'
import { isTranscribing } from '../lib/voice'
import { TranscriptView } from './TranscriptView'
import { VoicePlayer } from './VoicePlayer'

type Props = {
  attachment: Attachment
  /** An audio file that is not a voice note: its name under the player, to download. */
  showName: boolean
}

/** A voice message or any audio attachment: the player, the T button and the transcript. */
export function VoiceAttachment({ attachment: a, showName }: Props) {
  const actions = useConversationActions()
  if (!actions) return <VoicePlayer attachment={a} footer={showName ? <FileName attachment={a} /> : null} />
  return <TranscribableVoice attachment={a} showName={showName} wid={actions.wid} cid={actions.cid} onInsert={actions.insertIntoReply} />
}

function TranscribableVoice({
  attachment: a,
  showName,
  wid,
  cid,
  onInsert,
}: Props & { wid: string; cid: string; onInsert: (text: string) => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const transcribe = useTranscribe(wid, cid, String(a.id))
  const transcript = a.transcript ?? null

  // What to show: the request in flight counts as pending; a request that failed (network,
  // 409 "not downloaded yet") shows as failed unless the server has a newer state.
  const requestFailed = transcribe.isError && (!transcript || transcript.status === 'failed')
  const status: TranscriptStatus | null = transcribe.isPending
    ? 'pending'
    : requestFailed
      ? 'failed'
      : (transcript?.status ?? null)
  const reason = requestFailed ? errorText(transcribe.error) : (transcript?.error ?? null)
  // Undecodable audio says why under the player already: the transcript just says it failed.
  const error = reason && reason === a.error ? null : reason
  const busy = isTranscribing(status)
  const start = () => {
    if (!transcribe.isPending) transcribe.mutate()
  }

  const tButton =
    status === null || busy ? (
      <button
        type="button"
        className={`voice__chip voice__chip--t ${busy ? 'voice__chip--busy' : ''}`}
        data-testid="transcribe-button"
        aria-label={t('voice.transcribe')}
        title={t('voice.transcribe')}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={start}
      >
        T
      </button>
    ) : null

  return (
    <div className="voice-att">
      <VoicePlayer attachment={a} actions={tButton} footer={showName ? <FileName attachment={a} /> : null} />
      {status && (
        <TranscriptView status={status} transcript={transcript} error={error} onRetry={start} onInsert={onInsert} />
      )}
    </div>
  )
}

function FileName({ attachment: a }: { attachment: Attachment }) {
  if (!a.url) return null
  return (
    <a className="voice__file" href={a.url} download={a.filename || true} target="_blank" rel="noopener">
      {a.filename}
    </a>
  )
}

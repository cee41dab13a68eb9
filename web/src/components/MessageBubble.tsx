import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attachment, Message } from '../api/types'
import { placement } from '../lib/timeline'
import { AttachmentView } from './AttachmentView'
import { IconAlert, IconNote } from './Icons'
import { MessageMeta } from './MessageMeta'
import { MessageText } from './MessageText'
import { ReplyQuote } from './ReplyQuote'

type Props = {
  message: Message
  first: boolean
  last: boolean
  /** written by the signed-in user */
  mine: boolean
  replyTo: Message | undefined
  onRetry: (m: Message) => Promise<void>
  onOpenImage: (a: Attachment) => void
}

function MessageBubbleImpl({ message: m, first, last, mine, replyTo, onRetry, onOpenImage }: Props) {
  const { t } = useTranslation()
  const side = placement(m)
  const common = {
    'data-testid': 'message',
    'data-message-id': String(m.id),
    'data-direction': m.direction,
    'data-status': m.status,
    'data-kind': m.kind,
    'data-client-id': m.client_id ?? undefined,
  }

  if (m.kind === 'system') {
    return (
      <div className="msg msg--center" {...common}>
        <div className="system-note">
          {m.text}
          <MessageMeta message={m} showStatus={false} variant="inline" />
        </div>
      </div>
    )
  }

  const authorName = m.author.name || t(`message.authors.${m.author.type}`)

  if (m.kind === 'comment') {
    return (
      <div className="msg msg--center" {...common}>
        <div className="comment">
          <div className="comment__head">
            <IconNote size={14} />
            <span>{t('message.comment')}</span>
            <span className="comment__author">{authorName}</span>
          </div>
          {m.text && <MessageText text={m.text} />}
          {m.attachments.map((a) => (
            <AttachmentView key={String(a.id)} attachment={a} onOpenImage={onOpenImage} />
          ))}
          <MessageMeta message={m} showStatus={false} variant="block" />
        </div>
      </div>
    )
  }

  // Outgoing messages by someone else (another agent, the AI agent, a workflow) say who.
  const showAuthor = first && side === 'out' && !mine && m.author.type !== 'contact'
  const failed = m.status === 'failed'
  const mediaOnly = !m.text && m.attachments.length > 0 && m.attachments.every((a) => a.media_type.startsWith('image/'))

  return (
    <div
      className={`msg msg--${side} ${first ? 'msg--first' : ''} ${last ? 'msg--last' : ''}`}
      {...common}
    >
      <div className={`bubble bubble--${side} ${last ? 'bubble--tail' : ''} ${mediaOnly ? 'bubble--media' : ''}`}>
        {showAuthor && <div className={`bubble__author bubble__author--${m.author.type}`}>{authorName}</div>}
        {replyTo && <ReplyQuote message={replyTo} />}
        {m.attachments.length > 0 && (
          <div className="bubble__attachments">
            {m.attachments.map((a) => (
              <AttachmentView key={String(a.id)} attachment={a} onOpenImage={onOpenImage} voice={m.kind === 'voice'} />
            ))}
          </div>
        )}
        {m.kind === 'unsupported' && <p className="bubble__unsupported">{t('message.unsupported')}</p>}
        {m.text ? (
          <>
            <MessageText text={m.text}>
              <MessageMeta message={m} showStatus={side === 'out'} variant="spacer" />
            </MessageText>
            <MessageMeta message={m} showStatus={side === 'out'} variant="overlay" />
          </>
        ) : (
          <MessageMeta message={m} showStatus={side === 'out'} variant={mediaOnly ? 'overlay' : 'block'} />
        )}
      </div>
      {failed && side === 'out' && <FailedNote message={m} onRetry={onRetry} />}
    </div>
  )
}

function FailedNote({ message, onRetry }: { message: Message; onRetry: (m: Message) => Promise<void> }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [retryError, setRetryError] = useState<string | null>(null)
  const retry = async () => {
    setBusy(true)
    setRetryError(null)
    try {
      await onRetry(message)
    } catch (err) {
      setRetryError(err instanceof Error ? err.message : t('common.error'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="msg__failed" role="alert" data-testid="message-error">
      <IconAlert size={16} />
      <span className="msg__failed-text">{retryError ?? message.error ?? t('message.failed')}</span>
      <button type="button" className="link-btn" data-testid="message-retry" disabled={busy} onClick={() => void retry()}>
        {t('message.retry')}
      </button>
    </div>
  )
}

export const MessageBubble = memo(MessageBubbleImpl)

import { memo, useMemo, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/queries'
import type { Attachment, Mention, Message } from '../api/types'
import { useMessageGestures } from '../hooks/useMessageGestures'
import { linkify } from '../lib/format'
import { splitMentions } from '../lib/mentions'
import { placement } from '../lib/timeline'
import '../styles/composer.css'
import { AttachmentView } from './AttachmentView'
import { IconAlert, IconNote, IconQuestion, IconReply } from './Icons'
import { MessageMeta } from './MessageMeta'
import { MessageText } from './MessageText'
import { ReplyQuote } from './ReplyQuote'

type Props = {
  message: Message
  first: boolean
  last: boolean
  /** written by the signed-in user */
  mine: boolean
  /** The message this one answers, when loaded (else a generic quote that loads it). */
  replyTo: Message | undefined
  /** The quoted message is the signed-in user's. */
  replyToMine: boolean
  onRetry: (m: Message) => Promise<void>
  onOpenImage: (a: Attachment) => void
  /** Start a reply to this message (it says why not, when it can't be). */
  onReply: (m: Message) => void
  /** Scroll to a message (the original of a quote) and flash it. */
  onReveal: (id: string) => void
  /** Right-click with a mouse: the message menu at (x, y). */
  onMenu: (m: Message, x: number, y: number) => void
}

function MessageBubbleImpl(props: Props) {
  const { message: m, first, last, mine, replyTo, replyToMine, onRetry, onOpenImage, onReply, onReveal, onMenu } = props
  const { t } = useTranslation()
  const side = placement(m)
  const repliable = side !== 'center'
  const { rowRef, handlers, swallowTouchMenu } = useMessageGestures(repliable ? () => onReply(m) : null)
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
    return <CommentBubble message={m} authorName={authorName} onRetry={onRetry} onOpenImage={onOpenImage} />
  }

  // Outgoing messages by someone else (another agent, the AI agent, a workflow) say who.
  const showAuthor = first && side === 'out' && !mine && m.author.type !== 'contact'
  const failed = m.status === 'failed'
  const unsupported = m.kind === 'unsupported'
  const mediaOnly =
    !unsupported && !m.text && m.attachments.length > 0 && m.attachments.every((a) => a.media_type.startsWith('image/'))

  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (swallowTouchMenu(e)) return
    // Keep the browser's own menu for links, images, selected text, and with Shift.
    const target = e.target as Element
    if (e.shiftKey || target.closest('a, img, video, audio, input, textarea')) return
    if (window.getSelection()?.toString()) return
    e.preventDefault()
    onMenu(m, e.clientX, e.clientY)
  }

  return (
    <div
      ref={rowRef}
      className={`msg msg--${side} ${first ? 'msg--first' : ''} ${last ? 'msg--last' : ''}`}
      {...common}
      {...handlers}
      onContextMenu={onContextMenu}
    >
      <span className="msg__swipe-icon" aria-hidden="true">
        <IconReply size={18} />
      </span>
      <div className="msg__line">
        <div className={`bubble bubble--${side} ${last ? 'bubble--tail' : ''} ${mediaOnly ? 'bubble--media' : ''}`}>
          {showAuthor && <div className={`bubble__author bubble__author--${m.author.type}`}>{authorName}</div>}
          {m.reply_to_id != null && (
            <ReplyQuote message={replyTo} mine={replyToMine} onOpen={() => onReveal(String(m.reply_to_id))} />
          )}
          {m.attachments.length > 0 && (
            <div className="bubble__attachments">
              {m.attachments.map((a) => (
                <AttachmentView key={String(a.id)} attachment={a} onOpenImage={onOpenImage} voice={m.kind === 'voice'} />
              ))}
            </div>
          )}
          {unsupported && <Unsupported message={m} />}
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
        {repliable && (
          <div className="msg__actions">
            <button
              type="button"
              className="msg__action"
              data-testid="message-reply-action"
              aria-label={t('reply.action')}
              title={t('reply.action')}
              onClick={() => onReply(m)}
            >
              <IconReply size={18} />
            </button>
          </div>
        )}
      </div>
      {failed && side === 'out' && <FailedNote message={m} onRetry={onRetry} />}
    </div>
  )
}

/**
 * An internal comment: amber, labelled, centred between the conversation's two sides, never
 * with delivery ticks; @mentions highlighted (the signed-in user's own the most).
 */
function CommentBubble({
  message: m,
  authorName,
  onRetry,
  onOpenImage,
}: {
  message: Message
  authorName: string
  onRetry: (m: Message) => Promise<void>
  onOpenImage: (a: Attachment) => void
}) {
  const { t } = useTranslation()
  const myId = useSession().data?.user.id
  const mentions: readonly Mention[] = m.mentions ?? []
  const mentionsMe = myId != null && mentions.some((x) => String(x.user_id) === String(myId))
  return (
    <div
      className="msg msg--center msg--comment"
      data-testid="message"
      data-message-id={String(m.id)}
      data-direction={m.direction}
      data-status={m.status}
      data-kind={m.kind}
      data-client-id={m.client_id ?? undefined}
      data-internal="true"
    >
      <div className={`comment ${mentionsMe ? 'comment--mentions-me' : ''}`} data-testid="comment">
        <div className="comment__head">
          <IconNote size={14} />
          <span data-testid="comment-label">{t('composerTools.internalComment')}</span>
          <span className="comment__author">{authorName}</span>
        </div>
        {m.text && <CommentText text={m.text} mentions={mentions} myId={myId == null ? null : String(myId)} />}
        {m.attachments.length > 0 && (
          <div className="comment__files">
            {m.attachments.map((a) => (
              <AttachmentView key={String(a.id)} attachment={a} onOpenImage={onOpenImage} />
            ))}
          </div>
        )}
        <MessageMeta message={m} showStatus={false} variant="block" />
      </div>
      {m.status === 'failed' && <FailedNote message={m} onRetry={onRetry} />}
    </div>
  )
}

/** A comment's text: links clickable, @mentions of the mentioned people highlighted. */
function CommentText({ text, mentions, myId }: { text: string; mentions: readonly Mention[]; myId: string | null }) {
  const parts = useMemo(
    () => splitMentions(text, mentions.map((x) => ({ user_id: String(x.user_id), name: x.name }))),
    [text, mentions],
  )
  return (
    <div className="bubble__text comment__text" dir="auto">
      {parts.map((p, i) =>
        p.type === 'mention' ? (
          <span key={i} className={`mention ${p.user_id === myId ? 'mention--me' : ''}`} data-testid="mention">
            {p.text}
          </span>
        ) : (
          linkify(p.text).map((l, j) =>
            l.type === 'link' ? (
              <a key={`${i}-${j}`} href={l.href} target="_blank" rel="noopener noreferrer nofollow">
                {l.text}
              </a>
            ) : (
              <span key={`${i}-${j}`}>{l.text}</span>
            ),
          )
        ),
      )}
    </div>
  )
}

/**
 * A message the channel sent that omnibox can't show (a sticker, a poll, a location from some
 * channels): never a blank bubble. Its text (if any) follows; the raw payload is behind a
 * toggle when the API provides it.
 */
function Unsupported({ message }: { message: Message }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const raw = message.raw
  return (
    <div className="unsupported" data-testid="unsupported-message">
      <span className="unsupported__head">
        <IconQuestion size={18} />
        <span className="unsupported__title">{t('message.unsupportedTitle')}</span>
      </span>
      {!message.text && <span className="unsupported__hint">{t('message.unsupportedHint')}</span>}
      {raw != null && (
        <>
          <button type="button" className="link-btn unsupported__toggle" data-testid="unsupported-raw-toggle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('message.hideRaw') : t('message.showRaw')}
          </button>
          {open && <pre className="unsupported__raw">{typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}</pre>}
        </>
      )}
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

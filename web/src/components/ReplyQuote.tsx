import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { useReplyLabels } from '../hooks/useReplyLabels'
import { replySummary, type ReplyIcon } from '../lib/replyPreview'
import { IconFile, IconImage, IconMic, IconVideo } from './Icons'

export function ReplyIconView({ icon }: { icon: ReplyIcon }) {
  if (icon === 'image') return <IconImage size={15} />
  if (icon === 'video') return <IconVideo size={15} />
  if (icon === 'voice') return <IconMic size={15} />
  if (icon === 'file') return <IconFile size={15} />
  return null
}

type Props = {
  /** The message replied to, when it is loaded. */
  message: Message | undefined
  mine: boolean
  onOpen: () => void
}

/**
 * The quoted message inside a reply's bubble; a tap scrolls to the original (loading older
 * messages when it is not loaded yet) and flashes it.
 */
export function ReplyQuote({ message, mine, onOpen }: Props) {
  const { t } = useTranslation()
  const labels = useReplyLabels()
  const summary = message ? replySummary(message, { mine }, labels) : null
  return (
    <button
      type="button"
      className={`reply-quote ${summary ? '' : 'reply-quote--unknown'}`}
      data-testid="message-quote"
      data-reply-to={message ? String(message.id) : undefined}
      title={t('reply.showOriginal')}
      onClick={(e) => {
        e.stopPropagation()
        onOpen()
      }}
    >
      {summary ? (
        <>
          <span className="reply-quote__author">{summary.author}</span>
          <span className="reply-quote__text">
            <ReplyIconView icon={summary.icon} />
            <span>{summary.text}</span>
          </span>
        </>
      ) : (
        <span className="reply-quote__text">{t('reply.earlier')}</span>
      )}
    </button>
  )
}

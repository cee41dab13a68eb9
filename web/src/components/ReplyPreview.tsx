import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { useReplyLabels } from '../hooks/useReplyLabels'
import { replySummary } from '../lib/replyPreview'
import { IconClose, IconReply } from './Icons'
import { ReplyIconView } from './ReplyQuote'

type Props = {
  message: Message
  mine: boolean
  contactName: string | null
  /** Scroll to the original and flash it. */
  onReveal: () => void
  onCancel: () => void
}

/** One line above the composer: who and what is being replied to, with × to cancel. */
export function ReplyPreview({ message, mine, contactName, onReveal, onCancel }: Props) {
  const { t } = useTranslation()
  const labels = useReplyLabels()
  const s = replySummary(message, { mine, contactName }, labels)
  return (
    <div className="reply-bar">
      <span className="reply-bar__icon" aria-hidden="true">
        <IconReply size={20} />
      </span>
      <button
        type="button"
        className="reply-bar__body"
        data-testid="reply-preview"
        data-reply-to={String(message.id)}
        title={t('reply.showOriginal')}
        onPointerDown={(e) => e.preventDefault()}
        onClick={onReveal}
      >
        <span className="reply-bar__author">{t('reply.replyingTo', { name: s.author })}</span>
        <span className="reply-bar__text">
          <ReplyIconView icon={s.icon} />
          <span className="reply-bar__snippet">{s.text}</span>
        </span>
      </button>
      <button
        type="button"
        className="icon-btn reply-bar__cancel"
        data-testid="reply-cancel"
        aria-label={t('reply.cancel')}
        title={t('reply.cancelHint')}
        onPointerDown={(e) => e.preventDefault()}
        onClick={onCancel}
      >
        <IconClose size={20} />
      </button>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'

/** The quoted message this one replies to. */
export function ReplyQuote({ message }: { message: Message }) {
  const { t } = useTranslation()
  const name = message.author.name || t(`message.authors.${message.author.type}`)
  const text = message.text || (message.attachments[0]?.filename ?? t('preview.media'))
  return (
    <div className="reply-quote" title={t('message.replyTo')}>
      <span className="reply-quote__author">{name}</span>
      <span className="reply-quote__text">{text}</span>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import type { LastMessage } from '../api/types'
import { formatDuration } from '../lib/time'
import { IconMic, IconNote, IconPaperclip } from './Icons'

/** The one-line preview of the last message in an inbox row. */
export function MessagePreview({ message }: { message: LastMessage | null | undefined }) {
  const { t } = useTranslation()
  if (!message) return <span className="preview muted">{t('preview.empty')}</span>
  const text = (message.text ?? '').replace(/\s+/g, ' ').trim()
  const prefix =
    message.kind === 'comment' ? t('preview.comment') : message.direction === 'out' ? t('preview.you') : ''
  let icon = null
  let label = text
  let duration = ''
  if (message.kind === 'voice') {
    icon = <IconMic size={15} />
    label = text || t('preview.voice')
    // The list's last message has no duration yet; shown once the server sends one.
    duration = text ? '' : formatDuration((message as { duration?: number | null }).duration)
  } else if (message.kind === 'comment') {
    icon = <IconNote size={15} />
  } else if (message.kind === 'unsupported') {
    label = text || t('preview.unsupported')
  } else if ((message.attachment_count ?? 0) > 0 || message.kind === 'media') {
    icon = <IconPaperclip size={15} />
    label = text || t('preview.media')
  }
  return (
    <span className="preview" data-testid="conversation-preview">
      {prefix && <span className="preview__prefix">{prefix}</span>}
      {icon && <span className="preview__icon">{icon}</span>}
      <span className="preview__text">{label}</span>
      {duration && <span className="preview__duration">{duration}</span>}
    </span>
  )
}

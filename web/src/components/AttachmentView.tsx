import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import { formatFileSize } from '../lib/format'
import { formatDuration } from '../lib/time'
import { IconFile, IconMic } from './Icons'

type Props = { attachment: Attachment; onOpenImage: (a: Attachment) => void }

/** image/* inline (tap for full size), audio/* a native player, video/* a player, else a download. */
export function AttachmentView({ attachment: a, onOpenImage }: Props) {
  const { t, i18n } = useTranslation()
  const type = a.media_type.toLowerCase()

  if (type.startsWith('image/')) {
    return (
      <button
        type="button"
        className="att-image"
        onClick={() => onOpenImage(a)}
        aria-label={t('message.openImage')}
        data-testid="attachment-image"
      >
        <img src={a.url} alt={a.filename ?? ''} loading="lazy" decoding="async" />
      </button>
    )
  }

  if (type.startsWith('audio/')) {
    return (
      <div className="att-audio" data-testid="attachment-audio">
        <IconMic size={18} className="att-audio__icon" aria-label={t('message.voice')} />
        <audio controls preload="none" src={a.url}>
          <a href={a.url}>{a.filename ?? t('message.voice')}</a>
        </audio>
        {a.duration != null && <span className="att-audio__duration">{formatDuration(a.duration)}</span>}
      </div>
    )
  }

  if (type.startsWith('video/')) {
    return (
      <video className="att-video" controls preload="none" src={a.url} data-testid="attachment-video">
        <a href={a.url}>{a.filename}</a>
      </video>
    )
  }

  const units = [t('units.b'), t('units.kb'), t('units.mb'), t('units.gb')] as const
  return (
    <a
      className="att-file"
      href={a.url}
      download={a.filename ?? true}
      target="_blank"
      rel="noopener"
      data-testid="attachment-file"
    >
      <span className="att-file__icon">
        <IconFile size={22} />
      </span>
      <span className="att-file__text">
        <span className="att-file__name">{a.filename || t('preview.media')}</span>
        <span className="att-file__size">{formatFileSize(a.size, i18n.language, units)}</span>
      </span>
    </a>
  )
}

import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import { formatFileSize } from '../lib/format'
import { IconFile, IconMic } from './Icons'
import { VoiceAttachment } from './VoiceAttachment'

type Props = {
  attachment: Attachment
  onOpenImage: (a: Attachment) => void
  /** The message is a voice note (not an audio file someone sent): no file name shown. */
  voice?: boolean
}

/**
 * image/* inline (tap for full size), audio/* the voice player (with transcription), video/* a
 * player, anything else a download link with its name and size. Until the server has the file
 * (url null) a placeholder.
 */
export function AttachmentView({ attachment: a, onOpenImage, voice = false }: Props) {
  const { t, i18n } = useTranslation()
  const type = a.media_type.toLowerCase()
  const url = a.url ?? null
  const name = a.filename || t('preview.media')
  const units = [t('units.b'), t('units.kb'), t('units.mb'), t('units.gb')] as const
  const size = formatFileSize(a.size, i18n.language, units)

  if (!url) {
    const failed = a.status === 'failed'
    return (
      <div className={`att-file att-file--unavailable ${failed ? 'att-file--failed' : ''}`} data-testid="attachment-unavailable" data-state={a.status}>
        <span className="att-file__icon">{type.startsWith('audio/') ? <IconMic size={22} /> : <IconFile size={22} />}</span>
        <span className="att-file__text">
          <span className="att-file__name">{name}</span>
          <span className="att-file__size">{failed ? a.error || t('message.attachmentFailed') : t('message.attachmentPending')}</span>
        </span>
      </div>
    )
  }

  if (type.startsWith('image/')) {
    return (
      <button
        type="button"
        className="att-image"
        onClick={() => onOpenImage(a)}
        aria-label={t('message.openImage')}
        data-testid="attachment-image"
      >
        <img src={url} alt={a.filename ?? ''} loading="lazy" decoding="async" />
      </button>
    )
  }

  if (type.startsWith('audio/')) {
    return (
      <div className="att-audio" data-testid="attachment-audio">
        <VoiceAttachment attachment={a} showName={!voice} />
      </div>
    )
  }

  if (type.startsWith('video/')) {
    return (
      <video className="att-video" controls preload="none" src={url} data-testid="attachment-video">
        <a href={url}>{name}</a>
      </video>
    )
  }

  return (
    <a className="att-file" href={url} download={a.filename || true} target="_blank" rel="noopener" data-testid="attachment-file">
      <span className="att-file__icon">
        <IconFile size={22} />
      </span>
      <span className="att-file__text">
        <span className="att-file__name">{name}</span>
        <span className="att-file__size">{size}</span>
      </span>
    </a>
  )
}

import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import { IconClose, IconDownload } from './Icons'

/** An image at full size over everything; Escape or a tap outside closes it. */
export function ImageLightbox({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { t } = useTranslation()
  const url = attachment.url ?? undefined
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="lightbox" role="dialog" aria-modal="true" data-testid="lightbox" onClick={onClose}>
      <div className="lightbox__bar" onClick={(e) => e.stopPropagation()}>
        <span className="lightbox__name">{attachment.filename}</span>
        <a className="icon-btn icon-btn--light" href={url} download={attachment.filename ?? true} aria-label={t('common.download')} title={t('common.download')}>
          <IconDownload />
        </a>
        <button type="button" className="icon-btn icon-btn--light" onClick={onClose} aria-label={t('common.close')} title={t('common.close')} autoFocus>
          <IconClose />
        </button>
      </div>
      <img className="lightbox__img" src={url} alt={attachment.filename ?? ''} onClick={(e) => e.stopPropagation()} />
    </div>
  )
}

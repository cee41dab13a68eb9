import { useEffect, useRef, useState, type PointerEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { Attachment } from '../api/types'
import { copyText } from '../lib/clipboard'
import { DISMISS_PX, dismissOpacity } from '../lib/gestures'
import { showToast } from '../lib/toast'
import { IconClose, IconDownload, IconShare } from './Icons'

/** The attachment as a download (the server sends it with Content-Disposition: attachment). */
export function downloadUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}download=true`
}

/**
 * An image full screen: pinch/zoom is the browser's own, swipe down (when not zoomed) or Esc
 * closes it; download, and share (the file itself where the Web Share API takes files, else
 * the link is copied).
 */
export function ImageViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { t } = useTranslation()
  const url = attachment.url ?? ''
  const root = useRef<HTMLDivElement>(null)
  const drag = useRef<{ id: number; y: number; x: number; active: boolean } | null>(null)
  const [dy, setDy] = useState(0)
  const [sharing, setSharing] = useState(false)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // The viewer takes this Escape (it must not also cancel a reply under it).
      e.stopPropagation()
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    const previous = document.activeElement as HTMLElement | null
    return () => {
      window.removeEventListener('keydown', onKey, true)
      previous?.focus?.({ preventScroll: true })
    }
  }, [onClose])

  const zoomed = () => (window.visualViewport?.scale ?? 1) > 1.01

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' || !e.isPrimary || zoomed()) return
    drag.current = { id: e.pointerId, y: e.clientY, x: e.clientX, active: false }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    const down = e.clientY - d.y
    if (!d.active) {
      if (Math.abs(down) < 10 && Math.abs(e.clientX - d.x) < 10) return
      if (down <= 0 || Math.abs(e.clientX - d.x) > down || zoomed()) {
        drag.current = null
        return
      }
      d.active = true
    }
    setDy(Math.max(0, down))
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    drag.current = null
    if (d.active && e.clientY - d.y >= DISMISS_PX) onClose()
    else setDy(0)
  }
  const onPointerCancel = () => {
    drag.current = null
    setDy(0)
  }

  const share = async () => {
    if (sharing) return
    setSharing(true)
    try {
      const absolute = new URL(url, window.location.origin).href
      if (typeof navigator.share === 'function' && typeof navigator.canShare === 'function') {
        const blob = await (await fetch(url, { credentials: 'same-origin' })).blob()
        const file = new File([blob], attachment.filename || 'image', { type: blob.type || attachment.media_type })
        if (navigator.canShare({ files: [file] })) {
          await navigator.share({ files: [file], title: attachment.filename })
          return
        }
      }
      showToast((await copyText(absolute)) ? t('viewer.linkCopied') : t('voice.copyFailed'))
    } catch (err) {
      // The person closed the share sheet: nothing to say.
      if (!(err instanceof DOMException && err.name === 'AbortError')) showToast(t('viewer.shareFailed'), 'error')
    } finally {
      setSharing(false)
    }
  }

  return createPortal(
    <div
      ref={root}
      className={`lightbox viewer ${dy ? 'viewer--dragging' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={attachment.filename}
      data-testid="image-viewer"
      style={{ backgroundColor: `rgb(0 0 0 / ${(0.92 * dismissOpacity(dy)).toFixed(3)})` }}
      onClick={onClose}
    >
      <div className="lightbox__bar" onClick={(e) => e.stopPropagation()} style={{ opacity: dy ? 0 : 1 }}>
        <button type="button" className="icon-btn icon-btn--light" onClick={onClose} aria-label={t('common.close')} title={t('common.close')} autoFocus>
          <IconClose />
        </button>
        <span className="lightbox__name">{attachment.filename}</span>
        <button
          type="button"
          className="icon-btn icon-btn--light"
          data-testid="viewer-share"
          onClick={() => void share()}
          disabled={sharing}
          aria-label={t('viewer.share')}
          title={t('viewer.share')}
        >
          <IconShare />
        </button>
        <a
          className="icon-btn icon-btn--light"
          data-testid="viewer-download"
          href={downloadUrl(url)}
          download={attachment.filename || true}
          aria-label={t('common.download')}
          title={t('common.download')}
        >
          <IconDownload />
        </a>
      </div>
      <div
        className="viewer__stage"
        data-testid="lightbox"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        style={{ transform: dy ? `translateY(${dy}px) scale(${1 - Math.min(dy, 400) / 2000})` : undefined }}
      >
        <img className="lightbox__img" src={url} alt={attachment.filename ?? ''} onClick={(e) => e.stopPropagation()} draggable={false} />
      </div>
    </div>,
    document.body,
  )
}

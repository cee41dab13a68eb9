import { useEffect, useId, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { DISMISS_PX } from '../lib/gestures'
import { IconClose } from './Icons'
import '../styles/sheet.css'

type Props = {
  /** The heading, and the dialog's accessible name. */
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons under the content; they stay in view while a long content scrolls. */
  footer?: ReactNode
  /** `wide` for lists (people, teams) on a desktop. */
  size?: 'normal' | 'wide'
  /** A danger dialog (block) gets a red title accent. */
  tone?: 'normal' | 'danger'
  testId?: string
}

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/** The open sheets, innermost last: Esc closes only the one on top. */
const stack: symbol[] = []

/**
 * A modal that fits the device: a bottom sheet on a phone (drag the grip down to dismiss), a
 * centred dialog on a desktop. Focus moves in (to `[data-autofocus]`, else the first control),
 * stays in while it is open (Tab cycles), and returns to where it was; Esc and the backdrop
 * close it.
 */
export function Sheet({ title, onClose, children, footer, size = 'normal', tone = 'normal', testId }: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })

  // Focus in on open, back out on close; Esc closes the topmost sheet.
  useEffect(() => {
    const me = Symbol('sheet')
    stack.push(me)
    const before = document.activeElement as HTMLElement | null
    const el = panel.current
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>(`.sheet__body ${FOCUSABLE}`) ??
      el?.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? el)?.focus({ preventScroll: true })
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || stack.at(-1) !== me) return
      e.stopPropagation()
      e.preventDefault()
      closeRef.current()
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      stack.splice(stack.indexOf(me), 1)
      if (before?.isConnected && (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))) {
        before.focus({ preventScroll: true })
      }
    }
  }, [])

  // Tab and Shift+Tab go round the sheet's controls instead of leaving it.
  const trapTab = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab') return
    const items = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((i) => i.offsetParent !== null)
    if (!items.length) return
    const first = items[0]!
    const last = items.at(-1)!
    if (e.shiftKey && (document.activeElement === first || !panel.current?.contains(document.activeElement))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  // Phone: the grip (and the title bar) drags the sheet down; far enough closes it.
  const drag = useRef<{ id: number; y: number; dy: number } | null>(null)
  const onGripDown = (e: PointerEvent<HTMLElement>) => {
    if (e.pointerType === 'mouse' || (e.target as Element).closest('button')) return
    drag.current = { id: e.pointerId, y: e.clientY, dy: 0 }
    e.currentTarget.setPointerCapture(e.pointerId)
    panel.current?.classList.add('sheet--dragging')
  }
  const onGripMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    d.dy = Math.max(0, e.clientY - d.y)
    panel.current?.style.setProperty('--sheet-drag', `${d.dy}px`)
  }
  const onGripUp = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || d.id !== e.pointerId) return
    drag.current = null
    panel.current?.classList.remove('sheet--dragging')
    panel.current?.style.setProperty('--sheet-drag', '0px')
    if (d.dy > DISMISS_PX * 0.66) onClose()
  }

  return createPortal(
    <div
      className="sheet-backdrop"
      onPointerDown={(e) => {
        // Only a press that starts on the backdrop itself (not a text selection ending there).
        if (e.target === e.currentTarget) e.currentTarget.dataset.pressed = '1'
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget && e.currentTarget.dataset.pressed) onClose()
        delete e.currentTarget.dataset.pressed
      }}
    >
      <div
        ref={panel}
        className={`sheet sheet--${size} ${tone === 'danger' ? 'sheet--danger' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={trapTab}
      >
        <header
          className="sheet__head"
          onPointerDown={onGripDown}
          onPointerMove={onGripMove}
          onPointerUp={onGripUp}
          onPointerCancel={onGripUp}
        >
          <span className="sheet__grip" aria-hidden="true" />
          <h2 className="sheet__title" id={titleId}>
            {title}
          </h2>
          <button type="button" className="icon-btn sheet__close" onClick={onClose} aria-label={t('common.close')}>
            <IconClose size={22} />
          </button>
        </header>
        <div className="sheet__body">{children}</div>
        {footer && <footer className="sheet__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  )
}

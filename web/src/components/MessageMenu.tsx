import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { useConversationActions } from '../hooks/useConversationActions'
import { copyText } from '../lib/clipboard'
import { paths } from '../lib/routes'
import { showToast } from '../lib/toast'
import { IconClose, IconCopy, IconLink, IconReply } from './Icons'
import '../styles/search.css'

type Props = {
  message: Message
  x: number
  y: number
  /** A bottom sheet (phone: opened by a long-press) instead of a menu at (x, y). */
  sheet: boolean
  onReply: (m: Message) => void
  onClose: () => void
}

/** The absolute link to a message: opening it scrolls there and highlights it. */
export const messageLink = (wid: string, cid: string, mid: string) => window.location.origin + paths.message(wid, cid, mid)

/**
 * The message's menu: Reply, Copy text, Copy link. At the mouse on a desktop (right-click),
 * a bottom sheet on a phone (long-press). When the clipboard can't be written (plain HTTP in
 * an old browser, denied), the link is shown selected instead, to copy by hand.
 */
export function MessageMenu({ message, x, y, sheet, onReply, onClose }: Props) {
  const { t } = useTranslation()
  const conversation = useConversationActions()
  const [link, setLink] = useState<string | null>(null)
  const replyable = message.kind !== 'comment' && message.kind !== 'system'

  const copy = async () => {
    onClose()
    showToast((await copyText(message.text)) ? t('voice.copied') : t('voice.copyFailed'))
  }
  const copyLink = async () => {
    if (!conversation) return
    const url = messageLink(conversation.wid, conversation.cid, String(message.id))
    if (await copyText(url)) {
      onClose()
      showToast(t('links.copied'))
    } else {
      setLink(url)
    }
  }

  if (link) return <LinkFallback link={link} onClose={onClose} />

  const items = (
    <>
      {replyable && (
        <button
          type="button"
          role="menuitem"
          className="menu__item"
          onClick={() => {
            onClose()
            onReply(message)
          }}
        >
          <IconReply size={18} />
          {t('reply.action')}
        </button>
      )}
      {message.text && (
        <button type="button" role="menuitem" className="menu__item" onClick={() => void copy()}>
          <IconCopy size={18} />
          {t('message.copyText')}
        </button>
      )}
      {conversation && (
        <button type="button" role="menuitem" className="menu__item" data-testid="copy-message-link" onClick={() => void copyLink()}>
          <IconLink size={18} />
          {t('links.copyLink')}
        </button>
      )}
    </>
  )
  return sheet ? <MenuSheet onClose={onClose}>{items}</MenuSheet> : <MenuPopover x={x} y={y} onClose={onClose}>{items}</MenuPopover>
}

/** Closes on Esc (before anything else on the page takes it). */
function useEscape(onClose: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [onClose])
}

function MenuPopover({ x, y, onClose, children }: { x: number; y: number; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  const menu = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: x, top: y })
  useEscape(onClose)

  // Keep it on screen.
  useLayoutEffect(() => {
    const el = menu.current
    if (!el) return
    const { width, height } = el.getBoundingClientRect()
    setPos({
      left: Math.max(8, Math.min(x, window.innerWidth - width - 8)),
      top: Math.max(8, Math.min(y, window.innerHeight - height - 8)),
    })
    el.querySelector<HTMLButtonElement>('button')?.focus()
  }, [x, y])

  useEffect(() => {
    const close = (e: Event) => {
      if (menu.current?.contains(e.target as Node)) return
      onClose()
    }
    window.addEventListener('pointerdown', close, true)
    window.addEventListener('wheel', close, { capture: true, passive: true })
    window.addEventListener('resize', close)
    return () => {
      window.removeEventListener('pointerdown', close, true)
      window.removeEventListener('wheel', close, true)
      window.removeEventListener('resize', close)
    }
  }, [onClose])

  return createPortal(
    <div ref={menu} className="menu" role="menu" aria-label={t('links.menuLabel')} style={pos} data-testid="message-menu">
      {children}
    </div>,
    document.body,
  )
}

/**
 * Closing by tapping the backdrop needs the tap to start there: the finger that long-pressed
 * the message is still down when the sheet appears, and its release must not close it.
 */
function useBackdropClose(onClose: () => void) {
  const downOnBackdrop = useRef(false)
  return {
    onPointerDown: (e: ReactPointerEvent<HTMLDivElement>) => {
      downOnBackdrop.current = e.target === e.currentTarget
    },
    onClick: (e: ReactMouseEvent<HTMLDivElement>) => {
      if (e.target === e.currentTarget && downOnBackdrop.current) onClose()
      downOnBackdrop.current = false
    },
  }
}

function MenuSheet({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  const backdrop = useBackdropClose(onClose)
  useEscape(onClose)
  // The sheet opens under the finger that long-pressed: its release "clicks" whatever item is
  // there now. Items only take clicks from a press that started inside (or the keyboard).
  const pressedInside = useRef(false)
  return createPortal(
    <div className="dialog-backdrop menu-sheet__backdrop" {...backdrop}>
      <div
        className="dialog menu-sheet"
        role="menu"
        aria-label={t('links.menuLabel')}
        data-testid="message-menu"
        onPointerDownCapture={() => {
          pressedInside.current = true
        }}
        onClickCapture={(e) => {
          if (pressedInside.current || e.detail === 0) return
          e.preventDefault()
          e.stopPropagation()
        }}
      >
        <span className="menu-sheet__grip" aria-hidden="true" />
        {children}
      </div>
    </div>,
    document.body,
  )
}

/** The link, selected, for copying by hand when the clipboard refused it. */
function LinkFallback({ link, onClose }: { link: string; onClose: () => void }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const backdrop = useBackdropClose(onClose)
  useEscape(onClose)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  return createPortal(
    <div className="dialog-backdrop" {...backdrop}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('links.linkLabel')} data-testid="message-link-dialog">
        <header className="dialog__head">
          <h2 className="dialog__title">{t('links.linkLabel')}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
            <IconClose size={22} />
          </button>
        </header>
        <div className="dialog__body">
          <p className="muted">{t('links.copyFailed')}</p>
          <input
            ref={input}
            className="field__input"
            readOnly
            value={link}
            aria-label={t('links.linkLabel')}
            data-testid="message-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      </div>
    </div>,
    document.body,
  )
}

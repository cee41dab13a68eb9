import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { copyText } from '../lib/clipboard'
import { showToast } from '../lib/toast'
import { IconCopy, IconReply } from './Icons'

type Props = { message: Message; x: number; y: number; onReply: (m: Message) => void; onClose: () => void }

/** The message's menu at the mouse (right-click on desktop): Reply, Copy text. */
export function MessageMenu({ message, x, y, onReply, onClose }: Props) {
  const { t } = useTranslation()
  const menu = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState({ left: x, top: y })

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
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return
        e.stopPropagation()
      } else if (menu.current?.contains(e.target as Node)) {
        return
      }
      onClose()
    }
    window.addEventListener('keydown', close, true)
    window.addEventListener('pointerdown', close, true)
    window.addEventListener('wheel', close, { capture: true, passive: true })
    window.addEventListener('resize', close)
    return () => {
      window.removeEventListener('keydown', close, true)
      window.removeEventListener('pointerdown', close, true)
      window.removeEventListener('wheel', close, true)
      window.removeEventListener('resize', close)
    }
  }, [onClose])

  const copy = async () => {
    onClose()
    showToast((await copyText(message.text)) ? t('voice.copied') : t('voice.copyFailed'))
  }

  return createPortal(
    <div ref={menu} className="menu" role="menu" style={pos} data-testid="message-menu">
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
      {message.text && (
        <button type="button" role="menuitem" className="menu__item" onClick={() => void copy()}>
          <IconCopy size={18} />
          {t('message.copyText')}
        </button>
      )}
    </div>,
    document.body,
  )
}

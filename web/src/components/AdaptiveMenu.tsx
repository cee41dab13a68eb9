import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { IconX } from './InboxIcons'
import '../styles/inbox.css'

type Props = {
  open: boolean
  onClose: () => void
  /** The button that opens it: the dropdown hangs below it, and focus returns to it. */
  anchor: RefObject<HTMLElement | null>
  /** The sheet's heading, and the menu's accessible name. */
  title: string
  /** Which edge of the anchor the dropdown lines up with. */
  align?: 'start' | 'end'
  testId?: string
  children: ReactNode
}

const ITEMS = '[role="menuitemradio"],[role="menuitem"]'

/**
 * A menu that fits the device: a dropdown under its button on a desktop, a bottom sheet on a
 * phone (big rows, thumb's reach). Arrow keys move between items, Esc closes, and focus goes
 * back to the button.
 */
export function AdaptiveMenu({ open, onClose, anchor, title, align = 'start', testId, children }: Props) {
  const { t } = useTranslation()
  const desktop = useIsDesktop()
  const panel = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState<{ top: number; left: number; maxHeight: number } | null>(null)

  // Place the dropdown under its button, inside the window.
  useLayoutEffect(() => {
    if (!open || !desktop) return
    const place = () => {
      const a = anchor.current?.getBoundingClientRect()
      const el = panel.current
      if (!a || !el) return
      const width = el.offsetWidth
      const left = align === 'start' ? a.left : a.right - width
      const top = a.bottom + 6
      setPos({
        top,
        left: Math.max(8, Math.min(left, window.innerWidth - width - 8)),
        maxHeight: Math.max(160, window.innerHeight - top - 12),
      })
    }
    place()
    window.addEventListener('resize', place)
    return () => window.removeEventListener('resize', place)
  }, [open, desktop, anchor, align])

  // Focus the chosen item (or the first) on opening; give focus back to the button after.
  useEffect(() => {
    if (!open) return
    const el = panel.current
    const first = el?.querySelector<HTMLElement>('[aria-checked="true"]') ?? el?.querySelector<HTMLElement>(ITEMS)
    first?.focus({ preventScroll: false })
    const button = anchor.current
    return () => {
      if (!el || el.contains(document.activeElement) || document.activeElement === document.body) button?.focus()
    }
  }, [open, anchor])

  // A click or tap outside closes it (the button toggles by itself).
  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node
      if (panel.current?.contains(target) || anchor.current?.contains(target)) return
      onClose()
    }
    window.addEventListener('pointerdown', onPointer, true)
    return () => window.removeEventListener('pointerdown', onPointer, true)
  }, [open, onClose, anchor])

  if (!open) return null

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
      return
    }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }
    const move = moves[e.key]
    if (move === undefined) return
    const items = [...(panel.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])]
    if (!items.length) return
    e.preventDefault()
    const at = items.indexOf(document.activeElement as HTMLElement)
    const next =
      move === -Infinity ? 0 : move === Infinity ? items.length - 1 : (at + move + items.length) % items.length
    items[next]?.focus()
  }

  const menu = (
    <div role="menu" aria-label={title} className="amenu__items">
      {children}
    </div>
  )

  if (desktop) {
    return createPortal(
      <div
        ref={panel}
        className="amenu amenu--dropdown"
        style={pos ?? { top: -9999, left: -9999 }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Tabbing out of the dropdown closes it (a click outside is handled above).
          const to = e.relatedTarget as Node | null
          if (to && !panel.current?.contains(to) && !anchor.current?.contains(to)) onClose()
        }}
        data-testid={testId}
        data-variant="dropdown"
      >
        {menu}
      </div>,
      document.body,
    )
  }
  return createPortal(
    <div className="amenu-backdrop" onClick={onClose}>
      <div
        ref={panel}
        className="amenu amenu--sheet"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
        data-testid={testId}
        data-variant="sheet"
      >
        <header className="amenu__head">
          <span className="amenu__grip" aria-hidden="true" />
          <h2 className="amenu__title">{title}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
            <IconX size={22} />
          </button>
        </header>
        {menu}
      </div>
    </div>,
    document.body,
  )
}

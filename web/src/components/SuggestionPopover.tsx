import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IconClose } from './Icons'
import { Spinner } from './Spinner'
import '../styles/composer.css'

export type Suggestion = {
  key: string
  title: ReactNode
  /** A second line: a snippet's text, a variable's value, a teammate's e-mail. */
  detail?: ReactNode
  /** Something small on the right: a key, the number of files. */
  aside?: ReactNode
  /** The detail line is a warning (an empty variable). */
  warn?: boolean
}

type Props = {
  /** The listbox's id (the input points at it with aria-controls / aria-activedescendant). */
  id: string
  title: string
  items: readonly Suggestion[]
  active: number
  onActive: (index: number) => void
  onPick: (index: number) => void
  onClose: () => void
  loading?: boolean
  /** Shown when nothing matches. */
  emptyText: string
  /** With a keyboard: the keys hint at the foot. */
  showKeys: boolean
  testId: string
}

export const optionId = (listId: string, index: number) => `${listId}-opt-${index}`

/**
 * The list the composer's shortcuts open (`/` snippets, `$` variables, `@` teammates), just
 * above the input: with a keyboard ↑/↓ move, Enter/Tab pick, Esc closes (the input keeps the
 * focus: see useSuggestionKeys); on a phone it sits above the on-screen keyboard with big rows,
 * and a tap picks without closing the keyboard.
 */
export function SuggestionPopover(props: Props) {
  const { id, title, items, active, onActive, onPick, onClose, loading, emptyText, showKeys, testId } = props
  const { t } = useTranslation()
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`#${CSS.escape(optionId(id, active))}`)
    el?.scrollIntoView({ block: 'nearest' })
  }, [id, active])

  return (
    <div className="suggest" data-testid={testId}>
      <div className="suggest__head">
        <span className="suggest__title">{title}</span>
        {showKeys && <span className="suggest__keys">{t('composerTools.suggest.keys')}</span>}
        <button
          type="button"
          className="icon-btn suggest__close"
          aria-label={t('composerTools.suggest.close')}
          title={t('composerTools.suggest.close')}
          onPointerDown={(e) => e.preventDefault()}
          onClick={onClose}
        >
          <IconClose size={18} />
        </button>
      </div>
      {loading && !items.length ? (
        <div className="suggest__note">
          <Spinner small label={t('composerTools.suggest.loading')} />
        </div>
      ) : !items.length ? (
        <div className="suggest__note" data-testid="suggest-empty">
          {emptyText}
        </div>
      ) : (
        <ul ref={list} className="suggest__list" id={id} role="listbox" aria-label={title}>
          {items.map((item, i) => (
            <li
              key={item.key}
              id={optionId(id, i)}
              className={`suggest__item ${i === active ? 'suggest__item--active' : ''}`}
              role="option"
              aria-selected={i === active}
              data-testid="suggest-option"
              // Keep the focus (and a phone's keyboard) in the input.
              onPointerDown={(e) => e.preventDefault()}
              onPointerMove={() => {
                if (i !== active) onActive(i)
              }}
              onClick={() => onPick(i)}
            >
              <span className="suggest__text">
                <span className="suggest__item-title">{item.title}</span>
                {item.detail != null && (
                  <span className={`suggest__detail ${item.warn ? 'suggest__detail--warn' : ''}`}>{item.detail}</span>
                )}
              </span>
              {item.aside != null && <span className="suggest__aside">{item.aside}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * Keyboard control of an open suggestion list from the input that has the focus. `onKeyDown`
 * returns true when it used the key (the input must then do nothing else with it).
 */
export function useSuggestionKeys(opts: {
  open: boolean
  count: number
  /** When this changes (a new query), the first item is chosen again. */
  resetKey: string
  onPick: (index: number) => void
  onClose: () => void
}) {
  const { open, count, resetKey, onPick, onClose } = opts
  const [state, setState] = useState({ active: 0, resetKey })
  if (state.resetKey !== resetKey) setState({ active: 0, resetKey })
  const active = count ? Math.min(state.active, count - 1) : 0
  const setActive = (i: number) => setState({ active: i, resetKey })

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): boolean => {
    if (!open || e.nativeEvent.isComposing) return false
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!count || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false
        e.preventDefault()
        setActive((active + (e.key === 'ArrowDown' ? 1 : count - 1)) % count)
        return true
      case 'Enter':
      case 'Tab':
        // Shift+Enter still breaks the line; with nothing to pick Enter does what it always does.
        if (!count || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return false
        e.preventDefault()
        onPick(active)
        return true
      case 'Escape':
        e.preventDefault()
        onClose()
        return true
    }
    return false
  }

  return { active, setActive, onKeyDown }
}

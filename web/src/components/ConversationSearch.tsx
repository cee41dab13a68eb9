import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationSearch } from '../api/queries'
import type { SearchHit } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { highlightedWords } from '../lib/jump'
import { IconChevronDown, IconChevronUp, IconClose, IconMic, IconSearch } from './Icons'
import { Spinner } from './Spinner'
import '../styles/search.css'

type Props = {
  wid: string
  cid: string
  /** Phone: the bar takes the header's place (and its safe-area padding). */
  replacesHeader: boolean
  /** Scroll to a hit's message and mark its words. */
  onJump: (messageId: string, words: string[]) => void
  /** Remove the marks of the last hit (the query changed). */
  onClearMarks: () => void
  onClose: () => void
}

/** Typing pauses this long before the search runs. */
const DEBOUNCE_MS = 300

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms)
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * Search within the open conversation: texts, internal notes and voice transcripts, in any
 * word form (Russian and English). The newest match comes first ("1 of 12"); ↑ (Enter) goes
 * to older matches, ↓ (Shift+Enter) back to newer ones; each one scrolls there and marks the
 * words. Esc or × closes.
 */
export function ConversationSearch({ wid, cid, replacesHeader, onJump, onClearMarks, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), DEBOUNCE_MS)
  const search = useConversationSearch(wid, cid, q)
  // Newest first: position 0 is the last hit the server sends (it sends oldest first).
  const hits = useMemo(() => (search.data ? [...search.data].reverse() : []), [search.data])
  const [pos, setPos] = useState(0)
  const shownFor = useRef<string | null>(null)
  const jumpRef = useRef(onJump)
  jumpRef.current = onJump
  const clearRef = useRef(onClearMarks)
  clearRef.current = onClearMarks

  // A new query: the last one's marks go at once.
  useEffect(() => {
    clearRef.current()
  }, [q])

  const go = (next: number) => {
    const hit = hits[next]
    if (!hit) return
    setPos(next)
    jumpRef.current(String(hit.message_id), highlightedWords(hit.excerpt, hit.highlights))
  }

  // New results: go to the newest match (once per query, not on a background refetch).
  useEffect(() => {
    if (!search.data || shownFor.current === q) return
    shownFor.current = q
    setPos(0)
    const hit = hits[0]
    if (hit) jumpRef.current(String(hit.message_id), highlightedWords(hit.excerpt, hit.highlights))
  }, [search.data, hits, q])

  useEffect(() => {
    input.current?.focus()
  }, [])

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault()
      go(e.shiftKey ? pos - 1 : pos + 1)
    }
  }
  // Esc anywhere in the bar (the field, or the arrows after a click) closes it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return
    e.preventDefault()
    e.stopPropagation()
    onClose()
  }

  const typing = text.trim() !== q
  const busy = q !== '' && (search.isFetching || typing)
  const hit = hits[pos]
  const ready = q !== '' && !typing && search.isSuccess
  const date = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    [i18n.language],
  )

  let result: ReactNode = null
  if (q !== '' && search.isError && !typing) {
    result = <p className="conv-search__note conv-search__note--error" role="alert">{`${t('links.search.failed')}: ${errorText(search.error)}`}</p>
  } else if (ready && !hits.length) {
    result = (
      <p className="conv-search__note" data-testid="search-no-matches" role="status">
        {t('links.search.none')}
      </p>
    )
  } else if (ready && hit) {
    result = (
      <button
        type="button"
        className="conv-search__hit"
        data-testid="search-hit"
        data-message-id={String(hit.message_id)}
        data-source={hit.source}
        onClick={() => go(pos)}
      >
        <span className="conv-search__hit-meta">
          {hit.source === 'transcript' && (
            <span className="conv-search__voice">
              <IconMic size={13} />
              {t('links.search.voice')}
            </span>
          )}
          <time dateTime={hit.created_at}>{date.format(new Date(hit.created_at))}</time>
        </span>
        <Excerpt hit={hit} />
      </button>
    )
  }

  return (
    <div
      className={`conv-search ${replacesHeader ? 'conv-search--header' : ''}`}
      role="search"
      aria-label={t('links.search.label')}
      data-testid="conversation-search"
      onKeyDown={onKeyDown}
    >
      <div className="conv-search__bar">
        <label className="conv-search__field">
          <IconSearch size={18} className="conv-search__icon" />
          <input
            ref={input}
            className="conv-search__input"
            data-testid="search-input"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('links.search.placeholder')}
            aria-label={t('links.search.label')}
            title={t('links.search.hint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKeyDown}
          />
          {busy && <Spinner small label={t('links.search.searching')} />}
        </label>
        <span className="conv-search__count" data-testid="search-count" aria-live="polite">
          {ready && hits.length ? t('links.search.count', { index: pos + 1, total: hits.length }) : ''}
        </span>
        <button
          type="button"
          className="icon-btn"
          data-testid="search-older"
          aria-label={t('links.search.older')}
          title={t('links.search.older')}
          disabled={!ready || pos >= hits.length - 1}
          onClick={() => go(pos + 1)}
        >
          <IconChevronUp size={22} />
        </button>
        <button
          type="button"
          className="icon-btn"
          data-testid="search-newer"
          aria-label={t('links.search.newer')}
          title={t('links.search.newer')}
          disabled={!ready || pos <= 0}
          onClick={() => go(pos - 1)}
        >
          <IconChevronDown size={22} />
        </button>
        <button
          type="button"
          className="icon-btn"
          data-testid="search-close"
          aria-label={t('links.search.close')}
          title={t('links.search.close')}
          onClick={onClose}
        >
          <IconClose size={22} />
        </button>
      </div>
      {result}
    </div>
  )
}

/** The hit's excerpt with the matched words marked. */
function Excerpt({ hit }: { hit: SearchHit }) {
  const parts: ReactNode[] = []
  let at = 0
  const ranges = [...hit.highlights].sort((a, b) => a[0] - b[0])
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue
    if (start > at) parts.push(hit.excerpt.slice(at, start))
    parts.push(<mark key={start}>{hit.excerpt.slice(start, end)}</mark>)
    at = end
  }
  if (at < hit.excerpt.length) parts.push(hit.excerpt.slice(at))
  return <span className="conv-search__excerpt">{parts}</span>
}

/**
 * Desktop: Ctrl+F (⌘F) opens the search of the open conversation; pressed again while it is
 * open, the browser's own find takes over.
 */
export function useSearchShortcut(open: boolean, onOpen: () => void) {
  const openRef = useRef(onOpen)
  openRef.current = onOpen
  useEffect(() => {
    if (open) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'f' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.defaultPrevented) return
      e.preventDefault()
      openRef.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
}

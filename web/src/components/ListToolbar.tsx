import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Mailboxes } from '../api/types'
import type { InboxView } from '../hooks/useInboxView'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { IconArrowLeft, IconSearch, IconX } from './InboxIcons'
import { MailboxMenu, type MailboxMenuProps } from './MailboxMenu'
import { SortMenu } from './SortMenu'
import '../styles/inbox.css'

/** How long typing may pause before the list is searched. */
const SEARCH_DELAY_MS = 300

/** The search box's state, shared by the toolbar and the list ("Clear search" there). */
export type SearchBox = {
  text: string
  setText: (text: string) => void
  /** The phone's search row is open (a desktop always shows the field). */
  open: boolean
  setOpen: (open: boolean) => void
  /** Empty the field and search for nothing at once. */
  clear: () => void
}

/** What is typed, searched once typing pauses; the search itself lives in the inbox view. */
export function useSearchBox(view: InboxView): SearchBox {
  const [text, setText] = useState(view.params.q)
  const [open, setOpen] = useState(view.params.q !== '')
  const setQuery = useRef(view.setQuery)
  setQuery.current = view.setQuery

  useEffect(() => {
    const timer = setTimeout(() => setQuery.current(text), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text])

  return {
    text,
    setText,
    open,
    setOpen,
    clear: () => {
      setText('')
      setQuery.current('')
    },
  }
}

type Props = {
  view: InboxView
  search: SearchBox
  mailboxes: Mailboxes | undefined
} & Pick<MailboxMenuProps, 'failed' | 'onCreateCustomInbox' | 'onEditCustomInbox'>

const isTyping = (el: Element | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable)

/**
 * The row above the tabs: the mailbox picker, search and sort. On a desktop the search field
 * is always there ("/" jumps into it); on a phone a search button opens it over the row.
 */
export function ListToolbar({ view, search, mailboxes, failed, onCreateCustomInbox, onEditCustomInbox }: Props) {
  const { t } = useTranslation()
  const desktop = useIsDesktop()
  const { params } = view
  const { text, setText, clear } = search
  const input = useRef<HTMLInputElement>(null)

  // "/" anywhere (but in a text field) starts a search on a desktop.
  useEffect(() => {
    if (!desktop) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.metaKey || e.ctrlKey || e.altKey || isTyping(document.activeElement)) return
      e.preventDefault()
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [desktop])

  const closeSearch = () => {
    clear()
    search.setOpen(false)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    if (!desktop) closeSearch()
    else if (text) clear()
    else input.current?.blur()
  }

  const field = (
    <div className="list-search">
      {desktop && <IconSearch size={18} className="list-search__icon" />}
      <input
        ref={input}
        className="list-search__input"
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('inboxList.search.placeholder')}
        aria-label={t('inboxList.search.label')}
        autoFocus={!desktop}
        data-testid="search-input"
      />
      {text && (
        <button
          type="button"
          className="list-search__clear"
          onClick={() => {
            clear()
            input.current?.focus()
          }}
          aria-label={t('inboxList.search.clear')}
          title={t('inboxList.search.clear')}
          data-testid="search-clear"
        >
          <IconX size={16} />
        </button>
      )}
    </div>
  )

  if (!desktop && search.open) {
    return (
      <div className="list-toolbar list-toolbar--search" data-testid="list-toolbar">
        <button
          type="button"
          className="icon-btn"
          onClick={closeSearch}
          aria-label={t('inboxList.search.close')}
          data-testid="search-close"
        >
          <IconArrowLeft size={22} />
        </button>
        {field}
      </div>
    )
  }

  const mailboxMenu = (
    <MailboxMenu
      mailboxes={mailboxes}
      failed={failed}
      current={params.mailbox}
      onSelect={view.setMailbox}
      onCreateCustomInbox={onCreateCustomInbox}
      onEditCustomInbox={onEditCustomInbox}
    />
  )
  const sortMenu = <SortMenu sort={params.sort} status={params.status} onChange={view.setSort} />

  if (desktop) {
    // Room for long mailbox names and a whole placeholder: the field gets its own row.
    return (
      <div className="list-toolbar list-toolbar--desktop" data-testid="list-toolbar">
        <div className="list-toolbar__row">
          {mailboxMenu}
          <span className="list-toolbar__spacer" />
          {sortMenu}
        </div>
        <div className="list-toolbar__row list-toolbar__row--search">{field}</div>
      </div>
    )
  }
  return (
    <div className="list-toolbar" data-testid="list-toolbar">
      {mailboxMenu}
      <button
        type="button"
        className="icon-btn list-toolbar__search-btn"
        onClick={() => search.setOpen(true)}
        aria-label={t('inboxList.search.open')}
        title={t('inboxList.search.open')}
        data-testid="search-open"
      >
        <IconSearch size={22} />
      </button>
      {sortMenu}
    </div>
  )
}

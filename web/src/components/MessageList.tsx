import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/queries'
import type { Attachment, Message } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { vibrate } from '../hooks/useMessageGestures'
import { LONG_PRESS_MS, MOVE_SLOP_PX } from '../lib/gestures'
import { findWords } from '../lib/jump'
import { isPendingId } from '../lib/pending'
import { buildTimeline, messageKey } from '../lib/timeline'
import { DateSeparator } from './DateSeparator'
import { ImageViewer } from './ImageViewer'
import { MessageBubble } from './MessageBubble'
import { MessageMenu } from './MessageMenu'
import { NewMessagesPill } from './NewMessagesPill'
import { Spinner } from './Spinner'
import '../styles/search.css'

type Props = {
  messages: Message[]
  loading: boolean
  error: unknown
  onReload: () => void
  hasOlder: boolean
  loadingOlder: boolean
  onLoadOlder: () => void
  onRetry: (m: Message) => Promise<void>
  /** Start a reply to a message. */
  onReply: (m: Message) => void
  /** Scroll to a message that may not be loaded yet (the conversation loads older pages). */
  onReveal: (id: string) => void
  ref?: Ref<MessageListHandle>
}

export type MessageListHandle = {
  /**
   * Scroll a loaded message into view and flash it; `words` (a search hit's) are marked in it
   * until the next jump or `clearMarks`. False when the message is not loaded.
   */
  flashMessage: (id: string, words?: readonly string[]) => boolean
  /** Remove the marks of a search hit. */
  clearMarks: () => void
}

/** How long a revealed message flashes (the animation in search.css lasts as long). */
const FLASH_MS = 2000
/** The CSS Custom Highlight that marks a search hit's words (styled in search.css). */
const MARK_HIGHLIGHT = 'omnibox-search-hit'
/** Controls keep their own touches (the same list as the bubble's gestures). */
const INTERACTIVE = 'button, a, input, select, textarea, audio, video, [role="slider"], [data-no-gesture]'
const MESSAGE_ROW = '[data-testid="message"]'

/** A finger held on a message: a long-press opens the message's menu. */
type Press = { id: string; pointerId: number; x: number; y: number; at: number; timer: number | undefined; opened: boolean }

/** Mark `words` inside `el` (text nodes only, so the DOM React owns is left alone). */
function markWords(el: HTMLElement, words: readonly string[]) {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined
  if (!registry || typeof Highlight === 'undefined') return
  registry.delete(MARK_HIGHLIGHT)
  if (!words.length) return
  const ranges: Range[] = []
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const [start, end] of findWords(node.nodeValue ?? '', words)) {
      const range = document.createRange()
      range.setStart(node, start)
      range.setEnd(node, end)
      ranges.push(range)
    }
  }
  if (ranges.length) registry.set(MARK_HIGHLIGHT, new Highlight(...ranges))
}

function clearMarks() {
  if (typeof CSS !== 'undefined') CSS.highlights?.delete(MARK_HIGHLIGHT)
}

/** Closer to the bottom than this counts as "at the bottom". */
const BOTTOM_SLACK = 80
/** Closer to the top than this loads older messages. */
const TOP_TRIGGER = 120

export function MessageList(props: Props) {
  const { messages, loading, error, onReload, hasOlder, loadingOlder, onLoadOlder, onRetry, onReply, onReveal, ref } = props
  const { t } = useTranslation()
  const errorText = useErrorText()
  const myId = useSession().data?.user.id
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [pill, setPill] = useState(false)
  const [viewer, setViewer] = useState<Attachment | null>(null)
  const desktop = useIsDesktop()
  const [menu, setMenu] = useState<{ message: Message; x: number; y: number; sheet: boolean } | null>(null)
  const openMenu = useCallback((message: Message, x: number, y: number) => setMenu({ message, x, y, sheet: false }), [])
  const press = useRef<Press | null>(null)
  const snap = useRef({ ready: false, firstKey: '', lastKey: '', height: 0, top: 0 })

  const days = useMemo(() => buildTimeline(messages), [messages])
  const isMine = (m: Message) => myId != null && m.author.type === 'user' && String(m.author.id) === String(myId)
  const byId = useMemo(() => new Map(messages.map((m) => [String(m.id), m])), [messages])
  const replyTarget = (m: Message) => (m.reply_to_id != null ? byId.get(String(m.reply_to_id)) : undefined)
  const isReplyToMine = (m: Message) => {
    const target = replyTarget(m)
    return target !== undefined && isMine(target)
  }
  const first = messages[0]
  const last = messages.at(-1)
  const firstKey = first ? messageKey(first) : ''
  const lastKey = last ? messageKey(last) : ''

  const scrollToBottom = useCallback((smooth = false) => {
    const el = scroller.current
    if (!el) return
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? 'smooth' : 'auto' })
    atBottom.current = true
    setPill(false)
  }, [])

  const remember = () => {
    const el = scroller.current
    if (!el) return
    snap.current.height = el.scrollHeight
    snap.current.top = el.scrollTop
  }

  // Keep the view where the reader expects it whenever the list changes.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const s = snap.current
    if (!s.ready) {
      if (lastKey) {
        el.scrollTop = el.scrollHeight
        atBottom.current = true
        s.ready = true
      }
    } else if (lastKey !== s.lastKey) {
      // Something new at the bottom: follow it if the reader was there, or if we sent it.
      const ours = last !== undefined && last.direction === 'out' && isPendingId(last.id)
      if (atBottom.current || ours) {
        el.scrollTop = el.scrollHeight
        atBottom.current = true
        setPill(false)
      } else {
        setPill(true)
      }
    } else if (firstKey !== s.firstKey) {
      // Older messages were added above: keep the same message under the reader's eyes.
      el.scrollTop = s.top + (el.scrollHeight - s.height)
    }
    s.firstKey = firstKey
    s.lastKey = lastKey
    s.height = el.scrollHeight
    s.top = el.scrollTop
  }, [firstKey, lastKey, last])

  // Images, fonts, the keyboard or the composer growing change sizes: stay at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current
    const inner = content.current
    if (!el || !inner || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight
      remember()
    })
    ro.observe(el)
    ro.observe(inner)
    return () => ro.disconnect()
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      flashMessage: (id: string, words?: readonly string[]) => {
        const root = scroller.current
        const el = root?.querySelector<HTMLElement>(`${MESSAGE_ROW}[data-message-id="${CSS.escape(id)}"]`)
        if (!root || !el) return false
        // A long way off (a link, an old search hit): jump; nearby (a quote): glide.
        const view = root.getBoundingClientRect()
        const box = el.getBoundingClientRect()
        const far = Math.abs(box.top + box.height / 2 - (view.top + view.height / 2)) > view.height * 2
        // Not following new messages at the bottom any more (the scroll handler re-checks).
        atBottom.current = false
        el.scrollIntoView({ block: 'center', behavior: far ? 'auto' : 'smooth' })
        // One flash at a time (quick jumps between search hits), restarted when the same
        // message is revealed twice in a row.
        for (const other of root.querySelectorAll('.msg--flash')) other.classList.remove('msg--flash')
        void el.offsetWidth
        el.classList.add('msg--flash')
        window.setTimeout(() => el.classList.remove('msg--flash'), FLASH_MS)
        if (words) markWords(el, words)
        return true
      },
      clearMarks,
    }),
    [],
  )
  useEffect(() => clearMarks, [])

  // A long-press on a touch screen opens the message's menu as a sheet. The bubble's own
  // gestures would start a reply on a long-press: `replyOrMenu` turns that into the menu, and
  // rows without gestures (internal comments) get the menu from the timer here.
  const endPress = useCallback(() => {
    window.clearTimeout(press.current?.timer)
    press.current = null
  }, [])
  useEffect(() => endPress, [endPress])
  const byIdRef = useRef(byId)
  byIdRef.current = byId
  const openSheet = useCallback((p: Press) => {
    const message = byIdRef.current.get(p.id)
    if (!message || p.opened) return
    p.opened = true
    setMenu({ message, x: p.x, y: p.y, sheet: true })
  }, [])
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    endPress()
    if (e.pointerType === 'mouse' || !e.isPrimary) return
    const target = e.target as Element
    const row = target.closest<HTMLElement>(MESSAGE_ROW)
    const id = row?.dataset.messageId
    if (!row || !id || row.dataset.kind === 'system' || isPendingId(id) || target.closest(INTERACTIVE)) return
    const p: Press = { id, pointerId: e.pointerId, x: e.clientX, y: e.clientY, at: performance.now(), timer: undefined, opened: false }
    p.timer = window.setTimeout(() => {
      if (press.current !== p || p.opened) return
      vibrate(15)
      openSheet(p)
    }, LONG_PRESS_MS)
    press.current = p
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current
    if (!p || p.pointerId !== e.pointerId) return
    if (Math.hypot(e.clientX - p.x, e.clientY - p.y) > MOVE_SLOP_PX) endPress()
  }
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (press.current?.pointerId === e.pointerId) endPress()
  }
  const replyOrMenu = useCallback(
    (m: Message) => {
      const p = press.current
      const held = p !== null && p.id === String(m.id) && performance.now() - p.at >= LONG_PRESS_MS - 50
      if (held) openSheet(p)
      else onReply(m)
    },
    [onReply, openSheet],
  )
  // Right-click on rows the bubble leaves alone (comments): the same menu; the browser's own
  // menu stays for links, images, selected text, and with Shift. A touch's menu is swallowed.
  const onContextMenu = (e: MouseEvent<HTMLDivElement>) => {
    if (e.defaultPrevented) return
    const target = e.target as Element
    const row = target.closest<HTMLElement>(MESSAGE_ROW)
    const message = row?.dataset.messageId ? byId.get(row.dataset.messageId) : undefined
    if (!message || message.kind === 'system') return
    if (press.current) {
      e.preventDefault()
      return
    }
    if (e.shiftKey || target.closest('a, img, video, audio, input, textarea')) return
    if (window.getSelection()?.toString()) return
    e.preventDefault()
    openMenu(message, e.clientX, e.clientY)
  }

  const closeMenu = useCallback(() => setMenu(null), [])

  const loadOlder = useCallback(() => {
    remember()
    onLoadOlder()
  }, [onLoadOlder])

  const onScroll = () => {
    const el = scroller.current
    if (!el) return
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK
    atBottom.current = bottom
    if (bottom && pill) setPill(false)
    remember()
    if (snap.current.ready && el.scrollTop < TOP_TRIGGER && hasOlder && !loadingOlder) loadOlder()
  }

  return (
    <div className="messages">
      <div
        className="messages__scroller"
        ref={scroller}
        onScroll={onScroll}
        data-testid="message-list"
        aria-busy={loading}
      >
        <div
          className="messages__content"
          ref={content}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onContextMenu={onContextMenu}
        >
          {hasOlder && (
            <div className="messages__older">
              <button className="chip" onClick={loadOlder} disabled={loadingOlder} data-testid="load-older">
                {loadingOlder ? t('conversation.loadingOlder') : t('conversation.loadOlder')}
              </button>
            </div>
          )}
          {loading && (
            <div className="messages__notice">
              <Spinner label={t('common.loading')} />
            </div>
          )}
          {error != null && (
            <div className="messages__notice">
              <p>{t('conversation.loadError')}</p>
              <p className="muted">{errorText(error)}</p>
              <button className="btn" onClick={onReload}>
                {t('common.retry')}
              </button>
            </div>
          )}
          {!loading && error == null && !messages.length && (
            <div className="messages__notice">
              <span className="chip chip--static">{t('conversation.empty')}</span>
            </div>
          )}
          {days.map((day) => (
            <section key={day.key} className="messages__day">
              <DateSeparator date={day.date} />
              {day.items.map((item) => (
                <MessageBubble
                  key={item.key}
                  message={item.message}
                  first={item.first}
                  last={item.last}
                  mine={isMine(item.message)}
                  replyTo={replyTarget(item.message)}
                  replyToMine={isReplyToMine(item.message)}
                  onRetry={onRetry}
                  onOpenImage={setViewer}
                  onReply={replyOrMenu}
                  onReveal={onReveal}
                  onMenu={openMenu}
                />
              ))}
            </section>
          ))}
        </div>
      </div>
      {pill && <NewMessagesPill onClick={() => scrollToBottom(true)} />}
      {viewer && <ImageViewer attachment={viewer} onClose={() => setViewer(null)} />}
      {menu && <MessageMenu {...menu} sheet={menu.sheet && !desktop} onReply={onReply} onClose={closeMenu} />}
    </div>
  )
}

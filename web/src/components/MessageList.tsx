import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/queries'
import type { Attachment, Message } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { isPendingId } from '../lib/pending'
import { buildTimeline, messageKey } from '../lib/timeline'
import { DateSeparator } from './DateSeparator'
import { ImageViewer } from './ImageViewer'
import { MessageBubble } from './MessageBubble'
import { MessageMenu } from './MessageMenu'
import { NewMessagesPill } from './NewMessagesPill'
import { Spinner } from './Spinner'

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
  /** Scroll a loaded message into view and flash it; false when it is not loaded. */
  flashMessage: (id: string) => boolean
}

/** How long a revealed message flashes. */
const FLASH_MS = 1600

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
  const [menu, setMenu] = useState<{ message: Message; x: number; y: number } | null>(null)
  const openMenu = useCallback((message: Message, x: number, y: number) => setMenu({ message, x, y }), [])
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
      flashMessage: (id: string) => {
        const root = scroller.current
        const el = root?.querySelector<HTMLElement>(`[data-testid="message"][data-message-id="${CSS.escape(id)}"]`)
        if (!root || !el) return false
        el.scrollIntoView({ block: 'center', behavior: 'smooth' })
        el.classList.remove('msg--flash')
        // Restart the animation when the same message is revealed twice in a row.
        void el.offsetWidth
        el.classList.add('msg--flash')
        window.setTimeout(() => el.classList.remove('msg--flash'), FLASH_MS)
        return true
      },
    }),
    [],
  )

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
        <div className="messages__content" ref={content}>
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
                  onReply={onReply}
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
      {menu && <MessageMenu {...menu} onReply={onReply} onClose={() => setMenu(null)} />}
    </div>
  )
}

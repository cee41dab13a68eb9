import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/queries'
import type { Attachment, Message } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { isPendingId } from '../lib/pending'
import { buildTimeline, messageKey } from '../lib/timeline'
import { DateSeparator } from './DateSeparator'
import { ImageLightbox } from './ImageLightbox'
import { MessageBubble } from './MessageBubble'
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
}

/** Closer to the bottom than this counts as "at the bottom". */
const BOTTOM_SLACK = 80
/** Closer to the top than this loads older messages. */
const TOP_TRIGGER = 120

export function MessageList(props: Props) {
  const { messages, loading, error, onReload, hasOlder, loadingOlder, onLoadOlder, onRetry } = props
  const { t } = useTranslation()
  const errorText = useErrorText()
  const myId = useSession().data?.user.id
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [pill, setPill] = useState(false)
  const [lightbox, setLightbox] = useState<Attachment | null>(null)
  const snap = useRef({ ready: false, firstKey: '', lastKey: '', height: 0, top: 0 })

  const days = useMemo(() => buildTimeline(messages), [messages])
  const isMine = (m: Message) => myId != null && m.author.type === 'user' && String(m.author.id) === String(myId)
  const byId = useMemo(() => new Map(messages.map((m) => [String(m.id), m])), [messages])
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
                  replyTo={item.message.reply_to_id != null ? byId.get(String(item.message.reply_to_id)) : undefined}
                  onRetry={onRetry}
                  onOpenImage={setLightbox}
                />
              ))}
            </section>
          ))}
        </div>
      </div>
      {pill && <NewMessagesPill onClick={() => scrollToBottom(true)} />}
      {lightbox && <ImageLightbox attachment={lightbox} onClose={() => setLightbox(null)} />}
    </div>
  )
}

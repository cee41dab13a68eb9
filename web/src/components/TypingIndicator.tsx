import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../api/queries'
import { activeTypers, nextExpiry, typingText } from '../lib/typing'
import { typingStore } from '../lib/typingStore'

/** "Boris is typing…" above the composer, for ~6 s after their last keystroke event. */
export function TypingIndicator({ cid }: { cid: string }) {
  const { t } = useTranslation()
  const me = useSession().data?.user.id
  const state = useSyncExternalStore(typingStore.subscribe, typingStore.get)
  const [now, setNow] = useState(() => Date.now())
  // A new event re-renders with the store; a fresh clock then (an effect, not the render).
  useEffect(() => setNow(Date.now()), [state])
  const typers = useMemo(() => activeTypers(state, cid, now, me ? String(me) : null), [state, cid, now, me])
  const expiry = nextExpiry(typers)

  useEffect(() => {
    if (expiry == null) return
    const id = window.setTimeout(() => setNow(Date.now()), Math.max(50, expiry - Date.now() + 20))
    return () => window.clearTimeout(id)
  }, [expiry])

  const text = typingText(typers, {
    one: (name) => t('typing.one', { name }),
    two: (a, b) => t('typing.two', { a, b }),
    many: (a, count) => t('typing.many', { name: a, count }),
  })
  return (
    <div className={`typing ${text ? 'typing--on' : ''}`} aria-live="polite">
      {text && (
        <span className="typing__pill" data-testid="typing-indicator">
          <span className="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </span>
      )}
    </div>
  )
}

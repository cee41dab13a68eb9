import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationList } from '../api/queries'
import { sameId, type StatusFilter } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { useNow } from '../hooks/useNow'
import { ConversationItem } from './ConversationItem'

type Props = { wid: string; status: StatusFilter; selected: string | null }

export function ConversationList({ wid, status, selected }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const now = useNow()
  const query = useConversationList(wid, status)
  const { conversations, hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const sentinel = useRef<HTMLDivElement>(null)

  // Load the next page when the end of the list scrolls into view.
  useEffect(() => {
    const el = sentinel.current
    if (!el || !hasNextPage) return
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
    })
    io.observe(el)
    return () => io.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  return (
    <div className="conv-list" data-testid="conversation-list" aria-busy={query.isPending}>
      {query.isPending && <ListSkeleton />}
      {query.isError && !conversations.length && (
        <div className="conv-list__notice">
          <p>{t('inbox.loadError')}</p>
          <p className="muted">{errorText(query.error)}</p>
          <button className="btn" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {query.isSuccess && !conversations.length && (
        <p className="conv-list__notice muted">{t(`inbox.empty.${status}`)}</p>
      )}
      <ul className="conv-list__items">
        {conversations.map((c) => (
          <ConversationItem
            key={String(c.id)}
            wid={wid}
            status={status}
            conversation={c}
            selected={selected !== null && sameId(c.id, selected)}
            now={now}
          />
        ))}
      </ul>
      {hasNextPage && (
        <div ref={sentinel} className="conv-list__more">
          <button className="btn btn--ghost" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? t('common.loading') : t('inbox.loadMore')}
          </button>
        </div>
      )}
    </div>
  )
}

function ListSkeleton() {
  return (
    <ul className="conv-list__items" aria-hidden="true">
      {Array.from({ length: 6 }, (_, i) => (
        <li key={i} className="conv-item conv-item--skeleton">
          <span className="avatar avatar--md skeleton" />
          <span className="conv-item__body">
            <span className="skeleton skeleton--line" style={{ width: '45%' }} />
            <span className="skeleton skeleton--line" style={{ width: '80%' }} />
          </span>
        </li>
      ))}
    </ul>
  )
}

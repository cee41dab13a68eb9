import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationList } from '../api/queries'
import { sameId } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { useNow } from '../hooks/useNow'
import type { ListParams } from '../lib/inboxView'
import { ConversationItem } from './ConversationItem'
import '../styles/inbox.css'

type Props = {
  wid: string
  params: ListParams
  selected: string | null
  /** Offered when a search finds nothing. */
  onClearSearch?: () => void
  /** Offered when the unanswered filter leaves nothing. */
  onShowAll?: () => void
}

export function ConversationList({ wid, params, selected, onClearSearch, onShowAll }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const now = useNow()
  const query = useConversationList(wid, params)
  const { conversations, hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const scroller = useRef<HTMLDivElement>(null)
  const sentinel = useRef<HTMLDivElement>(null)
  const { mailbox, status, sort, q, unanswered } = params

  // Another list starts at its top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 })
  }, [mailbox, status, sort, q, unanswered])

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

  const searching = query.isPlaceholderData || (query.isFetching && !query.isFetchingNextPage && !!q)
  return (
    <div
      ref={scroller}
      className="conv-list"
      data-testid="conversation-list"
      aria-busy={query.isPending || searching}
      data-loading={query.isPending || query.isPlaceholderData ? 'true' : undefined}
    >
      {searching && <div className="conv-list__progress" aria-hidden="true" />}
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
      {query.isSuccess && !query.isPlaceholderData && !conversations.length && (
        <EmptyList params={params} onClearSearch={onClearSearch} onShowAll={onShowAll} />
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

/** Nothing to show: say why (a search, the unanswered filter, an empty tab) and the way out. */
function EmptyList({ params, onClearSearch, onShowAll }: Pick<Props, 'params' | 'onClearSearch' | 'onShowAll'>) {
  const { t } = useTranslation()
  if (params.q) {
    return (
      <div className="conv-list__notice" data-testid="list-empty" data-reason="search" role="status">
        <p className="conv-list__empty-title">{t('inboxList.empty.search', { q: params.q })}</p>
        <p className="muted">{t('inboxList.empty.searchHint')}</p>
        {onClearSearch && (
          <button className="btn" onClick={onClearSearch}>
            {t('inboxList.empty.clearSearch')}
          </button>
        )}
      </div>
    )
  }
  if (params.unanswered) {
    return (
      <div className="conv-list__notice" data-testid="list-empty" data-reason="unanswered" role="status">
        <p className="conv-list__empty-title">{t('inboxList.empty.unanswered')}</p>
        <p className="muted">{t('inboxList.empty.unansweredHint')}</p>
        {onShowAll && (
          <button className="btn" onClick={onShowAll}>
            {t('inboxList.empty.showAll')}
          </button>
        )}
      </div>
    )
  }
  return (
    <p className="conv-list__notice muted" data-testid="list-empty" data-reason="empty">
      {t(`inbox.empty.${params.status}`)}
    </p>
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

import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { useConversation, useMessages } from '../api/queries'
import type { StatusFilter } from '../api/types'
import { ConversationActionsContext, type ConversationActions } from '../hooks/useConversationActions'
import { useMarkRead } from '../hooks/useMarkRead'
import { useWithPending } from '../hooks/usePendingMessages'
import { useSendMessage } from '../hooks/useSendMessage'
import { setActiveConversation } from '../lib/activeConversation'
import { appendToDraft } from '../lib/drafts'
import { isPendingId } from '../lib/pending'
import { Composer, type ComposerHandle } from './Composer'
import { ConversationHeader } from './ConversationHeader'
import { MessageList } from './MessageList'
import { WsStatus } from './WsStatus'

type Props = { wid: string; cid: string; status: StatusFilter; showBack: boolean }

/** One open conversation: header, messages, composer. */
export function ConversationPane({ wid, cid, status, showBack }: Props) {
  const { t } = useTranslation()
  const conversation = useConversation(wid, cid)
  const messagesQuery = useMessages(wid, cid)
  const messages = useWithPending(wid, cid, messagesQuery.messages)
  const { send, retry } = useSendMessage(wid, cid)
  const composer = useRef<ComposerHandle>(null)
  const draftKey = `${wid}/${cid}`

  const insertIntoReply = useCallback(
    (text: string) => {
      appendToDraft(draftKey, text)
      composer.current?.focusEnd()
    },
    [draftKey],
  )
  const actions = useMemo<ConversationActions>(() => ({ wid, cid, insertIntoReply }), [wid, cid, insertIntoReply])

  useEffect(() => {
    setActiveConversation({ wid, cid })
    return () => setActiveConversation(null)
  }, [wid, cid])

  const lastIncomingId = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!
      if (m.direction === 'in' && !isPendingId(m.id)) return String(m.id)
    }
    return null
  }, [messages])
  useMarkRead(wid, cid, lastIncomingId, messagesQuery.isSuccess)

  const notFound =
    (conversation.error instanceof ApiError && conversation.error.status === 404) ||
    (messagesQuery.error instanceof ApiError && messagesQuery.error.status === 404)

  return (
    <ConversationActionsContext.Provider value={actions}>
    <section className="conversation" data-testid="conversation" data-conversation-id={cid}>
      <ConversationHeader wid={wid} status={status} conversation={conversation.data} showBack={showBack} />
      {showBack && <WsStatus />}
      {notFound ? (
        <div className="conversation__notice">{t('conversation.notFound')}</div>
      ) : (
        <>
          <MessageList
            messages={messages}
            loading={messagesQuery.isPending}
            error={messagesQuery.isError && !messages.length ? messagesQuery.error : null}
            onReload={() => void messagesQuery.refetch()}
            hasOlder={messagesQuery.hasNextPage}
            loadingOlder={messagesQuery.isFetchingNextPage}
            onLoadOlder={() => void messagesQuery.fetchNextPage()}
            onRetry={retry}
          />
          <Composer key={cid} ref={composer} draftKey={draftKey} onSend={send} />
        </>
      )}
    </section>
    </ConversationActionsContext.Provider>
  )
}

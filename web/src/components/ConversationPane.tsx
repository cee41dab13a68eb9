import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { useChannels, useContact, useConversation, useMessages, useSession } from '../api/queries'
import type { Message, StatusFilter } from '../api/types'
import { ConversationActionsContext, type ConversationActions } from '../hooks/useConversationActions'
import { useChannelName } from '../hooks/useChannelName'
import { useJumpToMessage, useLinkedMessage } from '../hooks/useJumpToMessage'
import { useMarkRead } from '../hooks/useMarkRead'
import { useWithPending } from '../hooks/usePendingMessages'
import { useSendMessage } from '../hooks/useSendMessage'
import { setActiveConversation } from '../lib/activeConversation'
import { capabilitiesOf, contactChannels } from '../lib/channels'
import { getComposerState, setComposerState, subscribeComposerState } from '../lib/composerStore'
import { appendToDraft } from '../lib/drafts'
import { formatFileSize } from '../lib/format'
import { isPendingId } from '../lib/pending'
import { replyBlock } from '../lib/replyPreview'
import { showToast } from '../lib/toast'
import { MAX_FILE_BYTES, MAX_FILES } from '../lib/uploads'
import { Composer, type ComposerHandle } from './Composer'
import { ContactPanel } from './ContactPanel'
import { ConversationHeader } from './ConversationHeader'
import { ConversationSearch, useSearchShortcut } from './ConversationSearch'
import { IconPaperclip } from './Icons'
import { MessageList, type MessageListHandle } from './MessageList'
import { TypingIndicator } from './TypingIndicator'
import { WsStatus } from './WsStatus'

type Props = { wid: string; cid: string; status: StatusFilter; showBack: boolean }

/** One open conversation: header, messages, composer. */
export function ConversationPane({ wid, cid, status, showBack }: Props) {
  const { t, i18n } = useTranslation()
  const channelName = useChannelName()
  const conversation = useConversation(wid, cid)
  const messagesQuery = useMessages(wid, cid)
  const messages = useWithPending(wid, cid, messagesQuery.messages)
  const channelsQuery = useChannels(wid)
  const contactQuery = useContact(wid, conversation.data?.contact.id)
  const myId = useSession().data?.user.id
  const { send, retry } = useSendMessage(wid, cid)
  const composer = useRef<ComposerHandle>(null)
  const list = useRef<MessageListHandle>(null)
  const draftKey = `${wid}/${cid}`
  const composerState = useSyncExternalStore(
    subscribeComposerState,
    useCallback(() => getComposerState(draftKey), [draftKey]),
  )
  const [dragging, setDragging] = useState(false)
  const [panel, setPanel] = useState<'contact' | 'search' | null>(null)

  // The channel the reply goes out on: the agent's choice, else the contact's latest.
  const listed = contactQuery.data?.channels
  const options = useMemo(
    () => contactChannels(conversation.data, messages, channelsQuery.data ?? [], listed),
    [conversation.data, messages, channelsQuery.data, listed],
  )
  const channelId =
    composerState.channelId && options.some((o) => String(o.id) === composerState.channelId)
      ? composerState.channelId
      : options[0]
        ? String(options[0].id)
        : null
  const caps = capabilitiesOf(channelsQuery.data, channelId)
  const chosen = options.find((o) => String(o.id) === channelId)

  const isMine = useCallback(
    (m: Message) => myId != null && m.author.type === 'user' && String(m.author.id) === String(myId),
    [myId],
  )
  const replyMessage = composerState.replyTo ? messages.find((m) => String(m.id) === composerState.replyTo) : undefined

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

  // Reply-to: allowed on channels that quote, for messages that went out (or came in).
  const replyAllowed = caps.reply_to
  const chosenLabel = chosen ? channelName(chosen) : ''
  const startReply = useCallback(
    (m: Message) => {
      const block = replyBlock(m, replyAllowed)
      if (block) {
        showToast(block === 'channel' ? t('reply.blocked.channel', { channel: chosenLabel }) : t(`reply.blocked.${block}`))
        return
      }
      setComposerState(draftKey, { replyTo: String(m.id) })
      composer.current?.focusEnd()
    },
    [replyAllowed, chosenLabel, draftKey, t],
  )
  const cancelReply = useCallback(() => setComposerState(draftKey, { replyTo: null }), [draftKey])

  // Scroll to a message (a quote's original, a link's, a search hit), loading older ones until it is there.
  const jump = useJumpToMessage(wid, cid, list)
  const revealMessage = useCallback((id: string) => void jump(id, { notFound: t('reply.originalMissing') }), [jump, t])
  const revealReply = useCallback(() => {
    if (composerState.replyTo) void jump(composerState.replyTo, { notFound: t('reply.originalMissing') })
  }, [composerState.replyTo, jump, t])
  useLinkedMessage(messagesQuery.isSuccess, jump)
  const jumpToHit = useCallback((id: string, words: string[]) => void jump(id, { words }), [jump])
  const clearMarks = useCallback(() => list.current?.clearMarks(), [])
  const closeSearch = useCallback(() => {
    list.current?.clearMarks()
    setPanel(null)
  }, [])
  useSearchShortcut(panel === 'search', () => setPanel('search'))

  // Dropping files anywhere on the conversation attaches them.
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
    if (!dragging) setDragging(true)
  }
  const onDragLeave = (e: DragEvent<HTMLElement>) => {
    const to = e.relatedTarget as Node | null
    if (!to || !e.currentTarget.contains(to)) setDragging(false)
  }
  const onDrop = (e: DragEvent<HTMLElement>) => {
    setDragging(false)
    const files = Array.from(e.dataTransfer?.files ?? [])
    if (!files.length) return
    e.preventDefault()
    composer.current?.addFiles(files)
  }

  const notFound =
    (conversation.error instanceof ApiError && conversation.error.status === 404) ||
    (messagesQuery.error instanceof ApiError && messagesQuery.error.status === 404)
  const contactName = conversation.data?.contact.name ?? null
  const units = [t('units.b'), t('units.kb'), t('units.mb'), t('units.gb')] as const

  return (
    <ConversationActionsContext.Provider value={actions}>
      <section
        className="conversation"
        data-testid="conversation"
        data-conversation-id={cid}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        {panel === 'search' && showBack ? null : (
          <ConversationHeader
            wid={wid}
            status={status}
            conversation={conversation.data}
            showBack={showBack}
            onOpenContact={() => setPanel('contact')}
            onOpenSearch={() => setPanel('search')}
          />
        )}
        {panel === 'search' && !notFound && (
          <ConversationSearch
            wid={wid}
            cid={cid}
            replacesHeader={showBack}
            onJump={jumpToHit}
            onClearMarks={clearMarks}
            onClose={closeSearch}
          />
        )}
        {showBack && <WsStatus />}
        {notFound ? (
          <div className="conversation__notice">{t('conversation.notFound')}</div>
        ) : (
          <>
            <MessageList
              ref={list}
              messages={messages}
              loading={messagesQuery.isPending}
              error={messagesQuery.isError && !messages.length ? messagesQuery.error : null}
              onReload={() => void messagesQuery.refetch()}
              hasOlder={messagesQuery.hasNextPage}
              loadingOlder={messagesQuery.isFetchingNextPage}
              onLoadOlder={() => void messagesQuery.fetchNextPage()}
              onRetry={retry}
              onReply={startReply}
              onReveal={revealMessage}
            />
            <TypingIndicator cid={cid} />
            <Composer
              key={cid}
              ref={composer}
              wid={wid}
              cid={cid}
              draftKey={draftKey}
              channels={options}
              channelId={channelId}
              onChannel={(id) => setComposerState(draftKey, { channelId: id })}
              caps={caps}
              reply={replyMessage ? { message: replyMessage, mine: isMine(replyMessage) } : null}
              contactName={contactName}
              onCancelReply={cancelReply}
              onRevealReply={revealReply}
              onSend={send}
            />
          </>
        )}
        {panel === 'contact' && conversation.data && (
          <ContactPanel
            wid={wid}
            cid={cid}
            contactId={String(conversation.data.contact.id)}
            onClose={() => setPanel(null)}
            onSearch={() => setPanel('search')}
          />
        )}
        {dragging && (
          <div className="drop-zone" data-testid="drop-zone">
            <div className="drop-zone__card">
              <IconPaperclip size={32} />
              <p className="drop-zone__title">{t('attach.drop')}</p>
              <p className="drop-zone__hint">
                {t('attach.limits', { count: MAX_FILES, size: formatFileSize(MAX_FILE_BYTES, i18n.language, units) })}
              </p>
            </div>
          </div>
        )}
      </section>
    </ConversationActionsContext.Provider>
  )
}

import { useTranslation } from 'react-i18next'
import type { Conversation, StatusFilter } from '../api/types'
import { useChannelName } from '../hooks/useChannelName'
import { paths } from '../lib/routes'
import { historyState, navigate } from '../lib/router'
import { Avatar } from './Avatar'
import { IconBack } from './Icons'

type Props = {
  wid: string
  status: StatusFilter
  conversation: Conversation | undefined
  showBack: boolean
}

export function ConversationHeader({ wid, status, conversation: c, showBack }: Props) {
  const { t } = useTranslation()
  const channelName = useChannelName()
  const name = c
    ? c.contact.name || c.contact.phone || c.contact.email || t('conversation.unknownContact')
    : ''
  const subtitle = [
    c?.last_channel ? channelName(c.last_channel) : null,
    c?.status === 'closed' ? t('conversation.statusClosed') : null,
    c?.status === 'snoozed' ? t('conversation.statusSnoozed') : null,
  ]
    .filter(Boolean)
    .join(' · ')

  const back = () => {
    // Came from the list: go back in history (keeps the list where it was).
    if (historyState<{ fromList: boolean }>().fromList) window.history.back()
    else navigate(paths.inbox(wid, status), { replace: true })
  }

  return (
    <header className="conv-header">
      {showBack && (
        <button
          type="button"
          className="icon-btn conv-header__back"
          data-testid="back-button"
          aria-label={t('conversation.back')}
          onClick={back}
        >
          <IconBack size={26} />
        </button>
      )}
      {c ? (
        <>
          <Avatar name={name} seed={String(c.contact.id)} size="sm" />
          <div className="conv-header__text">
            <h2 className="conv-header__name" data-testid="conversation-title">
              {name}
            </h2>
            {subtitle && <p className="conv-header__sub">{subtitle}</p>}
          </div>
        </>
      ) : (
        <div className="conv-header__text">
          <span className="skeleton skeleton--line" style={{ width: 140 }} />
        </div>
      )}
    </header>
  )
}

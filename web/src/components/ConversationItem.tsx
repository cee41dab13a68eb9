import { useTranslation } from 'react-i18next'
import type { Conversation, StatusFilter } from '../api/types'
import { formatFull, formatListTime } from '../lib/time'
import { paths } from '../lib/routes'
import { useTimeLabels } from '../hooks/useTimeLabels'
import { Avatar } from './Avatar'
import { Link } from './Link'
import { MessagePreview } from './MessagePreview'
import { UnreadBadge } from './UnreadBadge'

type Props = {
  wid: string
  status: StatusFilter
  conversation: Conversation
  selected: boolean
  now: Date
}

export function ConversationItem({ wid, status, conversation: c, selected, now }: Props) {
  const { t, i18n } = useTranslation()
  const labels = useTimeLabels()
  const name = c.contact.name || c.contact.phone || c.contact.email || t('conversation.unknownContact')
  const unread = c.unread_count ?? 0
  return (
    <li>
      <Link
        to={paths.conversation(wid, String(c.id), status)}
        state={{ fromList: true }}
        className={`conv-item ${selected ? 'conv-item--selected' : ''} ${unread ? 'conv-item--unread' : ''}`}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation-item"
        data-conversation-id={String(c.id)}
        data-unread={unread}
      >
        <Avatar name={name} seed={String(c.contact.id)} />
        <span className="conv-item__body">
          <span className="conv-item__top">
            <span className="conv-item__name">{name}</span>
            {c.last_message_at && (
              <time
                className="conv-item__time"
                dateTime={c.last_message_at}
                title={formatFull(c.last_message_at, i18n.language)}
              >
                {formatListTime(c.last_message_at, now, i18n.language, labels)}
              </time>
            )}
          </span>
          <span className="conv-item__bottom">
            <MessagePreview message={c.last_message} />
            <UnreadBadge count={unread} />
          </span>
        </span>
      </Link>
    </li>
  )
}

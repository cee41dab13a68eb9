import { useTranslation } from 'react-i18next'
import type { Conversation, StatusFilter } from '../api/types'
import { useSwipeActions } from '../hooks/useSwipeActions'
import { formatFull, formatListTime } from '../lib/time'
import { paths, type ListView } from '../lib/routes'
import { showToast } from '../lib/toast'
import { useTimeLabels } from '../hooks/useTimeLabels'
import { useActionDialogs } from './ActionDialogs'
import { IconReopen, IconResolve, IconSnooze, IconWake } from './ActionIcons'
import { Avatar } from './Avatar'
import { ConversationTags } from './ConversationTags'
import { Link } from './Link'
import { MessagePreview } from './MessagePreview'
import { snoozeBlockedReason } from './SnoozeDialog'
import { UnreadBadge } from './UnreadBadge'
import '../styles/actions.css'

type Props = {
  wid: string
  status: StatusFilter | ListView
  conversation: Conversation
  selected: boolean
  now: Date
}

/**
 * One row of the inbox. Touch: swipe left to close (reopen when closed), right to snooze
 * (unsnooze when snoozed), with the action's colour showing behind the row. Mouse: the same
 * two actions as small buttons on hover.
 */
export function ConversationItem({ wid, status, conversation: c, selected, now }: Props) {
  const { t, i18n } = useTranslation()
  const labels = useTimeLabels()
  const commands = useActionDialogs(wid, c, { toasts: true })
  const name = c.contact.name || c.contact.phone || c.contact.email || t('conversation.unknownContact')
  const unread = c.unread_count ?? 0

  const closed = c.status === 'closed'
  const snoozed = c.status === 'snoozed'
  const snoozeReason = snoozeBlockedReason(c)
  // Left: close / reopen. Right: snooze / unsnooze (a blocked contact's: only says why not).
  const closeAction = closed ? commands.reopen : () => commands.close({ direct: true })
  const snoozeAction = snoozed
    ? commands.unsnooze
    : snoozeReason
      ? () => showToast(t(`actions.snoozeDialog.${snoozeReason}`))
      : commands.snooze
  const swipe = useSwipeActions({ left: closeAction, right: snoozeAction })

  const closeLabel = closed ? t('actions.swipe.reopen') : t('actions.swipe.close')
  const snoozeLabel = snoozed ? t('actions.swipe.unsnooze') : snoozeReason ? t('actions.swipe.cannotSnooze') : t('actions.swipe.snooze')

  return (
    <>
      <li ref={swipe.rowRef} className="conv-row" data-testid="conversation-row" {...swipe.handlers}>
        <div className="conv-row__bg" aria-hidden="true">
          <span
            className={`conv-row__act conv-row__act--right ${snoozed ? 'conv-row__act--wake' : snoozeReason ? 'conv-row__act--off' : 'conv-row__act--snooze'}`}
          >
            {snoozed ? <IconWake size={22} /> : <IconSnooze size={22} />}
            <span className="conv-row__act-label">{snoozeLabel}</span>
          </span>
          <span className={`conv-row__act conv-row__act--left ${closed ? 'conv-row__act--reopen' : 'conv-row__act--close'}`}>
            {closed ? <IconReopen size={22} /> : <IconResolve size={22} />}
            <span className="conv-row__act-label">{closeLabel}</span>
          </span>
        </div>
        <Link
          to={paths.conversation(wid, String(c.id), status)}
          state={{ fromList: true }}
          className={`conv-item ${selected ? 'conv-item--selected' : ''} ${unread ? 'conv-item--unread' : ''}`}
          aria-current={selected ? 'page' : undefined}
          data-testid="conversation-item"
          data-conversation-id={String(c.id)}
          data-status={c.status}
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
            <ConversationTags tags={c.contact.tags} />
          </span>
        </Link>
        <div className="conv-row__hover">
          {!closed && (
            <button
              type="button"
              className="conv-row__hover-btn"
              data-testid={snoozed ? 'row-unsnooze' : 'row-snooze'}
              title={snoozed ? t('actions.unsnooze') : snoozeReason ? t(`actions.snoozeDialog.${snoozeReason}`) : t('actions.snooze')}
              aria-label={snoozed ? t('actions.unsnooze') : t('actions.snooze')}
              aria-disabled={!snoozed && snoozeReason ? true : undefined}
              onClick={snoozeAction}
            >
              {snoozed ? <IconWake size={18} /> : <IconSnooze size={18} />}
            </button>
          )}
          <button
            type="button"
            className="conv-row__hover-btn"
            data-testid={closed ? 'row-reopen' : 'row-close'}
            title={closed ? t('actions.reopen') : t('actions.close')}
            aria-label={closed ? t('actions.reopen') : t('actions.close')}
            onClick={closed ? commands.reopen : closeAction}
          >
            {closed ? <IconReopen size={18} /> : <IconResolve size={18} />}
          </button>
        </div>
      </li>
      {/* Outside the row: events in a dialog must not reach the row's swipe handlers. */}
      {commands.dialog}
    </>
  )
}

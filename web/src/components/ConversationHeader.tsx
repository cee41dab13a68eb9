import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMembers, useTeams } from '../api/queries'
import { sameId, type Conversation, type StatusFilter } from '../api/types'
import { useChannelName } from '../hooks/useChannelName'
import { paths, type ListView } from '../lib/routes'
import { historyState, navigate } from '../lib/router'
import { useActionDialogs } from './ActionDialogs'
import { IconMore, IconPerson, IconPersonNone, IconReopen, IconResolve, IconSnooze, IconTeam, IconWake } from './ActionIcons'
import { Avatar } from './Avatar'
import { ConversationMenu } from './ConversationMenu'
import { IconBack } from './Icons'
import { BlockedBar, SnoozeBar } from './SnoozeBar'
import { snoozeBlockedReason } from './SnoozeDialog'
import '../styles/actions.css'

type Props = {
  wid: string
  status: StatusFilter | ListView
  conversation: Conversation | undefined
  showBack: boolean
  /** The contact's details (the name or avatar tapped, or the menu's "Contact details"). */
  onOpenContact?: () => void
  /** Search within this conversation (from the menu). */
  onOpenSearch?: () => void
}

const nothing = () => {}

/**
 * The open conversation's header: back, the contact (tap for details), who it is assigned to,
 * Snooze/Unsnooze, Close/Reopen and the three-dot menu; under it, a bar while it is snoozed,
 * after it woke up from a snooze, or while the contact is blocked.
 */
export function ConversationHeader({ wid, status, conversation: c, showBack, onOpenContact = nothing, onOpenSearch = nothing }: Props) {
  const { t } = useTranslation()
  const channelName = useChannelName()
  // The header shows the change itself: no toasts for direct actions.
  const commands = useActionDialogs(wid, c, { toasts: false })
  const [menuOpen, setMenuOpen] = useState(false)
  const moreButton = useRef<HTMLButtonElement>(null)
  const snoozeReason = c ? snoozeBlockedReason(c) : null
  const name = c ? c.contact.name || c.contact.phone || c.contact.email || t('conversation.unknownContact') : ''
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
    <>
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
            <button type="button" className="conv-header__avatar" onClick={onOpenContact} tabIndex={-1} aria-hidden="true">
              <Avatar name={name} seed={String(c.contact.id)} size="sm" />
            </button>
            <div className="conv-header__text">
              <h2 className="conv-header__name">
                <button
                  type="button"
                  className="conv-header__contact"
                  data-testid="conversation-title"
                  title={t('actions.contactDetails')}
                  onClick={onOpenContact}
                >
                  {name}
                </button>
              </h2>
              {(subtitle || c.blocked) && (
                <p className="conv-header__sub">
                  {c.blocked && (
                    <span className="conv-header__blocked" data-testid="blocked-chip">
                      {t('actions.blockedChip')}
                    </span>
                  )}
                  {subtitle}
                </p>
              )}
            </div>
            <div className="conv-actions" data-testid="conversation-actions" data-status={c.status} data-blocked={c.blocked ? 'true' : 'false'}>
              <AssigneeButton wid={wid} conversation={c} onClick={commands.assign} />
              {c.status === 'snoozed' ? (
                <button type="button" className="conv-action" data-testid="header-unsnooze" title={t('actions.unsnooze')} onClick={commands.unsnooze}>
                  <IconWake size={22} />
                  <span className="conv-action__label">{t('actions.unsnooze')}</span>
                </button>
              ) : c.status === 'open' ? (
                <button
                  type="button"
                  className="conv-action"
                  data-testid="header-snooze"
                  // Blocked: still opens the dialog, which says why it can't be snoozed.
                  aria-disabled={snoozeReason ? true : undefined}
                  title={snoozeReason ? t(`actions.snoozeDialog.${snoozeReason}`) : t('actions.snooze')}
                  onClick={commands.snooze}
                >
                  <IconSnooze size={22} />
                  <span className="conv-action__label">{t('actions.snooze')}</span>
                </button>
              ) : null}
              {c.status === 'closed' ? (
                <button type="button" className="conv-action" data-testid="header-reopen" title={t('actions.reopen')} onClick={commands.reopen}>
                  <IconReopen size={22} />
                  <span className="conv-action__label">{t('actions.reopen')}</span>
                </button>
              ) : (
                <button
                  type="button"
                  className="conv-action conv-action--close"
                  data-testid="header-close"
                  title={t('actions.close')}
                  onClick={() => commands.close()}
                >
                  <IconResolve size={22} />
                  <span className="conv-action__label">{t('actions.close')}</span>
                </button>
              )}
              <button
                ref={moreButton}
                type="button"
                className="icon-btn"
                data-testid="header-more"
                aria-label={t('actions.more')}
                aria-haspopup="menu"
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen((v) => !v)}
              >
                <IconMore size={22} />
              </button>
            </div>
          </>
        ) : (
          <div className="conv-header__text">
            <span className="skeleton skeleton--line" style={{ width: 140 }} />
          </div>
        )}
      </header>
      {c?.blocked ? <BlockedBar onUnblock={commands.block} /> : c ? <SnoozeBar conversation={c} onUnsnooze={commands.unsnooze} /> : null}
      {c && (
        <ConversationMenu
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          anchor={moreButton}
          conversation={c}
          commands={commands}
          onOpenContact={onOpenContact}
          onOpenSearch={onOpenSearch}
        />
      )}
      {commands.dialog}
    </>
  )
}

/** Who the conversation is assigned to, as a small button that opens Assign. */
function AssigneeButton({ wid, conversation: c, onClick }: { wid: string; conversation: Conversation; onClick: () => void }) {
  const { t } = useTranslation()
  const members = useMembers(wid)
  const teams = useTeams(wid)
  const person = c.assignee_id != null ? members.data?.find((m) => sameId(m.user_id, c.assignee_id)) : undefined
  const team = c.team_id != null ? teams.data?.find((x) => sameId(x.id, c.team_id)) : undefined
  // (Assigned to someone not loaded yet: a plain person until the members are known.)
  const label = person?.name ?? (team ? t('actions.assignee.team', { name: team.name }) : c.assignee_id != null ? '…' : null)
  return (
    <button
      type="button"
      className={`assignee-btn ${label ? '' : 'assignee-btn--none'}`}
      data-testid="header-assignee"
      data-assignee-id={c.assignee_id != null ? String(c.assignee_id) : ''}
      aria-label={label ? t('actions.assignee.label', { name: label }) : t('actions.assignee.noneLabel')}
      title={label ? t('actions.assignee.label', { name: label }) : t('actions.assignee.noneLabel')}
      onClick={onClick}
    >
      {person ? (
        <Avatar name={person.name} seed={String(person.user_id)} size="sm" />
      ) : c.assignee_id != null ? (
        <span className="assignee-btn__icon">
          <IconPerson size={18} />
        </span>
      ) : team ? (
        <span className="assignee-btn__icon">
          <IconTeam size={18} />
        </span>
      ) : (
        <span className="assignee-btn__icon">
          <IconPersonNone size={18} />
        </span>
      )}
      <span className="assignee-btn__name">{label ?? t('actions.assignee.none')}</span>
    </button>
  )
}

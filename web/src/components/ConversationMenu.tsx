import type { ReactNode, RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '../api/types'
import type { ConversationCommands } from './ActionDialogs'
import {
  IconBan,
  IconContactCard,
  IconPerson,
  IconReopen,
  IconResolve,
  IconSearchSmall,
  IconSnooze,
  IconUnlock,
  IconWake,
} from './ActionIcons'
import { AdaptiveMenu } from './AdaptiveMenu'
import { snoozeBlockedReason } from './SnoozeDialog'
import '../styles/actions.css'

type Props = {
  open: boolean
  onClose: () => void
  /** The three-dot button (the dropdown hangs under it; focus returns to it). */
  anchor: RefObject<HTMLElement | null>
  conversation: Conversation
  commands: ConversationCommands
  onOpenContact: () => void
  onOpenSearch: () => void
}

/**
 * The conversation's three-dot menu: a bottom sheet on a phone, a dropdown on a desktop.
 * Close/Reopen, Snooze/Unsnooze, Assign, Contact details, Search, Block/Unblock.
 */
export function ConversationMenu({ open, onClose, anchor, conversation: c, commands, onOpenContact, onOpenSearch }: Props) {
  const { t } = useTranslation()
  const snoozeReason = snoozeBlockedReason(c)
  const closed = c.status === 'closed'
  const snoozed = c.status === 'snoozed'

  // Each item closes the menu first: a dialog it opens then owns the focus.
  const item = (id: string, icon: ReactNode, label: string, run: () => void, options: { reason?: string; danger?: boolean } = {}) => (
    <button
      type="button"
      role="menuitem"
      className={`conv-menu__item ${options.danger ? 'conv-menu__item--danger' : ''}`}
      data-testid={`menu-${id}`}
      aria-disabled={options.reason ? true : undefined}
      onClick={() => {
        if (options.reason) return
        onClose()
        run()
      }}
    >
      <span className="conv-menu__icon">{icon}</span>
      <span className="conv-menu__text">
        <span>{label}</span>
        {options.reason && <span className="conv-menu__reason">{options.reason}</span>}
      </span>
    </button>
  )

  return (
    <AdaptiveMenu open={open} onClose={onClose} anchor={anchor} title={t('actions.menuTitle')} align="end" testId="conversation-menu">
      {closed
        ? item('reopen', <IconReopen size={20} />, t('actions.reopen'), commands.reopen)
        : item('close', <IconResolve size={20} />, t('actions.close'), () => commands.close())}
      {snoozed
        ? item('unsnooze', <IconWake size={20} />, t('actions.unsnooze'), commands.unsnooze)
        : item('snooze', <IconSnooze size={20} />, t('actions.snooze'), commands.snooze, {
            reason: snoozeReason ? t(`actions.snoozeDialog.${snoozeReason}`) : undefined,
          })}
      {item('assign', <IconPerson size={20} />, t('actions.assign'), commands.assign)}
      <div className="conv-menu__sep" role="separator" />
      {item('contact', <IconContactCard size={20} />, t('actions.contactDetails'), onOpenContact)}
      {item('search', <IconSearchSmall size={20} />, t('actions.search'), onOpenSearch)}
      <div className="conv-menu__sep" role="separator" />
      {c.blocked
        ? item('unblock', <IconUnlock size={20} />, t('actions.unblock'), commands.block)
        : item('block', <IconBan size={20} />, t('actions.block'), commands.block, { danger: true })}
    </AdaptiveMenu>
  )
}

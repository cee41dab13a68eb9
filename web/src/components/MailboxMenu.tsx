import { useRef, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import type { Mailbox, MailboxKind, Mailboxes } from '../api/types'
import { groupMailboxes } from '../lib/inboxView'
import { AdaptiveMenu } from './AdaptiveMenu'
import { Count } from './Count'
import {
  IconBlock,
  IconChevron,
  IconFilter,
  IconInbox,
  IconPencil,
  IconPlusSmall,
  IconUser,
  IconUserNone,
  IconUsers,
} from './InboxIcons'
import '../styles/inbox.css'

export type MailboxMenuProps = {
  /** The server's menu (undefined while it loads). */
  mailboxes: Mailboxes | undefined
  /** Loading the menu failed (it says so, instead of "Loading…"). */
  failed?: boolean
  /** The id of the mailbox the list shows: all, mine, unassigned, team:<id>, custom:<id>, blocked. */
  current: string
  onSelect: (mailboxId: string) => void
  /** Shows "New inbox" in the custom inboxes section (the custom inbox editor opens it). */
  onCreateCustomInbox?: () => void
  /** Shows a pencil on the custom inboxes this user created; gets the inbox id (no "custom:"). */
  onEditCustomInbox?: (inboxId: string) => void
}

const ICONS: Record<MailboxKind, ComponentType<{ size?: number }>> = {
  all: IconInbox,
  mine: IconUser,
  unassigned: IconUserNone,
  team: IconUsers,
  custom: IconFilter,
  blocked: IconBlock,
}

const SYSTEM = new Set<string>(['all', 'mine', 'unassigned', 'blocked'])

/** A mailbox's name in the user's language (the server names the standard ones in English). */
export function useMailboxName() {
  const { t } = useTranslation()
  return (box: Pick<Mailbox, 'kind' | 'name'>) =>
    box.kind === 'team' || box.kind === 'custom' ? box.name : t(`inboxList.mailbox.${box.kind}`)
}

/**
 * The mailbox picker at the top left of the list: the open mailbox's name and open count;
 * it opens the menu of every mailbox (standard, teams, custom inboxes, blocked contacts).
 */
export function MailboxMenu({ mailboxes, failed, current, onSelect, onCreateCustomInbox, onEditCustomInbox }: MailboxMenuProps) {
  const { t } = useTranslation()
  const nameOf = useMailboxName()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const currentBox = mailboxes?.mailboxes.find((b) => b.id === current)
  const currentName = currentBox
    ? nameOf(currentBox)
    : SYSTEM.has(current)
      ? t(`inboxList.mailbox.${current as 'all'}`)
      : '…'
  const Icon = currentBox ? ICONS[currentBox.kind] : IconInbox
  const groups = mailboxes
    ? groupMailboxes(mailboxes.mailboxes, { hasBlockedContacts: mailboxes.has_blocked_contacts, current })
    : null
  const close = () => setOpen(false)
  const pick = (id: string) => {
    close()
    onSelect(id)
  }

  const row = (box: Mailbox, editable = false) => {
    const RowIcon = ICONS[box.kind]
    const selected = box.id === current
    const name = nameOf(box)
    const inboxId = box.id.slice('custom:'.length)
    return (
      <div key={box.id} className={`mbx-row ${selected ? 'mbx-row--selected' : ''}`}>
        <button
          type="button"
          role="menuitemradio"
          aria-checked={selected}
          className="mbx-item"
          onClick={() => pick(box.id)}
          data-testid="mailbox-option"
          data-mailbox-id={box.id}
          data-open={box.counts.open}
          data-unread={box.unread}
        >
          <RowIcon size={20} />
          <span className="mbx-item__name">{name}</span>
          {box.unread > 0 && (
            <span className="mbx-item__unread" title={t('inboxList.mailbox.unread', { count: box.unread })}>
              <span className="inbox-sr">{t('inboxList.mailbox.unread', { count: box.unread })}</span>
              <span aria-hidden="true">{box.unread > 99 ? '99+' : box.unread}</span>
            </span>
          )}
          <span className="mbx-item__count" title={t('inboxList.mailbox.openCount', { count: box.counts.open })}>
            <span className="inbox-sr">{t('inboxList.mailbox.openCount', { count: box.counts.open })}</span>
            <span aria-hidden="true">
              <Count value={box.counts.open} />
            </span>
          </span>
        </button>
        {editable && onEditCustomInbox && (
          <button
            type="button"
            className="icon-btn mbx-row__edit"
            aria-label={t('inboxList.mailbox.editInbox', { name })}
            title={t('inboxList.mailbox.editInbox', { name })}
            onClick={() => {
              close()
              onEditCustomInbox(inboxId)
            }}
            data-testid="mailbox-edit"
          >
            <IconPencil size={18} />
          </button>
        )}
      </div>
    )
  }

  const hasCustom = groups && (groups.customMine.length > 0 || groups.customOthers.length > 0)
  return (
    <>
      <button
        ref={button}
        type="button"
        className="mbx-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('inboxList.mailbox.button', { name: currentName, count: currentBox?.counts.open ?? 0 })}
        onClick={() => setOpen((o) => !o)}
        data-testid="mailbox-button"
        data-mailbox-id={current}
      >
        <Icon size={20} />
        <span className="mbx-button__name" data-testid="mailbox-name">
          {currentName}
        </span>
        {currentBox && <Count value={currentBox.counts.open} className="mbx-button__count" />}
        <IconChevron size={18} className="mbx-button__chevron" />
      </button>
      <AdaptiveMenu
        open={open}
        onClose={close}
        anchor={button}
        title={t('inboxList.mailbox.menuTitle')}
        testId="mailbox-menu"
      >
        {!groups && (
          <p className="mbx-menu__note muted" role="status">
            {failed ? t('inboxList.mailbox.loadError') : t('common.loading')}
          </p>
        )}
        {groups && (
          <>
            <div role="group" className="mbx-group">
              {groups.standard.map((box) => row(box))}
            </div>
            {groups.teams.length > 0 && (
              <div role="group" aria-label={t('inboxList.mailbox.teams')} className="mbx-group" data-testid="mailbox-group-teams">
                <div className="mbx-group__title" aria-hidden="true">
                  {t('inboxList.mailbox.teams')}
                </div>
                {groups.teams.map((box) => row(box))}
              </div>
            )}
            {(hasCustom || onCreateCustomInbox) && (
              <div role="group" aria-label={t('inboxList.mailbox.custom')} className="mbx-group" data-testid="mailbox-group-custom">
                <div className="mbx-group__title">
                  <span aria-hidden="true">{t('inboxList.mailbox.custom')}</span>
                  {onCreateCustomInbox && (
                    <button
                      type="button"
                      role="menuitem"
                      className="mbx-group__action"
                      onClick={() => {
                        close()
                        onCreateCustomInbox()
                      }}
                      data-testid="mailbox-create"
                    >
                      <IconPlusSmall size={16} />
                      {t('inboxList.mailbox.newInbox')}
                    </button>
                  )}
                </div>
                {!hasCustom && <p className="mbx-menu__note muted">{t('inboxList.mailbox.noCustom')}</p>}
                {groups.customMine.length > 0 && (
                  <>
                    <div className="mbx-group__subtitle" aria-hidden="true">
                      {t('inboxList.mailbox.createdByMe')}
                    </div>
                    {groups.customMine.map((box) => row(box, true))}
                  </>
                )}
                {groups.customOthers.length > 0 && (
                  <>
                    <div className="mbx-group__subtitle" aria-hidden="true">
                      {t('inboxList.mailbox.createdByOthers')}
                    </div>
                    {groups.customOthers.map((box) => row(box))}
                  </>
                )}
              </div>
            )}
            {groups.blocked && (
              <div role="group" className="mbx-group" data-testid="mailbox-group-blocked">
                {row(groups.blocked)}
              </div>
            )}
          </>
        )}
      </AdaptiveMenu>
    </>
  )
}

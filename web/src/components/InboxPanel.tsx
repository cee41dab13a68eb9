import { useEffect, useRef } from 'react'
import { useMailboxes } from '../api/queries'
import type { Mailboxes } from '../api/types'
import { useInboxView, type InboxView } from '../hooks/useInboxView'
import { DEFAULT_MAILBOX } from '../lib/inboxView'
import { paths } from '../lib/routes'
import { ConversationList } from './ConversationList'
import { ListToolbar, useSearchBox } from './ListToolbar'
import type { MailboxMenuProps } from './MailboxMenu'
import { StatusTabs } from './StatusTabs'
import { UnansweredButton } from './UnansweredButton'
import '../styles/inbox.css'

type Props = {
  wid: string
  /** The open conversation (highlighted in the list). */
  selected: string | null
} & Pick<MailboxMenuProps, 'onCreateCustomInbox' | 'onEditCustomInbox'>

/**
 * The inbox list side: mailbox picker, search and sort; the tabs with their counts; the
 * conversations; the Unanswered filter floating over them.
 */
export function InboxPanel({ wid, selected, onCreateCustomInbox, onEditCustomInbox }: Props) {
  const view = useInboxView(wid)
  const mailboxes = useMailboxes(wid)
  useForgetMissingMailbox(view, mailboxes.data, mailboxes.dataUpdatedAt, () => void mailboxes.refetch())
  const search = useSearchBox(view)
  const { params } = view
  const current = mailboxes.data?.mailboxes.find((b) => b.id === params.mailbox)

  return (
    <div className="inbox-panel" data-testid="inbox-panel">
      <ListToolbar
        view={view}
        search={search}
        mailboxes={mailboxes.data}
        failed={mailboxes.isError && !mailboxes.data}
        onCreateCustomInbox={onCreateCustomInbox}
        onEditCustomInbox={onEditCustomInbox}
      />
      <StatusTabs
        wid={wid}
        status={params.status}
        mailbox={current}
        hrefFor={(status) =>
          selected
            ? paths.conversation(wid, selected, view.urlView({ status }))
            : paths.inbox(wid, view.urlView({ status }))
        }
      />
      <div className="inbox-panel__list">
        <ConversationList
          wid={wid}
          params={params}
          selected={selected}
          onClearSearch={() => {
            search.clear()
            search.setOpen(false)
          }}
          onShowAll={() => view.setUnanswered(false)}
        />
        <UnansweredButton active={params.unanswered} onChange={view.setUnanswered} />
      </div>
    </div>
  )
}

/**
 * A remembered or linked mailbox that is gone (team deleted, inbox no longer shared, blocked
 * contacts not allowed): back to All. Only once a fresh menu confirms it, as a custom inbox
 * made a moment ago may be newer than the menu held here.
 */
function useForgetMissingMailbox(view: InboxView, menu: Mailboxes | undefined, menuAt: number, refetch: () => void) {
  const missingSince = useRef<{ mailbox: string; at: number } | null>(null)
  const { mailbox } = view.params
  const missing = menu !== undefined && !menu.mailboxes.some((b) => b.id === mailbox)
  const setMailbox = useRef(view.setMailbox)
  setMailbox.current = view.setMailbox

  useEffect(() => {
    if (!missing) {
      missingSince.current = null
      return
    }
    const seen = missingSince.current
    if (!seen || seen.mailbox !== mailbox) {
      missingSince.current = { mailbox, at: Date.now() }
      refetch()
    } else if (menuAt > seen.at) {
      missingSince.current = null
      setMailbox.current(DEFAULT_MAILBOX)
    }
  }, [missing, mailbox, menuAt, refetch])
}

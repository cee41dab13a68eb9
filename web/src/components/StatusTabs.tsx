import { useTranslation } from 'react-i18next'
import type { Mailbox, StatusFilter } from '../api/types'
import { tabCount } from '../lib/inboxView'
import { paths, STATUS_FILTERS } from '../lib/routes'
import { Count } from './Count'
import { Link } from './Link'
import '../styles/inbox.css'

type Props = {
  wid: string
  status: StatusFilter
  /** The open mailbox, with its counts per tab (none while they load). */
  mailbox?: Mailbox
  /** Where a tab leads (keeping the mailbox, the sort and an open conversation). */
  hrefFor?: (status: StatusFilter) => string
}

/** All / Open / Closed / Snoozed, each with its count in the open mailbox. */
export function StatusTabs({ wid, status, mailbox, hrefFor }: Props) {
  const { t } = useTranslation()
  return (
    <nav className="tabs inbox-tabs" role="tablist" aria-label={t('inbox.title')} data-testid="status-tabs">
      {STATUS_FILTERS.map((s) => {
        const label = t(`inbox.tabs.${s}`)
        const count = mailbox ? tabCount(mailbox, s) : null
        return (
          <Link
            key={s}
            to={hrefFor ? hrefFor(s) : paths.inbox(wid, s)}
            replace
            role="tab"
            aria-selected={s === status}
            aria-label={count === null ? label : t('inboxList.tabCount', { label, count })}
            className={`tabs__tab inbox-tabs__tab ${s === status ? 'tabs__tab--active' : ''}`}
            data-testid={`status-tab-${s}`}
            data-count={count ?? undefined}
          >
            <span className="inbox-tabs__label">{label}</span>
            {count !== null && <Count value={count} className="inbox-tabs__count" />}
          </Link>
        )
      })}
    </nav>
  )
}

import { useTranslation } from 'react-i18next'
import type { StatusFilter } from '../api/types'
import { paths, STATUS_FILTERS } from '../lib/routes'
import { Link } from './Link'

type Props = { wid: string; status: StatusFilter }

/** Open / Closed / All. */
export function StatusTabs({ wid, status }: Props) {
  const { t } = useTranslation()
  return (
    <nav className="tabs" role="tablist" aria-label={t('inbox.title')} data-testid="status-tabs">
      {STATUS_FILTERS.map((s) => (
        <Link
          key={s}
          to={paths.inbox(wid, s)}
          replace
          role="tab"
          aria-selected={s === status}
          className={`tabs__tab ${s === status ? 'tabs__tab--active' : ''}`}
          data-testid={`status-tab-${s}`}
        >
          {t(`inbox.tabs.${s}`)}
        </Link>
      ))}
    </nav>
  )
}

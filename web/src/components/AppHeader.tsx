import { useTranslation } from 'react-i18next'
import type { Workspace } from '../api/types'
import { paths, type SettingsPage } from '../lib/routes'
import { IconChannels, IconSettings } from './Icons'
import { AccountMenu } from './AccountMenu'
import { Link } from './Link'
import { NotificationsButton } from './NotificationsButton'
import { WorkspaceSwitcher } from './WorkspaceSwitcher'

type Props = {
  workspaces: readonly Workspace[]
  wid: string
  /** Owner or manager here: the workspace settings are theirs to change. */
  canManage: boolean
  /** Which settings screen is open, if any. */
  open: SettingsPage | null
}

/** The top bar of the inbox: workspace, channels and settings (owners, managers), language, log out. */
export function AppHeader({ workspaces, wid, canManage, open }: Props) {
  const { t } = useTranslation()
  const settingsOpen = open !== null && open !== 'channels'
  const channelsOpen = open === 'channels'
  return (
    <header className="topbar">
      <img className="topbar__logo" src="/icons/icon.svg" alt="omnibox" width={28} height={28} />
      <WorkspaceSwitcher workspaces={workspaces} current={wid} />
      <div className="topbar__actions">
        <NotificationsButton wid={wid} />
        {canManage && (
          <Link
            to={paths.channels(wid)}
            className={`icon-btn ${channelsOpen ? 'icon-btn--active' : ''}`}
            data-testid="channels-link"
            aria-label={t('header.channels')}
            title={t('header.channels')}
            aria-current={channelsOpen ? 'page' : undefined}
          >
            <IconChannels size={22} />
          </Link>
        )}
        {canManage && (
          <Link
            to={paths.settings(wid)}
            className={`icon-btn ${settingsOpen ? 'icon-btn--active' : ''}`}
            data-testid="preferences-link"
            aria-label={t('header.settings')}
            title={t('header.settings')}
            aria-current={settingsOpen ? 'page' : undefined}
          >
            <IconSettings size={22} />
          </Link>
        )}
        <AccountMenu />
      </div>
    </header>
  )
}

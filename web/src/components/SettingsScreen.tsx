import type { SettingsPage } from '../lib/routes'
import { ChannelsPage } from './ChannelsPage'
import { PreferencesPage } from './PreferencesPage'

type Props = { page: SettingsPage; wid: string; canManage: boolean; showBack: boolean }

/** One of the workspace's settings screens, by its route. */
export function SettingsScreen({ page, wid, canManage, showBack }: Props) {
  switch (page) {
    case 'preferences':
      return <PreferencesPage wid={wid} canManage={canManage} showBack={showBack} />
    case 'channels':
      return <ChannelsPage wid={wid} canManage={canManage} showBack={showBack} />
    default:
      // Screens still being built fall back to the preferences.
      return <PreferencesPage wid={wid} canManage={canManage} showBack={showBack} />
  }
}

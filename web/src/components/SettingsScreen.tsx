import { useTranslation } from 'react-i18next'
import { isSettingsIndex, type SettingsPage } from '../lib/routes'
import { useLocation } from '../lib/router'
import '../styles/settings.css'
import { ChannelsPage } from './ChannelsPage'
import { CustomFieldsPage } from './CustomFieldsPage'
import { PreferencesPage } from './PreferencesPage'
import { SettingsHeader } from './SettingsHeader'
import { SettingsNav } from './SettingsNav'
import { SnippetsPage } from './SnippetsPage'
import { TeamsPage } from './TeamsPage'

type Props = { page: SettingsPage; wid: string; canManage: boolean; showBack: boolean }

/**
 * The workspace's settings. Phone (`showBack`): `/settings` is the list of sections, each page
 * is a screen of its own. Desktop: the sections in a column beside the page.
 */
export function SettingsScreen({ page, wid, canManage, showBack }: Props) {
  const { pathname } = useLocation()
  const phone = showBack
  if (phone && canManage && isSettingsIndex(pathname)) return <SettingsIndex wid={wid} />
  const content = <SettingsPageView page={page} wid={wid} canManage={canManage} showBack={showBack} />
  if (phone || !canManage) return content
  return (
    <div className="settings-screen">
      <div className="settings-screen__layout">
        <SettingsNav wid={wid} current={page} variant="side" />
        <div className="settings-screen__page">{content}</div>
      </div>
    </div>
  )
}

function SettingsPageView({ page, wid, canManage, showBack }: Props) {
  switch (page) {
    case 'preferences':
      return <PreferencesPage wid={wid} canManage={canManage} showBack={showBack} />
    case 'channels':
      return <ChannelsPage wid={wid} canManage={canManage} showBack={showBack} />
    case 'teams':
      return <TeamsPage wid={wid} canManage={canManage} showBack={showBack} />
    case 'fields':
      return <CustomFieldsPage wid={wid} canManage={canManage} showBack={showBack} />
    case 'snippets':
      return <SnippetsPage wid={wid} canManage={canManage} showBack={showBack} />
  }
}

/** The phone's first settings screen: every section, with what it is for. */
function SettingsIndex({ wid }: { wid: string }) {
  const { t } = useTranslation()
  return (
    <section className="settings" data-testid="settings-index">
      <SettingsHeader wid={wid} title={t('settings.title')} showBack isIndex />
      <div className="settings__scroller">
        <SettingsNav wid={wid} current={null} variant="list" />
      </div>
    </section>
  )
}

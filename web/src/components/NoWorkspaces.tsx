import { useTranslation } from 'react-i18next'
import { LangSwitch } from './LangSwitch'
import { LogoutButton } from './LogoutButton'
import { Logo } from './Logo'

export function NoWorkspaces() {
  const { t } = useTranslation()
  return (
    <div className="fullscreen">
      <Logo />
      <p className="fullscreen__title">{t('inbox.noWorkspaces')}</p>
      <div className="row">
        <LangSwitch />
        <LogoutButton />
      </div>
    </div>
  )
}

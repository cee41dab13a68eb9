import { useTranslation } from 'react-i18next'
import { useLogout } from '../api/queries'
import { IconLogout } from './Icons'

export function LogoutButton() {
  const { t } = useTranslation()
  const logout = useLogout()
  return (
    <button
      type="button"
      className="icon-btn"
      data-testid="logout"
      aria-label={t('header.logout')}
      title={t('header.logout')}
      disabled={logout.isPending}
      onClick={() => logout.mutate()}
    >
      <IconLogout size={22} />
    </button>
  )
}

import { useTranslation } from 'react-i18next'
import { useLogout } from '../api/queries'
import { pendingStore } from '../lib/pendingStore'
import { paths } from '../lib/routes'
import { navigate } from '../lib/router'
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
      onClick={() =>
        logout.mutate(undefined, {
          onSettled: () => {
            pendingStore.reset()
            navigate(paths.login(), { replace: true })
          },
        })
      }
    >
      <IconLogout size={22} />
    </button>
  )
}

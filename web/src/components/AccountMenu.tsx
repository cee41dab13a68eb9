import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLogout, useSession } from '../api/queries'
import { setLanguage } from '../i18n'
import { isLanguage, LANGUAGES } from '../i18n/language'
import { AdaptiveMenu } from './AdaptiveMenu'
import { Avatar } from './Avatar'
import { IconLogout } from './Icons'
import '../styles/account.css'

/**
 * The signed-in user's menu: interface language and log out. One button instead of two keeps
 * the top bar's room for the workspace's name on a phone.
 */
export function AccountMenu() {
  const { t, i18n } = useTranslation()
  const user = useSession().data?.user
  const logout = useLogout()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'
  const name = user?.name || user?.email || ''
  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-btn account-btn"
        data-testid="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('account.menu', { name })}
        title={name}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={name} seed={String(user?.id ?? '')} size="sm" />
      </button>
      <AdaptiveMenu open={open} onClose={() => setOpen(false)} anchor={button} title={name} align="end" testId="account-menu">
        <p className="account-menu__section">{t('header.language')}</p>
        {LANGUAGES.map((lng) => (
          <button
            key={lng}
            type="button"
            role="menuitemradio"
            aria-checked={lng === current}
            className={`sort-item ${lng === current ? 'sort-item--selected' : ''}`}
            data-testid={`language-${lng}`}
            onClick={() => {
              setOpen(false)
              setLanguage(lng)
            }}
          >
            <span className="sort-item__label">{t(`account.languages.${lng}`)}</span>
          </button>
        ))}
        <button
          type="button"
          role="menuitem"
          className="sort-item account-menu__logout"
          data-testid="logout"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          <IconLogout size={20} />
          <span className="sort-item__label">{t('header.logout')}</span>
        </button>
      </AdaptiveMenu>
    </>
  )
}

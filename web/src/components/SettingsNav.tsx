import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { paths, SETTINGS_PAGES, type SettingsPage } from '../lib/routes'
import '../styles/settings.css'
import { IconChannels } from './Icons'
import { Link } from './Link'
import { IconChevronRight, IconFields, IconSliders, IconSnippet, IconUsers } from './ManageIcons'
import type { FromSettings } from './SettingsHeader'

const ICONS: Record<SettingsPage, ComponentType<{ size?: number }>> = {
  preferences: IconSliders,
  channels: IconChannels,
  teams: IconUsers,
  fields: IconFields,
  snippets: IconSnippet,
}

type Props = {
  wid: string
  /** The page on screen (none: the phone's list of sections). */
  current: SettingsPage | null
  /** `list`: the phone's list of sections, with what each is for; `side`: the desktop's column. */
  variant: 'list' | 'side'
}

/** Every settings page, one link each. */
export function SettingsNav({ wid, current, variant }: Props) {
  const { t } = useTranslation()
  const state: FromSettings | undefined = variant === 'list' ? { fromSettings: true } : undefined
  return (
    <nav className={`settings-nav settings-nav--${variant}`} aria-label={t('settings.nav.label')} data-testid="settings-nav">
      {variant === 'side' && <h2 className="settings-nav__heading">{t('settings.title')}</h2>}
      <ul className="settings-nav__list">
        {SETTINGS_PAGES.map((page) => {
          const Icon = ICONS[page]
          const active = current === page
          return (
            <li key={page}>
              <Link
                to={paths.settings(wid, page)}
                state={state}
                className={`settings-nav__item ${active ? 'settings-nav__item--active' : ''}`}
                data-testid={`settings-nav-${page}`}
                aria-current={active ? 'page' : undefined}
                title={t(`settings.nav.${page}`)}
              >
                <span className="settings-nav__icon">
                  <Icon size={20} />
                </span>
                <span className="settings-nav__text">
                  <span className="settings-nav__title">{t(`settings.nav.${page}`)}</span>
                  {variant === 'list' && <span className="settings-nav__hint">{t(`settings.nav.${page}Hint`)}</span>}
                </span>
                {variant === 'list' && <IconChevronRight size={20} className="settings-nav__chevron" />}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

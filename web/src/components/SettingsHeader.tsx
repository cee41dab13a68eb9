import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { paths } from '../lib/routes'
import { historyState, navigate } from '../lib/router'
import { IconBack } from './Icons'

type Props = {
  wid: string
  title: string
  /** Phone: a back button (to the list of sections, or from that list to the inbox). */
  showBack: boolean
  /** The list of sections itself: back goes to the inbox. */
  isIndex?: boolean
  /** Actions at the right end (an "Add" button). */
  children?: ReactNode
}

/** History state of a settings page opened from the list of sections (back = browser back). */
export type FromSettings = { fromSettings: boolean }

/** The header of a settings screen: back (phone), title, actions. */
export function SettingsHeader({ wid, title, showBack, isIndex = false, children }: Props) {
  const { t } = useTranslation()
  const back = () => {
    if (isIndex) navigate(paths.inbox(wid), { replace: true })
    // Opened from the list of sections: going back keeps the list where it was.
    else if (historyState<FromSettings>().fromSettings) window.history.back()
    else navigate(paths.settings(wid), { replace: true })
  }
  return (
    <header className="conv-header settings-header">
      {showBack && (
        <button
          type="button"
          className="icon-btn conv-header__back"
          data-testid="back-button"
          aria-label={isIndex ? t('settings.back') : t('settings.backToSettings')}
          title={isIndex ? t('settings.back') : t('settings.backToSettings')}
          onClick={back}
        >
          <IconBack size={26} />
        </button>
      )}
      <div className="conv-header__text">
        <h2 className="conv-header__name">{title}</h2>
      </div>
      {children && <div className="settings-header__actions">{children}</div>}
    </header>
  )
}

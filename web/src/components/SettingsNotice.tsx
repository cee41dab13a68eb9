import { useTranslation } from 'react-i18next'
import { useErrorText } from '../hooks/useErrorText'
import { Spinner } from './Spinner'

/** A settings screen whose data is still on its way. */
export function SettingsLoading() {
  const { t } = useTranslation()
  return (
    <div className="settings__notice">
      <Spinner label={t('common.loading')} />
    </div>
  )
}

type ErrorProps = { title: string; error: unknown; onRetry: () => void }

/** A settings screen whose data could not be loaded: what failed, why, and a retry. */
export function SettingsLoadError({ title, error, onRetry }: ErrorProps) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (
    <div className="settings__notice">
      <p>{title}</p>
      <p className="muted">{errorText(error)}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}

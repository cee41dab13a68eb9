import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { dismissToast, getToasts, subscribeToasts } from '../lib/toast'
import { IconClose } from './Icons'

/** Toasts at the bottom of the screen, above the composer. */
export function Toaster() {
  const { t } = useTranslation()
  const toasts = useSyncExternalStore(subscribeToasts, getToasts)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-testid="toast"
        >
          <span className="toast__text">{toast.text}</span>
          <button type="button" className="toast__close" aria-label={t('common.close')} onClick={() => dismissToast(toast.id)}>
            <IconClose size={16} />
          </button>
        </div>
      ))}
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { useSocketState } from '../hooks/useRealtime'

/** A small banner while the realtime connection is down ("Reconnecting…"). */
export function WsStatus() {
  const { t } = useTranslation()
  const state = useSocketState()
  const text = state === 'connecting' ? t('ws.connecting') : state === 'reconnecting' ? t('ws.reconnecting') : ''
  return (
    <div
      className={`ws-status ws-status--${state}`}
      data-testid="ws-status"
      data-state={state}
      role="status"
      aria-live="polite"
      hidden={state === 'open'}
    >
      <span className="ws-status__dot" />
      {text}
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import type { MessageStatus } from '../api/types'
import { IconAlert, IconCheck, IconClock, IconDoubleCheck } from './Icons'

/** queued 🕓, sent ✓, delivered ✓✓, read ✓✓ (coloured), failed ! */
export function DeliveryStatus({ status, decorative = false }: { status: MessageStatus; decorative?: boolean }) {
  const { t } = useTranslation()
  const label = t(`message.status.${status}`)
  let icon = null
  switch (status) {
    case 'queued':
      icon = <IconClock size={14} />
      break
    case 'sent':
      icon = <IconCheck size={16} />
      break
    case 'delivered':
    case 'read':
      icon = <IconDoubleCheck size={18} />
      break
    case 'failed':
      icon = <IconAlert size={15} />
      break
    default:
      return null
  }
  return (
    <span
      className={`delivery delivery--${status}`}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      title={decorative ? undefined : label}
      data-testid={decorative ? undefined : 'delivery-status'}
    >
      {icon}
    </span>
  )
}

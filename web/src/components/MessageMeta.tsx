import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { formatClock, formatFull } from '../lib/time'
import { DeliveryStatus } from './DeliveryStatus'

/** Time (and for outgoing messages the delivery state) at the foot of a bubble. */
export function MessageMeta({ message, showStatus }: { message: Message; showStatus: boolean }) {
  const { i18n } = useTranslation()
  const d = new Date(message.created_at)
  return (
    <span className="meta">
      <time className="meta__time" dateTime={message.created_at} title={formatFull(message.created_at, i18n.language)}>
        {Number.isNaN(d.getTime()) ? '' : formatClock(d, i18n.language)}
      </time>
      {showStatus && <DeliveryStatus status={message.status} />}
    </span>
  )
}

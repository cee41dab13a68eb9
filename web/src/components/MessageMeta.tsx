import { useTranslation } from 'react-i18next'
import type { Message } from '../api/types'
import { formatClock, formatFull } from '../lib/time'
import { DeliveryStatus } from './DeliveryStatus'

type Props = {
  message: Message
  showStatus: boolean
  /**
   * overlay: pinned to the bubble's bottom-right corner; spacer: an invisible copy at the end
   * of the text that reserves the room (so short texts and the time share one line);
   * block: on its own line; inline: right after the text (system notes).
   */
  variant: 'overlay' | 'spacer' | 'block' | 'inline'
}

/** Time (and for outgoing messages the delivery state) at the foot of a bubble. */
export function MessageMeta({ message, showStatus, variant }: Props) {
  const { i18n } = useTranslation()
  const d = new Date(message.created_at)
  const spacer = variant === 'spacer'
  return (
    <span className={`meta meta--${variant}`} aria-hidden={spacer || undefined}>
      <time
        className="meta__time"
        dateTime={spacer ? undefined : message.created_at}
        title={spacer ? undefined : formatFull(message.created_at, i18n.language)}
      >
        {Number.isNaN(d.getTime()) ? '' : formatClock(d, i18n.language)}
      </time>
      {showStatus && <DeliveryStatus status={message.status} decorative={spacer} />}
    </span>
  )
}

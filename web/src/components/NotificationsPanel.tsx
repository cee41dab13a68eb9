import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useMarkNotificationsRead, useNotifications } from '../api/queries'
import type { AppNotification } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { useNotificationLabels } from '../hooks/useNotificationLabels'
import { useNow } from '../hooks/useNow'
import { useTimeLabels } from '../hooks/useTimeLabels'
import { describeNotification, notificationTarget } from '../lib/notifications'
import { navigate } from '../lib/router'
import { formatFull, formatListTime } from '../lib/time'
import { showToast } from '../lib/toast'
import { IconAtSign, IconBack, IconBell, IconClock, IconDoubleCheck, IconUserPlus } from './Icons'
import { Spinner } from './Spinner'

type Props = {
  wid: string
  /** The bell: a desktop dropdown hangs under it. */
  anchor: HTMLElement | null
  onClose: () => void
}

const PANEL_WIDTH = 400
const MARGIN = 8

/** Where the desktop dropdown goes: under the bell, kept inside the window. */
function dropdownStyle(anchor: HTMLElement | null): CSSProperties {
  if (!anchor) return { top: 64, left: MARGIN }
  const r = anchor.getBoundingClientRect()
  const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * MARGIN)
  const left = Math.max(MARGIN, Math.min(r.right - width, window.innerWidth - width - MARGIN))
  const top = r.bottom + 6
  return { top, left, width, maxHeight: `calc(100dvh - ${top + 16}px)` }
}

/** The list of notifications: tap one to read it and open its conversation; mark all read. */
export function NotificationsPanel({ wid, anchor, onClose }: Props) {
  const { t } = useTranslation()
  const desktop = useIsDesktop()
  const errorText = useErrorText()
  const list = useNotifications(wid)
  const markRead = useMarkNotificationsRead(wid)
  const panelRef = useRef<HTMLDivElement>(null)
  const [style, setStyle] = useState<CSSProperties>({})

  useLayoutEffect(() => {
    if (!desktop) return
    const place = () => setStyle(dropdownStyle(anchor))
    place()
    window.addEventListener('resize', place)
    return () => window.removeEventListener('resize', place)
  }, [anchor, desktop])

  useEffect(() => {
    panelRef.current?.focus({ preventScroll: true })
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [onClose])

  const open = (n: AppNotification) => {
    if (!n.read_at) markRead.mutate([n.id])
    const target = notificationTarget(wid, n)
    onClose()
    if (target) navigate(target)
    else showToast(t('notifications.gone'))
  }

  const panel = (
    <div
      ref={panelRef}
      className={desktop ? 'notif-panel notif-panel--dropdown' : 'notif-panel notif-panel--sheet'}
      style={desktop ? style : undefined}
      role="dialog"
      aria-modal={desktop ? undefined : true}
      aria-label={t('notifications.title')}
      data-testid="notifications-panel"
      tabIndex={-1}
      onClick={(e) => e.stopPropagation()}
    >
      <header className="notif-panel__head">
        {!desktop && (
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
            <IconBack size={22} />
          </button>
        )}
        <h2 className="notif-panel__title">{t('notifications.title')}</h2>
        <button
          type="button"
          className="btn btn--ghost notif-panel__all"
          data-testid="notifications-read-all"
          disabled={list.unread === 0}
          onClick={() => markRead.mutate('all')}
        >
          <IconDoubleCheck size={18} />
          {t('notifications.markAllRead')}
        </button>
      </header>
      <div className="notif-panel__body">
        {list.isPending && <Spinner label={t('common.loading')} />}
        {list.isError && !list.data && (
          <div className="notif-panel__notice">
            <p className="form-error">{t('notifications.loadError')}</p>
            <p className="muted">{errorText(list.error)}</p>
            <button type="button" className="btn" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {list.data && list.notifications.length === 0 && (
          <div className="notif-panel__empty">
            <span className="notif-panel__empty-icon">
              <IconBell size={28} />
            </span>
            <p className="notif-panel__empty-title">{t('notifications.empty')}</p>
            <p className="muted">{t('notifications.emptyHint')}</p>
          </div>
        )}
        {list.notifications.length > 0 && (
          <ul className="notif-list" data-testid="notifications-list">
            {list.notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={open} />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <div className="notif-panel__more">
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="notifications-more"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? t('common.loading') : t('notifications.loadMore')}
            </button>
          </div>
        )}
      </div>
    </div>
  )

  return createPortal(
    desktop ? (
      // A click anywhere outside closes the dropdown; nothing behind it reacts to that click.
      <div className="notif-backdrop" onClick={onClose}>
        {panel}
      </div>
    ) : (
      panel
    ),
    document.body,
  )
}

const KIND_ICONS: Record<string, typeof IconBell> = {
  assigned: IconUserPlus,
  snooze_ended: IconClock,
  mentioned: IconAtSign,
}

function NotificationItem({ notification: n, onOpen }: { notification: AppNotification; onOpen: (n: AppNotification) => void }) {
  const { t, i18n } = useTranslation()
  const labels = useNotificationLabels()
  const timeLabels = useTimeLabels()
  const now = useNow()
  const unread = !n.read_at
  const kind: string = n.kind
  const Icon = KIND_ICONS[kind] ?? IconBell
  return (
    <li>
      <button
        type="button"
        className={`notif-item notif-item--${kind} ${unread ? 'notif-item--unread' : ''}`}
        data-testid="notification"
        data-kind={kind}
        data-unread={unread}
        onClick={() => onOpen(n)}
      >
        <span className="notif-item__icon" aria-hidden="true">
          <Icon size={18} />
        </span>
        <span className="notif-item__body">
          <span className="notif-item__text">{describeNotification(n, labels)}</span>
          <span className="notif-item__meta">
            {kind === 'mentioned' && n.contact_name && <span className="notif-item__contact">{n.contact_name}</span>}
            <time dateTime={n.created_at} title={formatFull(n.created_at, i18n.language)}>
              {formatListTime(n.created_at, now, i18n.language, timeLabels)}
            </time>
          </span>
        </span>
        {unread && <span className="notif-item__dot" role="img" aria-label={t('notifications.unread')} />}
      </button>
    </li>
  )
}

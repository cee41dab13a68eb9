import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotifications } from '../api/queries'
import { useNotificationLabels } from '../hooks/useNotificationLabels'
import { describeNotification, onNotificationArrived } from '../lib/notifications'
import { dismissToast, getToasts, showToast } from '../lib/toast'
import { IconBell } from './Icons'
import { NotificationsPanel } from './NotificationsPanel'
import '../styles/notifications.css'

/** A toast quotes less of a mention than the list does. */
const TOAST_EXCERPT_LENGTH = 60

/**
 * The bell in the top bar: the live unread count, and the list of notifications (a dropdown on
 * a desktop, a full-screen sheet on a phone). New ones also show a short toast.
 */
export function NotificationsButton({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const labels = useNotificationLabels()
  const { unread } = useNotifications(wid)
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef(open)
  useEffect(() => {
    openRef.current = open
  }, [open])

  // Texts of the toasts this bell showed: opening the list clears them (it says the same).
  const toasted = useRef(new Set<string>())
  useEffect(
    () =>
      onNotificationArrived((n) => {
        // The open list shows it arriving; a toast on top would only repeat it.
        if (openRef.current) return
        const text = describeNotification(n, labels, TOAST_EXCERPT_LENGTH)
        toasted.current.add(text)
        showToast(text)
      }),
    [labels],
  )
  useEffect(() => {
    if (!open) return
    for (const toast of getToasts()) if (toasted.current.has(toast.text)) dismissToast(toast.id)
    toasted.current.clear()
  }, [open])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus({ preventScroll: true })
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`icon-btn notif-bell ${open ? 'icon-btn--active' : ''}`}
        data-testid="notifications-button"
        aria-label={unread ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
        title={t('notifications.title')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <IconBell size={22} />
        {unread > 0 && (
          <span className="notif-bell__count" data-testid="notifications-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && <NotificationsPanel wid={wid} anchor={buttonRef.current} onClose={close} />}
    </>
  )
}

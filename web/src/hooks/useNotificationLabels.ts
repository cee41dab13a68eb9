import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotificationLabels } from '../lib/notifications'

/** The translated texts notifications are told with (lib/notifications.ts builds the sentence). */
export function useNotificationLabels(): NotificationLabels {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      assigned: (actor: string, contact: string) => t('notifications.text.assigned', { actor, contact }),
      assignedToYou: (contact: string) => t('notifications.text.assignedToYou', { contact }),
      snoozeEnded: (contact: string) => t('notifications.text.snoozeEnded', { contact }),
      mentioned: (actor: string, excerpt: string) => t('notifications.text.mentioned', { actor, excerpt }),
      mentionedNoText: (actor: string, contact: string) => t('notifications.text.mentionedNoText', { actor, contact }),
      other: (contact: string) => t('notifications.text.other', { contact }),
      someone: t('notifications.someone'),
      unknownContact: t('conversation.unknownContact'),
    }),
    [t],
  )
}

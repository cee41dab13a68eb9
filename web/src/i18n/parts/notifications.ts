import type { Widen } from '../widen'

export const notificationsEn = {
  title: 'Notifications',
  button: 'Notifications',
  buttonUnread: 'Notifications: {{count}} unread',
  markAllRead: 'Mark all read',
  empty: 'No notifications yet',
  emptyHint: 'They appear here when a conversation is assigned to you, a snooze ends or someone mentions you in a note.',
  loadMore: 'Show older',
  loadError: 'Could not load notifications',
  unread: 'Unread',
  gone: 'This conversation is no longer available',
  someone: 'Someone',
  text: {
    assigned: '{{actor}} assigned you to {{contact}}',
    assignedToYou: 'You were assigned to {{contact}}',
    snoozeEnded: 'Snooze ended: {{contact}}',
    mentioned: '{{actor}} mentioned you: “{{excerpt}}”',
    mentionedNoText: '{{actor}} mentioned you in a note on {{contact}}',
    other: 'New notification: {{contact}}',
  },
} as const

export const notificationsRu: Widen<typeof notificationsEn> = {
  title: 'Уведомления',
  button: 'Уведомления',
  buttonUnread: 'Уведомления: непрочитанных {{count}}',
  markAllRead: 'Прочитать все',
  empty: 'Уведомлений пока нет',
  emptyHint: 'Они появятся здесь, когда вам назначат диалог, закончится откладывание или вас упомянут в заметке.',
  loadMore: 'Показать более ранние',
  loadError: 'Не удалось загрузить уведомления',
  unread: 'Не прочитано',
  gone: 'Этот диалог больше недоступен',
  someone: 'Кто-то',
  text: {
    assigned: '{{actor}} назначил(а) вам диалог: {{contact}}',
    assignedToYou: 'Вам назначен диалог: {{contact}}',
    snoozeEnded: 'Отложенный диалог вернулся: {{contact}}',
    mentioned: '{{actor}} упомянул(а) вас: «{{excerpt}}»',
    mentionedNoText: '{{actor}} упомянул(а) вас в заметке: {{contact}}',
    other: 'Новое уведомление: {{contact}}',
  },
}

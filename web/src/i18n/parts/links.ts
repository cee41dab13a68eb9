// Texts of "copy link to a message", opening such a link, and search within a conversation.
import type { Widen } from '../widen'

export const linksEn = {
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy the link: copy it from here',
  linkLabel: 'Link to the message',
  notFound: 'This message is not available: it was deleted, or you can’t see it',
  menuLabel: 'Message actions',
  search: {
    placeholder: 'Search messages',
    label: 'Search in this conversation',
    close: 'Close search',
    older: 'Older match',
    newer: 'Newer match',
    count: '{{index}} of {{total}}',
    searching: 'Searching…',
    none: 'No matches',
    failed: 'Search failed',
    voice: 'Voice message',
    hint: 'Enter: older match · Shift+Enter: newer',
  },
} as const

export const linksRu: Widen<typeof linksEn> = {
  copyLink: 'Копировать ссылку',
  copied: 'Ссылка скопирована',
  copyFailed: 'Не удалось скопировать ссылку: скопируйте её отсюда',
  linkLabel: 'Ссылка на сообщение',
  notFound: 'Сообщение недоступно: оно удалено или у вас нет к нему доступа',
  menuLabel: 'Действия с сообщением',
  search: {
    placeholder: 'Поиск сообщений',
    label: 'Поиск в этой переписке',
    close: 'Закрыть поиск',
    older: 'Предыдущее совпадение',
    newer: 'Следующее совпадение',
    count: '{{index}} из {{total}}',
    searching: 'Ищем…',
    none: 'Ничего не найдено',
    failed: 'Не удалось выполнить поиск',
    voice: 'Голосовое сообщение',
    hint: 'Enter — более раннее, Shift+Enter — более позднее',
  },
}

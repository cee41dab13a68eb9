// Texts of contact tags: the editor in the contact panel, the chips on list rows, the custom
// inbox filter.
import type { Widen } from '../widen'

export const tagsEn = {
  title: 'Tags',
  input: 'Add a tag',
  placeholder: 'Add a tag…',
  add: 'Add',
  remove: 'Remove tag {{tag}}',
  suggestions: 'Tags in use',
  contacts: 'Contacts with this tag: {{count}}',
  more: 'More tags: {{count}}',
  listLabel: 'Tags: {{tags}}',
  tooLong: 'A tag can be at most {{max}} characters long.',
  tooMany: 'A contact can have at most {{max}} tags.',
  saveError: 'Could not save the tags: {{error}}',
  saving: 'Saving tags…',
  hint: 'Enter or a comma adds a tag.',
  filter: 'Tags',
  filterHint: 'Conversations whose contact has any of these tags.',
  filterPlaceholder: 'Any tag',
} as const

export const tagsRu: Widen<typeof tagsEn> = {
  title: 'Теги',
  input: 'Добавить тег',
  placeholder: 'Добавить тег…',
  add: 'Добавить',
  remove: 'Убрать тег {{tag}}',
  suggestions: 'Используемые теги',
  contacts: 'Контактов с этим тегом: {{count}}',
  more: 'Ещё тегов: {{count}}',
  listLabel: 'Теги: {{tags}}',
  tooLong: 'Тег может быть не длиннее {{max}} символов.',
  tooMany: 'У контакта может быть не больше {{max}} тегов.',
  saveError: 'Не удалось сохранить теги: {{error}}',
  saving: 'Сохраняем теги…',
  hint: 'Enter или запятая добавляют тег.',
  filter: 'Теги',
  filterHint: 'Диалоги, у контакта которых есть хотя бы один из этих тегов.',
  filterPlaceholder: 'Любой тег',
}

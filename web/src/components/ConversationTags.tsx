import { useTranslation } from 'react-i18next'
import { chipsFor } from '../lib/tags'
import '../styles/tags.css'

/** A list row's tags: the first two as small chips, then "+N" (all of them in the tooltip). */
export function ConversationTags({ tags }: { tags: readonly string[] | null | undefined }) {
  const { t } = useTranslation()
  const { shown, more } = chipsFor(tags)
  if (!shown.length) return null
  const all = (tags ?? []).join(', ')
  return (
    <span className="conv-tags" data-testid="conversation-tags" role="list" aria-label={t('tags.listLabel', { tags: all })} title={all}>
      {shown.map((tag) => (
        <span key={tag} className="conv-tags__chip" role="listitem" data-testid="conversation-tag">
          {tag}
        </span>
      ))}
      {more > 0 && (
        <span className="conv-tags__more" role="listitem" data-testid="conversation-tags-more" aria-label={t('tags.more', { count: more })}>
          +{more}
        </span>
      )}
    </span>
  )
}

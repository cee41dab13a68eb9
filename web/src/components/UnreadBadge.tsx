import { useTranslation } from 'react-i18next'

export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation()
  if (!count) return null
  return (
    <span className="badge" data-testid="unread-badge" aria-label={t('inbox.unreadLabel', { count })}>
      {count > 999 ? '999+' : count}
    </span>
  )
}

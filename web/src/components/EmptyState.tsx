import { useTranslation } from 'react-i18next'
import { IconChat } from './Icons'

/** The right pane on desktop when no conversation is open. */
export function EmptyState() {
  const { t } = useTranslation()
  return (
    <div className="empty-state" data-testid="empty-state">
      <span className="empty-state__icon">
        <IconChat size={40} />
      </span>
      <h2 className="empty-state__title">{t('conversation.select')}</h2>
      <p className="empty-state__hint">{t('conversation.selectHint')}</p>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { IconArrowDown } from './Icons'

export function NewMessagesPill({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="new-pill" data-testid="new-messages-pill" onClick={onClick}>
      {t('conversation.newMessages')}
      <IconArrowDown size={16} />
    </button>
  )
}

import { useTranslation } from 'react-i18next'
import { IconAwaiting, IconX } from './InboxIcons'
import '../styles/inbox.css'

type Props = { active: boolean; onChange: (active: boolean) => void }

/**
 * The floating "Unanswered" filter over the list: only conversations whose last message is
 * the contact's. Pressed, it is highlighted and shows a cross that turns it off.
 */
export function UnansweredButton({ active, onChange }: Props) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className={`unanswered-fab ${active ? 'unanswered-fab--active' : ''}`}
      aria-pressed={active}
      title={active ? t('inboxList.unanswered.turnOff') : undefined}
      onClick={() => onChange(!active)}
      data-testid="unanswered-button"
    >
      <IconAwaiting size={20} />
      <span className="unanswered-fab__label">{t('inboxList.unanswered.label')}</span>
      {active && (
        <span className="unanswered-fab__off" data-testid="unanswered-off">
          <IconX size={16} />
        </span>
      )}
    </button>
  )
}

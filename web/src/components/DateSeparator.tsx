import { useTranslation } from 'react-i18next'
import { useNow } from '../hooks/useNow'
import { useTimeLabels } from '../hooks/useTimeLabels'
import { formatDayLabel } from '../lib/time'

export function DateSeparator({ date }: { date: Date }) {
  const { i18n } = useTranslation()
  const labels = useTimeLabels()
  const now = useNow(60_000)
  return (
    <div className="date-sep" role="separator" data-testid="date-separator">
      <span className="chip chip--static">{formatDayLabel(date, now, i18n.language, labels)}</span>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { compactCount } from '../lib/inboxView'

/** A count that stays short in a tab or a menu row: 999, 1.2k. */
export function Count({ value, className }: { value: number; className?: string }) {
  const { t, i18n } = useTranslation()
  const short = compactCount(value, i18n.language)
  return (
    <span className={className} data-testid="count">
      {short.thousands ? t('inboxList.thousands', { value: short.value }) : short.value}
    </span>
  )
}

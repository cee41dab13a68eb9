import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { RelativeLabels } from '../lib/time'

export function useTimeLabels(): RelativeLabels {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      now: t('time.now'),
      minutes: (n: number) => t('time.minutes', { n }),
      today: t('time.today'),
      yesterday: t('time.yesterday'),
    }),
    [t],
  )
}

import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'

/** A user-facing text for any error: the server's problem detail, or a generic one. */
export function useErrorText() {
  const { t } = useTranslation()
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        if (err.isNetwork) return t('common.networkError')
        return err.problem?.detail || err.problem?.title || t('common.error')
      }
      return t('common.error')
    },
    [t],
  )
}

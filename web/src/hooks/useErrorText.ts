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
        const text = err.problem?.detail || err.problem?.title || t('common.error')
        // A 422 says which fields were wrong: show what was wrong with them.
        const fields = (err.problem?.errors ?? []).map((e) => e.message).filter(Boolean)
        return fields.length ? `${text} ${fields.join('; ')}` : text
      }
      return t('common.error')
    },
    [t],
  )
}

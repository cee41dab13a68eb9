import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReplyLabels } from '../lib/replyPreview'

export function useReplyLabels(): ReplyLabels {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      you: t('reply.you'),
      author: (type) => t(`message.authors.${type}`),
      photo: t('reply.photo'),
      video: t('reply.video'),
      voice: t('preview.voice'),
      audio: t('reply.audio'),
      file: t('reply.file'),
      files: (count: number) => t('reply.files', { count }),
      unsupported: t('preview.unsupported'),
    }),
    [t],
  )
}

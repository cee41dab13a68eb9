import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelBrief } from '../api/types'
import { en } from '../i18n/en'

type KnownKind = keyof typeof en.channels
const isKnownKind = (kind: string): kind is KnownKind => kind in en.channels

/** "Telegram · Sales bot": the channel's kind (translated) and its name. */
export function useChannelName() {
  const { t } = useTranslation()
  return useCallback(
    (channel: ChannelBrief) => {
      const kind = String(channel.kind)
      const kindLabel = isKnownKind(kind) ? t(`channels.${kind}`) : kind
      if (!channel.name || channel.name === kindLabel) return kindLabel
      return `${kindLabel} · ${channel.name}`
    },
    [t],
  )
}

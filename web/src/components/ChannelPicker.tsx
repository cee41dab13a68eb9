import { useTranslation } from 'react-i18next'
import type { ChannelBrief } from '../api/types'
import { useChannelName } from '../hooks/useChannelName'
import { ChannelIcon } from './ChannelIcon'
import { IconChevronDown } from './Icons'

type Props = {
  channels: readonly ChannelBrief[]
  value: string | null
  onChange: (id: string) => void
  disabled?: boolean
}

/**
 * The channel the reply goes out on (the contact's last one by default), switchable to
 * another of the contact's channels. A native select over a small pill: the phone's own picker.
 */
export function ChannelPicker({ channels, value, onChange, disabled }: Props) {
  const { t } = useTranslation()
  const channelName = useChannelName()
  const current = channels.find((c) => String(c.id) === value) ?? channels[0]
  const label = current ? channelName(current) : t('composer.noChannel')
  const single = channels.length < 2
  return (
    <label className={`channel-pick ${single ? 'channel-pick--single' : ''}`} title={t('composer.channelHint', { channel: label })}>
      {current ? <ChannelIcon kind={String(current.kind)} size={26} /> : <span className="channel-pick__none" />}
      <span className="channel-pick__name">{current?.name || label}</span>
      {!single && <IconChevronDown size={14} className="channel-pick__chevron" />}
      <select
        className="channel-pick__select"
        data-testid="channel-picker"
        aria-label={t('composer.channel')}
        value={current ? String(current.id) : ''}
        disabled={disabled || single}
        onChange={(e) => onChange(e.target.value)}
      >
        {!current && <option value="">{label}</option>}
        {channels.map((c) => (
          <option key={String(c.id)} value={String(c.id)}>
            {channelName(c)}
          </option>
        ))}
      </select>
    </label>
  )
}

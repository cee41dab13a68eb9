import { avatarColor, initials } from '../lib/format'

type Props = { name: string | null | undefined; seed: string | number; size?: 'sm' | 'md' }

export function Avatar({ name, seed, size = 'md' }: Props) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: avatarColor(seed) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  )
}

// A channel's kind as a small coloured badge (Telegram blue, WhatsApp green, …).
const KINDS: Record<string, { color: string; glyph: string }> = {
  telegram: { color: '#2aabee', glyph: 'M20.5 4.5L3.5 11.2l5.3 1.9 2 6.1 3-3.6 4.7 3.5z M8.8 13.1l9-6.2-6.8 7.6' },
  whatsapp: {
    color: '#25d366',
    glyph: 'M12 3.5a8.5 8.5 0 0 0-7.3 12.8L3.5 20.5l4.3-1.1A8.5 8.5 0 1 0 12 3.5z M9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.5-2-1-1 1c-1-.5-2-1.5-2.5-2.5l1-1-1-2z',
  },
  email: { color: '#7a5af8', glyph: 'M4 6h16v12H4z M4 7l8 6 8-6' },
  webchat: { color: '#f79009', glyph: 'M20 12a7.5 7.5 0 0 1-10.9 6.7L4.5 20l1.3-4.3A7.5 7.5 0 1 1 20 12z' },
  api: { color: '#475467', glyph: 'M9 5c-2 0-2.5 1-2.5 3s-.5 3-2.5 4c2 1 2.5 2 2.5 4s.5 3 2.5 3 M15 5c2 0 2.5 1 2.5 3s.5 3 2.5 4c-2 1-2.5 2-2.5 4s-.5 3-2.5 3' },
}

export function ChannelIcon({ kind, size = 28 }: { kind: string; size?: number }) {
  const known = KINDS[kind]
  const color = known?.color ?? '#667085'
  return (
    <span className="channel-icon" style={{ width: size, height: size, background: color }} aria-hidden="true">
      {known ? (
        <svg width={size * 0.62} height={size * 0.62} viewBox="0 0 24 24" fill="none" stroke="#fff" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          <path d={known.glyph} />
        </svg>
      ) : (
        <span className="channel-icon__letter">{kind.slice(0, 1).toUpperCase()}</span>
      )}
    </span>
  )
}

import { useMemo, type ReactNode } from 'react'
import { linkify } from '../lib/format'

/** Message text with line breaks kept and links clickable (no HTML is ever injected). */
export function MessageText({ text, children }: { text: string; children?: ReactNode }) {
  const parts = useMemo(() => linkify(text), [text])
  return (
    <div className="bubble__text" dir="auto">
      {parts.map((p, i) =>
        p.type === 'link' ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {children}
    </div>
  )
}

// Small pure formatters.

/** Up to two initials from the words that start with a letter: "Ann Lee 2" → "AL"; a number → "#". */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean)
  const letters = words.map((w) => Array.from(w).find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '')
  const alpha = letters.filter((ch) => /\p{L}/u.test(ch))
  if (!alpha.length) return letters.some(Boolean) ? '#' : '?'
  const picked = alpha.length === 1 ? alpha : [alpha[0]!, alpha[alpha.length - 1]!]
  return picked.join('').toUpperCase()
}

const AVATAR_COLORS = ['#e17076', '#faa774', '#a695e7', '#7bc862', '#6ec9cb', '#65aadd', '#ee7aae', '#d4a35b']

/** A stable background colour per contact. */
export function avatarColor(seed: string | number | null | undefined): string {
  const s = String(seed ?? '')
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0
  return AVATAR_COLORS[h % AVATAR_COLORS.length]!
}

/** Bytes to a short size with localised units, e.g. "1.5 MB". */
export function formatFileSize(
  bytes: number | null | undefined,
  locale: string,
  units: readonly [string, string, string, string],
): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return ''
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
  return `${n} ${units[unit]}`
}

export type TextPart = { type: 'text'; text: string } | { type: 'link'; text: string; href: string }

const URL_RE = /\b(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)/gi
const TRAILING = /[.,;:!?)\]}'"»]+$/

/** Split message text into plain text and links (rendered as React nodes, never as HTML). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_RE)) {
    let url = match[0]
    const trail = url.match(TRAILING)?.[0] ?? ''
    // keep a closing paren that has its opening one inside the URL
    if (trail) url = url.slice(0, url.length - trail.length)
    const start = match.index
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) })
    parts.push({ type: 'link', text: url, href: url.startsWith('www.') ? `https://${url}` : url })
    last = start + url.length
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) })
  return parts
}

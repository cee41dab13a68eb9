// `@Name` mentions in an internal comment: which picked people are still mentioned in the
// text, and where mentions are in a comment's text (to highlight them).

export type Mentioned = { user_id: string; name: string }

/** `@Name` as inserted into the text. */
export const mentionToken = (name: string) => `@${name}`

/** Whether `@name` is in `text` as a whole mention (not followed by more of a word). */
function hasMention(text: string, name: string): boolean {
  const token = mentionToken(name)
  let from = 0
  for (;;) {
    const i = text.indexOf(token, from)
    if (i < 0) return false
    const before = i === 0 ? '' : text[i - 1]!
    const after = text[i + token.length] ?? ''
    if ((before === '' || /\s|\(/u.test(before)) && !/[\p{L}\p{N}_]/u.test(after)) return true
    from = i + 1
  }
}

/** The ids of the picked people whose `@Name` is still in the text (each once). */
export function mentionedIds(text: string, picked: readonly Mentioned[]): string[] {
  const ids: string[] = []
  for (const p of picked) {
    if (!ids.includes(p.user_id) && hasMention(text, p.name)) ids.push(p.user_id)
  }
  return ids
}

export type MentionPart = { type: 'text'; text: string } | { type: 'mention'; text: string; user_id: string }

/** Split a comment into plain text and `@Name` mentions of the given people (longest names first). */
export function splitMentions(text: string, mentions: readonly Mentioned[]): MentionPart[] {
  const names = [...mentions].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length)
  if (!names.length || !text) return text ? [{ type: 'text', text }] : []
  const parts: MentionPart[] = []
  let plain = ''
  let i = 0
  outer: while (i < text.length) {
    if (text[i] === '@' && (i === 0 || /\s|\(/u.test(text[i - 1]!))) {
      for (const m of names) {
        const token = mentionToken(m.name)
        const after = text[i + token.length] ?? ''
        if (text.startsWith(token, i) && !/[\p{L}\p{N}_]/u.test(after)) {
          if (plain) parts.push({ type: 'text', text: plain })
          plain = ''
          parts.push({ type: 'mention', text: token, user_id: m.user_id })
          i += token.length
          continue outer
        }
      }
    }
    plain += text[i]
    i++
  }
  if (plain) parts.push({ type: 'text', text: plain })
  return parts
}

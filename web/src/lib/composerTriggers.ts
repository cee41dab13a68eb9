// The composer's shortcuts: `/` (snippets), `$` (variables), `@` (mentions). Pure: find the
// trigger the cursor is in, and replace it with what was picked.

export type TriggerChar = '/' | '$' | '@'

export type Trigger = {
  char: TriggerChar
  /** What was typed after the trigger, up to the cursor. */
  query: string
  /** Where the trigger character is. */
  start: number
  /** The end of the word the cursor is in: the picked text replaces [start, end). */
  end: number
}

/** What may follow each trigger: `$` takes variable keys only, the others any word. */
const QUERY: Record<TriggerChar, RegExp> = {
  '/': /^[^\s/]*$/u,
  $: /^[\p{L}\p{N}_.]*$/u,
  '@': /^[^\s@]*$/u,
}

const MAX_QUERY = 40

const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch)

/**
 * The trigger the cursor is in: one of `allowed`, at the start of the text or after
 * whitespace (so not inside a word, an e-mail address or a URL), followed by a query of
 * word characters up to the cursor. Null when there is none, or with a selection.
 */
export function findTrigger(
  text: string,
  caret: number,
  allowed: readonly TriggerChar[],
  selectionEnd: number = caret,
): Trigger | null {
  if (selectionEnd !== caret || caret < 1 || caret > text.length) return null
  // Walk back over the word before the cursor to its first character.
  let start = caret
  while (start > 0 && !isSpace(text[start - 1])) start--
  if (start === caret) return null
  const char = text[start] as TriggerChar | undefined
  if (!char || !allowed.includes(char)) return null
  const query = text.slice(start + 1, caret)
  if (query.length > MAX_QUERY || !QUERY[char].test(query)) return null
  let end = caret
  while (end < text.length && !isSpace(text[end])) end++
  return { char, query, start, end }
}

export type Completion = { text: string; caret: number }

/**
 * `insertion` in place of the trigger and its word. With `space`, a space follows it
 * (unless one is there already) and the cursor goes after it; `caretOffset` puts the cursor
 * that many characters into the insertion instead (e.g. inside `{{key|}}`).
 */
export function applyCompletion(
  text: string,
  trigger: Pick<Trigger, 'start' | 'end'>,
  insertion: string,
  options: { space?: boolean; caretOffset?: number } = {},
): Completion {
  const before = text.slice(0, trigger.start)
  let after = text.slice(trigger.end)
  let added = insertion
  if (options.space) {
    if (!after.startsWith(' ') && !after.startsWith('\n')) added += ' '
    else if (after.startsWith(' ')) {
      // Step over the existing space.
      added += ' '
      after = after.slice(1)
    }
  }
  const caret = before.length + (options.caretOffset ?? added.length)
  return { text: before + added + after, caret }
}

/** Case- and accent-insensitive form for matching what was typed. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Whether `query` matches `label`: an empty query matches everything, otherwise the label, or
 * one of its words, starts with it.
 */
export function matchesQuery(label: string, query: string): boolean {
  const q = fold(query)
  if (!q) return true
  const l = fold(label)
  if (l.startsWith(q)) return true
  return l.split(/[\s._\-/]+/u).some((w) => w.startsWith(q))
}

/**
 * Items matching `query`, best first: labels that start with it, then those with a word that
 * does, then (with `contains`) those that merely contain it; stable otherwise.
 */
export function rankByQuery<T>(
  items: readonly T[],
  query: string,
  labelOf: (item: T) => readonly string[],
  options: { contains?: boolean; limit?: number } = {},
): T[] {
  const q = fold(query)
  const limit = options.limit ?? 50
  if (!q) return items.slice(0, limit)
  const scored: { item: T; score: number; i: number }[] = []
  items.forEach((item, i) => {
    let best = 0
    for (const label of labelOf(item)) {
      const l = fold(label)
      if (l.startsWith(q)) best = Math.max(best, 3)
      else if (matchesQuery(label, query)) best = Math.max(best, 2)
      else if (options.contains && l.includes(q)) best = Math.max(best, 1)
    }
    if (best) scored.push({ item, score: best, i })
  })
  scored.sort((a, b) => b.score - a.score || a.i - b.i)
  return scored.slice(0, limit).map((s) => s.item)
}

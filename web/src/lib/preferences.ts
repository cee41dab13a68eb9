import type { Preferences, PreferencesPatch } from '../api/types'

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Only the fields that differ from what the server has (PATCH sends just those). */
export function preferencesPatch(saved: Preferences, edited: Preferences): PreferencesPatch {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(edited) as (keyof Preferences)[]) {
    if (!same(edited[key], saved[key])) patch[key] = edited[key] ?? null
  }
  return patch as PreferencesPatch
}

export const MAX_CATEGORIES = 50
export const MAX_CATEGORY_LENGTH = 100

export type CategoryIssue =
  | { code: 'blank' }
  | { code: 'tooLong' }
  | { code: 'repeated'; name: string }

/**
 * What is wrong with the closing categories as typed, by row (the server trims them and
 * needs 1–100 characters; two with one name would be one choice).
 */
export function categoryIssues(categories: readonly string[]): (CategoryIssue | null)[] {
  const seen = new Set<string>()
  return categories.map((raw) => {
    const name = raw.trim()
    if (!name) return { code: 'blank' }
    if (name.length > MAX_CATEGORY_LENGTH) return { code: 'tooLong' }
    const folded = name.toLocaleLowerCase()
    if (seen.has(folded)) return { code: 'repeated', name }
    seen.add(folded)
    return null
  })
}

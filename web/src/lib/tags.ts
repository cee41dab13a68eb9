// Contact tags on the client: written as the server writes them (contacts/schemas.py
// normalized_tags), so what the editor shows is what gets saved. Pure.

export const MAX_TAG_LENGTH = 50
export const MAX_TAGS = 30

/** Trimmed, inner whitespace collapsed to one space. */
export const normalizeTag = (value: string) => value.split(/\s+/u).filter(Boolean).join(' ')

/** Tags are the same tag in any case (the server compares lower-cased forms). */
export const tagKey = (tag: string) => tag.toLowerCase()

export const hasTag = (tags: readonly string[], tag: string) => tags.some((t) => tagKey(t) === tagKey(tag))

export type TagRefusal = 'tooLong' | 'tooMany'

export type TagsAdded = {
  tags: string[]
  /** What was added (as spelled in `tags`); empty when nothing new. */
  added: string[]
  /** Why some of the typed tags were not added. */
  refused: TagRefusal | null
}

/**
 * Add what was typed (one tag, or several separated by commas) to `tags`. A tag the workspace
 * already uses in another case takes that spelling (`known`), one the contact has already is
 * skipped, and one that is too long or over the limit is refused.
 */
export function addTags(tags: readonly string[], typed: string, known: readonly string[] = [], limit = MAX_TAGS): TagsAdded {
  const next = [...tags]
  const added: string[] = []
  let refused: TagRefusal | null = null
  for (const part of typed.split(',')) {
    const tag = normalizeTag(part)
    if (!tag || hasTag(next, tag)) continue
    // Characters as the server counts them (code points: an emoji is one).
    if ([...tag].length > MAX_TAG_LENGTH) {
      refused = 'tooLong'
      continue
    }
    if (next.length >= limit) {
      refused = 'tooMany'
      continue
    }
    const spelled = known.find((k) => tagKey(k) === tagKey(tag)) ?? tag
    next.push(spelled)
    added.push(spelled)
  }
  return { tags: next, added, refused }
}

/** `tags` without `tag` (in any case). */
export const removeTag = (tags: readonly string[], tag: string) => tags.filter((t) => tagKey(t) !== tagKey(tag))

/** The tags a list row has room for, and how many more there are ("+N"). */
export function chipsFor(tags: readonly string[] | null | undefined, max = 2): { shown: string[]; more: number } {
  const all = tags ?? []
  return { shown: all.slice(0, max), more: Math.max(0, all.length - max) }
}

/** Suggestions for what is typed: tags in use that the contact lacks, containing the text. */
export function suggestTags(inUse: readonly string[], tags: readonly string[], typed: string, max = 8): string[] {
  const q = tagKey(normalizeTag(typed))
  return inUse.filter((t) => !hasTag(tags, t) && (!q || tagKey(t).includes(q))).slice(0, max)
}

/** Whether two tag lists hold the same tags in the same order (spelling included). */
export const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i])

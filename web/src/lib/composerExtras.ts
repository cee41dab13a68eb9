// Per conversation, besides the draft text: whether the composer writes an internal comment,
// who was @mentioned, and the files that came with inserted snippets (kept while switching
// conversations, like drafts).
import type { Mentioned } from './mentions'

/** A file of a snippet, going out with the message (the server copies it, no upload). */
export type SnippetFile = { id: string; filename: string; media_type: string; size: number; url: string | null }
export type PickedSnippetFile = SnippetFile & { snippetName: string }

export type ComposerExtras = {
  comment: boolean
  mentions: readonly Mentioned[]
  snippetFiles: readonly PickedSnippetFile[]
}

const EMPTY: ComposerExtras = { comment: false, mentions: [], snippetFiles: [] }
const states = new Map<string, ComposerExtras>()
const listeners = new Set<() => void>()

export const getComposerExtras = (key: string): ComposerExtras => states.get(key) ?? EMPTY

function set(key: string, next: ComposerExtras) {
  if (next === getComposerExtras(key)) return
  if (!next.comment && !next.mentions.length && !next.snippetFiles.length) states.delete(key)
  else states.set(key, next)
  for (const l of [...listeners]) l()
}

export function subscribeComposerExtras(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function setCommentMode(key: string, comment: boolean) {
  const current = getComposerExtras(key)
  if (current.comment !== comment) set(key, { ...current, comment })
}

export function addMention(key: string, mention: Mentioned) {
  const current = getComposerExtras(key)
  if (current.mentions.some((m) => m.user_id === mention.user_id && m.name === mention.name)) return
  set(key, { ...current, mentions: [...current.mentions, mention] })
}

/** A snippet's files join the message (each file once). */
export function addSnippetFiles(key: string, files: readonly PickedSnippetFile[]) {
  const current = getComposerExtras(key)
  const added = files.filter((f) => !current.snippetFiles.some((s) => s.id === f.id))
  if (added.length) set(key, { ...current, snippetFiles: [...current.snippetFiles, ...added] })
}

export function removeSnippetFile(key: string, id: string) {
  const current = getComposerExtras(key)
  if (current.snippetFiles.some((f) => f.id === id)) {
    set(key, { ...current, snippetFiles: current.snippetFiles.filter((f) => f.id !== id) })
  }
}

/** After sending: no mentions, no snippet files (the mode stays). */
export function clearSent(key: string) {
  const current = getComposerExtras(key)
  if (current.mentions.length || current.snippetFiles.length) set(key, { ...current, mentions: [], snippetFiles: [] })
}

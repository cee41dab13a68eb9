// Unsent text per conversation, kept while the tab lives (switching conversations keeps it).
// A small external store: the composer renders it, and other parts of the conversation
// (a transcript's "insert into reply") can add to it.
type Listener = () => void

const drafts = new Map<string, string>()
const listeners = new Set<Listener>()

export const getDraft = (key: string) => drafts.get(key) ?? ''

export function setDraft(key: string, text: string) {
  if (text === getDraft(key)) return
  if (text) drafts.set(key, text)
  else drafts.delete(key)
  for (const l of [...listeners]) l()
}

export function subscribeDrafts(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** `addition` after what is already written: on a new line when there is text already. */
export function appendText(draft: string, addition: string): string {
  const add = addition.trim()
  if (!add) return draft
  const head = draft.replace(/\s+$/, '')
  return head ? `${head}\n${add}` : add
}

export function appendToDraft(key: string, addition: string) {
  setDraft(key, appendText(getDraft(key), addition))
}

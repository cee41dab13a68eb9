// Unsent text per conversation, kept while the tab lives (switching conversations keeps it).
const drafts = new Map<string, string>()

export const getDraft = (key: string) => drafts.get(key) ?? ''
export function setDraft(key: string, text: string) {
  if (text) drafts.set(key, text)
  else drafts.delete(key)
}

// localStorage that never throws (private mode, disabled storage).
export const STORAGE_KEYS = {
  lang: 'omnibox.lang',
  workspace: 'omnibox.workspace',
  voiceSpeed: 'omnibox.voiceSpeed',
  /** The inbox mailbox last picked, per workspace: `omnibox.mailbox.<workspace id>`. */
  mailbox: 'omnibox.mailbox',
} as const

export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
  } catch {
    // ignore
  }
}

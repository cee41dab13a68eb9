import type { Preferences, PreferencesPatch } from '../api/types'

/** Only the fields that differ from what the server has (PATCH sends just those). */
export function preferencesPatch(saved: Preferences, edited: Preferences): PreferencesPatch {
  const patch: PreferencesPatch = {}
  if ((edited.auto_transcribe ?? false) !== (saved.auto_transcribe ?? false)) {
    patch.auto_transcribe = edited.auto_transcribe ?? false
  }
  if ((edited.transcribe_language ?? null) !== (saved.transcribe_language ?? null)) {
    patch.transcribe_language = edited.transcribe_language ?? null
  }
  return patch
}

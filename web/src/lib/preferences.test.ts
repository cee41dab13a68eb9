import { describe, expect, it } from 'vitest'
import type { Preferences } from '../api/types'
import { categoryIssues, preferencesPatch } from './preferences'
import { isSettingsIndex, paths } from './routes'

const base: Preferences = {
  auto_transcribe: false,
  transcribe_language: null,
  closing_notes: 'off',
  closing_categories: [],
  agent_visibility: 'all',
  phone_masking: false,
  agents_see_blocked: false,
}

describe('preferences patch', () => {
  it('sends the inbox settings that changed, lists compared by value', () => {
    expect(preferencesPatch(base, { ...base, closing_categories: [] })).toEqual({})
    expect(
      preferencesPatch(base, { ...base, closing_notes: 'mandatory', closing_categories: ['Sale'], phone_masking: true }),
    ).toEqual({ closing_notes: 'mandatory', closing_categories: ['Sale'], phone_masking: true })
    expect(preferencesPatch({ ...base, closing_categories: ['A', 'B'] }, { ...base, closing_categories: ['B'] })).toEqual({
      closing_categories: ['B'],
    })
  })
})

describe('closing categories', () => {
  it('need a name, at most 100 characters, and no repeats (any case)', () => {
    expect(categoryIssues(['Sale', ' ', 'x'.repeat(101), 'sale ', 'Spam'])).toEqual([
      null,
      { code: 'blank' },
      { code: 'tooLong' },
      { code: 'repeated', name: 'sale' },
      null,
    ])
  })
})

describe('settings URLs', () => {
  it('tell the list of sections from a page', () => {
    expect(isSettingsIndex(paths.settings('w1'))).toBe(true)
    expect(isSettingsIndex('/w/w1/settings/')).toBe(true)
    expect(isSettingsIndex(paths.settings('w1', 'preferences'))).toBe(false)
    expect(paths.settings('w1', 'preferences')).toBe('/w/w1/settings/preferences')
    expect(isSettingsIndex('/w/w1/channels')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { en } from './en'
import { pickLanguage } from './language'
import { ru } from './ru'

function flatten(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[prefix + k] = v
    else Object.assign(out, flatten(v as object, `${prefix}${k}.`))
  }
  return out
}

describe('translations', () => {
  it('have the same keys and the same placeholders in ru and en', () => {
    const e = flatten(en)
    const r = flatten(ru)
    expect(Object.keys(r).sort()).toEqual(Object.keys(e).sort())
    const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort()
    for (const key of Object.keys(e)) {
      expect(vars(r[key]!), key).toEqual(vars(e[key]!))
      expect(r[key]!.length, key).toBeGreaterThan(0)
    }
  })
})

describe('pickLanguage', () => {
  it('prefers the saved choice, then the browser languages', () => {
    expect(pickLanguage('ru', ['en-US'])).toBe('ru')
    expect(pickLanguage(null, ['de-DE', 'ru-RU', 'en'])).toBe('ru')
    expect(pickLanguage('xx', ['fr'])).toBe('en')
  })
})

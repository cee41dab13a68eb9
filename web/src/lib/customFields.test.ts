import { describe, expect, it } from 'vitest'
import type { CustomFieldDef } from '../api/types'
import { basicsPatch, contactIssues, isValidPhone } from './contactForm'
import {
  cleanOptions,
  customFieldChanges,
  duplicateOptions,
  fieldErrorsFromProblem,
  inputFromValue,
  isValidDate,
  parseFieldInput,
  suggestFieldKey,
} from './customFields'

const def = (key: string, kind: CustomFieldDef['kind'], options: string[] = []): CustomFieldDef => ({
  id: key,
  key,
  label: key,
  kind,
  options,
  position: 0,
})

const city = def('city', 'text')
const budget = def('budget', 'number')
const birthday = def('birthday', 'date')
const tier = def('tier', 'list', ['Gold', 'Silver'])
const vip = def('vip', 'checkbox')
const all = [city, budget, birthday, tier, vip]

describe('custom field values', () => {
  it('parse like the server checks them', () => {
    expect(parseFieldInput(budget, '1 500')).toEqual({ ok: true, value: 1500 })
    expect(parseFieldInput(budget, '2,5')).toEqual({ ok: true, value: 2.5 })
    expect(parseFieldInput(budget, '-3')).toEqual({ ok: true, value: -3 })
    expect(parseFieldInput(budget, 'twelve')).toEqual({ ok: false, issue: { code: 'number' } })
    expect(parseFieldInput(budget, '1e999')).toEqual({ ok: false, issue: { code: 'number' } })
    expect(parseFieldInput(birthday, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' })
    expect(parseFieldInput(birthday, '2023-02-29')).toEqual({ ok: false, issue: { code: 'date' } })
    expect(parseFieldInput(tier, 'Gold')).toEqual({ ok: true, value: 'Gold' })
    expect(parseFieldInput(tier, 'Bronze')).toEqual({ ok: false, issue: { code: 'option', options: ['Gold', 'Silver'] } })
    expect(parseFieldInput(city, ' Kazan ')).toEqual({ ok: true, value: ' Kazan ' })
    expect(parseFieldInput(city, 'x'.repeat(2001))).toEqual({ ok: false, issue: { code: 'tooLong', max: 2000 } })
    expect(parseFieldInput(vip, true)).toEqual({ ok: true, value: true })
    // Nothing typed removes the value.
    expect(parseFieldInput(budget, '  ')).toEqual({ ok: true, value: null })
  })

  it('start the form from what is stored', () => {
    expect(inputFromValue(budget, 12.5)).toBe('12.5')
    expect(inputFromValue(city, undefined)).toBe('')
    expect(inputFromValue(vip, true)).toBe(true)
    expect(inputFromValue(vip, undefined)).toBe(false)
  })

  it('send only what changed, and say what is wrong', () => {
    const stored = { city: 'Kazan', budget: 100, vip: true }
    const inputs = { city: 'Kazan', budget: '', birthday: '2025-13-01', tier: 'Gold', vip: true }
    expect(customFieldChanges(all, stored, inputs)).toEqual({
      changes: { budget: null, tier: 'Gold' },
      issues: { birthday: { code: 'date' } },
    })
    // A box never set and left unchecked stays unset; unchecking a set one stores false.
    expect(customFieldChanges(all, {}, { vip: false }).changes).toEqual({})
    expect(customFieldChanges(all, { vip: true }, { vip: false }).changes).toEqual({ vip: false })
    // A stored value the field no longer allows, left as it is, blocks nothing.
    expect(customFieldChanges(all, { tier: 'Bronze' }, { tier: 'Bronze', city: 'Omsk' })).toEqual({
      changes: { city: 'Omsk' },
      issues: {},
    })
  })
})

describe('server errors by field', () => {
  it('name the field as the form does', () => {
    expect(
      fieldErrorsFromProblem({
        errors: [
          { field: 'body.phone', message: 'Value error, a phone number: digits' },
          { field: 'custom_fields.budget', message: 'Budget: a number.' },
        ],
      }),
    ).toEqual({ phone: 'A phone number: digits', 'custom_fields.budget': 'Budget: a number.' })
    expect(fieldErrorsFromProblem(null)).toEqual({})
  })
})

describe('field keys and options', () => {
  it('suggest a key from a label in any script', () => {
    expect(suggestFieldKey('Город доставки')).toBe('gorod_dostavki')
    expect(suggestFieldKey('Customer tier!')).toBe('customer_tier')
    expect(suggestFieldKey('2nd phone')).toBe('f_2nd_phone')
    expect(suggestFieldKey('Café')).toBe('cafe')
    expect(suggestFieldKey('   ')).toBe('')
  })

  it('clean options and find repeats', () => {
    expect(cleanOptions([' Gold ', '', 'Silver'])).toEqual(['Gold', 'Silver'])
    expect(duplicateOptions(['a', 'b', 'a'])).toEqual(['a'])
  })

  it('check dates', () => {
    expect(isValidDate('2025-01-31')).toBe(true)
    expect(isValidDate('2025-1-31')).toBe(false)
  })
})

describe('contact basics', () => {
  it('check phone, e-mail and name like the server', () => {
    expect(isValidPhone('+7 (916) 555-12-67')).toBe(true)
    expect(isValidPhone('12')).toBe(false)
    expect(isValidPhone('call me')).toBe(false)
    expect(contactIssues({ name: ' ', phone: 'abc', email: 'nope', language: '' })).toEqual({
      name: 'nameRequired',
      phone: 'phone',
      email: 'email',
    })
    // A masked number shown to an agent is not theirs to fix.
    expect(contactIssues({ name: 'Ann', phone: '+7 *** *** ** 67', email: '', language: '' })).toEqual({})
  })

  it('patch only what changed, never a masked phone', () => {
    const saved = { name: 'Ann', phone: '+7 *** *** ** 67', email: null, language: null }
    expect(basicsPatch(saved, { name: 'Ann ', phone: '+7 *** *** ** 67', email: '', language: '' })).toEqual({})
    expect(basicsPatch(saved, { name: 'Anna', phone: '', email: 'a@b.co', language: 'ru' })).toEqual({
      name: 'Anna',
      phone: null,
      email: 'a@b.co',
      language: 'ru',
    })
    expect(basicsPatch({ ...saved, phone: null }, { name: 'Ann', phone: '+7 916 555 12 67', email: '', language: '' })).toEqual({
      phone: '+7 916 555 12 67',
    })
  })
})

import { describe, expect, it } from 'vitest'
import { fillVariables, findVariables, hasVariables, variableLabelKey, variableToken } from './variables'

describe('findVariables', () => {
  it('finds variables with and without a fallback', () => {
    const text = 'Hi {{contact.first_name|there}}, I am {{ agent.name }}.'
    expect(findVariables(text)).toEqual([
      { start: 3, end: 31, key: 'contact.first_name', fallback: 'there' },
      { start: 38, end: 54, key: 'agent.name', fallback: null },
    ])
  })

  it('leaves unclosed braces and braces across lines as text', () => {
    expect(findVariables('a {{contact.name and } b')).toEqual([])
    expect(findVariables('a {{contact.\nname}} b')).toEqual([])
    expect(hasVariables('no variables {here}')).toBe(false)
  })

  it('takes the fallback after the first bar, and an empty key as a (refused) variable', () => {
    expect(findVariables('{{contact.name|a|b}}')[0]).toMatchObject({ key: 'contact.name', fallback: 'a|b' })
    expect(findVariables('{{ }}')[0]).toMatchObject({ key: '', fallback: null })
  })

  it('keeps an empty fallback apart from no fallback', () => {
    expect(findVariables('{{contact.first_name|}}')[0]?.fallback).toBe('')
  })
})

describe('fillVariables', () => {
  const values = new Map([
    ['contact.first_name', 'Anna'],
    ['contact.email', ''],
    ['agent.name', 'Olga'],
  ])

  it('fills values', () => {
    expect(fillVariables('Hi {{contact.first_name}}, {{agent.name}} here', values)).toEqual({
      text: 'Hi Anna, Olga here',
      empty: [],
      unknown: [],
    })
  })

  it('uses the fallback for an empty value', () => {
    expect(fillVariables('Mail: {{contact.email| not known }}', values).text).toBe('Mail: not known')
    expect(fillVariables('Mail: {{contact.email|}}!', values).text).toBe('Mail: !')
  })

  it('lists empty values without a fallback and unknown keys', () => {
    const filled = fillVariables('{{contact.email}} {{foo}} {{contact.email}}', values)
    expect(filled.empty).toEqual(['contact.email'])
    expect(filled.unknown).toEqual(['foo'])
    expect(filled.text).toBe('{{contact.email}} {{foo}} {{contact.email}}')
  })
})

describe('names', () => {
  it('builds tokens and label keys', () => {
    expect(variableToken('contact.name')).toBe('{{contact.name}}')
    expect(variableToken('contact.name', true)).toBe('{{contact.name|}}')
    expect(variableLabelKey('contact.first_name')).toBe('contactFirstName')
    expect(variableLabelKey('contact.custom.city')).toBeNull()
  })
})

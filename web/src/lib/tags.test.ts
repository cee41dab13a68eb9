import { describe, expect, it } from 'vitest'
import { addTags, chipsFor, hasTag, normalizeTag, removeTag, sameTags, suggestTags } from './tags'

describe('normalizeTag', () => {
  it('trims and collapses whitespace like the server', () => {
    expect(normalizeTag('  new \t  lead ')).toBe('new lead')
    expect(normalizeTag('   ')).toBe('')
  })
})

describe('addTags', () => {
  it('adds one tag, or several separated by commas', () => {
    expect(addTags([], ' VIP ')).toEqual({ tags: ['VIP'], added: ['VIP'], refused: null })
    expect(addTags(['VIP'], 'lead, , партнёр ,')).toEqual({ tags: ['VIP', 'lead', 'партнёр'], added: ['lead', 'партнёр'], refused: null })
  })

  it('skips a tag the contact has in any case', () => {
    expect(addTags(['VIP'], 'vip')).toEqual({ tags: ['VIP'], added: [], refused: null })
    expect(addTags([], 'Лид, ЛИД').tags).toEqual(['Лид'])
  })

  it('takes the spelling the workspace already uses', () => {
    expect(addTags([], 'vip', ['Lead', 'VIP']).tags).toEqual(['VIP'])
  })

  it('refuses tags that are too long or over the limit', () => {
    expect(addTags([], 'x'.repeat(51))).toEqual({ tags: [], added: [], refused: 'tooLong' })
    expect(addTags([], 'x'.repeat(50)).tags).toEqual(['x'.repeat(50)])
    expect(addTags([], '🔥'.repeat(50)).tags).toEqual(['🔥'.repeat(50)])
    expect(addTags(['a', 'b'], 'c, d', [], 3)).toEqual({ tags: ['a', 'b', 'c'], added: ['c'], refused: 'tooMany' })
  })
})

describe('removeTag and hasTag', () => {
  it('compare in any case', () => {
    expect(removeTag(['VIP', 'lead'], 'vip')).toEqual(['lead'])
    expect(hasTag(['VIP'], 'Vip')).toBe(true)
    expect(hasTag(['VIP'], 'VIPs')).toBe(false)
  })
})

describe('chipsFor', () => {
  it('shows two tags and counts the rest', () => {
    expect(chipsFor(['a', 'b', 'c', 'd'])).toEqual({ shown: ['a', 'b'], more: 2 })
    expect(chipsFor(['a'])).toEqual({ shown: ['a'], more: 0 })
    expect(chipsFor(undefined)).toEqual({ shown: [], more: 0 })
  })
})

describe('suggestTags', () => {
  it('offers tags in use that the contact lacks, containing what is typed', () => {
    const inUse = ['VIP', 'Lead', 'Партнёр', 'Cold lead']
    expect(suggestTags(inUse, ['vip'], '')).toEqual(['Lead', 'Партнёр', 'Cold lead'])
    expect(suggestTags(inUse, [], ' LEAD')).toEqual(['Lead', 'Cold lead'])
    expect(suggestTags(inUse, [], 'парт')).toEqual(['Партнёр'])
    expect(suggestTags(inUse, [], '', 2)).toEqual(['VIP', 'Lead'])
  })
})

describe('sameTags', () => {
  it('compares spelling and order', () => {
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameTags(['A'], ['a'])).toBe(false)
  })
})

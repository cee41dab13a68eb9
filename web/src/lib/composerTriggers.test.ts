import { describe, expect, it } from 'vitest'
import { applyCompletion, findTrigger, matchesQuery, rankByQuery, type TriggerChar } from './composerTriggers'

const ALL: TriggerChar[] = ['/', '$', '@']
/** The trigger with the cursor where `|` is written. */
const at = (marked: string, allowed: TriggerChar[] = ALL) => {
  const caret = marked.indexOf('|')
  return findTrigger(marked.replace('|', ''), caret, allowed)
}

describe('findTrigger', () => {
  it('finds a trigger at the start of the text', () => {
    expect(at('/|')).toEqual({ char: '/', query: '', start: 0, end: 1 })
    expect(at('/pri|')).toEqual({ char: '/', query: 'pri', start: 0, end: 4 })
    expect(at('$contact.fi|')).toEqual({ char: '$', query: 'contact.fi', start: 0, end: 11 })
  })

  it('finds a trigger after a space or a line break', () => {
    expect(at('Hi @an|')).toEqual({ char: '@', query: 'an', start: 3, end: 6 })
    expect(at('Hi\n/pr|')).toEqual({ char: '/', query: 'pr', start: 3, end: 6 })
    expect(at('Dear $|')).toMatchObject({ char: '$', query: '', start: 5 })
  })

  it('ignores triggers inside words, e-mail addresses and links', () => {
    expect(at('anna@example.com|')).toBeNull()
    expect(at('write to anna@ex|')).toBeNull()
    expect(at('https://example.com/pa|')).toBeNull()
    expect(at('and/or|')).toBeNull()
    expect(at('US$5|')).toBeNull()
  })

  it('needs the cursor after the trigger, in the same word', () => {
    expect(at('|/price')).toBeNull()
    expect(at('/price |')).toBeNull()
    expect(at('@anna hello|')).toBeNull()
    expect(at('')).toBeNull()
  })

  it('takes only the allowed triggers', () => {
    expect(at('@an|', ['/', '$'])).toBeNull()
    expect(at('$fi|', ['@'])).toBeNull()
    expect(at('/x|', ['/'])).toMatchObject({ char: '/' })
  })

  it('takes only variable keys after $ (a price is not a variable)', () => {
    expect(at('$contact.first_name|')).toMatchObject({ query: 'contact.first_name' })
    expect(at('costs $5|')).toMatchObject({ query: '5' })
    expect(at('$5,00|')).toBeNull()
    expect(at('/a/b|')).toBeNull()
  })

  it('extracts the query up to the cursor and replaces the whole word', () => {
    // The cursor in the middle of "/price": the query is what is before it.
    expect(at('Hi /pr|ice list')).toEqual({ char: '/', query: 'pr', start: 3, end: 9 })
  })

  it('refuses a selection and a too long query', () => {
    expect(findTrigger('/price', 3, ALL, 5)).toBeNull()
    expect(at(`/${'x'.repeat(41)}|`)).toBeNull()
  })
})

describe('applyCompletion', () => {
  it('replaces the trigger and its word, and adds a space', () => {
    const text = 'Hi @an'
    const trigger = findTrigger(text, text.length, ALL)!
    expect(applyCompletion(text, trigger, '@Anna Lee', { space: true })).toEqual({ text: 'Hi @Anna Lee ', caret: 13 })
  })

  it('keeps the text after the word and steps over an existing space', () => {
    const text = 'Hi /pr there'
    const trigger = findTrigger(text, 6, ALL)!
    expect(applyCompletion(text, trigger, 'Prices: 10 €', { space: true })).toEqual({ text: 'Hi Prices: 10 € there', caret: 16 })
  })

  it('puts the cursor inside the insertion when asked', () => {
    const text = 'Hello $fi'
    const trigger = findTrigger(text, text.length, ALL)!
    const done = applyCompletion(text, trigger, '{{contact.first_name|}}', { caretOffset: 21 })
    expect(done.text).toBe('Hello {{contact.first_name|}}')
    expect(done.text.slice(0, done.caret)).toBe('Hello {{contact.first_name|')
  })
})

describe('matching', () => {
  it('matches the start of the label or of one of its words, ignoring case and accents', () => {
    expect(matchesQuery('Anna Petrova', 'pet')).toBe(true)
    expect(matchesQuery('Anna Petrova', 'ANN')).toBe(true)
    expect(matchesQuery('Anna Petrova', 'etr')).toBe(false)
    expect(matchesQuery('Zoë', 'zoe')).toBe(true)
    expect(matchesQuery('contact.first_name', 'first')).toBe(true)
    expect(matchesQuery('Ёлка', 'ел')).toBe(true)
  })

  it('ranks prefixes first, then word starts, then contained text', () => {
    const items = ['Greeting', 'Price list', 'Old prices', 'Shipping price']
    expect(rankByQuery(items, 'pri', (s) => [s])).toEqual(['Price list', 'Old prices', 'Shipping price'])
    expect(rankByQuery(items, 'ice', (s) => [s], { contains: true })).toEqual(['Price list', 'Old prices', 'Shipping price'])
    expect(rankByQuery(items, '', (s) => [s], { limit: 2 })).toEqual(['Greeting', 'Price list'])
  })
})

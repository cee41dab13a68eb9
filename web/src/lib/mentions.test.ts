import { describe, expect, it } from 'vitest'
import { mentionedIds, splitMentions } from './mentions'

const anna = { user_id: 'u1', name: 'Anna Lee' }
const ann = { user_id: 'u2', name: 'Ann' }

describe('mentionedIds', () => {
  it('keeps only people whose @Name is still in the text', () => {
    expect(mentionedIds('@Anna Lee please check', [anna, ann])).toEqual(['u1'])
    expect(mentionedIds('@Ann and @Anna Lee', [anna, ann, anna])).toEqual(['u1', 'u2'])
    expect(mentionedIds('Anna Lee, see this', [anna])).toEqual([])
    expect(mentionedIds('mail@Ann', [ann])).toEqual([])
    expect(mentionedIds('@Annabel', [ann])).toEqual([])
  })
})

describe('splitMentions', () => {
  it('splits a comment into text and mentions, longest names first', () => {
    expect(splitMentions('@Anna Lee and @Ann, look', [ann, anna])).toEqual([
      { type: 'mention', text: '@Anna Lee', user_id: 'u1' },
      { type: 'text', text: ' and ' },
      { type: 'mention', text: '@Ann', user_id: 'u2' },
      { type: 'text', text: ', look' },
    ])
  })

  it('leaves text without mentions alone', () => {
    expect(splitMentions('hello', [])).toEqual([{ type: 'text', text: 'hello' }])
    expect(splitMentions('x@Ann', [ann])).toEqual([{ type: 'text', text: 'x@Ann' }])
    expect(splitMentions('', [ann])).toEqual([])
  })
})

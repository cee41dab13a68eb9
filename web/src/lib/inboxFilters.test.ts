import { describe, expect, it } from 'vitest'
import {
  dayOf,
  dayStart,
  emptyInboxForm,
  fieldValue,
  toInboxForm,
  toInboxInput,
  toggled,
  type FieldDef,
  type InboxForm,
} from './inboxFilters'

const fields: FieldDef[] = [
  { key: 'city', kind: 'text' },
  { key: 'orders', kind: 'number' },
  { key: 'vip', kind: 'checkbox' },
  { key: 'plan', kind: 'list' },
  { key: 'birthday', kind: 'date' },
]

describe('toInboxInput', () => {
  it('leaves every condition out of an empty form', () => {
    const input = toInboxInput({ ...emptyInboxForm(), name: '  Mine  ' }, fields)
    expect(input.name).toBe('Mine')
    expect(input.shared).toBe(false)
    expect(input.filters).toEqual({
      statuses: null,
      assignees: null,
      team_ids: null,
      channel_ids: null,
      contact_fields: null,
      tags: null,
      unanswered: null,
      last_activity_after: null,
      last_activity_before: null,
    })
  })

  it('keeps the tags to filter on, and reads them back', () => {
    const input = toInboxInput({ ...emptyInboxForm(), name: 'VIP', tags: ['VIP', 'Лид'] }, fields)
    expect(input.filters?.tags).toEqual(['VIP', 'Лид'])
    expect(toInboxForm(input as Parameters<typeof toInboxForm>[0]).tags).toEqual(['VIP', 'Лид'])
    expect(toInboxForm({ name: 'x', shared: false, filters: {} }).tags).toEqual([])
  })

  it('turns the choices into the saved filter', () => {
    const form: InboxForm = {
      ...emptyInboxForm(),
      name: 'VIP waiting',
      shared: true,
      statuses: new Set(['open', 'snoozed']),
      assignees: new Set(['me', 'none']),
      teamIds: new Set(['t1']),
      channelIds: new Set(['ch1', 'ch2']),
      fields: { city: ' Kazan ', orders: '2,5', vip: 'yes', plan: '', birthday: '1990-04-01', gone: 'x' },
      answered: 'unanswered',
      activeFrom: '2024-05-01',
      activeUntil: '2024-05-31',
    }
    const { filters } = toInboxInput(form, fields)
    expect(filters).toMatchObject({
      statuses: ['open', 'snoozed'],
      assignees: ['me', 'none'],
      team_ids: ['t1'],
      channel_ids: ['ch1', 'ch2'],
      contact_fields: { city: 'Kazan', orders: 2.5, vip: true, birthday: '1990-04-01' },
      unanswered: true,
    })
    // Both days included (TZ=UTC in the tests): from the first's midnight to the day after the last.
    expect(filters?.last_activity_after).toBe('2024-05-01T00:00:00.000Z')
    expect(filters?.last_activity_before).toBe('2024-06-01T00:00:00.000Z')
    expect(toInboxInput({ ...form, answered: 'answered' }, fields).filters?.unanswered).toBe(false)
  })

  it('round-trips through a saved inbox', () => {
    const form: InboxForm = {
      ...emptyInboxForm(),
      name: 'Round',
      statuses: new Set(['closed']),
      assignees: new Set(['u1']),
      fields: { vip: 'no', orders: '3' },
      answered: 'answered',
      activeFrom: '2024-02-28',
      activeUntil: '2024-02-29',
    }
    const back = toInboxForm(toInboxInput(form, fields) as Parameters<typeof toInboxForm>[0])
    expect(back).toEqual(form)
  })
})

describe('field values', () => {
  it('reads numbers, yes/no and text; blank or invalid is "any"', () => {
    expect(fieldValue('number', '42')).toBe(42)
    expect(fieldValue('number', 'many')).toBeUndefined()
    expect(fieldValue('checkbox', 'no')).toBe(false)
    expect(fieldValue('checkbox', '')).toBeUndefined()
    expect(fieldValue('text', '   ')).toBeUndefined()
    expect(fieldValue('list', 'Gold')).toBe('Gold')
  })
})

describe('days', () => {
  it('converts local days to instants and back', () => {
    expect(dayStart('2024-12-31', 1)).toBe('2025-01-01T00:00:00.000Z')
    expect(dayStart('31.12.2024')).toBeNull()
    expect(dayOf('2025-01-01T00:00:00.000Z', 1)).toBe('2024-12-31')
    expect(dayOf(null)).toBe('')
  })

  it('toggles set members without changing the original', () => {
    const a = new Set(['x'])
    expect([...toggled(a, 'y', true)]).toEqual(['x', 'y'])
    expect([...toggled(a, 'x', false)]).toEqual([])
    expect([...a]).toEqual(['x'])
  })
})

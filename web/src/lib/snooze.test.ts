import { afterEach, describe, expect, it, vi } from 'vitest'
import { daysToNextMonday, formatSnoozeTime, fromInputs, snoozePresets, snoozeProblem, toDateInput, toTimeInput } from './snooze'

// The presets are local wall-clock times: each test pins the zone it reasons in (Node applies
// a change of the TZ variable to the next Date it makes).
const zone = (tz: string) => vi.stubEnv('TZ', tz)
afterEach(() => {
  vi.unstubAllEnvs()
})

const iso = (presets: ReturnType<typeof snoozePresets>) =>
  Object.fromEntries(presets.map((p) => [p.key, p.until.toISOString()]))

describe('snooze presets in UTC (no DST)', () => {
  it('are 1 and 3 hours from now, tomorrow 9:00 and next Monday 9:00', () => {
    zone('UTC')
    // Wednesday afternoon.
    expect(iso(snoozePresets(new Date('2030-01-02T15:20:30Z')))).toEqual({
      hour: '2030-01-02T16:20:30.000Z',
      threeHours: '2030-01-02T18:20:30.000Z',
      tomorrow: '2030-01-03T09:00:00.000Z',
      nextMonday: '2030-01-07T09:00:00.000Z',
    })
  })

  it('go to the next month and year', () => {
    zone('UTC')
    // Tuesday 31 December, late evening.
    expect(iso(snoozePresets(new Date('2030-12-31T23:30:00Z')))).toEqual({
      hour: '2031-01-01T00:30:00.000Z',
      threeHours: '2031-01-01T02:30:00.000Z',
      tomorrow: '2031-01-01T09:00:00.000Z',
      nextMonday: '2031-01-06T09:00:00.000Z',
    })
  })

  it('take "next Monday" from a Monday to the week after, and from a Sunday to the next day', () => {
    zone('UTC')
    expect(daysToNextMonday(new Date('2030-01-07T08:00:00Z'))).toBe(7) // Monday before 9:00
    expect(daysToNextMonday(new Date('2030-01-06T20:00:00Z'))).toBe(1) // Sunday
    expect(daysToNextMonday(new Date('2030-01-05T20:00:00Z'))).toBe(2) // Saturday
    const sunday = iso(snoozePresets(new Date('2030-01-06T20:00:00Z')))
    expect(sunday.tomorrow).toBe('2030-01-07T09:00:00.000Z')
    expect(sunday.nextMonday).toBe('2030-01-07T09:00:00.000Z')
  })
})

describe('snooze presets in a zone with DST', () => {
  it('keep 9:00 local across the spring change; hours stay exact', () => {
    zone('Europe/Berlin')
    // Saturday 30 March 2030, 10:00 CET (+01:00); the clocks go forward that night.
    const now = new Date('2030-03-30T09:00:00Z')
    expect(now.getHours()).toBe(10)
    const p = iso(snoozePresets(now))
    expect(p.hour).toBe('2030-03-30T10:00:00.000Z')
    // Sunday 9:00 CEST (+02:00): 22 hours later, not 23.
    expect(p.tomorrow).toBe('2030-03-31T07:00:00.000Z')
    expect(p.nextMonday).toBe('2030-04-01T07:00:00.000Z')
  })

  it('keep 9:00 local across the autumn change', () => {
    zone('Europe/Berlin')
    // Saturday 26 October 2030, 12:00 CEST; back to CET that night.
    const p = iso(snoozePresets(new Date('2030-10-26T10:00:00Z')))
    expect(p.tomorrow).toBe('2030-10-27T08:00:00.000Z')
    expect(p.nextMonday).toBe('2030-10-28T08:00:00.000Z')
  })

  it('use the zone the user is in (Moscow, no DST)', () => {
    zone('Europe/Moscow')
    const p = iso(snoozePresets(new Date('2030-01-02T22:00:00Z'))) // 01:00 on Thursday in Moscow
    expect(p.tomorrow).toBe('2030-01-04T06:00:00.000Z')
  })
})

describe('custom snooze time', () => {
  it('round-trips the date and time inputs in local time', () => {
    zone('Europe/Berlin')
    const d = fromInputs('2030-07-15', '18:45')!
    expect(d.toISOString()).toBe('2030-07-15T16:45:00.000Z')
    expect([toDateInput(d), toTimeInput(d)]).toEqual(['2030-07-15', '18:45'])
  })

  it('refuses impossible dates and times skipped by DST', () => {
    zone('Europe/Berlin')
    expect(fromInputs('2030-02-31', '09:00')).toBeNull()
    expect(fromInputs('2030-03-31', '02:30')).toBeNull()
    expect(fromInputs('2030-03-31', '')).toBeNull()
  })

  it('says why a time cannot be used', () => {
    const now = new Date('2030-01-01T12:00:00Z')
    expect(snoozeProblem(null, now)).toBe('incomplete')
    expect(snoozeProblem(new Date('2030-01-01T11:59:00Z'), now)).toBe('past')
    expect(snoozeProblem(new Date('2033-01-01T12:00:00Z'), now)).toBe('tooFar')
    expect(snoozeProblem(new Date('2030-01-01T12:05:00Z'), now)).toBeNull()
  })
})

describe('formatSnoozeTime', () => {
  it('is as short as is clear', () => {
    zone('UTC')
    const now = new Date('2030-01-02T10:00:00Z') // Wednesday
    expect(formatSnoozeTime(new Date('2030-01-02T16:20:00Z'), now, 'en-GB')).toBe('16:20')
    // (ICU versions differ on a leading zero for the hour.)
    expect(formatSnoozeTime(new Date('2030-01-03T09:00:00Z'), now, 'en-GB')).toMatch(/^Thu 0?9:00$/)
    expect(formatSnoozeTime(new Date('2030-01-14T09:00:00Z'), now, 'en-GB')).toMatch(/^Mon 14 Jan, 0?9:00$/)
    expect(formatSnoozeTime(new Date('2031-01-06T09:00:00Z'), now, 'en-GB')).toContain('2031')
  })
})

import { describe, expect, it } from 'vitest'
import { calendarDaysBetween, formatDayLabel, formatDuration, formatListTime, type RelativeLabels } from './time'

// Tests run with TZ=UTC (see package.json).
const labels: RelativeLabels = {
  now: 'now',
  minutes: (n) => `${n} min`,
  today: 'Today',
  yesterday: 'Yesterday',
}
const now = new Date('2024-05-10T15:30:00Z') // a Friday

describe('formatListTime', () => {
  it('says "now" for the last minute (and for small clock skew)', () => {
    expect(formatListTime('2024-05-10T15:29:30Z', now, 'en', labels)).toBe('now')
    expect(formatListTime('2024-05-10T15:31:00Z', now, 'en', labels)).toBe('now')
  })
  it('counts minutes within the hour', () => {
    expect(formatListTime('2024-05-10T15:25:00Z', now, 'en', labels)).toBe('5 min')
    expect(formatListTime('2024-05-10T14:31:00Z', now, 'en', labels)).toBe('59 min')
  })
  it('shows the clock earlier today', () => {
    expect(formatListTime('2024-05-10T09:05:00Z', now, 'ru', labels)).toBe('9:05')
    expect(formatListTime('2024-05-10T13:05:00Z', now, 'ru', labels)).toBe('13:05')
    expect(formatListTime('2024-05-10T13:05:00Z', now, 'en', labels)).toBe('1:05 PM')
  })
  it('says yesterday, then weekday, then date', () => {
    expect(formatListTime('2024-05-09T23:59:00Z', now, 'en', labels)).toBe('Yesterday')
    expect(formatListTime('2024-05-06T12:00:00Z', now, 'en', labels)).toBe('Mon')
    expect(formatListTime('2024-05-06T12:00:00Z', now, 'ru', labels)).toBe('пн')
    expect(formatListTime('2024-03-12T12:00:00Z', now, 'en', labels)).toBe('Mar 12')
    expect(formatListTime('2023-03-12T12:00:00Z', now, 'ru', labels)).toBe('12.03.2023')
  })
  it('is empty for missing or bad input', () => {
    expect(formatListTime(null, now, 'en', labels)).toBe('')
    expect(formatListTime('garbage', now, 'en', labels)).toBe('')
  })
})

describe('formatDayLabel', () => {
  it('uses today / yesterday / the date', () => {
    expect(formatDayLabel(new Date('2024-05-10T01:00:00Z'), now, 'en', labels)).toBe('Today')
    expect(formatDayLabel(new Date('2024-05-09T01:00:00Z'), now, 'en', labels)).toBe('Yesterday')
    expect(formatDayLabel(new Date('2024-03-02T01:00:00Z'), now, 'ru', labels)).toBe('2 марта')
    expect(formatDayLabel(new Date('2023-03-02T01:00:00Z'), now, 'en', labels)).toBe('March 2, 2023')
  })
})

describe('helpers', () => {
  it('counts calendar days, not 24 h periods', () => {
    expect(calendarDaysBetween(new Date('2024-05-09T23:59:00Z'), new Date('2024-05-10T00:01:00Z'))).toBe(1)
    expect(calendarDaysBetween(new Date('2024-05-10T00:00:00Z'), new Date('2024-05-10T23:00:00Z'))).toBe(0)
  })
  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(65.4)).toBe('1:05')
    expect(formatDuration(null)).toBe('')
  })
})

// Snooze times, in the user's (the browser's) time zone. Pure: `now` comes in.

export type SnoozePresetKey = 'hour' | 'threeHours' | 'tomorrow' | 'nextMonday'
export type SnoozePreset = { key: SnoozePresetKey; until: Date }

const HOUR_MS = 3_600_000
/** "Tomorrow" and "next Monday" start the working day at this hour, local time. */
export const MORNING_HOUR = 9

/**
 * A local wall-clock time `days` calendar days after `now`'s date. `new Date(y, m, d, h)`
 * resolves in the local zone, so a day across a DST change is 23 or 25 hours long and
 * 9:00 stays 9:00.
 */
function localDayAt(now: Date, days: number, hour: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour, 0, 0, 0)
}

/** Days from `now`'s weekday to the next Monday (a Monday goes to the one after). */
export function daysToNextMonday(now: Date): number {
  const day = now.getDay() // 0 Sunday … 6 Saturday
  return ((8 - day) % 7) || 7
}

/** 1 hour, 3 hours (from now, exactly), tomorrow 9:00 and next Monday 9:00 (local time). */
export function snoozePresets(now: Date): SnoozePreset[] {
  return [
    { key: 'hour', until: new Date(now.getTime() + HOUR_MS) },
    { key: 'threeHours', until: new Date(now.getTime() + 3 * HOUR_MS) },
    { key: 'tomorrow', until: localDayAt(now, 1, MORNING_HOUR) },
    { key: 'nextMonday', until: localDayAt(now, daysToNextMonday(now), MORNING_HOUR) },
  ]
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The value of an `<input type="date">` / `<input type="time">` for a local time. */
export function toDateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
export function toTimeInput(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A local date ("2030-01-31") and time ("09:30") from the inputs, or null when incomplete. */
export function fromInputs(date: string, time: string): Date | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const tm = /^(\d{2}):(\d{2})$/.exec(time)
  if (!dm || !tm) return null
  const d = new Date(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]), 0, 0)
  // 2030-02-31 or a time skipped by a DST change would silently move: refuse those.
  if (d.getDate() !== Number(dm[3]) || d.getHours() !== Number(tm[1])) return null
  return d
}

/** The server allows two years at most (`MAX_SNOOZE`). */
export const MAX_SNOOZE_MS = 366 * 2 * 24 * HOUR_MS

export type SnoozeProblem = 'incomplete' | 'past' | 'tooFar'

/** Why a custom time can't be used, or null when it can. */
export function snoozeProblem(until: Date | null, now: Date): SnoozeProblem | null {
  if (!until) return 'incomplete'
  if (until.getTime() <= now.getTime()) return 'past'
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return 'tooFar'
  return null
}

/**
 * A snooze time, as short as is clear: "16:20" today, "Tue 09:00" this week, "Mon 1 Dec,
 * 09:00" further on (with the year when it is another one).
 */
export function formatSnoozeTime(d: Date, now: Date, locale: string): string {
  const sameDay = d.toDateString() === now.toDateString()
  const days = (new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) / 86_400_000
  const opts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' }
  if (!sameDay) {
    opts.weekday = 'short'
    if (Math.abs(days) >= 6) {
      opts.day = 'numeric'
      opts.month = 'short'
    }
    if (d.getFullYear() !== now.getFullYear()) opts.year = 'numeric'
  }
  return new Intl.DateTimeFormat(locale, opts).format(d)
}

/** The user's time zone, for the hint under the presets ("Europe/Moscow"). */
export function localZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

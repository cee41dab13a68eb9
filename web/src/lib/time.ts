// Date and time formatting for the inbox and the conversation (local time zone).

export type RelativeLabels = {
  now: string
  minutes: (n: number) => string
  yesterday: string
  today: string
}

const MINUTE = 60_000
const DAY = 86_400_000

function startOfDay(d: Date) {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/** Whole calendar days between two dates (0 = same day, 1 = `d` was yesterday). */
export function calendarDaysBetween(d: Date, now: Date) {
  return Math.round((startOfDay(now) - startOfDay(d)) / DAY)
}

export function formatClock(d: Date, locale: string) {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(d)
}

/**
 * The short time in an inbox row: "now", "5 min", "14:05", "Yesterday", "Mon", "12 Mar",
 * "12.03.2023".
 */
export function formatListTime(
  iso: string | null | undefined,
  now: Date,
  locale: string,
  labels: RelativeLabels,
): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const diff = now.getTime() - d.getTime()
  if (diff < MINUTE && diff > -5 * MINUTE) return labels.now
  if (diff < 60 * MINUTE && diff > 0) return labels.minutes(Math.floor(diff / MINUTE))
  const days = calendarDaysBetween(d, now)
  if (days <= 0) return formatClock(d, locale)
  if (days === 1) return labels.yesterday
  if (days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(d)
  if (d.getFullYear() === now.getFullYear()) {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(d)
  }
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d)
}

/** The label of a date separator: "Today", "Yesterday", "12 March", "12 March 2023". */
export function formatDayLabel(d: Date, now: Date, locale: string, labels: RelativeLabels): string {
  const days = calendarDaysBetween(d, now)
  if (days === 0) return labels.today
  if (days === 1) return labels.yesterday
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' }
  if (d.getFullYear() !== now.getFullYear()) opts.year = 'numeric'
  return new Intl.DateTimeFormat(locale, opts).format(d)
}

/** Full date and time, for tooltips. */
export function formatFull(iso: string, locale: string) {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d)
}

/** Seconds as m:ss (voice message durations). */
export function formatDuration(seconds: number | null | undefined) {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return ''
  const s = Math.round(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

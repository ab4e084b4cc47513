/**
 * Working time in Stockholm: weekdays 08:00–17:00 local time, except Swedish public holidays and the
 * days the city treats as such (julafton, midsommarafton, nyårsafton). Holidays are computed from the
 * rules (Easter by the Gregorian computus), never listed by hand, so next year needs no edit.
 */

export const TIME_ZONE = 'Europe/Stockholm';
export const WORKDAY_START_HOUR = 8;
export const WORKDAY_END_HOUR = 17;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A calendar date (month 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const ymd = (d: LocalDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function fromUtcDay(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const utcDay = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day);

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The first date in [from, from+6] falling on `weekday` (0 = Sunday … 6 = Saturday). */
function weekdayOnOrAfter(year: number, month: number, from: number, weekday: number): number {
  const start = utcDay(year, month, from);
  const offset = (weekday - new Date(start).getUTCDay() + 7) % 7;
  return start + offset * DAY_MS;
}

/** Non-working holidays of a year by date ("YYYY-MM-DD" → Swedish name). */
export function swedishHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const e = utcDay(easter.year, easter.month, easter.day);
  const midsommardagen = weekdayOnOrAfter(year, 6, 20, 6);
  const allaHelgons = weekdayOnOrAfter(year, 10, 31, 6);
  const days: Array<[number, string]> = [
    [utcDay(year, 1, 1), 'Nyårsdagen'],
    [utcDay(year, 1, 6), 'Trettondedag jul'],
    [e - 2 * DAY_MS, 'Långfredagen'],
    [e - DAY_MS, 'Påskafton'],
    [e, 'Påskdagen'],
    [e + DAY_MS, 'Annandag påsk'],
    [utcDay(year, 5, 1), 'Första maj'],
    [e + 39 * DAY_MS, 'Kristi himmelsfärdsdag'],
    [e + 49 * DAY_MS, 'Pingstdagen'],
    [utcDay(year, 6, 6), 'Sveriges nationaldag'],
    [midsommardagen - DAY_MS, 'Midsommarafton'],
    [midsommardagen, 'Midsommardagen'],
    [allaHelgons, 'Alla helgons dag'],
    [utcDay(year, 12, 24), 'Julafton'],
    [utcDay(year, 12, 25), 'Juldagen'],
    [utcDay(year, 12, 26), 'Annandag jul'],
    [utcDay(year, 12, 31), 'Nyårsafton'],
  ];
  return new Map(days.map(([ms, name]) => [ymd(fromUtcDay(ms)), name]));
}

const holidayCache = new Map<number, Map<string, string>>();

function holidaysOf(year: number): Map<string, string> {
  let h = holidayCache.get(year);
  if (!h) {
    h = swedishHolidays(year);
    holidayCache.set(year, h);
  }
  return h;
}

/** True on Monday–Friday that is not a holiday. */
export function isWorkingDay(date: LocalDate): boolean {
  const weekday = new Date(utcDay(date.year, date.month, date.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(date.year).has(ymd(date));
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Stockholm wall-clock parts of an instant. */
export function stockholmParts(at: Date): LocalDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The instant of a Stockholm wall-clock time (daylight saving handled by asking the formatter). */
export function stockholmInstant(date: LocalDate, hour: number): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour);
  // The offset is +1 or +2 hours; correct the guess by what the formatter says it shows.
  for (const offset of [1, 2]) {
    const candidate = new Date(guess - offset * HOUR_MS);
    const p = stockholmParts(candidate);
    if (p.hour === hour && p.day === date.day) return candidate;
  }
  return new Date(guess - HOUR_MS);
}

/** True inside working hours on a working day, Stockholm time. */
export function isWorkingTime(at: Date): boolean {
  const p = stockholmParts(at);
  return isWorkingDay(p) && p.hour >= WORKDAY_START_HOUR && p.hour < WORKDAY_END_HOUR;
}

/** Stockholm calendar date of an instant, as "YYYY-MM-DD". */
export function stockholmDate(at: Date): string {
  return ymd(stockholmParts(at));
}

/** ISO week of an instant in Stockholm, as "YYYY-Www" (for the weekly digest's slot). */
export function stockholmIsoWeek(at: Date): string {
  const p = stockholmParts(at);
  const day = utcDay(p.year, p.month, p.day);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - utcDay(year, 1, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Longest span walked day by day: beyond it a question is overdue whatever the calendar says. */
const MAX_DAYS = 400;

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let cursor = stockholmParts(from);
  let day = utcDay(cursor.year, cursor.month, cursor.day);
  for (let i = 0; i < MAX_DAYS; i++) {
    const date = fromUtcDay(day);
    if (isWorkingDay(date)) {
      const start = Math.max(stockholmInstant(date, WORKDAY_START_HOUR).getTime(), from.getTime());
      const end = Math.min(stockholmInstant(date, WORKDAY_END_HOUR).getTime(), to.getTime());
      if (end > start) total += end - start;
    }
    if (stockholmInstant(date, 23).getTime() >= to.getTime()) return total;
    day += DAY_MS;
    cursor = { ...cursor, ...date };
  }
  return total;
}

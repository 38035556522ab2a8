/**
 * Dates and times in GOV.UK style ("11:59pm on Tuesday 14 June 2026"), in English, Welsh and Gaelic.
 *
 * Chromium ships no Welsh or Gaelic calendar data (Intl silently answers in English), so month and
 * weekday names, am/pm and duration phrases are ordinary messages here and their translations live
 * in the XLIFF files like every other string. Intl is used only for what is language-neutral: time
 * zone arithmetic (see feed/time.ts) and plural categories.
 */
import { msg, str } from '@lit/localize';
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS, zonedParts } from '../feed/time.js';
import { plural } from './plural.js';

/**
 * A month's name inside a date ("14 June 2026") or standing alone ("March 2015"): two messages each,
 * because Gaelic uses the genitive inside a date ("dhen Ògmhios", "An t-Ògmhios").
 */
function monthName(month: number, inDate: boolean): string {
  switch (month) {
    case 1: return inDate ? msg('January', { id: 'date.month.1' }) : msg('January', { id: 'date.monthAlone.1' });
    case 2: return inDate ? msg('February', { id: 'date.month.2' }) : msg('February', { id: 'date.monthAlone.2' });
    case 3: return inDate ? msg('March', { id: 'date.month.3' }) : msg('March', { id: 'date.monthAlone.3' });
    case 4: return inDate ? msg('April', { id: 'date.month.4' }) : msg('April', { id: 'date.monthAlone.4' });
    case 5: return inDate ? msg('May', { id: 'date.month.5' }) : msg('May', { id: 'date.monthAlone.5' });
    case 6: return inDate ? msg('June', { id: 'date.month.6' }) : msg('June', { id: 'date.monthAlone.6' });
    case 7: return inDate ? msg('July', { id: 'date.month.7' }) : msg('July', { id: 'date.monthAlone.7' });
    case 8: return inDate ? msg('August', { id: 'date.month.8' }) : msg('August', { id: 'date.monthAlone.8' });
    case 9: return inDate ? msg('September', { id: 'date.month.9' }) : msg('September', { id: 'date.monthAlone.9' });
    case 10: return inDate ? msg('October', { id: 'date.month.10' }) : msg('October', { id: 'date.monthAlone.10' });
    case 11: return inDate ? msg('November', { id: 'date.month.11' }) : msg('November', { id: 'date.monthAlone.11' });
    default: return inDate ? msg('December', { id: 'date.month.12' }) : msg('December', { id: 'date.monthAlone.12' });
  }
}

/** 0 = Sunday, as `Date.getUTCDay()`. */
function weekdayName(weekday: number): string {
  switch (weekday) {
    case 0: return msg('Sunday', { id: 'date.weekday.0' });
    case 1: return msg('Monday', { id: 'date.weekday.1' });
    case 2: return msg('Tuesday', { id: 'date.weekday.2' });
    case 3: return msg('Wednesday', { id: 'date.weekday.3' });
    case 4: return msg('Thursday', { id: 'date.weekday.4' });
    case 5: return msg('Friday', { id: 'date.weekday.5' });
    default: return msg('Saturday', { id: 'date.weekday.6' });
  }
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** Reads `YYYY-MM-DD` without any time zone: it already is a calendar date. */
export function calendarDate(iso: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday };
}

/** "Tuesday 14 June 2026", or "14 June 2026" without the weekday. */
export function formatCalendarDate(date: CalendarDate, options: { weekday?: boolean } = {}): string {
  const { day, year } = date;
  const month = monthName(date.month, true);
  if (!options.weekday) return msg(str`${day} ${month} ${year}`, { id: 'date.dmy' });
  const weekday = weekdayName(date.weekday);
  return msg(str`${weekday} ${day} ${month} ${year}`, { id: 'date.wdmy' });
}

/** A feed Date (`YYYY-MM-DD`) for people: "14 June 2026". Returns the input if it is not a date. */
export function formatIsoDate(iso: string, options: { weekday?: boolean } = {}): string {
  const date = calendarDate(iso);
  return date ? formatCalendarDate(date, options) : iso;
}

/** "March 2015". */
export function formatMonthYear(iso: string): string {
  const date = calendarDate(iso);
  if (!date) return iso;
  const month = monthName(date.month, false);
  const year = date.year;
  return msg(str`${month} ${year}`, { id: 'date.my' });
}

/** The calendar date of an instant in a time zone. */
export function calendarDateAt(instant: number, timeZone: string): CalendarDate {
  const p = zonedParts(instant, timeZone);
  return { year: p.year, month: p.month, day: p.day, weekday: p.weekday };
}

/** GOV.UK style: "11:59pm", "9am", "midday", "midnight". */
export function formatTime(instant: number, timeZone: string): string {
  const { hour, minute } = zonedParts(instant, timeZone);
  if (minute === 0 && hour === 12) return msg('midday', { id: 'time.midday' });
  if (minute === 0 && hour === 0) return msg('midnight', { id: 'time.midnight' });
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = minute === 0 ? String(h12) : `${h12}:${String(minute).padStart(2, '0')}`;
  return hour < 12 ? msg(str`${clock}am`, { id: 'time.am' }) : msg(str`${clock}pm`, { id: 'time.pm' });
}

/** "11:59pm on Tuesday 14 June 2026". */
export function formatDateTime(instant: number, timeZone: string): string {
  const time = formatTime(instant, timeZone);
  const date = calendarDateAt(instant, timeZone);
  const weekday = weekdayName(date.weekday);
  const { day, year } = date;
  const month = monthName(date.month, true);
  return msg(str`${time} on ${weekday} ${day} ${month} ${year}`, { id: 'date.timeOnDate' });
}

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const DURATIONS: Record<DurationUnit, () => string> = {
  second: () => msg('{count, plural, one {# second} other {# seconds}}', { id: 'duration.second' }),
  minute: () => msg('{count, plural, one {# minute} other {# minutes}}', { id: 'duration.minute' }),
  hour: () => msg('{count, plural, one {# hour} other {# hours}}', { id: 'duration.hour' }),
  day: () => msg('{count, plural, one {# day} other {# days}}', { id: 'duration.day' }),
  week: () => msg('{count, plural, one {# week} other {# weeks}}', { id: 'duration.week' }),
  month: () => msg('{count, plural, one {# month} other {# months}}', { id: 'duration.month' }),
  year: () => msg('{count, plural, one {# year} other {# years}}', { id: 'duration.year' }),
};

/** "1 day", "5 days"; in Welsh and Gaelic with each plural category's own noun form. */
export function formatDuration(n: number, unit: DurationUnit): string {
  return plural(n, DURATIONS[unit]());
}

/** The largest whole unit that fits, for "5 days ago" / "in 3 hours" (weeks and longer by days). */
export function largestUnit(ms: number): { n: number; unit: DurationUnit } {
  const abs = Math.abs(ms);
  if (abs >= 365 * DAY_MS) return { n: Math.floor(abs / (365 * DAY_MS)), unit: 'year' };
  if (abs >= 30 * DAY_MS) return { n: Math.floor(abs / (30 * DAY_MS)), unit: 'month' };
  if (abs >= 2 * WEEK_MS) return { n: Math.floor(abs / WEEK_MS), unit: 'week' };
  if (abs >= DAY_MS) return { n: Math.floor(abs / DAY_MS), unit: 'day' };
  if (abs >= HOUR_MS) return { n: Math.floor(abs / HOUR_MS), unit: 'hour' };
  return { n: Math.floor(abs / MINUTE_MS), unit: 'minute' };
}

/** "in 5 days", "3 hours ago", "just now": `then` seen from `now`. */
export function formatRelative(then: number, now: number): string {
  const diff = then - now;
  if (Math.abs(diff) < MINUTE_MS) return msg('just now', { id: 'relative.now' });
  const { n, unit } = largestUnit(diff);
  const duration = formatDuration(n, unit);
  return diff > 0
    ? msg(str`in ${duration}`, { id: 'relative.future' })
    : msg(str`${duration} ago`, { id: 'relative.past' });
}

/**
 * The arithmetic of a consultation countdown, with no text and no DOM: which state it is in, what
 * to count, and when the count will next change. All of it is in the compact's time zone, from
 * instants, so it stays right across the clock changes.
 *
 * How we count (docs/elements/consultation-countdown.md says the same for webmasters):
 * - **Days** are calendar days in the compact's zone: "Closes in 3 days" on Friday for a Monday
 *   closing, whatever the hour. The figure changes at midnight.
 * - **Hours and minutes** (the last 48 hours) are counted by the clock, to the minute: at 3:40pm
 *   a consultation closing at 5pm has "1 hour 20 minutes" left. The figure changes when the
 *   minute does, in step with the clock the person is looking at. A date-only closing is
 *   23:59:59, shown as 11:59pm; in its last partial minute it has "less than a minute".
 * - **Thresholds** are counted the same way: "Closing soon" when fewer than 7 × 24 clock hours
 *   are left, hours and minutes when fewer than 48, a "day left" milestone under 24, an "hour
 *   left" milestone under 1. A consultation is open from `opensAt` and closed from `closesAt`,
 *   exactly.
 */
import type { Consultation, IsoDate } from '../feed/types.js';
import { DAY_MS, MINUTE_MS, SECOND_MS, startOfDayInZone, todayInZone, zonedParts } from '../feed/time.js';

const CLOSING_SOON_MINUTES = 7 * 24 * 60;
const LAST_HOURS_MINUTES = 48 * 60;
const DAY_LEFT_MINUTES = 24 * 60;
const HOUR_LEFT_MINUTES = 60;

export type Phase = 'upcoming' | 'open' | 'closed';

/** The points at which a screen-reader user is told something, in the order they are reached. */
export type Milestone = 'upcoming' | 'open' | 'day' | 'hour' | 'closed';
export const MILESTONES: readonly Milestone[] = ['upcoming', 'open', 'day', 'hour', 'closed'];

export interface Countdown {
  phase: Phase;
  milestone: Milestone;
  /** Calendar days (compact's zone) from today to the opening date (upcoming) or closing date (open). */
  days: number;
  /** Clock minutes left until closing (open only). */
  minutes: number;
  /** Clock seconds left until closing (open only). */
  seconds: number;
  /** Open with fewer than 7 days left. */
  closingSoon: boolean;
  /** Open with fewer than 48 hours left: counted in hours and minutes. */
  lastHours: boolean;
  /** Open with less than an hour left: seconds may be shown on request. */
  lastHour: boolean;
  /** The next instant at which anything shown can change; undefined once closed. */
  next?: number;
}

type Timed = Pick<Consultation, 'opensAt' | 'closesAt'>;

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(iso: IsoDate, n: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d + n);
  return date.toISOString().slice(0, 10);
}

/** Calendar days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (iso: IsoDate) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getTime();
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The first instant of the next calendar day in `zone` (25 or 23 hours away on clock-change days). */
export function nextMidnight(now: number, zone: string): number {
  return startOfDayInZone(addDays(todayInZone(now, zone), 1), zone);
}

/** True when `instant` is the start of its day in `zone` (a date-only opening): show the date alone. */
export function isStartOfDay(instant: number, zone: string): boolean {
  return startOfDayInZone(todayInZone(instant, zone), zone) === instant;
}

/** Whole clock units between two instants: the difference of the two clock readings, truncated. */
function clockDiff(from: number, to: number, unit: number): number {
  return Math.floor(to / unit) - Math.floor(from / unit);
}

/** The first instant at which fewer than `limit` clock minutes remain before `closesAt`. */
function whenFewerMinutes(closesAt: number, limit: number): number {
  return (Math.floor(closesAt / MINUTE_MS) - limit + 1) * MINUTE_MS;
}

/** Where a consultation stands at `now`. `withSeconds`: the person asked for seconds in the last hour. */
export function countdown(c: Timed, now: number, zone: string, withSeconds = false): Countdown {
  const today = todayInZone(now, zone);
  if (now < c.opensAt) {
    return {
      phase: 'upcoming',
      milestone: 'upcoming',
      days: daysBetween(today, todayInZone(c.opensAt, zone)),
      minutes: 0,
      seconds: 0,
      closingSoon: false,
      lastHours: false,
      lastHour: false,
      next: Math.min(c.opensAt, nextMidnight(now, zone)),
    };
  }
  if (now >= c.closesAt) {
    return {
      phase: 'closed',
      milestone: 'closed',
      days: 0,
      minutes: 0,
      seconds: 0,
      closingSoon: false,
      lastHours: false,
      lastHour: false,
    };
  }
  const minutes = clockDiff(now, c.closesAt, MINUTE_MS);
  const seconds = clockDiff(now, c.closesAt, SECOND_MS);
  const lastHours = minutes < LAST_HOURS_MINUTES;
  const lastHour = minutes < HOUR_LEFT_MINUTES;
  let next: number;
  if (lastHour && withSeconds) next = (Math.floor(now / SECOND_MS) + 1) * SECOND_MS;
  else if (lastHours) next = (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS;
  else {
    next = Math.min(nextMidnight(now, zone), whenFewerMinutes(c.closesAt, LAST_HOURS_MINUTES));
    if (minutes >= CLOSING_SOON_MINUTES) next = Math.min(next, whenFewerMinutes(c.closesAt, CLOSING_SOON_MINUTES));
  }
  return {
    phase: 'open',
    milestone: lastHour ? 'hour' : minutes < DAY_LEFT_MINUTES ? 'day' : 'open',
    days: daysBetween(today, todayInZone(c.closesAt, zone)),
    minutes,
    seconds,
    closingSoon: minutes < CLOSING_SOON_MINUTES,
    lastHours,
    lastHour,
    next: Math.min(next, c.closesAt),
  };
}

/**
 * The length of a consultation in days, as people count it: from the opening date to the closing
 * date in the compact's zone. Monday 5 October to Monday 28 December is 84 days, 12 weeks; a
 * consultation closing on Sunday 27 December is a day short of them.
 */
export function periodDays(c: Timed, zone: string): number {
  return daysBetween(todayInZone(c.opensAt, zone), todayInZone(c.closesAt, zone));
}

/** Shorter than the compact's standard of `weeks` weeks. */
export function isShorterThanStandard(c: Timed, weeks: number, zone: string): boolean {
  return periodDays(c, zone) < weeks * 7;
}

/**
 * The list to show without a `consultation` id: open ones soonest-closing first, then upcoming
 * ones soonest-opening first, then (only with `show-closed`) closed ones most recent first; at
 * most `limit` in all.
 */
export function selectConsultations<T extends Timed>(
  list: readonly T[],
  now: number,
  options: { limit: number; showClosed: boolean },
): T[] {
  const open = list.filter((c) => c.opensAt <= now && now < c.closesAt).sort((a, b) => a.closesAt - b.closesAt);
  const upcoming = list.filter((c) => now < c.opensAt).sort((a, b) => a.opensAt - b.opensAt);
  const closed = options.showClosed
    ? list.filter((c) => c.closesAt <= now).sort((a, b) => b.closesAt - a.closesAt)
    : [];
  return [...open, ...upcoming, ...closed].slice(0, options.limit);
}

/** `2027-06-14T23:59:59+01:00`: the instant as the compact's clocks read it, for `<time datetime>`. */
export function isoInZone(instant: number, zone: string): string {
  const p = zonedParts(instant, zone);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  const offset = Math.round((wall.getTime() - Math.floor(instant / SECOND_MS) * SECOND_MS) / MINUTE_MS);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

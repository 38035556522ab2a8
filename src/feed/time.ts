/**
 * Pure date and time helpers for the feed. No dependencies beyond `Intl` (which carries the IANA
 * zone data in every browser we support and in Node).
 *
 * Conventions (feed-spec.md):
 * - a **Date** is `YYYY-MM-DD`, a real calendar date (2026-02-30 is not a date);
 * - a **DateTime** is RFC 3339 *with* an offset (`Z` or `±hh:mm`); without an offset it is invalid.
 *   `T` and `Z` may be lower case (RFC 3339 §5.6 allows it); fractions of a second are allowed;
 *   a leap second (`:60`) is not accepted (no JavaScript clock can represent it).
 *
 * Only `en-GB` `Intl` data is used, and only for numbers: never for Welsh or Gaelic text.
 */

import type { IsoDate, IsoDateTime } from './types.js';
import { withoutInherited } from './options.js';

/** The one set of time constants every module uses (milliseconds). */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/**
 * `YYYY-MM-DD` with a month of 01–12 and a day of 01–31; `isIsoDate` checks the 29th to the 31st
 * against their month (leap years included). The whole rule is written as a single regular
 * expression in `schema/compact-feed-v1.schema.json`.
 */
const DATE_SHAPE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** RFC 3339 date-time with a mandatory offset. */
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Milliseconds since the epoch of a wall-clock time read as UTC. Unlike `Date.UTC` this does not
 * map years 0–99 to 1900–1999.
 */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !DATE_SHAPE.test(s)) return false;
  // Every month has a 28th: most dates need nothing more (a list may have ten thousand of them).
  const day = digitsAt(s, 8, 10);
  return day <= 28 || isCalendarDate(digitsAt(s, 0, 4), digitsAt(s, 5, 7), day);
}

/**
 * The number the ASCII digits `s[from..to)` write. Read where they stand, without a match array or
 * substrings: a list of ten thousand signatories has ten thousand dates to check.
 */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** The parts of a valid DateTime, or null. */
function dateTimeParts(s: unknown) {
  if (typeof s !== 'string') return null;
  const m = DATE_TIME_RE.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Milliseconds: the first three digits of the fraction (truncated, as Date.parse does).
  const ms = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0;
  return { year, month, day, hour, minute, second, ms, offsetMinutes };
}

/** True for an RFC 3339 date-time *with* an offset (`Z` or `±hh:mm`). */
export function isIsoDateTime(s: unknown): s is IsoDateTime {
  return dateTimeParts(s) !== null;
}

/** The instant (epoch ms) of an RFC 3339 date-time with offset, or null if it is not one. */
export function parseDateTime(s: unknown): number | null {
  const p = dateTimeParts(s);
  if (!p) return null;
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms) - p.offsetMinutes * MINUTE_MS;
}

// ---------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The contract's time zone for a compact that names none (feed-spec.md). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/**
 * The contract's default zone, which nearly every feed names, is known without asking `Intl`: a
 * page's first date format costs about 10 ms (its calendar data is loaded then), and the list, the
 * badge and the form never need one to show a feed. Every engine with time zone support knows it.
 */
const zoneValidity = new Map<string, boolean>([[DEFAULT_TIME_ZONE, true]]);

/** One cached `Intl.DateTimeFormat` per zone: creating them is expensive. Throws for a bad zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', withoutInherited<Intl.DateTimeFormatOptions>({
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }));
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * True if `tz` is an IANA time zone name this browser knows (`Europe/London`, `UTC`, ...).
 * Offset strings such as `+01:00` are not IANA zones and are refused even where `Intl` accepts them.
 */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !/^[A-Za-z]/.test(tz)) return false;
  let ok = zoneValidity.get(tz);
  if (ok === undefined) {
    try {
      formatterFor(tz);
      ok = true;
    } catch {
      ok = false;
    }
    zoneValidity.set(tz, ok);
  }
  return ok;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The wall-clock reading of `instant` (epoch ms) in `timeZone`. Throws a RangeError for a bad zone. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  let year = get('year');
  // en-GB writes years before 1 AD as "1 BC", "2 BC", ...: year 0 is 1 BC.
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  if (/^B/i.test(era)) year = 1 - year;
  const month = get('month');
  const day = get('day');
  const weekday = new Date(utcMs(year, month, day)).getUTCDay();
  return { year, month, day, hour: get('hour'), minute: get('minute'), second: get('second'), weekday };
}

/** The zone's offset from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant (epoch ms) at which the clocks in `timeZone` read the given wall time
 * (`month` 1–12). Correct on both sides of daylight-saving changes. The two awkward cases follow
 * Temporal's `'compatible'` rule, which is what people expect of a clock:
 * - a wall time that does not exist (clocks go forward: 01:30 in London on 2026-03-29) is moved
 *   forward by the length of the gap (→ 02:30 BST, 01:30 UTC);
 * - a wall time that happens twice (clocks go back: 01:30 in London on 2026-10-25) is the
 *   *earlier* of the two (01:30 BST = 00:30 UTC).
 * Throws a RangeError for an invalid zone.
 */
export function zonedDateTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const wall = utcMs(year, month, day, hour, minute, second);
  if (!Number.isFinite(wall)) return NaN;
  // The offsets a day either side: any one transition near `wall` lies between them.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const matching = candidates.filter((t) => t + offsetAt(t, timeZone) === wall);
  if (matching.length > 0) return matching[0]!; // the only one, or the earlier of two
  // In a gap: read the wall time with the offset from before the change, i.e. move it forward.
  return wall - before;
}

function dateParts(isoDate: string): [number, number, number] | null {
  if (!isIsoDate(isoDate)) return null;
  return isoDate.split('-').map(Number) as [number, number, number];
}

/**
 * The first instant of a calendar day in `tz` (00:00, or the first moment after midnight where
 * midnight does not exist). NaN if `isoDate` is not a valid Date; throws for an invalid zone.
 */
export function startOfDayInZone(isoDate: IsoDate, tz: string): number {
  const d = dateParts(isoDate);
  return d ? zonedDateTimeToInstant(d[0], d[1], d[2], 0, 0, 0, tz) : NaN;
}

/**
 * 23:59:59 local time on a calendar day in `tz` (what a feed means by a Date `closes`).
 * NaN if `isoDate` is not a valid Date; throws for an invalid zone.
 */
export function endOfDayInZone(isoDate: IsoDate, tz: string): number {
  const d = dateParts(isoDate);
  return d ? zonedDateTimeToInstant(d[0], d[1], d[2], 23, 59, 59, tz) : NaN;
}

/** The calendar date (`YYYY-MM-DD`) in `tz` at `instant`. */
export function todayInZone(instant: number, tz: string): IsoDate {
  const p = zonedParts(instant, tz);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

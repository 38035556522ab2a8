/**
 * A VTIMEZONE for an IANA zone over the years a calendar needs, worked out with `Intl` (the same
 * zone data the widgets use). RFC 5545 requires one for every TZID a calendar names; ical-generator
 * leaves it to a generator, and the packages that ship one are not installed.
 */
import { zonedParts } from 'compact-widgets/feed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time `YYYYMMDDTHHMMSS` of an instant read with a fixed offset. */
function wallText(instant: number, offset: number): string {
  const d = new Date(instant + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Every change of offset from the start of `firstYear` to the end of `lastYear` (UTC years). */
export function transitions(timeZone: string, firstYear: number, lastYear: number): { initial: number; changes: Transition[] } {
  const start = Date.UTC(firstYear, 0, 1);
  const end = Date.UTC(lastYear + 1, 0, 1);
  const initial = offsetMinutes(start, timeZone);
  const changes: Transition[] = [];
  let before = initial;
  for (let t = start; t < end; t += DAY) {
    const next = offsetMinutes(t + DAY, timeZone);
    if (next === before) continue;
    // The change lies in (t, t + DAY]: narrow it to the minute.
    let low = t;
    let high = t + DAY;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high, from: before, to: next });
    before = next;
  }
  return { initial, changes };
}

/** `BEGIN:VTIMEZONE … END:VTIMEZONE` (CRLF lines) for `timeZone` from `firstYear` to `lastYear`. */
export function vtimezone(timeZone: string, firstYear: number, lastYear: number): string {
  const { initial, changes } = transitions(timeZone, firstYear, lastYear);
  const offsets = [initial, ...changes.map((c) => c.to)];
  const standardOffset = Math.min(...offsets);
  const part = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) =>
    [`BEGIN:${kind}`, `DTSTART:${wallText(at, from)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`];
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...part(initial === standardOffset ? 'STANDARD' : 'DAYLIGHT', Date.UTC(firstYear, 0, 1), initial, initial),
    ...changes.flatMap((c) => part(c.to === standardOffset ? 'STANDARD' : 'DAYLIGHT', c.at, c.from, c.to)),
    'END:VTIMEZONE',
  ];
  return lines.join('\r\n');
}

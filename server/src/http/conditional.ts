/**
 * Conditional GETs (RFC 9110 13.1) for every public answer a cache may keep: the feeds, and the
 * pages, calendars and update feeds made from them. One rule for all of them.
 */
import type { FastifyRequest } from 'fastify';

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** IMF-fixdate, and the two obsolete forms a recipient must still read (RFC 9110 5.6.7). */
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} (?:\\d{2}| \\d) ${TIME} \\d{4}$`);

/** An HTTP-date as milliseconds, or undefined for anything else (which the field must then be taken as absent). */
export function httpDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  let ms = Number.NaN;
  if (IMF_FIXDATE.test(value) || RFC_850.test(value)) ms = Date.parse(value);
  // asctime has no zone, and is UTC: read without one, Date.parse would take the server's own.
  else if (ASCTIME.test(value)) ms = Date.parse(`${value} GMT`);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Whether the client's copy is current. `If-None-Match` (any of a list, or `*`, compared weakly) wins
 * over `If-Modified-Since`, which is ignored unless it is an HTTP-date no later than now: a
 * client's `If-Modified-Since: 99999` (read by `Date.parse` as that year) or a clock ahead of ours
 * must not keep it from a change. `etags`: every tag the answer has (a feed has one per encoding).
 */
export function notModified(request: FastifyRequest, etags: readonly string[], modifiedMs: number, nowMs: number): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) {
    return match.split(',').some((tag) => {
      const value = tag.trim().replace(/^W\//, '');
      return value === '*' || etags.includes(value);
    });
  }
  const since = httpDate(request.headers['if-modified-since']);
  return since !== undefined && since <= nowMs && Math.floor(modifiedMs / 1000) * 1000 <= since;
}

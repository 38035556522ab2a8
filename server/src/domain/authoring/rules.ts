/**
 * The rules the widgets apply, worked out the same way here (the report and the editor must agree
 * with what a reader sees): a consultation's length in days from its opening date to its closing
 * date in the compact's zone (src/consultation-countdown/countdown.ts `periodDays`), and an action
 * overdue when its due date is before today's date in that zone and it is neither complete nor
 * cancelled (src/action-plan/model.ts `isOverdue`).
 */
import { isIsoDate, isIsoDateTime, parseDateTime, startOfDayInZone, endOfDayInZone, todayInZone } from 'compact-widgets/feed';

const DAY = 86_400_000;

/** Days from one calendar date to another (`YYYY-MM-DD`), whatever the clocks did in between. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The instant a consultation opens: a Date is 00:00 that day in the zone. NaN when not a Date or DateTime. */
export function opensAt(value: string, zone: string): number {
  if (isIsoDate(value)) return startOfDayInZone(value, zone);
  return isIsoDateTime(value) ? (parseDateTime(value) ?? NaN) : NaN;
}

/** The instant a consultation closes: a Date is 23:59:59 that day in the zone. */
export function closesAt(value: string, zone: string): number {
  if (isIsoDate(value)) return endOfDayInZone(value, zone);
  return isIsoDateTime(value) ? (parseDateTime(value) ?? NaN) : NaN;
}

export function periodDays(opens: number, closes: number, zone: string): number {
  return daysBetween(todayInZone(opens, zone), todayInZone(closes, zone));
}

export interface LengthCheck {
  days: number;
  standardWeeks: number;
  shorter: boolean;
  /** "12 weeks", "11 weeks and 6 days". */
  length: string;
}

export function describeDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const w = weeks ? `${weeks} week${weeks === 1 ? '' : 's'}` : '';
  const d = rest || !weeks ? `${rest} day${rest === 1 ? '' : 's'}` : '';
  return [w, d].filter(Boolean).join(' and ');
}

export function lengthCheck(opens: number, closes: number, zone: string, standardWeeks: number): LengthCheck | undefined {
  if (!Number.isFinite(opens) || !Number.isFinite(closes) || closes <= opens) return undefined;
  const days = periodDays(opens, closes, zone);
  return { days, standardWeeks, shorter: days < standardWeeks * 7, length: describeDays(days) };
}

export function isOverdue(action: { due?: string; status: string }, today: string): boolean {
  return action.due !== undefined && action.due < today && action.status !== 'complete' && action.status !== 'cancelled';
}

/** When to try a pledge again: pure functions of the attempt, the answer and the clock. */
import { SECOND_MS } from '../feed/time.js';

export interface RetryPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** The longest `Retry-After` honoured (a server asking for a day is asking too much of a tab). */
  maxRetryAfterMs: number;
}

/** `Retry-After` as delay-seconds or an HTTP-date, in ms from `now`; undefined if unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * SECOND_MS;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential back-off with "equal jitter": between half and all of base·2^attempt, capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The wait before attempt `attempt + 1` (attempts made so far: `attempt`). A `Retry-After` (429) is
 * honoured, but never sooner than the back-off (`Retry-After: 0` or a past date would otherwise
 * resend in a tight loop) and never later than the cap.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfter?: { header: string | null; now: number },
): number {
  const floor = backoffMs(attempt, policy.backoffBaseMs, policy.backoffMaxMs, random);
  const asked = retryAfter && retryAfterMs(retryAfter.header, retryAfter.now);
  return asked === undefined ? floor : Math.min(Math.max(asked, floor), policy.maxRetryAfterMs);
}

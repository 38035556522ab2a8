/**
 * One clock for every countdown on the page, in the manner of github/relative-time-element.
 *
 * Each countdown says when its text will next change ("my next visible change is at instant T").
 * The ticker keeps a single `setTimeout` for the earliest of those instants, so twenty countdowns
 * cost one timer, and a countdown showing "Closes in 12 days" sleeps until midnight instead of
 * waking every second. While the page is hidden there is no timer at all; when it is shown again
 * every countdown that fell due is brought up to date at once. With no subscribers left, no timer
 * and no listener remain.
 */
import { HOUR_MS } from '../feed/time.js';

export interface TickerSubscriber {
  /** Called once the subscriber's instant has come; it should re-render and schedule again. */
  tick(): void;
}

/**
 * The longest single sleep. Timers drift or stall while a laptop sleeps, and browsers cannot wait
 * longer than about 24.8 days (2^31 ms); waking hourly to re-read the clock costs nothing.
 */
export const MAX_SLEEP = HOUR_MS;

const due = new Map<TickerSubscriber, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt: number | undefined;
let listening = false;

/** Asks for `subscriber.tick()` at `at` (epoch ms), replacing any earlier request of its own. */
export function schedule(subscriber: TickerSubscriber, at: number): void {
  due.set(subscriber, at);
  listen(true);
  arm();
}

/** Forgets a subscriber (an element removed, or one with nothing left to count down). */
export function unschedule(subscriber: TickerSubscriber): void {
  due.delete(subscriber);
  if (due.size === 0) listen(false);
  arm();
}

/** For tests and debugging: how many countdowns wait, and whether (and until when) a timer sleeps. */
export function tickerState(): { subscribers: number; pending: boolean; wakeAt?: number } {
  return { subscribers: due.size, pending: timer !== undefined, wakeAt: timer === undefined ? undefined : timerAt };
}

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** Keeps exactly one timer, set for the earliest instant (capped), or none when hidden or idle. */
function arm(): void {
  let earliest = Infinity;
  for (const at of due.values()) earliest = Math.min(earliest, at);
  const wanted = due.size === 0 || hidden() ? undefined : Math.min(earliest, Date.now() + MAX_SLEEP);
  if (timer !== undefined && wanted === timerAt) return;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  timerAt = wanted;
  if (wanted !== undefined) timer = setTimeout(wake, Math.max(0, wanted - Date.now()));
}

function wake(): void {
  timer = undefined;
  const now = Date.now();
  const ready = [...due].filter(([, at]) => at <= now).map(([subscriber]) => subscriber);
  for (const subscriber of ready) due.delete(subscriber);
  // Each one re-renders and then calls schedule() or unschedule() again.
  for (const subscriber of ready) subscriber.tick();
  arm();
}

function onVisibilityChange(): void {
  if (hidden()) arm();
  else wake(); // catch up on whatever fell due while the page was hidden
}

function listen(on: boolean): void {
  if (on === listening || typeof document === 'undefined') return;
  listening = on;
  if (on) document.addEventListener('visibilitychange', onVisibilityChange);
  else document.removeEventListener('visibilitychange', onVisibilityChange);
}

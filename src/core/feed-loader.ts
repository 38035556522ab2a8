/**
 * The one feed loader every element shares: fetch, validate, cache.
 *
 * However many elements on a page name the same `src`, one request is made (they share the pending
 * promise and then the result). A request is aborted when every element that wanted it has gone
 * and none has come back for a moment: an element moved in the page (disconnected, then connected
 * again) keeps its request rather than aborting it and starting another.
 * The last good copy of each feed is kept in localStorage and shown, marked as saved, when the
 * network or the server fails, so a visitor still sees something true if not the newest.
 */
import type { EARLY_FEEDS, EarlyFeed, EarlyFeeds } from '../early-feed.js';
import { withoutInherited } from '../feed/options.js';
import { readFeed } from '../feed/read-feed.js';
import { resolveHttpUrl } from '../feed/url.js';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../feed/time.js';
import type { CompactFeed, FeedFailure, FeedProblem } from '../feed/types.js';

export interface FeedResult {
  feed: CompactFeed;
  problems: FeedProblem[];
  /**
   * Where the feed really came from: the address after any redirects (`response.url`), which an
   * allow-list of feed origins must check, not the `src` as written.
   */
  url: string;
  /** When this copy was fetched (epoch ms). */
  fetchedAt: number;
  /** Set when the newest copy could not be had and the saved one is shown instead. */
  staleBecause?: FeedFailure;
}

export type LoadOutcome = { ok: true; result: FeedResult } | { ok: false; failure: FeedFailure };

export interface LoadOptions {
  signal?: AbortSignal;
  /**
   * Milliseconds before the request is given up (the first caller's value is used). Anything but
   * a number from 1 ms to 10 minutes means the default, 15 s.
   */
  timeout?: number;
  /** Ask the network again even if this page already has the feed (the retry button). */
  reload?: boolean;
}

export const DEFAULT_TIMEOUT = 15 * SECOND_MS;
const MAX_TIMEOUT = 10 * MINUTE_MS;
/**
 * How long a request nobody holds is kept before it is aborted. Moving an element (a CMS
 * re-rendering, a tab panel, a drag and drop) disconnects and reconnects it within one task. The
 * pledge form keeps a pledge on its way for the same moment.
 */
export const ABORT_GRACE_MS = SECOND_MS;
/** A saved copy dated more than this after now is not trusted (clocks do drift a little). */
const MAX_CLOCK_SKEW_MS = DAY_MS;
const STORAGE_PREFIX = 'compact-widgets:feed:v1:';
const STORAGE_INDEX = 'compact-widgets:feed-index:v1';
/** Saved copies kept per site, newest first. */
const MAX_SAVED_FEEDS = 3;
/**
 * The most all saved copies may take together, as stored (localStorage holds about 5 million
 * characters per site, and belongs to the host page and the pledge form's outbox too): older copies
 * go to make room, and a larger feed is not saved at all.
 */
const MAX_SAVED_CHARS = 2_000_000;

interface Shared {
  promise: Promise<LoadOutcome>;
  abort: AbortController;
  users: number;
  settled: boolean;
  /** The pending abort of a request nobody holds (cancelled when someone joins again). */
  abortTimer?: ReturnType<typeof setTimeout>;
}

const shared = new Map<string, Shared>();

/** Requests made so far, by URL: lets tests and the benchmark see that requests are shared. */
export const requestCounts = new Map<string, number>();

/**
 * Turns `src` into an absolute URL, or undefined when it is not a plain http(s) address (another
 * scheme, credentials, control characters: the rules of `resolveHttpUrl`).
 */
export function resolveFeedUrl(src: string, base = document.baseURI): string | undefined {
  return resolveHttpUrl(src, base);
}

/** The `timeout` to use: a number of milliseconds from 1 to 10 minutes, else the default. */
export function effectiveTimeout(timeout: unknown): number {
  return typeof timeout === 'number' && Number.isFinite(timeout) && timeout >= 1 && timeout <= MAX_TIMEOUT
    ? timeout
    : DEFAULT_TIMEOUT;
}

export function loadFeed(url: string, options: LoadOptions = {}): Promise<LoadOutcome> {
  let entry = shared.get(url);
  if (entry && options.reload && entry.settled) {
    shared.delete(url);
    entry = undefined;
  }
  if (!entry) {
    const abort = new AbortController();
    const created: Shared = {
      abort,
      users: 0,
      settled: false,
      promise: fetchFeed(url, abort.signal, effectiveTimeout(options.timeout)).then((outcome) => {
        created.settled = true;
        // Keep successes for the page's lifetime; forget failures so the next element tries again.
        // (Only if this is still the entry: an aborted one may have been replaced meanwhile.)
        if ((!outcome.ok || outcome.result.staleBecause) && shared.get(url) === created) shared.delete(url);
        return outcome;
      }),
    };
    entry = created;
    shared.set(url, entry);
  }
  return join(url, entry, options.signal);
}

function join(url: string, entry: Shared, signal: AbortSignal | undefined): Promise<LoadOutcome> {
  clearTimeout(entry.abortTimer);
  entry.abortTimer = undefined;
  if (!signal) {
    // A caller without a signal cannot leave: it holds the request until it settles.
    entry.users++;
    return entry.promise;
  }
  if (signal.aborted) return Promise.resolve(abortedOutcome());
  entry.users++;
  return new Promise<LoadOutcome>((resolve) => {
    const leave = () => {
      entry.users--;
      if (entry.users === 0 && !entry.settled) abortSoon(url, entry);
      resolve(abortedOutcome());
    };
    signal.addEventListener('abort', leave, { once: true });
    entry.promise.then((outcome) => {
      signal.removeEventListener('abort', leave);
      if (!signal.aborted) {
        entry.users--;
        resolve(outcome);
      }
    });
  });
}

/** Aborts a request nobody holds, unless someone joins it within the grace period. */
function abortSoon(url: string, entry: Shared): void {
  clearTimeout(entry.abortTimer);
  entry.abortTimer = setTimeout(() => {
    entry.abortTimer = undefined;
    if (entry.users > 0 || entry.settled) return;
    entry.abort.abort();
    if (shared.get(url) === entry) shared.delete(url);
  }, ABORT_GRACE_MS);
}

function abortedOutcome(): { ok: false; failure: FeedFailure } {
  return { ok: false, failure: { code: 'network', message: 'The request was cancelled.' } };
}

async function fetchFeed(url: string, signal: AbortSignal, timeout: number): Promise<LoadOutcome> {
  requestCounts.set(url, (requestCounts.get(url) ?? 0) + 1);
  const outcome = await fetchAndCheck(url, signal, timeout);
  if (outcome.ok) {
    saveSoon(url, outcome.text, outcome.result.fetchedAt, outcome.result.url);
    return { ok: true, result: outcome.result };
  }
  if (signal.aborted) return outcome;
  const saved = await restore(url);
  return saved ? { ok: true, result: { ...saved, staleBecause: outcome.failure } } : outcome;
}

/**
 * The request the script-tag entry made for `url` before this code arrived (src/early-feed.ts), if
 * there is one; taken, so that a reload or a later page of the same feed asks the network again.
 */
function takeEarly(url: string): EarlyFeed | undefined {
  const pending = earlyFeeds();
  const early = pending?.get(url);
  pending?.delete(url);
  return early;
}

function earlyFeeds(): EarlyFeeds | undefined {
  // Typed as early-feed.ts's constant, so a misspelling here does not compile (its value cannot be
  // imported: see there).
  const key: typeof EARLY_FEEDS = 'compact-widgets.early-feeds';
  return (globalThis as unknown as Record<symbol, EarlyFeeds | undefined>)[Symbol.for(key)];
}

type FetchOutcome = { ok: true; result: FeedResult; text: string } | { ok: false; failure: FeedFailure };

async function fetchAndCheck(url: string, signal: AbortSignal, timeout: number): Promise<FetchOutcome> {
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(), timeout);
  const onAbort = () => timer.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let text: string;
  let object: object | undefined;
  let finalUrl = url;
  const early = takeEarly(url);
  if (early) timer.signal.addEventListener('abort', early.abort, { once: true });
  try {
    const response = await (early?.response ??
      fetch(url, withoutInherited<RequestInit>({
        signal: timer.signal,
        // No cookies go to another origin. 'same-origin' rather than 'omit' so that a page's own
        // `<link rel="preload" as="fetch" crossorigin>` of the feed is the response used here: a
        // preload can never match 'omit', and the feed would be fetched twice. (The entry's early
        // request, src/early-feed.ts, is made the same way.)
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })));
    if (!response.ok) {
      return {
        ok: false,
        failure: {
          code: 'http-error',
          message: `The feed address answered ${response.status} ${response.statusText}`.trim() + '.',
          detail: String(response.status),
        },
      };
    }
    // Where the feed really came from, after any redirects (empty for some synthetic responses).
    finalUrl = response.url || url;
    if (early) ({ text, object } = await early.body);
    else text = await response.text();
  } catch {
    if (signal.aborted) return abortedOutcome();
    if (timer.signal.aborted) {
      return { ok: false, failure: { code: 'timeout', message: `The feed did not arrive within ${timeout / SECOND_MS} seconds.` } };
    }
    return {
      ok: false,
      failure: {
        code: 'network',
        message: navigator.onLine
          ? 'The feed could not be fetched: the network failed or the feed host does not allow this site (CORS).'
          : 'The feed could not be fetched: this device is offline.',
      },
    };
  } finally {
    clearTimeout(timeoutId);
    signal.removeEventListener('abort', onAbort);
  }
  const check = await readFeed(object ?? text);
  if (!check.feed) return { ok: false, failure: check.failure ?? { code: 'not-object', message: 'The feed could not be read.' } };
  return { ok: true, text, result: { feed: check.feed, problems: check.problems, fetchedAt: Date.now(), url: finalUrl } };
}

/** Copies to save, by URL: written after the first rows, or first thing when a saved copy is needed. */
const pendingSaves = new Map<string, () => void>();

/**
 * Saves the copy once the feed is on screen: storing a feed of a megabyte takes some 50 ms, which
 * the first rows should not wait for. (A hidden tab has no frames: then it is saved a second later.)
 */
function saveSoon(url: string, text: string, savedAt: number, finalUrl: string): void {
  pendingSaves.set(url, () => save(url, text, savedAt, finalUrl));
  const afterThisTask = () => setTimeout(writePendingSaves, 0);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(afterThisTask);
  setTimeout(writePendingSaves, SECOND_MS);
}

function writePendingSaves(): void {
  for (const [url, write] of pendingSaves) {
    pendingSaves.delete(url);
    write();
  }
}

function save(url: string, text: string, savedAt: number, finalUrl: string): void {
  // Counted as stored (escaped, so longer than the text): a text over the limit is not even made
  // into an entry.
  const entry = text.length > MAX_SAVED_CHARS ? undefined : JSON.stringify({ savedAt, text, url: finalUrl });
  const fits = entry !== undefined && entry.length <= MAX_SAVED_CHARS;
  try {
    // Newest first, as long as they fit together; the others are removed. A feed too large to keep
    // loses its older copy too: that must not be shown for it later either.
    const kept = fits ? [url] : [];
    let total = fits ? entry.length : 0;
    for (const old of savedUrls().filter((saved) => saved !== url)) {
      const size = localStorage.getItem(STORAGE_PREFIX + old)?.length ?? 0;
      if (size > 0 && kept.length < MAX_SAVED_FEEDS && total + size <= MAX_SAVED_CHARS) {
        kept.push(old);
        total += size;
      } else {
        localStorage.removeItem(STORAGE_PREFIX + old);
      }
    }
    localStorage.setItem(STORAGE_INDEX, JSON.stringify(kept));
    if (fits) localStorage.setItem(STORAGE_PREFIX + url, entry);
    else localStorage.removeItem(STORAGE_PREFIX + url);
  } catch {
    // Storage may be full, disabled or blocked in a sandboxed iframe: the feed still shows.
  }
}

function savedUrls(): string[] {
  try {
    const index: unknown = JSON.parse(localStorage.getItem(STORAGE_INDEX) ?? '[]');
    return Array.isArray(index) ? index.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

async function restore(url: string): Promise<FeedResult | undefined> {
  writePendingSaves();
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + url);
    if (!raw || raw.length > MAX_SAVED_CHARS) return undefined;
    const saved: unknown = JSON.parse(raw);
    if (typeof saved !== 'object' || saved === null) return undefined;
    const { savedAt, text, url: savedFrom } = saved as { savedAt: unknown; text: unknown; url: unknown };
    // Storage is the host site's: anything there may have been changed by something else.
    if (!plausibleSavedAt(savedAt) || typeof text !== 'string') return undefined;
    // Copies saved before the final address was kept came from the address asked for.
    const from = savedFrom === undefined ? url : resolveHttpUrl(savedFrom, url);
    if (!from) return undefined;
    const check = await readFeed(text);
    return check.feed ? { feed: check.feed, problems: check.problems, fetchedAt: savedAt, url: from } : undefined;
  } catch {
    return undefined;
  }
}

/** A time this loader could have written: a whole number of ms since 1970, not in the future. */
function plausibleSavedAt(savedAt: unknown): savedAt is number {
  return Number.isSafeInteger(savedAt) && (savedAt as number) > 0 && (savedAt as number) <= Date.now() + MAX_CLOCK_SKEW_MS;
}

/** For tests: forget shared requests and early ones (not the saved copies). */
export function resetFeedLoader(): void {
  writePendingSaves(); // as a page left after its first rows would have
  for (const entry of shared.values()) {
    clearTimeout(entry.abortTimer);
    entry.abort.abort();
  }
  shared.clear();
  requestCounts.clear();
  const early = earlyFeeds();
  for (const request of early?.values() ?? []) request.abort();
  early?.clear();
}

/** For tests and for publishers who want a clean slate: remove every saved copy. */
export function clearSavedFeeds(): void {
  pendingSaves.clear();
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
    localStorage.removeItem(STORAGE_INDEX);
  } catch {
    // Nothing saved, or storage unavailable.
  }
}

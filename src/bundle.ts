/**
 * The script-tag bundle, dist/compact-widgets.js.
 *
 * One `<script type="module">` defines every element, but each element's code is a chunk fetched
 * (from beside this script) the first time its tag appears in the page, the way Shoelace's
 * autoloader works. A charity page with one badge then downloads the badge, not the pledge form.
 * Tags added later (by a CMS or a script) are found too. Pages that create elements inside their
 * own shadow roots, where no observer can see them, call `defineAll()`.
 */
import { requestEarly } from './early-feed.js';

// A Map, not an object: tag names come from the page, and `<constructor>` or `<__proto__>` must
// not find anything on Object.prototype.
const ELEMENTS = new Map<string, () => Promise<unknown>>([
  ['compact-action-plan', () => import('./action-plan/define.js')],
  ['compact-consultation-countdown', () => import('./consultation-countdown/define.js')],
  ['compact-pledge-badge', () => import('./pledge-badge/define.js')],
  ['compact-pledge-form', () => import('./pledge-form/define.js')],
  ['compact-signatory-list', () => import('./signatory-list/define.js')],
]);
const TAGS = [...ELEMENTS.keys()];
const requested = new Map<string, Promise<void>>();

/**
 * Asks for the shared chunk (Lit, the loader) beside the element's own chunk, not after it: every
 * element's chunk imports it, but the browser only learns that once the element's chunk has arrived.
 * (core/define.ts is in the shared chunk; nothing of it is used here.)
 */
let sharedRequested = false;
function requestShared(): void {
  if (sharedRequested) return;
  sharedRequested = true;
  import('./core/define.js').catch(() => undefined); // a failure shows when the element's own import fails
}

function define(tag: string): Promise<void> {
  let loading = requested.get(tag);
  const load = ELEMENTS.get(tag);
  if (!loading && load) {
    requestShared();
    loading = load().then(
      () => undefined,
      (error: unknown) => {
        requested.delete(tag); // a later sighting of the tag tries again
        console.error(`compact-widgets: could not load <${tag}>`, error);
      },
    );
    requested.set(tag, loading);
  }
  return loading ?? Promise.resolve();
}

function scan(root: ParentNode): void {
  for (const tag of TAGS) if (!requested.has(tag) && root.querySelector(tag)) void define(tag);
}

/** Defines every element now, whether or not it is on the page yet. */
export function defineAll(): Promise<void> {
  return Promise.all(TAGS.map(define)).then(() => undefined);
}

// Two script tags for the library (two CMS blocks each pasting it) are harmless: elements are defined
// once (src/core/define.ts). Say so once, for the webmaster tidying the page.
const LOADED = Symbol.for('compact-widgets.bundle');
const marked = globalThis as unknown as Record<symbol, boolean>;
if (marked[LOADED]) console.warn('compact-widgets: the script is on this page more than once; one copy is enough.');
marked[LOADED] = true;

/**
 * The feeds of the elements already in the page are asked for as soon as this script runs, beside
 * the elements' code rather than after it, and their bodies read while that code is on its way: the
 * shared loader then takes the request over (early-feed.ts). Without it a list's feed waited for
 * the entry, the element's chunk, the shared chunk and the element's first render.
 */
function requestFeeds(): void {
  for (const el of document.querySelectorAll(TAGS.map((tag) => `${tag}[src]`).join(','))) {
    // An inline feed wins over src (core/feed-controller.ts): nothing to fetch for those.
    if (el.querySelector(':scope > script[type="application/json"]')) continue;
    const url = plainAddress(el.getAttribute('src') ?? '');
    if (url) requestEarly(url);
  }
}

/**
 * Printable ASCII without spaces, backslashes or `@`: stricter than the loader's rule for `src`
 * (feed/url.ts), so every address asked for early is one the loader will fetch; anything else waits
 * for the loader. Not imported from feed/url.ts: every module there is in the shared chunk
 * (vite.config.ts), and a static import would have this script wait for the whole of it.
 */
const PLAIN_SRC = /^[\w\-.~:/?#[\]!$&'()*+,;=%]+$/;

function plainAddress(src: string): string | undefined {
  const written = src.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (!PLAIN_SRC.test(written)) return undefined;
  try {
    const url = new URL(written, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's first Intl object costs 20–50 ms in Chromium (its locale data is loaded then), and its
 * first date format about 10 ms more (the calendar's data); the next ones cost well under 1 ms. While
 * the elements' code and feeds are on their way the page is idle: pay for them now, not after they
 * have arrived. A collator, because the signatory list sorts with one before its first rows; a date
 * format where a countdown or an action plan will work out times in the feed's zone before theirs.
 */
function warmIntl(): void {
  if (!document.querySelector(TAGS.join(','))) return;
  const zoned = document.querySelector('compact-consultation-countdown, compact-action-plan') !== null;
  setTimeout(() => {
    try {
      if (zoned) new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' }).format(0);
    } catch {
      // An engine without time zone data: nothing to warm up, and nothing to report from here.
    }
    try {
      new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: 'base' }).compare('a', 'b');
    } catch {
      // An invalid lang: the elements fall back to English, and pay the cost themselves.
    }
  }, 0);
}

scan(document);
requestFeeds();
warmIntl();
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (ELEMENTS.has(node.localName)) void define(node.localName);
      if (node.firstElementChild) scan(node);
    }
  }
  // Once every element is loaded there is nothing left to look for.
  if (requested.size === TAGS.length) observer.disconnect();
});
observer.observe(document.documentElement, { childList: true, subtree: true });

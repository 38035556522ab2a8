/**
 * Feeds asked for by the script-tag entry (bundle.ts) as soon as it runs, and handed to the
 * shared loader (core/feed-loader.ts) when its code has arrived.
 *
 * A large feed is usually in before the elements' code. Reading and parsing its body then, while the
 * page waits for the code, takes both off the way to the first rows.
 *
 * Only the entry imports this module's code, and it must import nothing from src/core, src/feed or
 * src/i18n (the shared chunk, vite.config.ts), or the entry would wait for that chunk. So the
 * requests are kept on the page's global object under a registered symbol (which a second copy of
 * the script finds too), the loader imports nothing here but types, and the request's options are
 * written in both places (a test holds them together).
 * Each request is used once, by the loader's first request for that address.
 */
export const EARLY_FEEDS = 'compact-widgets.early-feeds';

export interface EarlyBody {
  text: string;
  /**
   * The text parsed, when it is a JSON object (the usual feed): parsing it here too, while the code
   * is on its way, is the other half of the time saved. Anything else the loader reads from `text`.
   */
  object?: object;
}

export interface EarlyFeed {
  /** The response (its body already being read into `body`); rejects as `fetch` does. */
  response: Promise<Response>;
  /** The body of an ok response, '' for any other; rejects when the body could not be read. */
  body: Promise<EarlyBody>;
  /** Aborts the request: the loader's timeout, or every element that wanted the feed gone. */
  abort(): void;
}

/** By absolute address. */
export type EarlyFeeds = Map<string, EarlyFeed>;

/**
 * The same request the loader makes (a test holds the two together): no cookies to another origin,
 * JSON asked for.
 */
const FEED_REQUEST: RequestInit = { credentials: 'same-origin', headers: { Accept: 'application/json' } };

/** An early request nobody has taken by then is let go: its element never loaded, or went. */
export const UNCLAIMED_MS = 60_000;

function earlyFeeds(): EarlyFeeds {
  const page = globalThis as unknown as Record<symbol, EarlyFeeds | undefined>;
  return (page[Symbol.for(EARLY_FEEDS)] ??= new Map());
}

function readBody(text: string): EarlyBody {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) return { text, object: value };
  } catch {
    // Not JSON: the loader's reading of the text says what is wrong with it.
  }
  return { text };
}

/** Starts fetching `url` (an absolute http(s) address) and reading its body, unless it is on its way. */
export function requestEarly(url: string): void {
  const pending = earlyFeeds();
  if (pending.has(url)) return;
  const controller = new AbortController();
  let response: Promise<Response>;
  try {
    // On an object without a prototype, as the loader's (feed/options.ts, `withoutInherited`):
    // fetch reads inherited options too, and a page's `Object.prototype.mode` would make it throw.
    response = fetch(url, Object.assign(Object.create(null) as RequestInit, FEED_REQUEST, { signal: controller.signal }));
  } catch {
    // The page's own `fetch` (a wrapper, a stub) threw at once. This runs as the entry's module is
    // evaluated, so a throw would stop every widget loading: the loader asks for the feed itself,
    // and reports what goes wrong as it does for any request.
    return;
  }
  const early: EarlyFeed = {
    response,
    body: response.then((r) => (r.ok ? r.text() : '')).then(readBody),
    abort: () => controller.abort(),
  };
  // The loader handles a failure when it takes the request; one nobody takes must not reach the
  // page as an unhandled rejection.
  early.body.catch(() => undefined);
  pending.set(url, early);
  setTimeout(() => {
    if (pending.get(url) !== early) return;
    pending.delete(url);
    early.abort();
  }, UNCLAIMED_MS);
}

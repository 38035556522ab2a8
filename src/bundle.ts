/**
 * The script-tag bundle, dist/compact-widgets.js.
 *
 * One `<script type="module">` defines every element, but each element's code is a chunk fetched
 * (from beside this script) the first time its tag appears in the page, the way Shoelace's
 * autoloader works. A charity page with one badge then downloads the badge, not the pledge form.
 * Tags added later (by a CMS or a script) are found too. Pages that create elements inside their
 * own shadow roots, where no observer can see them, call `defineAll()`.
 */
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

function define(tag: string): Promise<void> {
  let loading = requested.get(tag);
  const load = ELEMENTS.get(tag);
  if (!loading && load) {
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
 * The feeds of the elements already in the page are asked for as soon as this script runs, beside the
 * elements' code rather than after it: the loader (in the shared chunk, which every element needs
 * anyway) starts each request, and each element, once defined, joins the request for its `src`
 * instead of making its own (see core/feed-loader.ts). Without this a list's feed waited for the
 * entry, then the element's chunk, then the shared chunk, then the element's first render.
 */
function requestFeedsEarly(): void {
  const elements = [...document.querySelectorAll(TAGS.map((tag) => `${tag}[src]`).join(','))].filter(
    // An inline feed wins over src (core/feed-controller.ts): nothing to fetch for those.
    (el) => !el.querySelector(':scope > script[type="application/json"]'),
  );
  if (elements.length === 0) return;
  import('./core/feed-loader.js').then(
    ({ loadFeed, resolveFeedUrl }) => {
      for (const el of elements) {
        if (customElements.get(el.localName)) continue; // defined already: it has asked for itself
        const url = resolveFeedUrl(el.getAttribute('src') ?? '');
        if (!url) continue; // the element shows why
        // Held until the element is defined (it joins this request as it upgrades, synchronously), then
        // let go: a request nobody joined (the page gave that element its feed another way) is aborted.
        const hold = new AbortController();
        void loadFeed(url, { signal: hold.signal, timeout: Number(el.getAttribute('timeout')) });
        void customElements.whenDefined(el.localName).then(() => hold.abort());
      }
    },
    () => undefined, // the element's own load reports a failure to load code
  );
}

scan(document);
requestFeedsEarly();
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

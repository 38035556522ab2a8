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

scan(document);
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

/**
 * dist/embed.html: one element chosen by query string, for CMSs that only allow iframes.
 *
 *   embed.html?widget=signatory-list&src=https://…/feed.json&lang=cy&page-size=20
 *
 * Only the known widgets and their documented attributes are taken from the query string, and only as
 * attribute values (never markup). The page tells its parent its height so the iframe fits.
 */
// embed.html loads compact-widgets.js itself, so this file stays tiny and the bundle stays one file.

const WIDGETS: Record<string, readonly string[]> = {
  'signatory-list': ['sector', 'type', 'sort', 'group-by', 'page-size', 'no-search', 'heading-level'],
  'pledge-form': ['heading-level'],
  'action-plan': ['aim', 'charts', 'hide-complete', 'status', 'heading-level'],
  'consultation-countdown': ['consultation', 'limit', 'show-closed', 'seconds', 'heading-level'],
  'pledge-badge': ['signatory', 'variant'],
};
const SHARED = ['src', 'timeout'];

/**
 * Which feeds this embed page may show. The page is on the council's (or its CDN's) origin, so it
 * must not become a way to show anyone's feed under that name, least of all a sign-up form that
 * posts to someone else's endpoint. embed.html lists the allowed feed origins in
 *   <meta name="compact-widgets-feeds" content="https://council.example https://cdn.example">
 * With none listed, display widgets may read any feed, and the pledge form only a feed from this
 * page's own origin.
 */
function feedAllowed(widget: string, src: string | null): boolean {
  if (!src) return true; // the element shows its own "no feed" message
  let origin: string;
  try {
    origin = new URL(src, location.href).origin;
  } catch {
    return true; // the element refuses it itself, with a clear message
  }
  const listed = (document.querySelector<HTMLMetaElement>('meta[name="compact-widgets-feeds"]')?.content ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (origin === location.origin || listed.includes(origin)) return true;
  return listed.length === 0 && widget !== 'pledge-form';
}

export const HEIGHT_MESSAGE = 'compact-widgets:height';

function mount(): void {
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') ?? '';
  const allowed = WIDGETS[widget];
  const main = document.querySelector('main') ?? document.body;
  const lang = params.get('lang');
  if (lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) document.documentElement.lang = lang;
  if (!allowed) {
    const p = document.createElement('p');
    p.textContent = `Unknown widget "${widget}". Use one of: ${Object.keys(WIDGETS).join(', ')}.`;
    main.append(p);
    return;
  }
  if (!feedAllowed(widget, params.get('src'))) {
    const p = document.createElement('p');
    p.textContent = 'This embed page is not set up to show that feed. Its owner can list the feed in embed.html.';
    main.append(p);
    reportHeight(params.get('id') ?? '');
    return;
  }
  const element = document.createElement(`compact-${widget}`);
  for (const name of [...SHARED, ...allowed]) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  main.append(element);
  reportHeight(params.get('id') ?? '');
}

/** Posts the page's height to the parent whenever it changes (the host snippet resizes the iframe). */
function reportHeight(id: string): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

mount();

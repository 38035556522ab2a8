/**
 * dist/embed.html: one element chosen by query string, for CMSs that only allow iframes.
 *
 *   embed.html?widget=signatory-list&src=https://…/feed.json&lang=cy&page-size=20
 *
 * Only the known widgets are shown, and only the element's own attributes (the ones its class
 * observes, the same list `custom-elements.json` documents) are taken from the query string, and
 * only as attribute values (never markup). The page tells its parent its height so the iframe fits,
 * and links open outside the frame.
 */
// embed.html loads compact-widgets.js itself, so this file stays tiny and the bundle stays one file.

/** The widgets, by their name in the query string. A Map: `widget=constructor` is just unknown. */
const WIDGETS = new Map<string, string>([
  ['signatory-list', 'compact-signatory-list'],
  ['pledge-form', 'compact-pledge-form'],
  ['action-plan', 'compact-action-plan'],
  ['consultation-countdown', 'compact-consultation-countdown'],
  ['pledge-badge', 'compact-pledge-badge'],
]);

/**
 * Set by the embed page itself, not from the query string. scripts/element-docs.js keeps its own copy
 * (NOT_FROM_EMBED_QUERY) to leave these out of docs/cms.md's list of query parameters: change both.
 */
const NOT_FROM_QUERY = new Set(['lang', 'feed']);

/**
 * The feed origins embed.html lists in `<meta name="compact-widgets-feeds">`. An owner may write
 * `https://council.example/` or the feed's own address: each entry counts as its origin. One that
 * is not an http(s) address is kept as written, so it matches nothing but still limits the page to
 * the list.
 */
function listedOrigins(): string[] {
  return (document.querySelector<HTMLMetaElement>('meta[name="compact-widgets-feeds"]')?.content ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      try {
        const url = new URL(entry);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : entry;
      } catch {
        return entry;
      }
    });
}

/**
 * Which feeds this embed page may show. The page is on the council's (or its CDN's) origin, so it
 * must not become a way to show anyone's feed under that name, least of all a sign-up form that
 * posts to someone else's endpoint. embed.html lists the allowed feed origins in
 *   <meta name="compact-widgets-feeds" content="https://council.example https://cdn.example">
 * With none listed, display widgets may read any feed, and the pledge form only a feed from this
 * page's own origin. Checked twice: on the `src` as written (before any request), and on where
 * the feed really came from after redirects (when it arrives, before it is shown).
 */
function feedAllowed(widget: string, address: string | null | undefined): boolean {
  if (!address) return true; // the element shows its own "no feed" message
  let origin: string;
  try {
    origin = new URL(address, location.href).origin;
  } catch {
    return true; // the element refuses it itself, with a clear message
  }
  const listed = listedOrigins();
  if (origin === location.origin || listed.includes(origin)) return true;
  return listed.length === 0 && widget !== 'pledge-form';
}

/**
 * The `lang` the page takes: a well-formed language tag (RFC 5646) of the shapes the widgets read, a
 * language of two or three letters, then an optional script (`Latn`), region (`GB`, `419`) and
 * variants (`valencia`, `1994`), at most 35 characters (RFC 5646 4.4.1). The widgets go by the
 * language alone; anything else leaves embed.html's own `en-GB`.
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-[a-z]{2}|-\d{3})?(-[a-z\d]{5,8}|-\d[a-z\d]{3})*$/i;
const isLanguageTag = (tag: string) => tag.length <= 35 && LANGUAGE_TAG.test(tag);

export const HEIGHT_MESSAGE = 'compact-widgets:height';
/** How long the element's code may take to arrive before the page says it could not be loaded. */
const DEFINE_TIMEOUT_MS = 20_000;

/**
 * The page's own few sentences, in the widgets' three languages. Kept here rather than in the
 * @lit/localize catalogue so that the embed page's script stays tiny; Welsh and Gaelic want a
 * native speaker's check.
 */
const SAYINGS = {
  title: {
    en: 'Compact widget',
    cy: 'Teclyn compact', // check
    gd: 'Widget compact', // check
  },
  unknown: {
    en: 'Unknown widget "{widget}". Use one of: {list}.',
    cy: 'Teclyn anhysbys "{widget}". Defnyddiwch un o’r rhain: {list}.',
    gd: 'Widget neo-aithnichte "{widget}". Cleachd fear dhiubh seo: {list}.',
  },
  unknownUnnamed: {
    en: 'Unknown widget. Use one of: {list}.',
    cy: 'Teclyn anhysbys. Defnyddiwch un o’r rhain: {list}.', // check
    gd: 'Widget neo-aithnichte. Cleachd fear dhiubh seo: {list}.', // check
  },
  refused: {
    en: 'This embed page is not set up to show that feed. Its owner can list the feed in embed.html.',
    cy: 'Nid yw’r dudalen fewnosod hon wedi’i gosod i ddangos y ffrwd honno. Gall ei pherchennog restru’r ffrwd yn embed.html.',
    gd: 'Chan eil an duilleag leabachaidh seo air a rèiteachadh gus an inbhir sin a shealltainn. Faodaidh an sealbhadair an t-inbhir a chur ris an liosta ann an embed.html.',
  },
  unavailable: {
    en: 'This widget could not be loaded. Try again later.',
    cy: 'Nid oedd modd llwytho’r teclyn hwn. Rhowch gynnig arall arni yn nes ymlaen.',
    gd: 'Cha b’ urrainn dhuinn an widget seo a luchdadh. Feuch a-rithist an ceann tamaill.',
  },
} as const;

type Saying = keyof typeof SAYINGS;
type SayingLocale = 'en' | 'cy' | 'gd';

function sayingLocale(): SayingLocale {
  const base = document.documentElement.lang.toLowerCase().split('-')[0];
  return base === 'cy' || base === 'gd' ? base : 'en';
}

function say(main: HTMLElement, saying: Saying, values: Record<string, string> = {}): void {
  const locale = sayingLocale();
  const p = document.createElement('p');
  p.lang = locale;
  p.textContent = SAYINGS[saying][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
  main.replaceChildren(p);
}

async function mount(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const widget = params.get('widget') ?? '';
  const tag = WIDGETS.get(widget);
  const main = document.querySelector('main') ?? document.body;
  const id = params.get('id') ?? '';
  const lang = params.get('lang');
  if (lang && isLanguageTag(lang)) document.documentElement.lang = lang;
  // embed.html's own <title> is English, and the document now says it is in `lang`.
  document.title = SAYINGS.title[sayingLocale()];
  keepLinksOutOfTheFrame();
  if (!tag) {
    // A mistyped name is worth repeating; a sentence is not: anyone could put their words on this
    // page, under its owner's address, with a link.
    const list = [...WIDGETS.keys()].join(', ');
    if (/^[\w-]{1,40}$/.test(widget)) say(main, 'unknown', { widget, list });
    else say(main, 'unknownUnnamed', { list });
    reportHeight(id);
    return;
  }
  if (!feedAllowed(widget, params.get('src'))) {
    say(main, 'refused');
    reportHeight(id);
    return;
  }
  // Where the feed really came from (after redirects) is checked before anything of it is shown.
  main.addEventListener(
    'compact-feed-load',
    (event) => {
      if (feedAllowed(widget, event.detail.url)) return;
      event.preventDefault();
      say(main, 'refused');
    },
    { capture: true },
  );
  // The element is added (hidden) so that the bundle loads its code; once it is defined, its own
  // list of attributes says which query parameters it takes.
  const element = document.createElement(tag);
  main.hidden = true;
  main.append(element);
  const defined = await Promise.race([
    customElements.whenDefined(tag).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), DEFINE_TIMEOUT_MS)),
  ]);
  if (!defined) {
    // The bundle could not load the element's code (it says why in the console): say so, not a blank frame.
    say(main, 'unavailable');
    main.hidden = false;
    reportHeight(id);
    return;
  }
  const attributes = (customElements.get(tag) as unknown as { observedAttributes?: string[] }).observedAttributes ?? [];
  for (const name of attributes) {
    if (NOT_FROM_QUERY.has(name)) continue;
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  main.hidden = false;
  reportHeight(id);
}

/**
 * A link in the widget (a signatory's site, a consultation, the privacy notice) opens in a new
 * tab without access to this page, never inside the frame: a site loaded in the frame would show
 * under the host's page and could post heights to it. In-page links and downloads stay as they are.
 */
function keepLinksOutOfTheFrame(): void {
  if (window.parent === window) return;
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || !link.href || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    const here = new URL(location.href);
    if (url.origin === here.origin && url.pathname === here.pathname && url.search === here.search) return;
    event.preventDefault();
    window.open(url.href, '_blank', 'noopener');
  });
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

void mount();

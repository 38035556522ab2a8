/**
 * The iframe embed (src/embed/embed.ts in embed-public/embed.html, served from the sources by
 * test/helpers/feed-test-routes.js) and its host script (embed-public/embed-host.js).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { foldText } from '../../helpers/dom.js';
import { feedUrl } from '../../helpers/feeds.js';

const otherOrigin = `http://127.0.0.1:${location.port}`;
const frames: HTMLIFrameElement[] = [];

/** An iframe with the embed page for this query, once its document has loaded. */
async function embed(query: Record<string, string>, attributes: Record<string, string> = {}): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) iframe.setAttribute(name, value);
  iframe.src = `/test-embed?${new URLSearchParams(query)}`;
  iframe.style.width = '600px';
  frames.push(iframe);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

const doc = (iframe: HTMLIFrameElement) => iframe.contentDocument!;
const mainText = (iframe: HTMLIFrameElement) => doc(iframe).querySelector('main')?.textContent ?? '';
const widgetText = (iframe: HTMLIFrameElement, tag: string) => foldText(doc(iframe).querySelector(tag)?.shadowRoot);

async function until(test: () => boolean, what: string): Promise<void> {
  await waitUntil(test, what, { timeout: 6000 });
}

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

describe('embed.html: only known widgets, only their own attributes', () => {
  it('says its own sentences in the language asked for, marked with that language', async () => {
    for (const [lang, words] of [['cy', 'Teclyn anhysbys'], ['gd', 'Widget neo-aithnichte'], ['fr', 'Unknown widget']]) {
      const iframe = await embed({ widget: 'nothing-like-it', lang, src: feedUrl() });
      await until(() => mainText(iframe).includes(words), mainText(iframe));
      expect(doc(iframe).querySelector('main p')!.getAttribute('lang')).to.equal(lang === 'fr' ? 'en' : lang);
    }
  });

  it('titles its document in the language asked for', async () => {
    for (const [lang, title] of [['cy', 'Teclyn compact'], ['gd', 'Widget compact'], ['en-GB', 'Compact widget'], ['fr', 'Compact widget']]) {
      const iframe = await embed({ widget: 'nothing-like-it', lang });
      await until(() => mainText(iframe).includes('.'), 'the page is ready');
      expect(doc(iframe).title, lang).to.equal(title);
    }
  });

  it('takes a well-formed language tag for its document, and leaves anything else as its own en-GB', async function () {
    this.timeout(60000);
    const langOf = async (lang: string) => {
      const iframe = await embed({ widget: 'nothing-like-it', lang });
      await until(() => mainText(iframe).includes('.'), 'the page is ready');
      return { lang: doc(iframe).documentElement.lang, title: doc(iframe).title };
    };
    for (const lang of ['cy', 'CY-gb', 'gd-GB', 'sr-Latn-RS', 'es-419', 'ca-ES-valencia', 'sl-IT-rozaj-1994', 'de-CH-1901']) {
      expect((await langOf(lang)).lang, lang).to.equal(lang);
    }
    const hostile = [
      'en--GB', '-en', 'en-', 'cy-', 'c', 'cymraeg', 'en-abcdefghi', 'abcdefghi', 'cy-GB-GB', 'en-12', 'cy-abc', 'cy_GB', ' cy', 'cy ', 'cy\n',
      'cy-x-private', 'cy-GB-u-ca-gregory', '<script>', 'cy<script>alert(1)</script>', 'cy"onload="alert(1)',
      `cy-GB${'-valencia'.repeat(4)}`, `cy${'-abcdefgh'.repeat(300)}`,
    ];
    for (const lang of hostile) {
      const { lang: set, title } = await langOf(lang);
      expect(set, JSON.stringify(lang.slice(0, 40))).to.equal('en-GB');
      expect(title, JSON.stringify(lang.slice(0, 40))).to.equal('Compact widget');
    }
  });

  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    it(`widget=${name} is an unknown widget, not a blank page and a TypeError`, async () => {
      const iframe = await embed({ widget: name, src: feedUrl() });
      await until(() => mainText(iframe).includes(`Unknown widget "${name}"`), mainText(iframe));
      expect(mainText(iframe)).to.contain('signatory-list');
    });
  }

  it('repeats a mistyped widget name, but not a sentence from the address (no text of anyone’s on this page)', async function () {
    this.timeout(15000);
    const typo = await embed({ widget: 'signatory-lists' });
    await until(() => mainText(typo).includes('Unknown widget "signatory-lists"'), mainText(typo));
    const sentence = 'Your council tax is overdue: pay today at https://pay.example';
    for (const [lang, words] of [['en', 'Unknown widget.'], ['cy', 'Teclyn anhysbys.'], ['gd', 'Widget neo-aithnichte.']]) {
      const iframe = await embed({ widget: sentence, lang });
      await until(() => mainText(iframe).includes(words), mainText(iframe));
      expect(mainText(iframe)).not.to.contain('pay.example');
      expect(mainText(iframe)).to.contain('signatory-list, pledge-form');
    }
  });

  it('takes every attribute the element observes (time-zone-label too), and nothing else', async () => {
    const iframe = await embed({
      widget: 'consultation-countdown',
      src: feedUrl(),
      'time-zone-label': 'UK time',
      limit: '2',
      onclick: 'window.top.__pwned = 1',
      style: 'display:none',
      hidden: '',
      slot: 'x',
    });
    const el = () => doc(iframe).querySelector('compact-consultation-countdown');
    await until(() => !!el()?.getAttribute('src'), 'the element gets its attributes');
    expect(el()!.getAttribute('time-zone-label')).to.equal('UK time');
    expect(el()!.getAttribute('limit')).to.equal('2');
    for (const name of ['onclick', 'style', 'hidden', 'slot']) expect(el()!.hasAttribute(name), name).to.equal(false);
    expect(doc(iframe).querySelector('main')!.hidden).to.equal(false);
  });

  it('a <constructor> element on the page does not stop the bundle from defining the widgets', async () => {
    const iframe = await embed({ widget: 'none' });
    await until(() => mainText(iframe).includes('Unknown widget'), 'the embed page is ready');
    const d = doc(iframe);
    const errors: unknown[] = [];
    iframe.contentWindow!.addEventListener('error', (e) => errors.push(e.error));
    const badge = d.createElement('compact-pledge-badge');
    d.body.append(d.createElement('constructor'), d.createElement('__proto__'), badge);
    await until(() => !!iframe.contentWindow!.customElements.get('compact-pledge-badge'), 'the badge is defined');
    expect(errors).to.deep.equal([]);
  });
});

describe('embed.html: the allow-list of feed origins', () => {
  const redirectTo = (to: string) => `/test-redirect?${new URLSearchParams({ to })}`;

  it('refuses a pledge form whose feed was redirected to another origin (checked where it really came from)', async () => {
    const iframe = await embed({ widget: 'pledge-form', src: redirectTo(`${otherOrigin}${feedUrl()}`) });
    await until(() => mainText(iframe).includes('not set up to show that feed'), mainText(iframe));
    expect(doc(iframe).querySelector('compact-pledge-form')).to.equal(null);
  });

  it('shows it when embed.html lists the origin it was redirected to', async () => {
    const iframe = await embed({
      widget: 'pledge-form',
      src: redirectTo(`${otherOrigin}${feedUrl()}`),
      feeds: otherOrigin,
    });
    await until(() => widgetText(iframe, 'compact-pledge-form').includes('Test Compact'), widgetText(iframe, 'compact-pledge-form'));
  });

  it('an origin listed with a trailing slash, or as the feed’s own address, is that origin', async function () {
    this.timeout(15000);
    for (const feeds of [`${otherOrigin}/`, `${otherOrigin.toUpperCase()}/test-feed`]) {
      const iframe = await embed({ widget: 'pledge-form', src: `${otherOrigin}${feedUrl()}`, feeds });
      await until(() => widgetText(iframe, 'compact-pledge-form').includes('Test Compact'), `${feeds}: ${mainText(iframe)}`);
    }
  });

  it('a listed entry that is not an address still limits the page to what is listed', async () => {
    const iframe = await embed({ widget: 'signatory-list', src: `${otherOrigin}${feedUrl()}`, feeds: 'council.example' });
    await until(() => mainText(iframe).includes('not set up to show that feed'), mainText(iframe));
  });

  it('a display widget limited to listed origins refuses a redirect to an unlisted one', async () => {
    const iframe = await embed({
      widget: 'signatory-list',
      src: redirectTo(`${otherOrigin}${feedUrl()}`),
      feeds: 'https://council.example',
    });
    await until(() => mainText(iframe).includes('not set up to show that feed'), mainText(iframe));
  });

  it('a same-origin redirect is fine', async () => {
    const iframe = await embed({ widget: 'pledge-form', src: redirectTo(feedUrl()) });
    await until(() => widgetText(iframe, 'compact-pledge-form').includes('Test Compact'), widgetText(iframe, 'compact-pledge-form'));
  });
});

describe('embed.html under compact-server’s Content-Security-Policy (Trusted Types, connect-src self)', () => {
  for (const [widget, words, extra] of [
    ['signatory-list', 'Mae 4 o sefydliadau wedi llofnodi', {}],
    ['pledge-form', 'Llofnodi’r compact', {}],
    ['action-plan', 'Trosolwg o’r cynnydd', {}],
    ['consultation-countdown', 'Yn cau ymhen', {}],
    ['pledge-badge', 'Wedi llofnodi', { signatory: 'GB-CHC-1234567' }],
  ] as const) {
    it(`${widget}: renders in Welsh, with no violation`, async function () {
      this.timeout(15000);
      const iframe = await embed({ widget, src: feedUrl(), lang: 'cy', csp: '', ...extra });
      const violations: string[] = [];
      doc(iframe).addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      await until(() => widgetText(iframe, `compact-${widget}`).includes(words), `${widget}: ${widgetText(iframe, `compact-${widget}`)}`);
      if (widget === 'action-plan') {
        // chart.js loads once the charts are near the view: of the frame, and of this page.
        iframe.height = '1200';
        iframe.scrollIntoView();
        await until(() => !!doc(iframe).querySelector('compact-action-plan')!.shadowRoot!.querySelector('canvas'), 'chart.js draws');
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(violations).to.deep.equal([]);
    });
  }
});

describe('embed.html: links open outside the frame', () => {
  it('a signatory link opens in a new tab without access to the page, and the frame stays the embed', async () => {
    const iframe = await embed({ widget: 'signatory-list', src: feedUrl() });
    const win = iframe.contentWindow! as Window & { open: typeof window.open };
    await until(() => widgetText(iframe, 'compact-signatory-list').includes('St John'), 'the list renders');
    const opened: unknown[][] = [];
    win.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    const link = [...doc(iframe).querySelector('compact-signatory-list')!.shadowRoot!.querySelectorAll('a')].find(
      (a) => a.href === 'https://example.org/stjohns',
    )!;
    const before = win.location.href;
    link.click();
    expect(opened).to.deep.equal([['https://example.org/stjohns', '_blank', 'noopener']]);
    expect(win.location.href).to.equal(before);
  });
});

describe('embed.html in a frame its host cannot resize', () => {
  it('a frame shorter than the widget (no embed-host.js, or a CMS’s fixed height) scrolls to the rest', async function () {
    this.timeout(15000);
    const iframe = await embed({ widget: 'signatory-list', src: feedUrl() }, { height: '150' });
    await until(() => widgetText(iframe, 'compact-signatory-list').includes('St John'), 'the list renders');
    const win = iframe.contentWindow!;
    expect(doc(iframe).documentElement.scrollHeight).to.be.above(win.innerHeight);
    win.focus();
    doc(iframe).body.focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => win.scrollY > 0, 'the frame scrolls from the keyboard', { timeout: 2000 });
  });
});

describe('embed-host.js: heights only from the frame’s own origin, only finite and in range', () => {
  before(async () => {
    const script = document.createElement('script');
    script.src = '/embed-public/embed-host.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    document.head.append(script);
    await loaded;
  });

  /** Posts a message to this page from a script running inside the frame (so `source` is the frame). */
  function postFrom(iframe: HTMLIFrameElement, message: unknown): Promise<void> {
    const FrameFunction = (iframe.contentWindow as unknown as { Function: FunctionConstructor }).Function;
    new FrameFunction('message', 'parent.postMessage(message, "*")')(message);
    // A message to this page from our own window, after it: once it arrives, the first has been handled.
    return new Promise((resolve) => {
      const done = (event: MessageEvent) => {
        if (event.data !== 'flushed') return;
        window.removeEventListener('message', done);
        resolve();
      };
      window.addEventListener('message', done);
      setTimeout(() => window.postMessage('flushed', '*'), 50);
    });
  }

  it('ignores NaN, Infinity, negative, huge, fractional-string and non-number heights', async () => {
    const iframe = await embed({ widget: 'none' }, { 'data-compact-widget': '', height: '77' });
    await postFrom(iframe, { type: 'compact-widgets:height', height: 321.2 });
    expect(iframe.getAttribute('height')).to.equal('322');
    for (const height of [NaN, Infinity, -Infinity, -5, 20001, 1e300, '500', null, { n: 5 }, [5]]) {
      await postFrom(iframe, { type: 'compact-widgets:height', height });
      expect(iframe.getAttribute('height'), String(height)).to.equal('322');
    }
  });

  it('ignores a page of another origin that was loaded into the frame', async function () {
    this.timeout(10000);
    const iframe = await embed({ widget: 'none' }, { 'data-compact-widget': '', height: '77' });
    await until(() => iframe.getAttribute('height') !== '77', 'the embed page itself may resize its frame');
    iframe.setAttribute('height', '77');
    const heights: unknown[] = [];
    const listen = (event: MessageEvent) => {
      if (event.origin === otherOrigin && event.data?.type === 'compact-widgets:height') heights.push(event.data.height);
    };
    window.addEventListener('message', listen);
    try {
      // The frame navigates elsewhere (a link followed inside it, say); its src still names the embed.
      iframe.contentWindow!.location.href = `${otherOrigin}/test-embed?widget=none`;
      // The other origin's page reports its height by itself, as any page could.
      await waitUntil(() => heights.length > 0, 'the framed page posts a height', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(iframe.getAttribute('height')).to.equal('77');
    } finally {
      window.removeEventListener('message', listen);
    }
  });

  it('resizes a frame from its own origin, to a height that leaves nothing to scroll', async () => {
    const iframe = await embed({ widget: 'signatory-list', src: feedUrl() }, { 'data-compact-widget': '', height: '77' });
    await until(() => Number(iframe.getAttribute('height')) > 150, `height ${iframe.getAttribute('height')}`);
    await until(() => widgetText(iframe, 'compact-signatory-list').includes('St John'), 'the list renders');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const height = iframe.getAttribute('height');
    expect(doc(iframe).documentElement.scrollHeight).to.be.at.most(iframe.contentWindow!.innerHeight);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(iframe.getAttribute('height'), 'it settles').to.equal(height);
  });
});

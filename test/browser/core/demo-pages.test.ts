/**
 * The demo pages as a webmaster meets them on the first day: each in a 375 px wide frame (a phone),
 * reading the feeds where the demo server publishes them (/feeds/<compact id>.json, served here by
 * test/helpers/feed-test-routes.js), and the embed-code builder's checks.
 */
import { expect, waitUntil } from '@open-wc/testing';

const PAGES = [
  'index.html',
  'signatory-list.html',
  'pledge-form.html',
  'action-plan.html',
  'consultation-countdown.html',
  'pledge-badge.html',
  'builder.html',
  'sample-feeds.html',
];
const PHONE = 375;
const frames: HTMLIFrameElement[] = [];

async function openPage(path: string, width = PHONE): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.width = `${width}px`;
  iframe.style.height = '700px';
  iframe.style.border = '0';
  frames.push(iframe);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/demo/${path}`;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** Every widget in the page has left its loading state (or there are none). */
function widgetsSettled(doc: Document): boolean {
  const widgets = [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('compact-'));
  return widgets.every((el) => {
    const text = el.shadowRoot?.textContent ?? '';
    return text.trim() !== '' && !text.includes('Loading…');
  });
}

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

describe('demo pages', () => {
  for (const path of PAGES) {
    it(`${path}: the demo header, a skip link to main and (but the home page) a back link; nothing wider than a 375 px phone`, async function () {
      this.timeout(20000);
      const iframe = await openPage(path);
      const doc = iframe.contentDocument!;
      const skip = doc.querySelector<HTMLAnchorElement>('body > a.skip');
      expect(skip?.getAttribute('href'), 'skip link').to.equal('#main');
      expect(doc.querySelector('main#main'), 'main#main').to.exist;
      expect(doc.querySelector('header a[href="./"]'), 'header link home').to.exist;
      if (path !== 'index.html') expect(doc.querySelector('main .back a[href="./"]'), 'back link').to.exist;
      await waitUntil(() => widgetsSettled(doc), `${path}: the widgets load`, { timeout: 15000 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const all = (root: Document | ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const wide = all(doc)
        .filter((el) => el.getBoundingClientRect().right > PHONE + 1)
        .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''}`)
        .slice(0, 8);
      expect(doc.documentElement.scrollWidth, `too wide: ${wide.join(', ')}`).to.be.at.most(PHONE);
    });
  }

  it('read their feeds from /feeds/<compact id>.json, and every one is there', async () => {
    for (const path of PAGES) {
      const html = await (await fetch(`/demo/${path}`)).text();
      expect(html, path).not.to.contain('/demo/feeds/');
      for (const [, src] of html.matchAll(/\ssrc="([^"]*\.json)"/g)) {
        expect(src, `${path}: ${src}`).to.match(/^\/feeds\/[a-z-]+\.json$/);
        expect((await fetch(src)).status, `${path}: ${src}`).to.equal(200);
      }
    }
    const builder = await (await fetch('/demo/builder.html')).text();
    expect(builder).to.contain('value="/feeds/southend.json"');
  });

  it('link to readable pages, never to raw Markdown, and name no path of this machine', async () => {
    for (const path of PAGES) {
      const html = await (await fetch(`/demo/${path}`)).text();
      expect(html, path).not.to.match(/href="[^"]*\.md"/);
      expect(html, path).not.to.match(/\/(work|farm|tmp)\//);
    }
  });
});

describe('the embed-code builder', () => {
  async function builder(): Promise<{ doc: Document; win: Window }> {
    const iframe = await openPage('builder.html', 1000);
    const doc = iframe.contentDocument!;
    await waitUntil(() => doc.querySelector('#builder')!.hasAttribute('data-ready'), 'the builder starts', { timeout: 10000 });
    return { doc, win: iframe.contentWindow! };
  }
  const set = (doc: Document, id: string, value: string) => {
    const control = doc.getElementById(id) as HTMLInputElement | HTMLSelectElement;
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const submit = (doc: Document) => doc.querySelector<HTMLButtonElement>('#builder button[type="submit"]')!.click();

  it('offers every attribute custom-elements.json documents, for every widget', async function () {
    this.timeout(15000);
    const { doc } = await builder();
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declared = new Map<string, string[]>();
    for (const module of manifest.modules) {
      for (const d of module.declarations ?? []) {
        if (d.customElement && d.tagName?.startsWith('compact-')) declared.set(d.tagName.slice(8), d.attributes.map((a: { name: string }) => a.name));
      }
    }
    const select = doc.getElementById('widget') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value).sort()).to.deep.equal([...declared.keys()].sort());
    for (const [widget, attributes] of declared) {
      set(doc, 'widget', widget);
      for (const name of attributes) {
        const own = name === 'src' ? 'src' : name === 'lang' ? 'lang' : `opt-${name}`;
        expect(doc.getElementById(own), `${widget}: ${name}`).to.exist;
      }
    }
  });

  it('refuses a feed address that is not a web address, the GOV.UK way', async function () {
    this.timeout(15000);
    const { doc } = await builder();
    set(doc, 'src', 'not a url');
    submit(doc);
    const summary = doc.getElementById('error-summary')!;
    expect(summary.hidden).to.equal(false);
    expect(doc.activeElement).to.equal(summary);
    expect(doc.title).to.match(/^Error: /);
    const link = summary.querySelector<HTMLAnchorElement>('a[href="#src"]')!;
    expect(link.textContent).to.contain('web address');
    const input = doc.getElementById('src')!;
    expect(input.getAttribute('aria-describedby')).to.contain('src-error');
    expect(doc.getElementById('src-error')!.textContent).to.match(/^Error: /);
    expect(doc.getElementById('code')!.hidden).to.equal(true);
    link.click();
    expect(doc.activeElement).to.equal(input);
    for (const bad of ['javascript:alert(1)', 'https://user:pass@council.example/feed.json', '']) {
      set(doc, 'src', bad);
      submit(doc);
      expect(summary.querySelector('a[href="#src"]'), JSON.stringify(bad)).to.exist;
    }
  });

  it('refuses page-size="abc" and a heading level out of range, and says which', async function () {
    this.timeout(15000);
    const { doc } = await builder();
    set(doc, 'widget', 'signatory-list');
    set(doc, 'opt-page-size', 'abc');
    set(doc, 'opt-heading-level', '9');
    submit(doc);
    const links = [...doc.querySelectorAll('#error-list a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).to.deep.equal([
      ['#opt-page-size', 'page-size must be a whole number of 1 or more, like 20'],
      ['#opt-heading-level', 'heading-level must be a whole number from 2 to 6, like 6'],
    ]);
    set(doc, 'opt-page-size', '20');
    set(doc, 'opt-heading-level', '3');
    expect(doc.getElementById('error-summary')!.hidden).to.equal(true);
    expect(doc.getElementById('snippet-script')!.textContent).to.contain('page-size="20" heading-level="3"');
  });

  it('given the script’s own address as where it is hosted, writes code that loads it (not …/compact-widgets.js/compact-widgets.js)', async function () {
    this.timeout(15000);
    const { doc } = await builder();
    for (const file of ['compact-widgets.js', 'embed.html', 'embed-host.js']) {
      set(doc, 'host', `https://cdn.example/compact-widgets/${file}`);
      submit(doc);
      expect(doc.getElementById('error-summary')!.hidden, file).to.equal(true);
      const code = doc.getElementById('snippet-script')!.textContent! + doc.getElementById('snippet-iframe')!.textContent!;
      expect(code, file).to.contain('src="https://cdn.example/compact-widgets/compact-widgets.js"');
      expect(code, file).to.contain('src="https://cdn.example/compact-widgets/embed.html?');
      expect(code, file).to.contain('src="https://cdn.example/compact-widgets/embed-host.js"');
    }
  });

  it('says that an iframe pledge form needs its feed’s origin listed in embed.html when the two differ', async function () {
    this.timeout(15000);
    const { doc } = await builder();
    set(doc, 'widget', 'pledge-form');
    set(doc, 'src', 'https://council.example/compact/feed.json');
    set(doc, 'host', 'https://cdn.example/compact-widgets');
    submit(doc);
    const note = doc.getElementById('code-note')!;
    expect(note.hidden).to.equal(false);
    expect(note.textContent).to.contain('<meta name="compact-widgets-feeds" content="https://council.example">');
    set(doc, 'host', 'https://council.example/compact-widgets');
    expect(note.hidden, 'same origin: nothing to list').to.equal(true);
    set(doc, 'widget', 'signatory-list');
    set(doc, 'host', 'https://cdn.example/compact-widgets');
    expect(note.hidden, 'display widgets read any feed').to.equal(true);
  });

  it('writes a relative feed address out in full in code meant for other sites', async function () {
    this.timeout(15000);
    const { doc, win } = await builder();
    set(doc, 'src', '/feeds/southend.json');
    submit(doc);
    const full = new URL('/feeds/southend.json', win.location.href).href;
    expect(doc.getElementById('snippet-script')!.textContent).to.contain(`src="${full}"`);
    expect(doc.getElementById('snippet-iframe')!.textContent).to.contain(encodeURIComponent(full));
    expect(doc.getElementById('snippet-script')!.textContent).to.contain(
      '<script type="module" src="https://your-cdn.example/compact-widgets/compact-widgets.js"></script>',
    );
    expect(doc.getElementById('code-note')!.textContent).to.contain('written in full');
  });
});

// End-to-end tests of the built dist/ in Debian Chromium (playwright-core): the script-tag bundle on
// a plain host page, on a page with hostile CSS, under a strict CSP with Trusted Types, inside the
// iframe embed, and against a feed full of markup and javascript: URLs. Run after `npm run build`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, root, shadowText, startServer, watchPage } from './helpers/browser.js';

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** The Southend sample feed with its consultations moved to around now, so the test never goes stale. */
function liveFeed() {
  const feed = JSON.parse(readFileSync(join(root, 'demo/feeds/southend.json'), 'utf8'));
  const now = Date.now();
  feed.consultations = [
    { id: 'open-now', title: 'Community grants programme', opens: iso(now - 30 * DAY), closes: iso(now + 40 * DAY) },
    { id: 'soon', title: 'Community safety plan', opens: iso(now + 5 * DAY), closes: iso(now + 100 * DAY) },
  ];
  return feed;
}

/** A feed whose text tries to inject markup and script, and whose URLs use other schemes. */
function hostileFeed() {
  const feed = liveFeed();
  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  feed.compact.name = `Hostile ${attack} Compact`;
  feed.signatories = [
    { id: 'GB-CHC-1', name: `Evil ${attack} Org`, sector: 'voluntary', type: 'charity', url: 'javascript:window.__pwned=3', logo: 'data:image/svg+xml,<svg onload="window.__pwned=4"/>' },
    { id: 'GB-CHC-2', name: 'Good Neighbours Trust', sector: 'voluntary', type: 'charity', url: 'https://example.org/good' },
    { id: 'GB-CHC-3', name: 'Spacey URL Org', sector: 'voluntary', url: ' javascript:window.__pwned=5' },
  ];
  feed.actionPlan.aims[0].actions[0].title = `Action ${attack}`;
  feed.consultations[0].url = 'javascript:window.__pwned=6';
  feed.consultations[0].title = `Consultation ${attack}`;
  return feed;
}

const ELEMENTS = (src) => [
  { tag: 'compact-signatory-list', attrs: `src="${src}"`, expect: 'Southend-on-Sea City Council' },
  { tag: 'compact-pledge-badge', attrs: `src="${src}" signatory="GB-CHC-1183305"`, expect: 'A Compact for Southend-on-Sea' },
  { tag: 'compact-action-plan', attrs: `src="${src}"`, expect: 'Prepare codes of good practice' },
  { tag: 'compact-consultation-countdown', attrs: `src="${src}"`, expect: 'Community grants programme' },
  { tag: 'compact-pledge-form', attrs: `src="${src}"`, expect: 'A Compact for Southend-on-Sea' },
];

const hostPage = ({ src = '/feed.json', head = '', lang = 'en-GB' } = {}) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>${head}
<script type="module" src="/dist/compact-widgets.js"></script></head>
<body><h1>A council page</h1>
${ELEMENTS(src).map((e) => `<${e.tag} ${e.attrs}></${e.tag}>`).join('\n')}
</body></html>`;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const HOSTILE_CSS = `<link rel="stylesheet" href="/hostile.css">`;

describe('the built bundle in Chromium', () => {
  let server;
  let browser;

  before(async () => {
    const json = (body) => (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(body));
    };
    server = await startServer({
      pages: {
        '/plain.html': { body: hostPage() },
        '/welsh.html': { body: hostPage({ lang: 'cy' }) },
        '/hostile-css.html': { body: hostPage({ head: HOSTILE_CSS }) },
        '/csp.html': { body: hostPage(), headers: { 'Content-Security-Policy': CSP } },
        '/hostile-feed.html': { body: hostPage({ src: '/hostile-feed.json' }) },
        '/twice.html': {
          body: hostPage({ head: '<script type="module" src="/dist/compact-widgets.js?copy=2"></script>' }),
        },
        '/iframe.html': {
          body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Iframe host</title>
<script src="/dist/embed-host.js" defer></script></head><body>
<iframe data-compact-widget title="Organisations that have signed" style="width:100%;border:0" height="50"
 src="/dist/embed.html?widget=signatory-list&src=/feed.json&page-size=10"></iframe></body></html>`,
        },
      },
      routes: {
        '/feed.json': json(liveFeed()),
        '/hostile-feed.json': json(hostileFeed()),
        '/hostile.css': (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/css' });
          res.end(`div, p, li, button, ul, table, h2, h3, span { display: none !important; }
            * { font-family: "Comic Sans MS", cursive !important; line-height: 0.6 !important; letter-spacing: 4px !important; }
            a { color: yellow !important; } body { font-size: 9px; }`);
        },
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path, init) {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    if (init) await page.addInitScript(init);
    await page.goto(`${server.origin}${path}`);
    return { page, problems };
  }

  async function expectAllRendered(page, src = '/feed.json') {
    for (const element of ELEMENTS(src)) {
      await page.waitForFunction(
        ({ tag, text }) => (document.querySelector(tag)?.shadowRoot?.textContent ?? '').includes(text),
        { tag: element.tag, text: element.expect },
        { timeout: 10_000 },
      );
    }
  }

  it('a plain host page: every element renders from one feed request, with no errors', async () => {
    const { page, problems } = await open('/plain.html');
    await expectAllRendered(page);
    assert.deepEqual(problems.errors, []);
    assert.equal(server.requests.filter((r) => r === '/feed.json').length >= 1, true);
    const feedRequests = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/feed.json')).length,
    );
    assert.equal(feedRequests, 1, 'five elements share one request');
    // chart.js is loaded once the charts have stayed near the view for 250 ms (ChartsController.NEAR_VIEW_MS):
    // a negative can only be seen after that, so give it twice as long, past two frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500)))));
    const chunks = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.includes('/chunks/')),
    );
    assert.ok(!chunks.some((p) => /\/(cy|gd)-/.test(p)), `an English page loads no translations: ${chunks}`);
    assert.ok(!chunks.some((p) => /\/charts-/.test(p)), `chart.js waits until a chart is in view: ${chunks}`);
    assert.ok(!chunks.some((p) => /\/validate-/.test(p)), `a clean feed needs no full validator: ${chunks}`);
    await page.close();
  });

  it('a Welsh page loads the Welsh chunk from beside the script and speaks Welsh', async () => {
    const { page, problems } = await open('/welsh.html');
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/dist\/chunks\/cy-[\w-]+\.js$/.test(e.name)),
    );
    await page.waitForFunction(() => /Llwytho|llofnodi|Mae|sefydliad/i.test(document.querySelector('compact-signatory-list')?.shadowRoot?.textContent ?? ''));
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('a second copy of the script on the page warns and does not throw', async () => {
    const { page, problems } = await open('/twice.html');
    await expectAllRendered(page);
    assert.deepEqual(problems.errors, []);
    assert.ok(
      problems.warnings.some((w) => w.includes('more than once')),
      `a warning for the webmaster: ${JSON.stringify(problems.warnings)}`,
    );
    await page.close();
  });

  it('hostile host CSS cannot hide or break the widgets', async () => {
    const { page, problems } = await open('/hostile-css.html');
    await expectAllRendered(page);
    for (const { tag } of ELEMENTS('/feed.json')) {
      const box = await page.$eval(tag, (el) => {
        const r = el.getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      // The inline badge is one line of text; everything else is a block of content.
      const minHeight = tag === 'compact-pledge-badge' ? 16 : 40;
      assert.ok(box.height > minHeight && box.width > 100, `${tag} is visible under hostile CSS (${JSON.stringify(box)})`);
    }
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('under a strict CSP with Trusted Types every element works with zero violations', async () => {
    const { page, problems } = await open('/csp.html');
    await expectAllRendered(page);
    // Bring the action plan's charts into view so chart.js loads and draws under the policy too.
    await page.$eval('compact-action-plan', (el) => el.scrollIntoView());
    await page.waitForFunction(
      () => !!document.querySelector('compact-action-plan')?.shadowRoot?.querySelector('canvas'),
      null,
      { timeout: 10_000 },
    );
    const chartChunk = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => /\/chunks\/charts-[\w-]+\.js$/.test(e.name)),
    );
    assert.ok(chartChunk, 'chart.js was loaded (from beside the script) and drew under the CSP');
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.console.filter((m) => /Content Security Policy|Trusted Type/i.test(m)), []);
    await page.close();
  });

  it('a feed full of markup and javascript: URLs: nothing executes, nothing unsafe reaches the DOM, good items shown', async () => {
    const { page, problems } = await open('/hostile-feed.html');
    await page.waitForFunction(() =>
      (document.querySelector('compact-signatory-list')?.shadowRoot?.textContent ?? '').includes('Good Neighbours Trust'),
    );
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const unsafe = await page.evaluate(() => {
      const found = [];
      const walk = (rootNode) => {
        for (const el of rootNode.querySelectorAll('*')) {
          for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
            const value = el.getAttribute(attr);
            if (value && !/^(https?:|blob:|\/|#|\.)/i.test(value.trim())) found.push(`${el.localName} ${attr}=${value}`);
          }
          if (/^on/i.test([...el.attributes].map((a) => a.name).join(' '))) found.push(`${el.localName} has an event attribute`);
          const inWidget = rootNode instanceof ShadowRoot || el.closest('[src$="feed.json"]');
          if (inWidget && (el.localName === 'script' || el.localName === 'img' && el.getAttribute('src') === 'x')) {
            found.push(`injected <${el.localName}>`);
          }
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    });
    assert.deepEqual(unsafe, []);
    const listText = await shadowText(page, 'compact-signatory-list');
    assert.match(listText, /Evil <img src=x onerror=/, 'markup in the feed is shown as text');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('the iframe embed renders one widget and its host resizes the iframe to fit', async () => {
    const { page, problems } = await open('/iframe.html');
    const frame = page.frameLocator('iframe');
    await frame.locator('compact-signatory-list').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('iframe').height) > 200, null, { timeout: 10_000 });
    const { attr, content } = await page.evaluate(() => {
      const iframe = document.querySelector('iframe');
      return {
        attr: Number(iframe.height),
        content: iframe.contentDocument.documentElement.getBoundingClientRect().height,
      };
    });
    assert.ok(Math.abs(attr - content) <= 2, `iframe height ${attr} fits its content ${content}`);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('the built iframe embed: widget=constructor is unknown; only the element\'s own attributes are taken', async () => {
    const unknown = await open('/dist/embed.html?widget=constructor&src=/feed.json');
    await unknown.page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Unknown widget "constructor"'));
    assert.deepEqual(unknown.problems.errors, []);
    await unknown.page.close();
    const query = new URLSearchParams({
      widget: 'consultation-countdown',
      src: '/feed.json',
      'time-zone-label': 'UK time',
      onclick: 'window.__pwned = 1',
      style: 'display:none',
    });
    const { page, problems } = await open(`/dist/embed.html?${query}`);
    await page.waitForFunction(() =>
      (document.querySelector('compact-consultation-countdown')?.shadowRoot?.textContent ?? '').includes('Community grants programme'),
    );
    const attributes = await page.$eval('compact-consultation-countdown', (el) => el.getAttributeNames().sort());
    assert.deepEqual(attributes, ['src', 'time-zone-label']);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('the iframe embed refuses a pledge form whose feed is on another origin', async () => {
    const { page } = await open(
      `/dist/embed.html?widget=pledge-form&src=${encodeURIComponent('http://localhost:9/feed.json')}`,
    );
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('not set up to show'));
    assert.equal(await page.$('compact-pledge-form'), null);
    await page.close();
  });
});

describe('the script tag asks for the feed early', () => {
  let server;
  let browser;
  let chunkPath;
  /**
   * What the server saw, in order: 'feed' and 'shared' when the feed and the shared chunk were asked
   * for, 'chunk' when the list's own chunk was answered.
   */
  let seen;
  let releaseChunk;

  before(async () => {
    const chunks = readdirSync(join(root, 'dist/chunks'));
    const chunk = chunks.find((f) => /^signatory-list-[\w-]+\.js$/.test(f));
    const shared = chunks.find((f) => /^shared-[\w-]+\.js$/.test(f));
    chunkPath = `/dist/chunks/${chunk}`;
    const body = readFileSync(join(root, 'dist/chunks', chunk));
    const sharedBody = readFileSync(join(root, 'dist/chunks', shared));
    const feed = JSON.stringify(liveFeed());
    server = await startServer({
      pages: {
        '/early.html': { body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Early</title>
<script type="module" src="/dist/compact-widgets.js"></script></head>
<body><compact-signatory-list src="/early-feed.json"></compact-signatory-list></body></html>` },
        '/preloaded.html': { body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Preloaded</title>
<link rel="preload" href="/early-feed.json" as="fetch" crossorigin>
<script type="module" src="/dist/compact-widgets.js"></script></head>
<body><compact-signatory-list src="/early-feed.json"></compact-signatory-list></body></html>` },
        '/inline.html': { body: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Inline</title>
<script type="module" src="/dist/compact-widgets.js"></script></head>
<body><compact-signatory-list src="/unused-feed.json"><script type="application/json">${feed}</script></compact-signatory-list></body></html>` },
      },
      routes: {
        '/early-feed.json': (req, res) => {
          seen.push('feed');
          releaseChunk?.();
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(feed);
        },
        [`/dist/chunks/${shared}`]: (req, res) => {
          seen.push('shared');
          releaseChunk?.();
          res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sharedBody);
        },
        // The element's code is held back until the feed and the shared chunk have been asked for (or
        // 3 s have passed): asked for only once the element's chunk has arrived, they come after it.
        [chunkPath]: async (req, res) => {
          while (!(seen.includes('feed') && seen.includes('shared'))) {
            const waited = await new Promise((resolve) => {
              releaseChunk = () => resolve(false);
              setTimeout(() => resolve(true), 3000);
            });
            if (waited) break;
          }
          seen.push('chunk');
          res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body);
        },
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page at `path`, once its list shows the feed; what the server saw starts again. */
  async function openList(path) {
    seen = [];
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}${path}`);
    await page.waitForFunction(() => (document.querySelector('compact-signatory-list')?.shadowRoot?.textContent ?? '').includes('Southend-on-Sea City Council'));
    return { page, problems };
  }

  it('the feed and the shared chunk of a list in the page are requested before the list\'s own code has arrived, once', async () => {
    const { page, problems } = await openList('/early.html');
    assert.deepEqual(
      [...seen].sort(),
      ['chunk', 'feed', 'shared'],
      `the feed and the shared chunk each asked for once: ${seen}`,
    );
    assert.equal(seen.at(-1), 'chunk', `the feed and the shared chunk were asked for while the element's chunk was on its way: ${seen}`);
    // The entry's own request, which the loader took over (src/early-feed.ts): nothing added to the page.
    assert.equal(await page.$$eval('link[rel="preload"]', (links) => links.length), 0);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('a page that preloads the feed itself (README) has it fetched once: the widgets use that response', async () => {
    const { page, problems } = await openList('/preloaded.html');
    assert.equal(seen.filter((s) => s === 'feed').length, 1, `the feed asked for once: ${seen}`);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('an element with its feed inline makes no request for its src', async () => {
    const { page } = await openList('/inline.html');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    assert.equal(server.requests.includes('/unused-feed.json'), false);
    await page.close();
  });
});

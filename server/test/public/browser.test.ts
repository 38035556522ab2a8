/// <reference lib="dom" />
/**
 * The public pages and the oEmbed round trip in real Chromium: axe-clean in each language, with and
 * without the widgets' script, no CSP violation, and a CMS on another origin that turns a pasted
 * address into a working widget by oEmbed discovery.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { widgetsDir } from '../../src/http/routes/widgets.js';
import type { TestServer } from '../helpers/server.js';
import { axe } from '../helpers/browser.js';
import { startPublicServer } from './helpers.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Every CSP violation in every frame, kept where the test can read it. */
const RECORD_VIOLATIONS = () => {
  const list: string[] = [];
  (window as unknown as { violations: string[] }).violations = list;
  document.addEventListener('securitypolicyviolation', (event) => list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
};

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

describe('public pages in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let cms: Server;
  let cmsPage = '';
  let cmsUrl = '';

  before(async () => {
    assert.ok(existsSync(`${widgetsDir()}/compact-widgets.js`), 'the widgets are built (npm run build at the root)');
    t = await startPublicServer();
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    // A council's CMS on another origin: it shows whatever the oEmbed answer gave it, under its own strict CSP.
    cms = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `default-src 'none'; frame-src ${t.url}; style-src 'unsafe-inline'` });
      response.end(cmsPage);
    });
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    cmsUrl = `http://localhost:${(cms.address() as { port: number }).port}`;
  });
  after(async () => {
    await browser?.close();
    cms?.close();
    await t?.stop();
  });

  async function open(path: string, options: { blockWidgets?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    if (options.blockWidgets) await page.route('**/widgets/**', (route) => route.abort());
    const response = await page.goto(`${t.url}${path}`);
    assert.ok(response, path);
    return page;
  }

  for (const path of ['/c/southend', '/cy/c/ceredigion', '/gd/c/southend', '/c/southend/widgets/action-plan', '/cy/c/southend/widgets/pledge-form', '/c/southend/signatories/GB-LAE-SOS', '/gd/c/southend/signatories/nope', '/cy/c/nowhere']) {
    it(`${path}: axe-clean with the widgets drawn, GOV.UK Frontend started, no CSP violation`, async () => {
      const page = await open(path);
      try {
        await page.waitForLoadState('networkidle');
        assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), true, 'set by the external script');
        const lang = await page.evaluate(() => document.documentElement.lang);
        assert.equal(lang, path.startsWith('/cy/') ? 'cy' : path.startsWith('/gd/') ? 'gd' : 'en');
        if (path === '/c/southend') {
          await page.locator('compact-signatory-list').getByText('Southend-on-Sea City Council').filter({ visible: true }).first().waitFor();
          assert.equal(await page.locator('compact-signatory-list table.govuk-table').isVisible(), false, 'the widget replaces its fallback');
        }
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(await violations(page), []);
      } finally {
        await page.close();
      }
    });
  }

  it('without the widgets’ script the server-rendered lists are there, visible and axe-clean', async () => {
    for (const path of ['/c/southend', '/cy/c/ceredigion']) {
      const page = await open(path, { blockWidgets: true });
      try {
        await page.waitForLoadState('networkidle');
        const rows = page.locator('compact-signatory-list table.govuk-table tbody tr');
        assert.equal(await rows.count(), path.includes('southend') ? 25 : 17);
        assert.equal(await rows.first().isVisible(), true);
        assert.equal(await page.locator('compact-consultation-countdown li').first().isVisible(), true);
        assert.deepEqual(await axe(page), [], path);
        assert.deepEqual(await violations(page), []);
      } finally {
        await page.close();
      }
    }
  });

  it('a CMS on another origin: discovery → oEmbed JSON → the iframe shows the widget', async () => {
    // 1. The editor pastes a widget page's address; the CMS reads the page and finds the discovery link.
    const pasted = `${t.url}/cy/c/southend/widgets/signatory-list`;
    const html = await (await fetch(pasted)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
    assert.ok(link, 'discovery link');
    // 2. It asks for the oEmbed answer, within its column width.
    const endpoint = new URL(link[1]!.replace(/&amp;/g, '&'));
    endpoint.searchParams.set('maxwidth', '600');
    const answer = (await (await fetch(endpoint)).json()) as { type: string; width: number; html: string };
    assert.equal(answer.type, 'rich');
    assert.equal(answer.width, 600);
    // 3. It puts the HTML in its page, and a visitor's browser shows it.
    cmsPage = `<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>Tudalen y cyngor</title></head><body><main><h1>Ein compact</h1>${answer.html}</main></body></html>`;
    const page = await browser.newPage();
    await page.addInitScript(RECORD_VIOLATIONS);
    try {
      await page.goto(cmsUrl);
      const frame = page.frameLocator('iframe[data-compact-widget]');
      await frame.locator('compact-signatory-list').getByText('Southend-on-Sea City Council').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('iframe').getAttribute('title'), 'Sefydliadau sydd wedi llofnodi A Compact for Southend-on-Sea');
      const inner = page.frames().find((f) => f.url().startsWith(`${t.url}/widgets/embed.html`))!;
      assert.ok(inner, 'the embed page is in the frame');
      assert.equal(await inner.evaluate(() => document.documentElement.lang), 'cy');
      assert.deepEqual(await inner.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
      assert.deepEqual(await violations(page), []);
    } finally {
      await page.close();
    }
  });

  it('WordPress without the provider registered: the sandboxed iframe it keeps still shows the widget', async () => {
    const answer = (await (await fetch(`${t.url}/oembed?url=${encodeURIComponent(`${t.url}/c/southend`)}`)).json()) as { html: string };
    // What wp_filter_oembed_result() does to a discovered provider's HTML.
    const sandboxed = answer.html.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
    cmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A WordPress post</title></head><body>${sandboxed}</body></html>`;
    const page = await browser.newPage();
    try {
      await page.goto(cmsUrl);
      await page.frameLocator('iframe').locator('compact-signatory-list').getByText('Southend-on-Sea City Council').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('the compact page itself cannot be framed by another site (only the embed page can)', async () => {
    cmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><iframe src="${t.url}/c/southend" title="page"></iframe></body></html>`;
    const page = await browser.newPage();
    try {
      await page.goto(cmsUrl);
      await page.waitForLoadState('load');
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // A refused frame shows the browser's error page: the compact's heading never appears in it.
      const heading = frame ? await frame.locator('h1', { hasText: 'A Compact for Southend-on-Sea' }).count().catch(() => 0) : 0;
      assert.equal(heading, 0);
    } finally {
      await page.close();
    }
  });
});

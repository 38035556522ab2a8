import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { approvePledge } from '../../src/index.js';
import { PUBLIC_MESSAGES } from '../../src/i18n/public-messages.js';
import { pageHelmet } from '../../src/http/view-engine.js';
import type { TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { frozen, get, startPublicServer } from './helpers.js';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('public pages', () => {
  let t: TestServer;
  before(async () => {
    t = await startPublicServer();
  });
  after(() => t.stop());

  it('/c/{id}: the compact, its signatories as an HTML table inside the widget, and links to its outputs', async () => {
    const { status, headers, text } = await get(`${t.url}/c/southend`);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(text, /<html lang="en" class="govuk-template">/);
    assert.match(text, /<h1 class="govuk-heading-xl">A Compact for Southend-on-Sea<\/h1>/);
    assert.match(text, /Working together – better together/);
    assert.match(text, /<dt class="govuk-summary-list__key">Voluntary action is valued<\/dt>/);
    assert.match(text, /<h3 class="govuk-heading-m">Statutory organisations<\/h3>/, 'the compact’s own name for the sector');
    // The table scrolls in a named, focusable region of its own on a narrow screen (WCAG 1.4.10).
    assert.match(text, /<compact-signatory-list class="compact-widget" src="\/feeds\/southend.json" heading-level="3">\s*<div class="compact-table-region" role="region" aria-label="Organisations that have signed" tabindex="0"><table class="govuk-table">/);
    assert.equal(count(text, /<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/c\/southend\/signatories\//g), 25);
    assert.match(text, /<compact-action-plan[^>]*>[\s\S]*id="action-codes-funding"/);
    assert.match(text, /<compact-consultation-countdown[^>]*>[\s\S]*Closes 11:59pm on Monday 7 December 2026/);
    assert.match(text, /<script type="module" src="\/widgets\/compact-widgets.js"><\/script>/);
    assert.match(text, /href="\/feeds\/southend\/consultations.ics"/);
    assert.match(text, /href="\/feeds\/southend\/updates.json"/);
    assert.match(text, /<link rel="alternate" type="application\/feed\+json" href="\/feeds\/southend\/updates.json" title="Updates \(JSON Feed\)">/, 'feed readers find it');
  });

  it('has an address per language, hreflang alternates, a switcher and the right lang', async () => {
    for (const [path, lang, heading] of [
      ['/c/ceredigion', 'en', 'The Ceredigion Compact'],
      ['/cy/c/ceredigion', 'cy', 'Compact Ceredigion'],
      ['/gd/c/ceredigion', 'gd', 'The Ceredigion Compact'],
    ] as const) {
      const { status, text } = await get(`${t.url}${path}`);
      assert.equal(status, 200, path);
      assert.match(text, new RegExp(`<html lang="${lang}"`));
      // The compact is in English and Welsh: those are offered; Gaelic only on the Gaelic page itself.
      for (const alternate of ['en', 'cy', 'gd']) {
        const href = `${t.url}${alternate === 'en' ? '' : `/${alternate}`}/c/ceredigion`;
        const offered = alternate !== 'gd' || lang === 'gd';
        assert.equal(text.includes(`<link rel="alternate" hreflang="${alternate}" href="${href}">`), offered, `${path}: hreflang ${alternate}`);
        assert.equal(text.includes(`lang="${alternate}" hreflang="${alternate}">`) || text.includes(`aria-current="true" lang="${alternate}"`), offered, `${path}: switcher ${alternate}`);
      }
      assert.ok(text.includes(`<link rel="alternate" hreflang="x-default" href="${t.url}/c/ceredigion">`));
      assert.match(text, new RegExp(`aria-current="true" lang="${lang}"`), 'the current language is marked');
      // Gaelic has no Gaelic text in this feed: the English it falls back to says it is English.
      if (lang === 'gd') assert.match(text, /<h1 class="govuk-heading-xl" lang="en">The Ceredigion Compact<\/h1>/);
      else assert.ok(text.includes(`<h1 class="govuk-heading-xl">${heading}</h1>`), path);
    }
    const welsh = (await get(`${t.url}/cy/c/southend`)).text;
    assert.match(welsh, /Neidio i&#39;r prif gynnwys/);
    assert.match(welsh, /Sefydliadau sydd wedi llofnodi/);
    assert.match(welsh, /<div class="compact-table-region" role="region" aria-label="Sefydliadau sydd wedi llofnodi" tabindex="0">/, 'the table’s region is named in the page’s language');
    assert.match(welsh, /<time datetime="2004-05-12">12 Mai 2004<\/time>/);
    assert.match(welsh, /<td class="govuk-table__cell">Awdurdod lleol<\/td>/, 'signatory types in the page’s language');
    assert.match(welsh, /<h1 class="govuk-heading-xl" lang="en">A Compact for Southend-on-Sea<\/h1>/);
    const gaelic = (await get(`${t.url}/gd/c/southend`)).text;
    assert.match(gaelic, /12 dhen Chèitean 2004/);
    // Southend's compact is in English only: its page offers no other language, and says none exists.
    const english = (await get(`${t.url}/c/southend`)).text;
    assert.doesNotMatch(english, /compact-language-navigation/);
    assert.doesNotMatch(english, /hreflang="(cy|gd)"/);
    assert.match(welsh, /hreflang="en"[\s\S]*hreflang="cy"/, 'the Welsh page, asked for, still links back to the English');
  });

  it('sends a strict CSP: no inline script or style, Trusted Types, framed by this site only', async () => {
    const { headers, text } = await get(`${t.url}/c/southend`);
    const csp = headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /trusted-types lit-html/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(count(text, /<script(?![^>]*\bsrc=)[^>]*>/g), 0, 'every script is a file');
    assert.equal(count(text, /<style|\sstyle="/g), 0, 'no inline styles');
    assert.match(text, /<script src="\/assets\/compact\/supported.js"><\/script>/);
  });

  it('pageHelmet (shared with the admin): X-Frame-Options follows frame-ancestors', () => {
    const frameguard = (frameAncestors?: string[]) => (pageHelmet(t.config, frameAncestors ? { frameAncestors } : {}) as { frameguard: unknown }).frameguard;
    assert.deepEqual(frameguard(), { action: 'sameorigin' });
    assert.deepEqual(frameguard(["'none'"]), { action: 'deny' });
    assert.equal(frameguard(['https://council.example']), false, 'X-Frame-Options cannot name another site: CSP alone says it');
  });

  it('serves GOV.UK Frontend’s CSS, JS, fonts and images, and its own scripts', async () => {
    for (const [path, type] of [
      ['/assets/govuk/govuk-frontend.min.css', 'text/css'],
      ['/assets/govuk/govuk-frontend.min.js', 'application/javascript'],
      ['/assets/fonts/bold-b542beb274-v2.woff2', 'font/woff2'],
      ['/assets/images/favicon.svg', 'image/svg+xml'],
      ['/assets/compact/supported.js', 'application/javascript'],
      ['/assets/compact/init.js', 'application/javascript'],
      ['/assets/compact/public.css', 'text/css'],
      ['/assets/compact/favicon.svg', 'image/svg+xml'],
    ]) {
      const answer = await get(`${t.url}${path}`);
      assert.equal(answer.status, 200, path);
      assert.ok(answer.headers.get('content-type')?.startsWith(type), `${path}: ${answer.headers.get('content-type')}`);
    }
    assert.equal((await get(`${t.url}/assets/govuk/template.njk`)).status, 404, 'only the two built files of the package');
    assert.match((await get(`${t.url}/assets/compact/supported.js`)).text, /govuk-frontend-supported/);
  });

  it('names an icon of its own on every page, public and admin, and answers /favicon.ico with no content', async () => {
    for (const path of ['/c/southend', '/cy/c/southend/widgets/signatory-list', '/c/nowhere', '/confirm?token=nothing', '/admin/sign-in']) {
      const { text } = await get(`${t.url}${path}`);
      assert.match(text, /<head>[\s\S]*<link rel="icon" href="\/assets\/compact\/favicon\.svg" type="image\/svg\+xml">[\s\S]*<\/head>/, path);
      assert.doesNotMatch(text, /\/assets\/images\/favicon/, `${path}: not GOV.UK's crown`);
    }
    // Asked for by a browser where nothing names an icon (a feed opened in a tab): no 404.
    const bare = await get(`${t.url}/favicon.ico`);
    assert.equal(bare.status, 204);
    assert.equal(bare.text, '');
  });

  it('answers 404 pages in the page’s language for an unknown compact or widget', async () => {
    const english = await get(`${t.url}/c/nowhere`);
    assert.equal(english.status, 404);
    assert.match(english.text, /<html lang="en"[\s\S]*Page not found/);
    const welsh = await get(`${t.url}/cy/c/nowhere`);
    assert.equal(welsh.status, 404);
    assert.match(welsh.text, /<html lang="cy"[\s\S]*Heb ddod o hyd i&#39;r dudalen/);
    assert.equal((await get(`${t.url}/gd/c/southend/widgets/nothing`)).status, 404);
    assert.match((await get(`${t.url}/gd/c/southend/widgets/nothing`)).text, /Cha deach an duilleag a lorg/);
  });

  it('/c/{id}/widgets/{widget}: one widget with its fallback and oEmbed discovery', async () => {
    const { status, text } = await get(`${t.url}/c/southend/widgets/signatory-list`);
    assert.equal(status, 200);
    assert.match(text, /<h1 class="govuk-heading-l">Organisations that have signed A Compact for Southend-on-Sea<\/h1>/);
    assert.match(text, /<compact-signatory-list[^>]*heading-level="2">\s*<div class="compact-table-region"[^>]*><table/);
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(text);
    assert.ok(discovery);
    const href = new URL(discovery[1]!.replace(/&amp;/g, '&'));
    assert.equal(href.searchParams.get('url'), `${t.url}/c/southend/widgets/signatory-list`);
    assert.equal(href.searchParams.get('format'), 'json');
    // What to paste where only iframes are allowed: the same iframe the oEmbed answer gives.
    assert.match(text, /<pre class="compact-code" tabindex="0"><code>&lt;iframe src=&quot;http:\/\/127\.0\.0\.1:\d+\/widgets\/embed\.html\?widget=signatory-list&amp;amp;src=/);
    assert.ok(text.includes(`<code>${t.url}/c/southend/widgets/signatory-list</code>`));
    for (const widget of ['action-plan', 'consultation-countdown', 'pledge-form']) {
      assert.equal((await get(`${t.url}/cy/c/southend/widgets/${widget}`)).status, 200, widget);
    }
  });

  it('/c/{id}/signatories/{org}: confirms a current signatory, with its pledge and champion, in each language', async () => {
    const pledge = await postPledge(t.url, validPledge({
      organisation: { name: 'Leigh Community Larder', sector: 'voluntary', type: 'community-group', id: 'GB-CHC-1170001', url: 'https://larder.example.org/' },
      contact: { name: 'Ada Contactperson', email: 'ada@larder.example.org', role: 'Chair' },
    }));
    await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: frozen });
    const { status, text } = await get(`${t.url}/c/southend/signatories/GB-CHC-1170001`);
    assert.equal(status, 200);
    assert.match(text, /<h1 class="govuk-panel__title">Leigh Community Larder has signed A Compact for Southend-on-Sea<\/h1>/);
    assert.match(text, /<time datetime="2026-12-01">1 December 2026<\/time>/);
    assert.match(text, /We will share what we hear from families with the council\./);
    assert.match(text, /Sam Patel, Trustee/);
    assert.match(text, /<code>GB-CHC-1170001<\/code>/);
    assert.doesNotMatch(text, /Ada Contactperson|ada@larder|Chair/, 'nothing of the person who sent the pledge');
    const welsh = await get(`${t.url}/cy/c/southend/signatories/GB-CHC-1170001`);
    assert.match(welsh.text, /Mae Leigh Community Larder wedi llofnodi/);
    assert.match(welsh.text, /1 Rhagfyr 2026/);
  });

  it('answers 404, in the language, for an organisation that is not a current published signatory', async () => {
    const quiet = await postPledge(t.url, validPledge({ organisation: { name: 'Quiet Helpers', sector: 'voluntary', id: 'GB-CHC-1170002' }, consent: { publish: false, contact: true } }));
    await approvePledge(t.server.database.db, quiet.json.id, { by: 'test', clock: frozen });
    for (const org of ['GB-CHC-1170002', 'GB-CHC-0000000']) {
      const answer = await get(`${t.url}/c/southend/signatories/${org}`);
      assert.equal(answer.status, 404, org);
      assert.match(answer.text, /Not a current signatory/);
      assert.doesNotMatch(answer.text, /Quiet Helpers/);
    }
    const gaelic = await get(`${t.url}/gd/c/southend/signatories/GB-CHC-0000000`);
    assert.equal(gaelic.status, 404);
    assert.match(gaelic.text, /<html lang="gd"/);
    assert.match(gaelic.text, /Chan eil e air an liosta an-dràsta/);
    const escaped = await get(`${t.url}/c/southend/signatories/${encodeURIComponent('<script>x</script>')}`);
    assert.equal(escaped.status, 404);
    assert.doesNotMatch(escaped.text, /<script>x<\/script>/);
  });

  it('follows the feed at once (rendered once per feed version), with ETag and 304', async () => {
    const first = await get(`${t.url}/cy/c/southend`);
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await get(`${t.url}/cy/c/southend`, { 'if-none-match': etag })).status, 304);
    const pledge = await postPledge(t.url, validPledge({ organisation: { name: 'Chalkwell Bowls Club', sector: 'voluntary', id: 'GB-CHC-1170003' } }));
    await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: frozen });
    const changed = await get(`${t.url}/cy/c/southend`, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.match(changed.text, /href="\/cy\/c\/southend\/signatories\/GB-CHC-1170003"[^>]*>Chalkwell Bowls Club</);
    assert.equal((await get(`${t.url}/c/southend/signatories/GB-CHC-1170003`)).status, 200);
  });

  it('has every message in English, Welsh and Gaelic', () => {
    for (const [id, message] of Object.entries(PUBLIC_MESSAGES)) {
      for (const locale of ['en', 'cy', 'gd'] as const) assert.ok(message[locale].trim(), `${id}.${locale}`);
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
      assert.equal(placeholders(message.cy), placeholders(message.en), `${id}: cy placeholders`);
      assert.equal(placeholders(message.gd), placeholders(message.en), `${id}: gd placeholders`);
    }
  });
});

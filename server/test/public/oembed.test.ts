import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from '../helpers/server.js';
import { get, reimportSouthend, startPublicServer } from './helpers.js';

describe('GET /oembed', () => {
  let t: TestServer;
  const oembed = async (params: Record<string, string>) => {
    const answer = await get(`${t.url}/oembed?${new URLSearchParams(params)}`);
    return { ...answer, json: answer.text ? JSON.parse(answer.text) : undefined };
  };
  before(async () => {
    t = await startPublicServer();
  });
  after(() => t.stop());

  it('answers a rich oEmbed 1.0 for the compact page: an iframe of the embed page with a title', async () => {
    const { status, headers, json } = await oembed({ url: `${t.url}/c/southend`, format: 'json' });
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(json.version, '1.0');
    assert.equal(json.type, 'rich');
    assert.equal(json.provider_name, 'A Compact for Southend-on-Sea');
    assert.equal(json.provider_url, t.url);
    assert.equal(json.title, 'Organisations that have signed A Compact for Southend-on-Sea');
    assert.equal(json.width, 720);
    assert.equal(json.height, 900);
    const iframe = /^<iframe src="([^"]+)" title="([^"]+)" width="(\d+)" height="(\d+)"[^>]*><\/iframe>$/.exec(json.html);
    assert.ok(iframe, json.html);
    const src = new URL(iframe[1]!.replace(/&amp;/g, '&'));
    assert.equal(`${src.origin}${src.pathname}`, `${t.url}/widgets/embed.html`);
    assert.equal(src.searchParams.get('widget'), 'signatory-list');
    assert.equal(src.searchParams.get('src'), `${t.url}/feeds/southend.json`);
    assert.equal(src.searchParams.get('lang'), 'en');
    assert.equal(iframe[2], json.title);
    assert.doesNotMatch(json.html, /<script/);
  });

  it('knows the per-widget pages and the badge page, in each language', async () => {
    const welsh = await oembed({ url: `${t.url}/cy/c/ceredigion/widgets/consultation-countdown` });
    assert.equal(welsh.status, 200, 'format defaults to json');
    assert.equal(welsh.json.title, 'Ymgynghoriadau o dan Compact Ceredigion');
    const src = new URL(/src="([^"]+)"/.exec(welsh.json.html)![1]!.replace(/&amp;/g, '&'));
    assert.equal(src.searchParams.get('widget'), 'consultation-countdown');
    assert.equal(src.searchParams.get('lang'), 'cy');
    const badge = await oembed({ url: `${t.url}/c/southend/signatories/GB-LAE-SOS`, format: 'json' });
    assert.equal(badge.status, 200);
    assert.equal(badge.json.title, 'Southend-on-Sea City Council has signed A Compact for Southend-on-Sea');
    const badgeSrc = new URL(/src="([^"]+)"/.exec(badge.json.html)![1]!.replace(/&amp;/g, '&'));
    assert.equal(badgeSrc.searchParams.get('widget'), 'pledge-badge');
    assert.equal(badgeSrc.searchParams.get('signatory'), 'GB-LAE-SOS');
  });

  it('honours maxwidth and maxheight', async () => {
    const { json } = await oembed({ url: `${t.url}/c/southend/widgets/action-plan`, maxwidth: '500', maxheight: '400' });
    assert.equal(json.width, 500);
    assert.equal(json.height, 400);
    assert.match(json.html, / width="500" height="400"/);
    const roomy = await oembed({ url: `${t.url}/c/southend/widgets/action-plan`, maxwidth: '5000' });
    assert.equal(roomy.json.width, 720);
    const bad = await oembed({ url: `${t.url}/c/southend`, maxwidth: 'wide' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].field, 'maxwidth');
  });

  it('answers 501 for XML, 404 for an address that is not one of our widget pages, 400 without a url', async () => {
    assert.equal((await oembed({ url: `${t.url}/c/southend`, format: 'xml' })).status, 501);
    for (const url of [
      'https://elsewhere.example/c/southend',
      `${t.url}/c/nowhere`,
      `${t.url}/c/southend/widgets/nothing`,
      `${t.url}/c/southend/signatories/GB-CHC-0000000`,
      `${t.url}/feeds/southend.json`,
      `${t.url}/c/%E0%A4%A`,
      'not a url',
    ]) {
      assert.equal((await oembed({ url, format: 'json' })).status, 404, url);
    }
    assert.equal((await oembed({ format: 'json' })).status, 400);
  });

  it('escapes what it writes into the iframe markup', async () => {
    await reimportSouthend(t, (feed) => {
      feed.compact.name = 'The "Bold" <Compact> & Co';
    });
    const { json } = await oembed({ url: `${t.url}/c/southend` });
    assert.equal(json.title, 'Organisations that have signed The "Bold" <Compact> & Co');
    assert.ok(json.html.includes(' title="Organisations that have signed The &quot;Bold&quot; &lt;Compact&gt; &amp; Co" '), json.html);
    assert.match(json.html, /^<iframe src="[^"<>]+" /);
  });
});

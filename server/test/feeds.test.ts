import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { checkFeed } from 'compact-widgets/feed';
import { approvePledge } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { getFeed, postPledge, validPledge } from './helpers/http.js';

describe('GET /feeds/{id}.json', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { PRIVACY_NOTICE_URL: 'https://council.example/privacy' } });
  });
  after(() => t.stop());

  it('publishes a feed that passes the strict validator, with its endpoint on this server', async () => {
    const { status, headers, json } = await getFeed(t.url);
    assert.equal(status, 200);
    const check = checkFeed(json);
    assert.deepEqual(check.problems, []);
    assert.equal(check.valid, true);
    assert.equal(json.compact.id, 'southend');
    assert.equal(json.signatories.length, 25);
    assert.equal(json.pledge.endpoint, `${t.url}/api/compacts/southend/pledges`);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(headers.get('cache-control'), 'public, max-age=60');
    assert.match(headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.ok(Date.parse(headers.get('last-modified') ?? ''));
    assert.equal(headers.get('access-control-allow-credentials'), null);
  });

  it('keeps the bilingual text as it was imported', async () => {
    const { json } = await getFeed(t.url, 'ceredigion');
    assert.equal(typeof json.compact.name, 'object');
    assert.ok(json.compact.name.cy);
    assert.equal(checkFeed(json).valid, true);
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since, and 200 once it changes', async () => {
    const first = await getFeed(t.url);
    const etag = first.headers.get('etag')!;
    const notModified = await getFeed(t.url, 'southend', { 'if-none-match': etag });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.text, '');
    assert.equal(notModified.headers.get('etag'), etag);
    assert.equal((await getFeed(t.url, 'southend', { 'if-none-match': `"other", ${etag}` })).status, 304);
    assert.equal((await getFeed(t.url, 'southend', { 'if-modified-since': first.headers.get('last-modified')! })).status, 304);
    assert.equal((await getFeed(t.url, 'southend', { 'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status, 200);
    assert.equal((await getFeed(t.url, 'southend', { 'if-none-match': '"stale"' })).status, 200);
    // The two obsolete forms of the same date are read too (RFC 9110 5.6.7)…
    const modified = new Date(first.headers.get('last-modified')!);
    const [day, date, month, year, time] = modified.toUTCString().replace(',', '').split(' ');
    const days = { Mon: 'Monday', Tue: 'Tuesday', Wed: 'Wednesday', Thu: 'Thursday', Fri: 'Friday', Sat: 'Saturday', Sun: 'Sunday' } as Record<string, string>;
    const rfc850 = `${days[day!]}, ${date}-${month}-${year!.slice(2)} ${time} GMT`;
    const asctime = `${day} ${month} ${String(Number(date)).padStart(2, ' ')} ${time} ${year}`;
    for (const since of [rfc850, asctime]) assert.equal((await getFeed(t.url, 'southend', { 'if-modified-since': since })).status, 304, since);
    // …but what is not an HTTP-date, or a date still to come, is ignored: never a 304 that hides a change.
    const later = new Date(Date.now() + 86_400_000).toUTCString();
    for (const since of ['99999', '2100', 'tomorrow', later, `${first.headers.get('last-modified')} extra`]) {
      assert.equal((await getFeed(t.url, 'southend', { 'if-modified-since': since })).status, 200, since);
    }

    const pledge = await postPledge(t.url, validPledge());
    assert.equal(pledge.status, 202);
    // A pending pledge changes nothing public.
    assert.equal((await getFeed(t.url, 'southend', { 'if-none-match': etag })).status, 304);
    await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: () => new Date() });
    const changed = await getFeed(t.url, 'southend', { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(changed.json.signatories.length, 26);
  });

  it('lists an approved organisation that agreed to publication, and none of its contact details', async () => {
    const body = validPledge({
      organisation: { name: 'Shoebury Youth Theatre', sector: 'voluntary', id: 'GB-CHC-1199999' },
      contact: { name: 'Priya Contactperson', email: 'priya@theatre.example.org', role: 'Director' },
    });
    const pledge = await postPledge(t.url, body);
    await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: () => new Date() });
    const { json, text } = await getFeed(t.url);
    const listed = json.signatories.find((s: { id: string }) => s.id === 'GB-CHC-1199999');
    assert.ok(listed, 'the approved organisation is in the feed');
    assert.equal(listed.name, 'Shoebury Youth Theatre');
    assert.deepEqual(listed.champion, { name: 'Sam Patel', role: 'Trustee' });
    assert.match(listed.signed, /^\d{4}-\d{2}-\d{2}$/);
    assert.doesNotMatch(text, /Priya Contactperson|priya@theatre|Director/);
    assert.equal(checkFeed(json).valid, true);
  });

  it('leaves out an approved organisation that did not agree to publication', async () => {
    const pledge = await postPledge(t.url, validPledge({ organisation: { name: 'Quiet Helpers', sector: 'voluntary' }, consent: { publish: false, contact: true } }));
    const result = await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: () => new Date() });
    assert.equal(result.published, false);
    assert.doesNotMatch((await getFeed(t.url)).text, /Quiet Helpers/);
  });

  it('answers 404 with a message for a compact it does not have, or a path without .json', async () => {
    for (const path of ['/feeds/nowhere.json', '/feeds/southend', '/feeds/.json', '/feeds/southend.json.bak']) {
      const response = await fetch(`${t.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.ok((await response.json()).errors[0].message);
    }
  });

  it('answers 404, never 500, for a compact id no database can hold (a NUL), on every public route', async () => {
    // PostgreSQL's text cannot hold U+0000: asked for such an id it fails instead of finding nothing.
    const id = '%00';
    const oembed = `/oembed?${new URLSearchParams({ url: `${t.url}/c/${id}`, format: 'json' })}`;
    for (const path of [`/feeds/${id}.json`, `/feeds/south${id}end.json`, `/feeds/${id}/consultations.ics`, `/feeds/${id}/updates.json`, `/c/${id}`, `/cy/c/${id}/widgets/signatory-list`, `/gd/c/${id}/signatories/GB-CHC-1`, oembed]) {
      const response = await fetch(`${t.url}${path}`);
      assert.equal(response.status, 404, path);
    }
    const pledge = await postPledge(t.url, validPledge(), { compactId: id });
    assert.equal(pledge.status, 404);
    assert.equal(pledge.json.errors[0].field, 'compactId');
    assert.doesNotMatch(t.logs.join(''), /"level":50/);
  });

  it('sends brotli or gzip, made once per version, to browsers that accept them, and the plain bytes otherwise', async () => {
    const raw = (acceptEncoding?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${t.url}/feeds/southend.json`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c) => chunks.push(c));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await raw();
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    const br = await raw('gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    assert.ok(br.body.length < plain.body.length / 3, `brotli ${br.body.length} of ${plain.body.length} bytes`);
    const gz = await raw('gzip;q=1, br;q=0');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), plain.body);
    assert.equal((await raw('identity')).headers['content-encoding'], undefined);
    // Three representations, three ETags; any of them revalidates.
    assert.equal(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
    for (const tag of [plain.headers.etag, br.headers.etag, `W/${gz.headers.etag}`]) {
      assert.equal((await getFeed(t.url, 'southend', { 'if-none-match': String(tag) })).status, 304);
    }
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await fetch(`${t.url}/feeds/southend.json`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('etag'));
    assert.equal(await response.text(), '');
  });
});

describe('feed settings', () => {
  it('takes its cache lifetime from FEED_MAX_AGE and its addresses from PUBLIC_URL', async () => {
    const t = await startTestServer({ feeds: ['south-ayrshire'], env: { FEED_MAX_AGE: '300', PUBLIC_URL: 'https://compact.council.example/' } });
    try {
      const { headers, json } = await getFeed(t.url, 'south-ayrshire');
      assert.equal(headers.get('cache-control'), 'public, max-age=300');
      assert.equal(json.pledge.endpoint, 'https://compact.council.example/api/compacts/south-ayrshire/pledges');
    } finally {
      await t.stop();
    }
  });

  it('has no pledge section when neither the feed nor PRIVACY_NOTICE_URL gives a privacy notice', async () => {
    const t = await startTestServer({ feeds: ['south-lanarkshire'] });
    try {
      const { json } = await getFeed(t.url, 'south-lanarkshire');
      assert.equal(json.pledge, undefined);
      assert.equal(checkFeed(json).valid, true);
    } finally {
      await t.stop();
    }
  });

  it('serves its copy for FEED_REVALIDATE_MS, then publishes a change made elsewhere', async () => {
    const windowMs = 3000;
    const t = await startTestServer({ feeds: ['southend'], env: { FEED_REVALIDATE_MS: String(windowMs) } });
    try {
      const read = Date.now();
      const before = await getFeed(t.url);
      const pledge = await postPledge(t.url, validPledge({ organisation: { name: 'Window Group', sector: 'voluntary' } }));
      await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock: () => new Date() });
      const within = await getFeed(t.url);
      // Within the window the copy stands: one query per window, not one per request. (On a machine
      // so loaded that the window has already passed, this half says nothing, and the next does.)
      if (Date.now() - read < windowMs - 500) assert.equal(within.headers.get('etag'), before.headers.get('etag'));
      let after = within;
      while (after.headers.get('etag') === before.headers.get('etag') && Date.now() - read < windowMs + 5000) {
        await new Promise((r) => setTimeout(r, 100));
        after = await getFeed(t.url);
      }
      assert.notEqual(after.headers.get('etag'), before.headers.get('etag'), 'the change is published once the window has passed');
      assert.ok(after.json.signatories.some((s: { name: string }) => s.name === 'Window Group'));
    } finally {
      await t.stop();
    }
  });
});

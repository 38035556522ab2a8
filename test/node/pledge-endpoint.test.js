// The demo's pledge endpoint against the contract in feed-spec.md ("The pledge endpoint").
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPledgeEndpoint, normaliseName } from '../../demo/pledge-endpoint.js';

const body = (overrides = {}) => ({
  compactId: 'southend',
  organisation: { name: 'Leigh Community Larder', id: 'GB-CHC-1098765', sector: 'voluntary', type: 'charity', url: 'https://larder.example.org/' },
  contact: { name: 'Siân Evans', email: 'sian@example.org', role: 'Chair' },
  champion: { name: 'Ann Jones', role: 'Trustee' },
  pledge: 'We will involve the people we serve.',
  consent: { publish: true, contact: false },
  locale: 'cy',
  ...overrides,
});

async function start(dataDir) {
  const server = http.createServer(createPledgeEndpoint({ dataDir }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { server, base, stop: () => new Promise((resolve) => server.close(resolve)) };
}

const post = (base, data, headers = {}) =>
  fetch(`${base}/api/pledges`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
    body: typeof data === 'string' ? data : JSON.stringify(data),
  });

describe('demo pledge endpoint', () => {
  let dataDir;
  let api;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pledges-'));
    api = await start(dataDir);
  });
  after(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('202 {id, status: "pending"} for a good pledge, with CORS headers', async () => {
    const response = await post(api.base, body());
    assert.equal(response.status, 202);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
    const json = await response.json();
    assert.equal(json.status, 'pending');
    assert.match(json.id, /^[0-9a-f-]{36}$/);
  });

  test('answers a CORS preflight with 204 and the headers the form needs', async () => {
    const response = await fetch(`${api.base}/api/pledges`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://council.example.gov.uk',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers'), /Content-Type/);
    assert.match(response.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    assert.match(response.headers.get('access-control-allow-methods'), /POST/);
  });

  test('422 with each problem at its dotted field path', async () => {
    const bad = body({
      organisation: { name: ' ', sector: 'private', url: 'javascript:alert(1)' },
      contact: { name: 'A', email: 'not-an-email' },
      pledge: 'x'.repeat(501),
      consent: { publish: 'yes', contact: false },
    });
    const response = await post(api.base, bad);
    assert.equal(response.status, 422);
    const { errors } = await response.json();
    const fields = errors.map((e) => e.field);
    assert.deepEqual(fields, ['organisation.name', 'organisation.sector', 'organisation.url', 'contact.email', 'pledge', 'consent.publish']);
    for (const e of errors) assert.ok(e.message.length > 0);
  });

  test('400 for a body that is not JSON, 415 for another content type', async () => {
    assert.equal((await post(api.base, '{"compactId": ')).status, 400);
    const response = await post(api.base, 'hello', { 'Content-Type': 'text/plain' });
    assert.equal(response.status, 415);
  });

  test('409 with the same id when the same Idempotency-Key comes twice (a retry)', async () => {
    const key = crypto.randomUUID();
    const data = body({ organisation: { name: 'Shoebury Youth Band', sector: 'voluntary' } });
    const first = await post(api.base, data, { 'Idempotency-Key': key });
    assert.equal(first.status, 202);
    const { id } = await first.json();
    for (let i = 0; i < 2; i++) {
      const again = await post(api.base, data, { 'Idempotency-Key': key });
      assert.equal(again.status, 409);
      assert.deepEqual(await again.json(), { id });
    }
  });

  test('409 for the same organisation sent again with a new key: by org-id, and by name however written', async () => {
    const first = await post(api.base, body({ organisation: { name: 'Westcliff Faith Forum', id: 'GB-CHC-5550001', sector: 'voluntary' } }));
    const { id } = await first.json();
    const byId = await post(api.base, body({ organisation: { name: 'WFF', id: 'GB-CHC-5550001', sector: 'voluntary' } }));
    assert.equal(byId.status, 409);
    assert.deepEqual(await byId.json(), { id });
    const byName = await post(api.base, body({ organisation: { name: 'westcliff  faith-forum.', sector: 'voluntary' } }));
    assert.equal(byName.status, 409);
    assert.deepEqual(await byName.json(), { id });
    // Another compact may have the same organisation.
    const elsewhere = await post(api.base, body({ compactId: 'ceredigion', organisation: { name: 'Westcliff Faith Forum', sector: 'voluntary' } }));
    assert.equal(elsewhere.status, 202);
  });

  test('keeps pledges across a restart, in a file written atomically', async () => {
    const data = body({ organisation: { name: 'Cymdeithas Tai Ŵyl', sector: 'voluntary' } });
    const key = crypto.randomUUID();
    const { id } = await (await post(api.base, data, { 'Idempotency-Key': key })).json();
    await api.stop();
    api = await start(dataDir);
    const again = await post(api.base, data, { 'Idempotency-Key': key });
    assert.equal(again.status, 409);
    assert.deepEqual(await again.json(), { id });
    const saved = JSON.parse(readFileSync(join(dataDir, 'pledges.json'), 'utf8'));
    assert.ok(saved.some((p) => p.id === id && p.body.organisation.name === 'Cymdeithas Tai Ŵyl'));
    assert.deepEqual(readdirSync(dataDir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
  });

  test('GET /api/pledges/received lists what came in, with everything escaped', async () => {
    await post(api.base, body({ organisation: { name: '<script>alert("x")</script> & Co', sector: 'voluntary' } }));
    const response = await fetch(`${api.base}/api/pledges/received`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /text\/html/);
    const page = await response.text();
    assert.match(page, /<html lang="en-GB">/);
    assert.match(page, /<h1>Pledges received<\/h1>/);
    assert.match(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; Co/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /<th scope="col">Organisation<\/th>/);
  });

  test('other methods and paths are refused plainly', async () => {
    assert.equal((await fetch(`${api.base}/api/pledges`)).status, 405);
    assert.equal((await fetch(`${api.base}/api/pledges/other`)).status, 404);
  });

  test('a body that is too large is refused without being kept', async () => {
    const response = await post(api.base, body({ pledge: 'x'.repeat(70_000) }));
    assert.equal(response.status, 413);
  });

  test('names compare without case, accents or punctuation', () => {
    assert.equal(normaliseName("St. John's  Community-Trust"), normaliseName('st johns community trust'));
    assert.equal(normaliseName('Côr Meibion'), 'cor meibion');
    assert.equal(normaliseName('Age Concern & Friends'), 'age concern and friends');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pledgeSummaries, pledgeDetails } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { postPledge, validPledge } from './helpers/http.js';
import { movePledge } from '../src/db/pledges.js';
import { sql } from 'kysely';
import { logUnexpected } from '../src/http/errors.js';
import { PLEDGE_MESSAGES } from '../src/i18n/pledge-messages.js';

const fields = (json: { errors: { field: string }[] }) => json.errors.map((e) => e.field).sort();

describe('POST /api/compacts/{id}/pledges', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'] });
  });
  after(() => t.stop());

  it('answers 202 pending only once the pledge and its contact are stored', async () => {
    const { status, json, headers } = await postPledge(t.url, validPledge());
    assert.equal(status, 202);
    assert.equal(json.status, 'pending');
    assert.match(json.id, /^[0-9a-f-]{36}$/);
    assert.equal(headers.get('cache-control'), 'no-store');
    const details = await pledgeDetails(t.server.database.db, json.id);
    // The contract's `pending` is, inside, `unconfirmed` until the contact confirms by email (issue 11).
    assert.equal(details?.status, 'unconfirmed');
    assert.equal(details?.organisation.name, 'Leigh Community Larder');
    assert.deepEqual(details?.contact, { name: 'Ada Jones', email: 'ada@larder.example.org', role: 'Chair' });
    assert.deepEqual(details?.consent, { publish: true, contact: true });
  });

  it('gives a field error for every missing or wrong field, in the pledge’s language', async () => {
    const empty = await postPledge(t.url, { compactId: 'southend', locale: 'en' });
    assert.equal(empty.status, 422);
    assert.deepEqual(fields(empty.json), ['consent.contact', 'consent.publish', 'contact.email', 'contact.name', 'organisation.name', 'organisation.sector']);
    assert.equal(empty.json.errors.find((e: { field: string }) => e.field === 'contact.name').message, 'Enter your full name');

    const welsh = await postPledge(t.url, { compactId: 'southend', locale: 'cy-GB' });
    assert.equal(welsh.json.errors.find((e: { field: string }) => e.field === 'contact.name').message, 'Rhowch eich enw llawn');
    const gaelic = await postPledge(t.url, { compactId: 'southend', locale: 'gd' });
    assert.equal(gaelic.json.errors.find((e: { field: string }) => e.field === 'contact.name').message, 'Cuir a-steach an t-ainm slàn agad');

    const wrong = await postPledge(
      t.url,
      validPledge({
        organisation: { name: 'X', sector: 'private', id: 'not an id', type: 'Charity!', url: 'javascript:alert(1)' },
        contact: { name: ['A'], email: 'not-an-email', role: 7 },
        champion: { role: 'Trustee' },
        pledge: 42,
        consent: { publish: 'yes', contact: 1 },
      }),
    );
    assert.equal(wrong.status, 422);
    assert.deepEqual(fields(wrong.json), [
      'champion.name',
      'consent.contact',
      'consent.publish',
      'contact.email',
      'contact.name',
      'contact.role',
      'organisation.id',
      'organisation.sector',
      'organisation.type',
      'organisation.url',
      'pledge',
    ]);
  });

  it('refuses website addresses that are not plain http(s), including ones with credentials', async () => {
    for (const url of ['http://council.gov.uk@evil.example/', 'https://user:pass@larder.example.org/', 'data:text/html,x', 'ftp://x.example', '//x.example']) {
      const { status, json } = await postPledge(t.url, validPledge({ organisation: { name: `Org ${url}`, sector: 'voluntary', url } }));
      assert.equal(status, 422, url);
      assert.deepEqual(fields(json), ['organisation.url'], url);
    }
  });

  it('refuses oversized fields with the limit in the message, and ignores unknown top-level properties', async () => {
    const long = (n: number) => 'a'.repeat(n);
    const { status, json } = await postPledge(
      t.url,
      validPledge({
        organisation: { name: long(201), sector: 'voluntary', id: `GB-CHC-${'1'.repeat(100)}` },
        contact: { name: long(201), email: `${long(250)}@x.example`, role: long(201) },
        champion: { name: long(201), role: long(201) },
        pledge: long(501),
        surprise: { nested: true },
      }),
    );
    assert.equal(status, 422);
    assert.deepEqual(fields(json), ['champion.name', 'champion.role', 'contact.email', 'contact.name', 'contact.role', 'organisation.id', 'organisation.name', 'pledge']);
    assert.match(json.errors.find((e: { field: string }) => e.field === 'pledge').message, /500 characters or fewer/);

    const hostile = JSON.stringify(validPledge({ organisation: { name: 'Unknown Props Ltd', sector: 'voluntary' }, newThing: 1 })).replace(
      /^\{/,
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ',
    );
    const unknown = await postPledge(t.url, hostile);
    assert.equal(unknown.status, 202);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('counts characters, not bytes: 200 Welsh letters with accents fit', async () => {
    const name = 'ŵ'.repeat(200);
    const { status } = await postPledge(t.url, validPledge({ organisation: { name, sector: 'voluntary' } }));
    assert.equal(status, 202);
  });

  it('refuses a body over 64 kB with 413, not JSON with 400, another type with 415', async () => {
    const big = await postPledge(t.url, JSON.stringify(validPledge({ pledge: 'x'.repeat(70 * 1024) })));
    assert.equal(big.status, 413);
    assert.equal(big.json.errors[0].field, '');
    const broken = await postPledge(t.url, '{"compactId": "southend", ');
    assert.equal(broken.status, 400);
    assert.match(broken.json.errors[0].message, /not valid JSON/);
    const array = await postPledge(t.url, '[]');
    assert.equal(array.status, 422);
    const form = await fetch(`${t.url}/api/compacts/southend/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': randomUUID() },
      body: 'a=b',
    });
    assert.equal(form.status, 415);
    assert.ok((await form.json()).errors[0].message);
    // JSON sent as text is another type too.
    const text = await fetch(`${t.url}/api/compacts/southend/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() },
      body: JSON.stringify(validPledge()),
    });
    assert.equal(text.status, 415);
  });

  it('refuses a body that is not UTF-8 with 400, rather than storing what it turned into', async () => {
    const send = (bytes: Buffer, contentType = 'application/json') =>
      fetch(`${t.url}/api/compacts/southend/pledges`, { method: 'POST', headers: { 'content-type': contentType, 'idempotency-key': randomUUID() }, body: new Uint8Array(bytes) });
    const [before, after] = JSON.stringify(validPledge({ organisation: { name: 'Caf\u00e9 Bytes Group', sector: 'voluntary' } })).split('\u00e9');
    // "é" as Latin-1 (one byte, whatever the charset says), and a byte UTF-8 never has.
    for (const [bytes, contentType] of [
      [Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]), 'application/json; charset=iso-8859-1'],
      [Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]), 'application/json'],
    ] as const) {
      const response = await send(bytes, contentType);
      assert.equal(response.status, 400, contentType);
      assert.match((await response.json()).errors[0].message, /not valid JSON/);
    }
    const stored = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => /Bytes Group/.test(p.organisation.name));
    assert.deepEqual(stored, []);
    // The same pledge in UTF-8 is taken, with or without a charset.
    assert.equal((await send(Buffer.from(`${before}\u00e9${after}`), 'application/json; charset=UTF-8')).status, 202);
    assert.equal((await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name === 'Caf\u00e9 Bytes Group').length, 1);
  });

  it('reads a gzip-compressed pledge; refuses an unknown or broken Content-Encoding in the pledge’s words, and a compressed body over the limit, storing nothing', async () => {
    const send = (body: Buffer | string, encoding: string) =>
      fetch(`${t.url}/api/compacts/southend/pledges`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding, 'accept-language': 'cy', 'idempotency-key': randomUUID() }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    const pledge = JSON.stringify(validPledge({ organisation: { name: 'Squeezed Pledge Group', sector: 'voluntary' } }));
    for (const [encoding, body, status, message] of [
      ['x-<evil>', pledge, 415, PLEDGE_MESSAGES.encodingUnknown.cy],
      ['deflate', 'not deflated at all', 400, PLEDGE_MESSAGES.encodingBroken.cy],
      ['gzip', gzipSync(JSON.stringify({ ...validPledge(), padding: 'x'.repeat(10_000_000) })), 413, PLEDGE_MESSAGES.tooLarge.cy.replace('{max}', '64')],
    ] as const) {
      const answer = await send(body, encoding);
      assert.equal(answer.status, status, encoding);
      assert.deepEqual(await answer.json(), { errors: [{ field: '', message }] }, encoding);
    }
    assert.deepEqual((await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name === 'Squeezed Pledge Group'), []);
    assert.equal((await send(gzipSync(pledge), 'gzip')).status, 202);
    assert.equal((await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name === 'Squeezed Pledge Group').length, 1);
  });

  it('refuses text with half a surrogate pair (a \\ud800 escape) at its field, rather than storing U+FFFD for it', async () => {
    const lone = '\ud800';
    const { status, json } = await postPledge(
      t.url,
      validPledge({
        organisation: { name: `Lone ${lone} Surrogate Trust`, sector: 'voluntary', url: `https://lone.example.org/${lone}` },
        contact: { name: `Ada ${lone}`, email: `ada${lone}@lone.example.org`, role: `Chair${lone}` },
        champion: { name: `Sam${lone}`, role: `Trustee${lone}` },
        pledge: `We will${lone}.`,
      }),
    );
    assert.equal(status, 422);
    assert.deepEqual(fields(json), ['champion.name', 'champion.role', 'contact.email', 'contact.name', 'contact.role', 'organisation.name', 'organisation.url', 'pledge']);
    assert.equal(json.errors.find((e: { field: string }) => e.field === 'contact.name').message, 'This contains a character that could not be read: type it again');
    // A character outside the BMP is a whole pair, and fine.
    assert.equal((await postPledge(t.url, validPledge({ organisation: { name: 'Emoji \u{1F331} Garden Group', sector: 'voluntary' } }))).status, 202);
  });

  it('refuses an organisation name without a letter or digit at its field: such names have no key and would all be one organisation', async () => {
    const before = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).length;
    for (const name of ['!!!', '???', '\u0301'.repeat(50), '\u200b\u200b', '— · —']) {
      const { status, json } = await postPledge(t.url, validPledge({ locale: 'cy', organisation: { name, sector: 'voluntary' } }));
      assert.equal(status, 422, JSON.stringify(name));
      assert.deepEqual(json.errors, [{ field: 'organisation.name', message: 'Rhowch enw eich sefydliad' }], JSON.stringify(name));
    }
    assert.equal((await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).length, before);
    // Letters of any script, or digits alone, are a name.
    for (const name of ['مجموعة الحي', '社区花园', '1901']) assert.equal((await postPledge(t.url, validPledge({ organisation: { name, sector: 'voluntary' } }))).status, 202, name);
  });

  it('drops bidirectional overrides, which would make a name read as something it is not; keeps right-to-left text and its marks', async () => {
    // U+202E shows what follows backwards: "Trust \u202Eenilno.knab" would read "Trust bank.online".
    const { status, json } = await postPledge(t.url, validPledge({ organisation: { name: 'Harbour \u202Eenilno.knab\u202C Trust', sector: 'voluntary' }, pledge: 'We \u202Dwill\u202C help.' }));
    assert.equal(status, 202);
    const stored = await pledgeDetails(t.server.database.db, json.id);
    assert.equal(stored?.organisation.name, 'Harbour enilno.knab Trust');
    assert.equal(stored?.pledge, 'We will help.');
    const arabic = 'جمعية \u200Fالخير\u200F \u2067Leigh\u2069';
    const kept = await postPledge(t.url, validPledge({ organisation: { name: arabic, sector: 'voluntary' } }));
    assert.equal(kept.status, 202);
    assert.equal((await pledgeDetails(t.server.database.db, kept.json.id))?.organisation.name, arabic);
  });

  it('refuses a champion whose name or role is not text, rather than dropping the champion', async () => {
    for (const champion of [{ name: 123 }, { name: ['Sam'] }, { name: 'Sam Patel', role: 7 }]) {
      const { status, json } = await postPledge(t.url, validPledge({ organisation: { name: `Champion ${JSON.stringify(champion)}`, sector: 'voluntary' }, champion }));
      assert.equal(status, 422, JSON.stringify(champion));
      assert.deepEqual(fields(json), [typeof champion.name === 'string' ? 'champion.role' : 'champion.name'], JSON.stringify(champion));
    }
    // An empty champion is no champion.
    const none = await postPledge(t.url, validPledge({ organisation: { name: 'No Champion Group', sector: 'voluntary' }, champion: {} }));
    assert.equal(none.status, 202);
  });

  it('needs an Idempotency-Key that is a valid header value', async () => {
    const none = await postPledge(t.url, validPledge({ organisation: { name: 'No Key Group', sector: 'voluntary' } }), { key: null });
    assert.equal(none.status, 400);
    assert.equal(none.json.errors[0].field, 'Idempotency-Key');
    const long = await postPledge(t.url, validPledge({ organisation: { name: 'Long Key Group', sector: 'voluntary' } }), { key: 'k'.repeat(201) });
    assert.equal(long.status, 400);
  });

  it('replays the first answer for a key with the same body, and refuses the key with a different body', async () => {
    const body = validPledge({ organisation: { name: 'Replay Trust', sector: 'voluntary' } });
    const key = randomUUID();
    const first = await postPledge(t.url, body, { key });
    const again = await postPledge(t.url, body, { key });
    assert.equal(first.status, 202);
    assert.equal(again.status, 202);
    assert.equal(again.text, first.text);
    const other = await postPledge(t.url, { ...body, pledge: 'Different words' }, { key });
    assert.equal(other.status, 422);
    assert.equal(other.json.errors[0].field, 'Idempotency-Key');
    const replays = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name === 'Replay Trust');
    assert.equal(replays.length, 1);
  });

  it('does not store an invalid answer against its key, so the corrected pledge can be sent with it', async () => {
    const key = randomUUID();
    const bad = await postPledge(t.url, validPledge({ organisation: { name: 'Corrected Org', sector: 'voluntary' }, contact: { name: 'A', email: 'nope' } }), { key });
    assert.equal(bad.status, 422);
    const good = await postPledge(t.url, validPledge({ organisation: { name: 'Corrected Org', sector: 'voluntary' } }), { key });
    assert.equal(good.status, 202);
  });

  it('answers 409 with the id when the organisation has already signed or its pledge is confirmed and waiting', async () => {
    const first = await postPledge(t.url, validPledge({ organisation: { name: 'St. John’s Community-Trust', sector: 'voluntary', id: 'GB-CHC-1234500' } }));
    assert.equal(first.status, 202);
    // Unconfirmed, it proves nothing: anyone can type a name. It keeps nobody out, and says nothing.
    const whileUnconfirmed = await postPledge(t.url, validPledge({ organisation: { name: 'st johns community trust', sector: 'voluntary' } }));
    assert.equal(whileUnconfirmed.status, 202);
    assert.notEqual(whileUnconfirmed.json.id, first.json.id);
    assert.equal(await movePledge(t.server.database.db, first.json.id, ['unconfirmed'], { status: 'confirmed' }), true);

    const sameName = await postPledge(t.url, validPledge({ organisation: { name: 'st johns community trust', sector: 'voluntary' } }));
    assert.equal(sameName.status, 409);
    assert.deepEqual(sameName.json, { id: first.json.id });
    const sameId = await postPledge(t.url, validPledge({ organisation: { name: 'Another name', sector: 'voluntary', id: 'gb-chc-1234500' } }));
    assert.equal(sameId.status, 409);
    assert.deepEqual(sameId.json, { id: first.json.id });

    // Southend's feed lists "Southend Association of Voluntary Services" (SAVS).
    const feed = await (await fetch(`${t.url}/feeds/southend.json`)).json();
    const signatory = feed.signatories[0];
    const signed = await postPledge(t.url, validPledge({ organisation: { name: signatory.name.toUpperCase(), sector: 'voluntary' } }));
    assert.equal(signed.status, 409);
    assert.deepEqual(signed.json, { id: signatory.id });
  });

  it('answers 404 for a compact it does not keep, and 422 when the body names another compact', async () => {
    const missing = await postPledge(t.url, validPledge({ compactId: 'atlantis' }), { compactId: 'atlantis' });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.errors[0].field, 'compactId');
    const mismatch = await postPledge(t.url, validPledge({ compactId: 'ceredigion', organisation: { name: 'Mismatch Org', sector: 'voluntary' } }));
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.json.errors[0].field, 'compactId');
  });

  it('answers CORS preflights for the form’s headers, never with credentials', async () => {
    const response = await fetch(`${t.url}/api/compacts/southend/pledges`, {
      method: 'OPTIONS',
      headers: { origin: 'https://charity.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('never puts a contact’s details, or anyone’s address, in a log line', async () => {
    await postPledge(t.url, validPledge({ organisation: { name: 'Logged Org', sector: 'voluntary' }, contact: { name: 'Zebedee Secretname', email: 'zebedee@secret.example' } }));
    await postPledge(t.url, validPledge({ organisation: { name: 'Logged Org', sector: 'voluntary' }, contact: { name: 'Zebedee Secretname', email: 'bad-email-zebedee' } }));
    const logs = t.logs.join('');
    assert.ok(logs.includes('/api/compacts/southend/pledges'), 'requests are logged');
    assert.doesNotMatch(logs, /Zebedee|zebedee|secret\.example|remoteAddress|remotePort|"ip"/);
  });
});

describe('an error the server did not expect (a 5xx)', () => {
  it('is answered without its detail, and logged without its message, which can quote an email address', async () => {
    const t = await startTestServer({ feeds: ['southend'] });
    try {
      // A database message that quotes the value it refused, as a unique violation's detail does.
      const db = t.server.database.db;
      if (t.server.database.dialect === 'postgres') {
        await sql`create function refuse_contact() returns trigger language plpgsql as $$ begin raise exception 'contact % refused', new.email; end $$`.execute(db);
        await sql`create trigger refuse_contact before insert on pledge_contacts for each row when (new.email like '%@refused.example') execute function refuse_contact()`.execute(db);
      } else {
        await sql`create trigger refuse_contact before insert on pledge_contacts when new.email like '%@refused.example' begin select raise(abort, 'contact ' || new.email || ' refused'); end`.execute(db);
      }
      const answer = await postPledge(t.url, validPledge({ contact: { name: 'Ada Jones', email: 'ada.lovelace@refused.example' } }));
      assert.equal(answer.status, 500);
      assert.doesNotMatch(JSON.stringify(answer.json), /lovelace|refused/);
      const failed = t.logs.filter((line) => line.includes('"msg":"request failed"'));
      assert.equal(failed.length, 1, t.logs.join(''));
      assert.match(failed[0], t.server.database.dialect === 'postgres' ? /"code":"P0001"/ : /"code":"SQLITE_CONSTRAINT_TRIGGER"/);
      assert.doesNotMatch(t.logs.join(''), /lovelace|refused\.example/);
    } finally {
      await t.stop();
    }
  });

  it('is logged with the code it was thrown from, and never a line of its message taken for that', () => {
    const logged: unknown[] = [];
    const log = { error: (entry: unknown) => logged.push(entry), warn: (entry: unknown) => logged.push(entry) } as unknown as Parameters<typeof logUnexpected>[0];
    const error = Object.assign(new TypeError('no contact ada@leak.example\n    at ada@leak.example'), { code: 'E_TEST' });
    logUnexpected(log, error, 'request failed');
    const { err } = logged[0] as { err: { type: string; code: string; at: string[] } };
    assert.equal(err.type, 'TypeError');
    assert.equal(err.code, 'E_TEST');
    assert.ok(err.at.length > 0 && err.at.every((line) => line.startsWith('at ')), JSON.stringify(err.at));
    assert.match(err.at[0], /pledges\.test\.ts/);
    // A message changed after the stack was written out: the two cannot be told apart, so no stack.
    const changed = new Error('first');
    assert.ok(changed.stack);
    changed.message = 'then ada@leak.example';
    logUnexpected(log, changed, 'request failed');
    logUnexpected(log, 'a thrown string ada@leak.example', 'request failed');
    assert.deepEqual(logged.slice(1), [{ err: { type: 'Error' } }, { err: { type: 'string' } }]);
    assert.doesNotMatch(JSON.stringify(logged), /leak/);
  });
});

describe('pledge settings', () => {
  it('limits pledges per client address with 429 and Retry-After, in the asker’s language', async () => {
    const t = await startTestServer({ feeds: ['southend'], env: { PLEDGE_RATE_LIMIT: '2', PLEDGE_RATE_WINDOW_SECONDS: '120' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await postPledge(t.url, validPledge({ organisation: { name: `Rate ${i}`, sector: 'voluntary' } }), { headers: { 'accept-language': 'cy' } })));
      }
      assert.deepEqual(statuses.map((s) => s.status), [202, 202, 429]);
      assert.ok(Number(statuses[2].headers.get('retry-after')) > 0);
      assert.match(statuses[2].json.errors[0].message, /gormod/);
      assert.equal(statuses[2].headers.get('access-control-allow-origin'), '*');
    } finally {
      await t.stop();
    }
  });

  it('behind one proxy (TRUST_PROXY=1), counts the address the proxy saw, whatever the visitor wrote in X-Forwarded-For', async () => {
    const t = await startTestServer({ feeds: ['southend'], env: { PLEDGE_RATE_LIMIT: '2', PLEDGE_RATE_WINDOW_SECONDS: '120', TRUST_PROXY: '1' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        // The visitor's own forged entry first; the proxy (here: the test) appends the real address.
        const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` };
        statuses.push((await postPledge(t.url, validPledge({ organisation: { name: `Proxied ${i}`, sector: 'voluntary' } }), { headers })).status);
      }
      assert.deepEqual(statuses, [202, 202, 429]);
      // Another visitor behind the same proxy has a limit of their own.
      const other = await postPledge(t.url, validPledge({ organisation: { name: 'Proxied other', sector: 'voluntary' } }), { headers: { 'x-forwarded-for': '203.0.113.8' } });
      assert.equal(other.status, 202);
    } finally {
      await t.stop();
    }
  });

  it('allows only the configured origins to send pledges', async () => {
    const t = await startTestServer({ feeds: ['southend'], env: { PLEDGE_ORIGINS: 'https://council.example, https://charity.example' } });
    try {
      const preflight = (origin: string) =>
        fetch(`${t.url}/api/compacts/southend/pledges`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      assert.equal((await preflight('https://charity.example')).headers.get('access-control-allow-origin'), 'https://charity.example');
      assert.equal((await preflight('https://evil.example')).headers.get('access-control-allow-origin'), null);
      // Feeds stay readable by anyone.
      const feed = await fetch(`${t.url}/feeds/southend.json`, { headers: { origin: 'https://evil.example' } });
      assert.equal(feed.headers.get('access-control-allow-origin'), '*');
    } finally {
      await t.stop();
    }
  });
});

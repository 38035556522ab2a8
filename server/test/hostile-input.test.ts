/**
 * What a hostile sender puts in a pledge and in the link page's forms, beyond the field-by-field
 * limits pledges.test.ts checks: control characters in every text field (PostgreSQL refuses a NUL),
 * 10 kB in every one at once, JSON nested as deep as the body allows, keys sent twice, `__proto__`
 * inside the objects, and tokens and languages no link has.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers/server.js';
import { postPledge, validPledge } from './helpers/http.js';
import { pledgeDetails } from '../src/index.js';
import { PLEDGE_MESSAGES } from '../src/i18n/pledge-messages.js';
import { format } from '../src/i18n/locale.js';

const fields = (json: { errors: { field: string }[] }) => json.errors.map((e) => e.field).sort();

describe('hostile pledges and link forms', () => {
  let t: TestServer;
  const db = () => t.server.database.db;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'] });
  });
  after(() => t.stop());

  it('takes a pledge with a NUL, line breaks, U+2028, U+0085 and a bidi override in every text field, and stores none of them', async () => {
    const weird = 'A\u0000B\r\nC\u2028D\u0085E\u202eF\u0007G';
    const { status, json } = await postPledge(t.url, validPledge({
      organisation: { name: `Weird ${weird} Trust`, sector: 'voluntary' },
      contact: { name: `Ada ${weird}`, email: 'weird@larder.example.org', role: `Chair ${weird}` },
      champion: { name: `Sam ${weird}`, role: `Trustee ${weird}` },
      pledge: `We will ${weird}.\r\n\r\nAnd more.`,
    }));
    assert.equal(status, 202);
    const stored = await pledgeDetails(db(), json.id);
    assert.equal(stored?.organisation.name, 'Weird A B C D EF G Trust');
    assert.equal(stored?.contact?.name, 'Ada A B C D EF G');
    assert.equal(stored?.contact?.role, 'Chair A B C D EF G');
    assert.deepEqual(stored?.champion, { name: 'Sam A B C D EF G', role: 'Trustee A B C D EF G' });
    // The pledge keeps its paragraphs (as \n), and nothing else of the kind.
    assert.equal(stored?.pledge, 'We will A B\nC D EF G.\n\nAnd more.');
    // In the email address, a control character makes it a wrong address, not one cleaned into another.
    for (const email of ['weird\u0000@larder.example.org', 'weird@larder.example.org\r\n', 'we\u2028ird@larder.example.org', 'weird@lar\u0085der.example.org', 'weird\u202e@larder.example.org']) {
      const refused = await postPledge(t.url, validPledge({ organisation: { name: 'Address Check Group', sector: 'voluntary' }, contact: { name: 'Ada', email } }));
      // A line break at the end is trimmed, as any space is, and an override dropped, as in every
      // text: what is left is the address as it reads.
      if (/\r\n$|\u202e/.test(email)) assert.equal((await pledgeDetails(db(), refused.json.id))?.contact?.email, 'weird@larder.example.org');
      else assert.deepEqual([refused.status, refused.json.errors?.map((e: { field: string }) => e.field)], [422, ['contact.email']], JSON.stringify(email));
    }
  });

  it('refuses 10 kB in any text field, and 5 kB in every one at once, each at its field, in the pledge’s language', async () => {
    const text = (n: number) => 'ŵ'.repeat(n / 2); // two bytes each
    const ascii = (n: number) => 'a'.repeat(n);
    const pledge = (n: number) => validPledge({
      locale: 'cy',
      organisation: { name: text(n), sector: 'voluntary', id: `GB-CHC-${'1'.repeat(n)}`, type: ascii(n), url: `https://x.example/${ascii(n)}` },
      contact: { name: text(n), email: `${ascii(n)}@x.example`, role: text(n) },
      champion: { name: text(n), role: text(n) },
      pledge: text(n),
    });
    const all = ['champion.name', 'champion.role', 'contact.email', 'contact.name', 'contact.role', 'organisation.id', 'organisation.name', 'organisation.type', 'organisation.url', 'pledge'];
    const { status, json } = await postPledge(t.url, pledge(5000));
    assert.equal(status, 422);
    assert.deepEqual(fields(json), all);
    const message = (field: string) => json.errors.find((e: { field: string }) => e.field === field).message;
    assert.equal(message('organisation.name'), format(PLEDGE_MESSAGES.orgNameMax, 'cy', { max: 200 }));
    assert.equal(message('contact.name'), format(PLEDGE_MESSAGES.contactNameMax, 'cy', { max: 200 }));
    assert.doesNotMatch(JSON.stringify(json), /ŵŵ|aaaa|1111/, 'no answer quotes what was sent');
    // One field at a time, the rest as a good pledge has them.
    const big = pledge(10_000) as Record<string, Record<string, unknown>>;
    const good = validPledge({ locale: 'cy' }) as Record<string, Record<string, unknown>>;
    for (const path of all) {
      const [group, key] = path.includes('.') ? path.split('.') : [path, undefined];
      const body = structuredClone(good);
      if (key) body[group!] = { ...body[group!], [key]: big[group!]![key] };
      else (body as Record<string, unknown>)[group!] = big[group!];
      const answer = await postPledge(t.url, body);
      assert.deepEqual([answer.status, fields(answer.json)], [422, [path]], path);
      const english = await postPledge(t.url, { ...body, locale: 'en' });
      assert.notEqual(answer.json.errors[0].message, english.json.errors[0].message, `${path}: in Welsh, not English`);
    }
  });

  it('answers JSON nested as deep as 64 kB allows with a field error, not a crash', async () => {
    const depth = 10_000;
    const deepObject = JSON.stringify(validPledge()).replace('"organisation":{', `"organisation":${'{"a":'.repeat(depth)}{`).replace(/}(?=,"contact")/, `}${'}'.repeat(depth)}`);
    assert.ok(deepObject.length < 64 * 1024);
    const object = await postPledge(t.url, deepObject);
    assert.equal(object.status, 422);
    assert.deepEqual(fields(object.json), ['organisation.name', 'organisation.sector']);
    const array = await postPledge(t.url, `${'['.repeat(30_000)}${']'.repeat(30_000)}`);
    assert.equal(array.status, 422);
    assert.deepEqual(array.json.errors, [{ field: '', message: format(PLEDGE_MESSAGES.notObject, 'en') }]);
    assert.equal(t.logs.filter((line) => /"level":50/.test(line)).length, 0);
  });

  it('reads a key sent twice as JSON does (the last), for the check and the store alike; `__proto__` inside an object is only a key', async () => {
    const twice = JSON.stringify(validPledge({ organisation: { name: 'Twice Sent Group', sector: 'voluntary' } }))
      .replace(/^\{/, '{"contact":{"name":"First Person","email":"not an address"},"locale":"cy",');
    const sent = await postPledge(t.url, twice);
    assert.equal(sent.status, 202, 'the first contact, which would be refused, is not the one read');
    assert.equal((await pledgeDetails(db(), sent.json.id))?.contact?.name, 'Ada Jones');
    assert.equal((await pledgeDetails(db(), sent.json.id))?.locale, 'en');

    const proto = JSON.stringify(validPledge({ organisation: { name: 'Proto Key Group', sector: 'voluntary' } })).replace('"organisation":{', '"organisation":{"__proto__":{"id":"GB-CHC-1183305","url":"https://evil.example/"},');
    const inherited = await postPledge(t.url, proto);
    assert.equal(inherited.status, 202);
    const stored = await pledgeDetails(db(), inherited.json.id);
    assert.equal(stored?.organisation.id, undefined, 'no org-id of another organisation comes in through the prototype');
    assert.equal(stored?.organisation.url, undefined);
    const consent = JSON.stringify({ ...validPledge({ organisation: { name: 'Proto Consent Group', sector: 'voluntary' } }), consent: undefined }).replace(/^\{/, '{"consent":{"__proto__":{"publish":true,"contact":true}},');
    const refused = await postPledge(t.url, consent);
    assert.equal(refused.status, 422, 'consent given only through a prototype is no consent');
    assert.deepEqual(fields(refused.json), ['consent.contact', 'consent.publish']);
  });

  it('answers a link form with a NUL, 10 kB or broken percent-encoding in its token or language as a link that does not work, on both databases', async () => {
    const post = (path: string, body: string) => fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    for (const [path, body] of [
      ['/confirm', 'token=abc%00def'],
      ['/confirm', `token=${'a'.repeat(10_000)}`],
      ['/confirm', `token=%ED%A0%80&lang=${'x'.repeat(10_000)}%00`],
      ['/confirm/answer', 'token=abc%00&answer=x%00y&lang=cy%00'],
      ['/confirm/answer', `token=${'b'.repeat(10_000)}&answer=${'c'.repeat(10_000)}`],
    ] as const) {
      const answer = await post(path, body);
      assert.equal(answer.status, 404, `${path} ${body.slice(0, 40)}`);
      assert.match(await answer.text(), /<title>[^<]+<\/title>/);
    }
    for (const query of ['token=abc%00', `token=${'a'.repeat(10_000)}`, 'token=x&lang=%00', 'token=%ED%A0%80']) {
      assert.equal((await fetch(`${t.url}/confirm?${query}`)).status, 404, query);
    }
    assert.equal(t.logs.filter((line) => /"level":50/.test(line)).length, 0);
  });
});

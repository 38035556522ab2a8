/**
 * The answers Fastify and Node give before any route of ours runs (a path that cannot be decoded, a
 * segment too long, no such route, a body that cannot be read, headers too large) carry the same
 * security headers, and CORS where the route would have it, as every other answer, and a plain
 * `{errors}` body in the visitor's language that says nothing about the server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { PUBLIC_MESSAGES } from '../src/i18n/public-messages.js';
import { PLEDGE_MESSAGES } from '../src/i18n/pledge-messages.js';
import { CLIENT_ERROR_MESSAGES } from '../src/http/edge.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { validPledge } from './helpers/http.js';
import { pledgeSummaries } from '../src/index.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as written: fetch would tidy the path, and could not send headers this large. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Every header helmet sets on the JSON routes (its defaults and our CSP). */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

const LONG = 'a'.repeat(101); // one over find-my-way's maxParamLength

describe('answers made before our routes', () => {
  let t: TestServer;
  let reference: RawAnswer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { PLEDGE_ORIGINS: 'https://council.example' } });
    reference = await raw(t.url, 'GET', '/healthz');
    assert.equal(reference.status, 200);
    for (const name of SECURITY_HEADERS) assert.ok(reference.headers[name], `the reference answer has ${name}`);
  });
  after(() => t.stop());

  function assertPlain(answer: RawAnswer, label: string, path = '') {
    for (const name of SECURITY_HEADERS) assert.equal(answer.headers[name], reference.headers[name], `${label}: ${name}`);
    assert.equal(answer.headers['x-powered-by'], undefined, label);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8', label);
    const body = JSON.parse(answer.body);
    assert.deepEqual(Object.keys(body), ['errors'], label);
    assert.equal(body.errors.length, 1, label);
    assert.equal(body.errors[0].field, '', label);
    assert.doesNotMatch(answer.body, /FST_|statusCode|fastify|stack/i, `${label}: nothing about the server`);
    if (path) assert.ok(!answer.body.includes(path), `${label}: the path is not echoed`);
    return body.errors[0].message as string;
  }

  it('a path that is not valid percent-encoding: 400, with the headers', async () => {
    for (const path of ['/feeds/%zz', '/c/%zz', '/c/southend/signatories/%E0%A4%A', '/widgets/%zz', '/admin/pledges/%zz', '/assets/%ff', '/%zz']) {
      const answer = await raw(t.url, 'GET', path);
      assert.equal(answer.status, 400, path);
      assert.equal(assertPlain(answer, path, path), PUBLIC_MESSAGES.badAddress.en, path);
    }
  });

  it('a path segment longer than the router reads: 414, with the headers', async () => {
    for (const [method, path] of [['GET', `/feeds/${LONG}`], ['POST', `/api/compacts/${LONG}/pledges`]] as const) {
      const answer = await raw(t.url, method, path);
      assert.equal(answer.status, 414, path);
      assert.equal(assertPlain(answer, path, LONG), PUBLIC_MESSAGES.addressTooLong.en, path);
    }
    // Under a compact's pages no compact has such an id: the pages' own "Page not found".
    const page = await raw(t.url, 'GET', `/gd/c/${LONG}`);
    assert.equal(page.status, 404);
    assert.match(page.body, /<html lang="gd"/);
    assert.match(page.body, /Cha deach an duilleag a lorg/);
  });

  it('CORS as the route would have it: feeds and widgets for any site, the pledge endpoint for its origins, pages for none', async () => {
    const origin = { origin: 'https://other.example' };
    for (const path of ['/feeds/%zz', `/feeds/${LONG}`, '/widgets/%zz', '/feeds/nowhere', '/widgets/nowhere.js']) {
      const answer = await raw(t.url, 'GET', path, origin);
      assert.equal(answer.headers['access-control-allow-origin'], '*', path);
      assert.equal(answer.headers['access-control-allow-credentials'], undefined, path);
    }
    for (const path of ['/api/compacts/%zz/pledges', `/api/compacts/${LONG}/pledges`]) {
      const allowed = await raw(t.url, 'POST', path, { origin: 'https://council.example', 'content-type': 'application/json' }, '{}');
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://council.example', path);
      assert.match(String(allowed.headers.vary), /Origin/, path);
      const other = await raw(t.url, 'POST', path, { ...origin, 'content-type': 'application/json' }, '{}');
      assert.equal(other.headers['access-control-allow-origin'], undefined, path);
      assert.match(String(other.headers.vary), /Origin/, path);
    }
    for (const path of ['/c/%zz', `/c/${LONG}`, '/admin/pledges/%zz', '/%zz']) {
      const answer = await raw(t.url, 'GET', path, origin);
      assert.equal(answer.headers['access-control-allow-origin'], undefined, path);
    }
  });

  it('in the language of the page’s address, or else of Accept-Language', async () => {
    for (const [path, headers, locale] of [
      ['/cy/c/%zz', {}, 'cy'],
      ['/gd/c/%zz', { 'accept-language': 'cy' }, 'gd'],
      ['/feeds/%zz', { 'accept-language': 'cy-GB, en;q=0.5' }, 'cy'],
      ['/c/%zz', { 'accept-language': 'fr' }, 'en'],
    ] as const) {
      assert.equal(assertPlain(await raw(t.url, 'GET', path, headers), path), PUBLIC_MESSAGES.badAddress[locale], path);
    }
    assert.equal(assertPlain(await raw(t.url, 'GET', `/feeds/${LONG}`, { 'accept-language': 'gd' }), 'long gd'), PUBLIC_MESSAGES.addressTooLong.gd);
    const welsh = await raw(t.url, 'GET', '/cy/nowhere/at/all');
    assert.equal(welsh.status, 404);
    assert.equal(assertPlain(welsh, '/cy 404'), PUBLIC_MESSAGES.nothingHere.cy.replace('{path}', '/cy/nowhere/at/all'));
    // Under a compact's pages, an address a visitor may have mistyped: a page in its language.
    const page = await raw(t.url, 'GET', '/cy/c/southend/llofnodwyr');
    assert.equal(page.status, 404);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<html lang="cy"/);
    assert.match(page.body, /<h1[^>]*>Heb ddod o hyd i&#39;r dudalen<\/h1>|<h1[^>]*>Heb ddod o hyd i'r dudalen<\/h1>/);
    assert.match(String(page.headers['content-security-policy']), /style-src 'self'/, 'the pages’ policy, so that its styles load');
  });

  it('unknown routes, with any method: 404, with the headers', async () => {
    for (const [method, path] of [
      ['GET', '/nowhere'],
      ['DELETE', '/nowhere'],
      ['POST', '/feeds'],
      ['PUT', '/api/compacts/southend'],
      ['PATCH', '/api/compacts/southend/pledges/more'],
      ['DELETE', '/cy/nowhere/at/all'],
    ]) {
      const answer = await raw(t.url, method!, path!);
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(answer.headers.allow, undefined, `${method} ${path}`);
      const locale = path!.startsWith('/cy/') ? 'cy' : 'en';
      assert.equal(assertPlain(answer, `${method} ${path}`), PUBLIC_MESSAGES.nothingHere[locale].replace('{path}', path!));
    }
  });

  it('a method the path does not take: 405 naming the ones it does (HEAD with GET, OPTIONS where a preflight is answered), with the headers', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/feeds/southend.json', 'GET, HEAD, OPTIONS'],
      ['PUT', '/feeds/nowhere.json', 'GET, HEAD, OPTIONS'],
      ['POST', '/feeds/southend/consultations.ics', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/compacts/southend/pledges', 'POST, OPTIONS'],
      ['GET', '/api/compacts/southend/pledges', 'POST, OPTIONS'],
      ['DELETE', '/api/compacts/southend/pledges?x=1', 'POST, OPTIONS'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['PUT', '/confirm', 'GET, HEAD, POST'],
      ['GET', '/confirm/answer', 'POST'],
      ['PATCH', '/oembed?url=x', 'GET, HEAD'],
      ['TRACE', '/favicon.ico', 'GET, HEAD'],
    ]) {
      const label = `${method} ${path}`;
      const answer = await raw(t.url, method!, path!);
      assert.equal(answer.status, 405, label);
      assert.equal(answer.headers.allow, allow, label);
      assert.equal(
        assertPlain(answer, label),
        PUBLIC_MESSAGES.methodNotAllowed.en.replace('{path}', path!.split('?')[0]!).replace('{method}', method!).replace('{allowed}', allow!),
      );
    }
    // No body for HEAD, the same status and Allow.
    const head = await raw(t.url, 'HEAD', '/api/compacts/southend/pledges');
    assert.equal(head.status, 405);
    assert.equal(head.headers.allow, 'POST, OPTIONS');
    assert.equal(head.body, '');
    // In the visitor's language.
    const welsh = await raw(t.url, 'DELETE', '/feeds/southend.json', { 'accept-language': 'cy' });
    assert.equal(assertPlain(welsh, 'cy'), PUBLIC_MESSAGES.methodNotAllowed.cy.replace('{path}', '/feeds/southend.json').replace('{method}', 'DELETE').replace('{allowed}', 'GET, HEAD, OPTIONS'));
  });

  it('under a compact’s pages, a method they do not take is a page in their language: 405 with Allow, or 404 where no page is', async () => {
    const reference = await raw(t.url, 'GET', '/c/southend');
    assert.equal(reference.status, 200);
    for (const [method, path, locale, status] of [
      ['PUT', '/c/southend', 'en', 405],
      ['POST', '/cy/c/southend/widgets/signatory-list', 'cy', 405],
      ['DELETE', '/gd/c/southend/signatories/GB-CHC-1183305', 'gd', 405],
      // Any id is a compact page's address, as any name is a feed's.
      ['DELETE', '/c/nowhere', 'en', 405],
      ['DELETE', '/c/southend/feed.json', 'en', 404],
      ['POST', '/cy/c/southend/llofnodwyr', 'cy', 404],
      ['PATCH', `/gd/c/${LONG}`, 'gd', 404],
    ] as const) {
      const label = `${method} ${path}`;
      // A form sent to a page: its body is not read, so its type does not matter.
      const answer = await raw(t.url, method, path, { origin: 'https://other.example', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '3' }, 'a=b');
      assert.equal(answer.status, status, label);
      assert.equal(answer.headers.allow, status === 405 ? 'GET, HEAD' : undefined, label);
      assert.match(String(answer.headers['content-type']), /^text\/html/, label);
      assert.match(answer.body, new RegExp(`<html lang="${locale}"`), label);
      const heading = PUBLIC_MESSAGES[status === 405 ? 'cannotDoThatTitle' : 'notFoundTitle'][locale].replaceAll("'", '&#39;');
      assert.match(answer.body, new RegExp(`<h1[^>]*>${heading}</h1>`), label);
      for (const name of SECURITY_HEADERS) assert.equal(answer.headers[name], reference.headers[name], `${label}: the pages’ ${name}`);
      assert.equal(answer.headers['access-control-allow-origin'], undefined, label);
    }
  });

  it('a body sent to a compact’s page is read only up to BODY_LIMIT: past it a 413, and the connection is not kept draining it', async () => {
    const big = 'a='.padEnd(70_000, 'b');
    const answer = await raw(t.url, 'POST', '/c/southend', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) }, big);
    assert.equal(answer.status, 413);
    // A sender that never stops: answered once the limit is passed, not after it gives up.
    const endless = await new Promise<number>((resolve, reject) => {
      const sent = request(`${t.url}/c/southend`, { method: 'POST', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } }, (response) => {
        response.resume();
        clearInterval(sending);
        sent.destroy();
        resolve(response.statusCode!);
      });
      sent.on('error', (error) => (clearInterval(sending), reject(error)));
      const chunk = 'x'.repeat(16 * 1024);
      const sending = setInterval(() => sent.write(chunk), 5);
    });
    assert.equal(endless, 413);
  });

  it('a method Node reads but no route of ours can take (WebDAV’s, say): 501 at every address, naming none', async () => {
    // The router has no routes for these at all, so the catch-alls do not take them: an Allow worked
    // out here named the catch-alls' methods, and made an address no route has a 405.
    for (const method of ['PROPFIND', 'SEARCH', 'MKCOL', 'LOCK']) {
      for (const path of ['/c/southend', '/c/nowhere/at/all', '/cy/c/southend', '/admin/pledges', '/admin/nowhere', '/admin/sign-in', '/healthz', '/feeds/southend.json', '/nowhere']) {
        const label = `${method} ${path}`;
        const answer = await raw(t.url, method, path, { 'content-type': 'text/xml', 'content-length': '3' }, 'abc');
        assert.equal(answer.status, 501, label);
        assert.equal(answer.headers.allow, undefined, label);
        const locale = path.startsWith('/cy/') ? 'cy' : 'en';
        assert.equal(assertPlain(answer, label), PUBLIC_MESSAGES.methodNotImplemented[locale].replace('{method}', method), label);
      }
    }
  });

  it('a 405 has CORS as the route would: feeds for any site, the pledge endpoint for its origins', async () => {
    const feed = await raw(t.url, 'DELETE', '/feeds/southend.json', { origin: 'https://other.example' });
    assert.equal(feed.status, 405);
    assert.equal(feed.headers['access-control-allow-origin'], '*');
    for (const [origin, allowed] of [['https://council.example', 'https://council.example'], ['https://other.example', undefined]]) {
      const pledge = await raw(t.url, 'PUT', '/api/compacts/southend/pledges', { origin: origin! });
      assert.equal(pledge.status, 405, origin);
      assert.equal(pledge.headers['access-control-allow-origin'], allowed, origin);
      assert.match(String(pledge.headers.vary), /Origin/, origin);
    }
    const health = await raw(t.url, 'POST', '/healthz', { origin: 'https://other.example' });
    assert.equal(health.headers['access-control-allow-origin'], undefined);
  });

  it('CORS preflights are answered as before, never as a 405', async () => {
    const feed = await raw(t.url, 'OPTIONS', '/feeds/southend.json', { origin: 'https://other.example', 'access-control-request-method': 'GET' });
    assert.equal(feed.status, 204);
    assert.equal(feed.headers['access-control-allow-origin'], '*');
    assert.equal(feed.headers['access-control-allow-methods'], 'GET, HEAD');
    assert.equal(feed.headers['access-control-max-age'], '86400');
    assert.equal(feed.headers.allow, undefined);
    const pledge = await raw(t.url, 'OPTIONS', '/api/compacts/southend/pledges', { origin: 'https://council.example', 'access-control-request-method': 'POST' });
    assert.equal(pledge.status, 204);
    assert.equal(pledge.headers['access-control-allow-origin'], 'https://council.example');
    assert.equal(pledge.headers['access-control-allow-methods'], 'POST');
    assert.equal(pledge.headers.allow, undefined);
    // A preflight for an address that does not exist is answered too: the browser then sends the
    // request, which gets its 404.
    assert.equal((await raw(t.url, 'OPTIONS', '/feeds/nowhere/at/all', { origin: 'https://other.example', 'access-control-request-method': 'GET' })).status, 204);
    // Without a preflight's headers, as before: @fastify/cors's own 400.
    const bare = await raw(t.url, 'OPTIONS', '/feeds/southend.json');
    assert.equal(bare.status, 400);
  });

  it('bodies that cannot be read (malformed JSON, another type, too large): with the headers', async () => {
    const pledges = '/api/compacts/southend/pledges';
    const headers = { 'idempotency-key': 'edge-1', origin: 'https://council.example' };
    for (const [status, type, body, message] of [
      [400, 'application/json', '{"organisation":', PLEDGE_MESSAGES.notJson.en],
      [415, 'text/xml', '<pledge/>', PLEDGE_MESSAGES.notJsonType.en],
      [413, 'application/json', JSON.stringify({ pledge: 'x'.repeat(70_000) }), PLEDGE_MESSAGES.tooLarge.en.replace('{max}', '64')],
    ] as const) {
      const answer = await raw(t.url, 'POST', pledges, { ...headers, 'content-type': type }, body);
      assert.equal(answer.status, status, type);
      assert.equal(assertPlain(answer, `${status}`), message);
      assert.equal(answer.headers['access-control-allow-origin'], 'https://council.example', `${status}: the form can read why`);
    }
  });

  it('broken JSON at any address: 400 in the visitor’s language, never Fastify’s words, and nothing stored', async () => {
    const broken = '{"a":';
    const sized = { 'content-type': 'application/json', 'content-length': String(broken.length), 'accept-language': 'cy' };
    // Fastify reads the body with its own parser before any 404 or 405 is decided.
    for (const [method, path] of [['POST', '/healthz'], ['PUT', '/feeds/southend.json'], ['DELETE', '/api/compacts/southend/pledges'], ['POST', '/nowhere']] as const) {
      const answer = await raw(t.url, method, path, sized, broken);
      assert.equal(answer.status, 400, `${method} ${path}`);
      assert.equal(assertPlain(answer, `${method} ${path}`), PLEDGE_MESSAGES.notJson.cy, `${method} ${path}`);
    }
    const before = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).length;
    const pledges = '/api/compacts/southend/pledges';
    const refused = await raw(t.url, 'POST', pledges, { ...sized, 'idempotency-key': 'broken-json-1' }, broken);
    assert.equal(refused.status, 400);
    assert.equal(assertPlain(refused, 'pledge'), PLEDGE_MESSAGES.notJson.cy);
    assert.equal((await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).length, before);
    // Nor is the answer kept against its key: the pledge sent properly with it is taken.
    const pledge = JSON.stringify(validPledge({ organisation: { name: 'Broken Brace Society', sector: 'voluntary' } }));
    assert.equal((await raw(t.url, 'POST', pledges, { 'content-type': 'application/json', 'idempotency-key': 'broken-json-1' }, pledge)).status, 202);
  });

  it('an OPTIONS with a body it cannot read, where no preflight is answered: the plain 400, and a log line like any other', async () => {
    const from = t.logs.length;
    for (const body of ['{"a":', '']) {
      const answer = await raw(t.url, 'OPTIONS', '/nowhere', { 'content-type': 'application/json', 'content-length': String(body.length) }, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(assertPlain(answer, `OPTIONS ${JSON.stringify(body)}`), PLEDGE_MESSAGES.notJson.en);
    }
    const lines = t.logs.slice(from).join('');
    assert.match(lines, /"statusCode":400/);
    assert.doesNotMatch(lines, /"err"|Body (is not valid|cannot be empty)/);
  });

  it('headers larger than Node reads: 431, with the headers and no CORS it cannot decide', async () => {
    const answer = await raw(t.url, 'GET', '/feeds/southend.json', { 'x-padding': 'x'.repeat(20_000) });
    assert.equal(answer.status, 431);
    assert.equal(assertPlain(answer, '431'), CLIENT_ERROR_MESSAGES[431]);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
    assert.equal(answer.headers.connection, 'close');
  });

  it('logs these as any other request: method, path and status, nothing else', async () => {
    const before = t.logs.length;
    await raw(t.url, 'GET', '/c/%zz?token=secret-in-query', { cookie: 'cw_session=secret-cookie' });
    const lines = t.logs.slice(before).join('');
    assert.doesNotMatch(lines, /secret/);
    assert.match(lines, /"statusCode":400/);
  });
});

describe('a 405 and the rate limits', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { PLEDGE_RATE_LIMIT: '2' } });
  });
  after(() => t.stop());

  it('neither uses up the pledge endpoint’s limit nor gets round it', async () => {
    const pledges = '/api/compacts/southend/pledges';
    const post = () => raw(t.url, 'POST', pledges, { 'content-type': 'application/json', 'idempotency-key': 'limits-1' }, '{}');
    for (let i = 0; i < 5; i++) assert.equal((await raw(t.url, 'PUT', pledges)).status, 405);
    assert.notEqual((await post()).status, 429);
    assert.notEqual((await post()).status, 429);
    const limited = await post();
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // The wrong method still says only that: it sends no pledge, past the limit or not.
    const after = await raw(t.url, 'GET', pledges);
    assert.equal(after.status, 405);
    assert.equal(after.headers.allow, 'POST, OPTIONS');
    assert.equal((await post()).status, 429);
  });
});

describe('a request that never finishes arriving', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { REQUEST_TIMEOUT_SECONDS: '1' } });
  });
  after(() => t.stop());

  it('is answered 408 once REQUEST_TIMEOUT_SECONDS have passed, and its connection closed', async () => {
    // A body promised and never sent: without a timeout the connection is held for ever.
    const answer = await new Promise<{ status: number; closed: boolean }>((resolve, reject) => {
      const sent = request(`${t.url}/api/compacts/southend/pledges`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode!, closed: response.headers.connection === 'close' }));
      });
      sent.on('error', reject);
      sent.write('{"organisation":');
    });
    assert.equal(answer.status, 408);
    assert.equal(answer.closed, true);
  });
});

// Test-server routes for the browser tests: a feed that answers any status, body or delay on demand.
//   /test-feed?status=404            answer with that status
//   /test-feed?body=html             an HTML page instead of JSON
//   /test-feed?body=truncated        a JSON document cut short
//   /test-feed?delay=3000            answer after that many ms
//   /test-feed?cors=refuse           no Access-Control-Allow-Origin (for cross-origin requests)
//   /test-feed?key=abc&failAfter=1   answers 503 from the second request on (a saved copy then shows)
//   /test-feed?key=abc               counts requests per key; /test-feed/count?key=abc reads the count
//   /test-feed?signatories=9000      the sample feed with that many more signatories (a large feed)
//   /test-feed?consultations=now     the sample feed with a consultation in each state, dated from the
//                                    request's moment (for pages whose clock a test cannot freeze)
//   /test-pledge?status=...&retryAfter=...   the pledge endpoint, with a log of received requests
//   /test-pledge?body=html           an HTML page (a sign-in or Wi-Fi login page) instead of a receipt
//   /test-pledge?reply=text          that body, as it is (e.g. `{}` or `OK`)
//   /test-pledge/redirect?status=301&to=URL   a redirect (logged, and the target logs whatever reaches it)
import { readFileSync } from 'node:fs';

const counts = new Map();
const pledgeLog = [];
const sampleFeed = () => readFileSync(new URL('../fixtures/feed.json', import.meta.url), 'utf8');

/** A repeated query parameter (?status=1&status=2) arrives as an array: the last one wins. */
const last = (query) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]));

/**
 * A consultation in each state the countdown shows, around `now`: in its last hour (40 minutes
 * left, "Show seconds"), closing soon, open, not open yet and closed. What it shows still moves
 * with the clock, but stays in the same state for the length of a test.
 */
function consultationsAround(now) {
  const at = (minutes) => new Date(now + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const day = 24 * 60;
  const url = 'https://example.org/consult';
  return [
    { id: 'hour', title: 'Adolygiad gwasanaethau Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch', owner: 'GB-LAE-TST', url, opens: at(-60 * day), closes: at(40), summary: 'How libraries should open in future.' },
    { id: 'soon', title: 'Health transport', owner: 'Testshire Health Board', opens: at(-20 * day), closes: at(3 * day), shorterBecause: 'A funding deadline set by the Scottish Government.' },
    { id: 'open', title: 'Community transport', owner: 'GB-CHC-1234567', url, opens: at(-5 * day), closes: at(90 * day) },
    { id: 'later', title: 'Parks strategy', owner: 'GB-LAE-TST', opens: at(9 * day), closes: at(100 * day) },
    { id: 'closed', title: 'Youth services', owner: 'GB-LAE-TST', opens: at(-120 * day), closes: at(-30 * day) },
  ];
}

export async function testRoutes(ctx, next) {
  if (ctx.path === '/test-feed/count') {
    ctx.body = { count: counts.get(ctx.query.key) ?? 0 };
    return;
  }
  if (ctx.path === '/test-feed') {
    const q = last(ctx.query);
    const count = (counts.get(q.key) ?? 0) + 1;
    if (q.key) counts.set(q.key, count);
    if (q.delay) await new Promise((r) => setTimeout(r, Number(q.delay)));
    if (q.cors !== 'refuse') ctx.set('Access-Control-Allow-Origin', '*');
    ctx.status = q.failAfter && count > Number(q.failAfter) ? 503 : Number(q.status ?? 200);
    if (ctx.status >= 400) {
      ctx.body = 'Unavailable';
      return;
    }
    if (q.body === 'html') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Page not found</title><p>Sorry';
    } else if (q.body === 'truncated') {
      ctx.type = 'application/json';
      ctx.body = sampleFeed().slice(0, 200);
    } else if (q.body === 'version2') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ ...JSON.parse(sampleFeed()), feedVersion: '2.0' });
    } else if (q.consultations === 'now') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ ...JSON.parse(sampleFeed()), consultations: consultationsAround(Date.now()) });
    } else if (q.signatories) {
      const feed = JSON.parse(sampleFeed());
      for (let i = 0; i < Number(q.signatories); i++) {
        feed.signatories.push({ id: `GEN-${String(i).padStart(6, '0')}`, name: `Generated organisation ${i}`, sector: 'voluntary' });
      }
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(feed);
    } else {
      ctx.type = 'application/json';
      ctx.body = sampleFeed();
    }
    return;
  }
  if (ctx.path === '/test-pledge/log') {
    ctx.body = pledgeLog;
    return;
  }
  if (ctx.path === '/test-pledge/reset') {
    pledgeLog.length = 0;
    ctx.body = {};
    return;
  }
  if (ctx.path === '/test-pledge/redirect') {
    const q = last(ctx.query);
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    pledgeLog.push({ key: ctx.get('Idempotency-Key'), method: ctx.method, path: ctx.path, status: Number(q.status ?? 302) });
    ctx.status = Number(q.status ?? 302);
    ctx.set('Location', q.to ?? '/test-pledge');
    ctx.body = '';
    return;
  }
  if (ctx.path === '/test-pledge') {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    ctx.set('Access-Control-Expose-Headers', 'Retry-After');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const q = last(ctx.query);
    pledgeLog.push({
      key: ctx.get('Idempotency-Key'),
      method: ctx.method,
      path: ctx.path,
      contentType: ctx.get('Content-Type'),
      body: Buffer.concat(chunks).toString('utf8'),
      status: Number(q.status ?? 201),
    });
    if (q.delay) await new Promise((r) => setTimeout(r, Number(q.delay)));
    if (q.retryAfter) ctx.set('Retry-After', q.retryAfter);
    ctx.status = Number(q.status ?? 201);
    if (q.body === 'html') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Sign in</title><p>Sign in to continue';
      return;
    }
    ctx.type = 'application/json';
    ctx.body = q.reply ?? JSON.stringify({ id: 'p-1', status: q.pledgeStatus ?? 'pending' });
    return;
  }
  return next();
}

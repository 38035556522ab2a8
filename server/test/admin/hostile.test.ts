/**
 * The admin as a hostile visitor tries it: sessions that should have died (the user disabled, the
 * password set again, signed out, or a sign-in over them), forged and stale forms on every POST,
 * sign-in answers that could tell accounts apart, and form bodies no browser sends. The routes are
 * the app's own list (app.adminRoutes), so a route added later is walked too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { addUser, revokeRole, setDisabled, setPasswordWithLink } from '../../src/domain/users.js';
import { AdminClient, makeUser, PASSWORD, type Page } from './helpers.js';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A route's address with every parameter filled; a parameter this does not know fails the test, so a new one is filled here. */
function filler(ids: { user: string; pledge: string }) {
  const values: Record<string, string> = {
    id: '',
    compactId: 'southend',
    actionId: 'codes-funding',
    consultationId: 'community-grants-2027-2030',
    uploadId: NOBODY,
  };
  return (url: string) =>
    url
      .replace('/admin/users/:id', `/admin/users/${ids.user}`)
      .replace('/admin/pledges/:id', `/admin/pledges/${ids.pledge}`)
      .replace('/admin/signatories/:compactId/:id', '/admin/signatories/southend/GB-CHC-1183305')
      .replace('/admin/outbox/:id', `/admin/outbox/${NOBODY}`)
      .replace(/\/\*$/, '/no-such-page')
      .replace(/:(\w+)/g, (_, name: string) => {
        if (!values[name]) throw new Error(`the walk does not know how to fill :${name} in ${url}`);
        return values[name];
      });
}

/** A form that would change something on most routes, had it a valid token. */
const EVERY_FIELD = {
  email: 'someone@example.org', password: PASSWORD, confirm: PASSWORD, token: 'x', code: '123456',
  role: 'editor', compact: 'southend', disabled: 'yes', sure: 'yes',
  reasonCode: 'other', reason: 'Forged', question: 'Forged?', publicName: 'Forged Name', pledgeText: 'Forged.',
  'name-en': 'Forged Name', url: 'https://forged.example/', published: 'yes', status: 'complete', 'title-en': 'Forged',
};

/** A server with an admin, an editor to act on and a pledge, and the filler for their routes' parameters. */
async function adminWithTarget(): Promise<{ t: TestServer; fill: (url: string) => string }> {
  const t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
  await makeUser(t, 'admin@council.example', 'admin');
  const user = await makeUser(t, 'target@council.example', 'editor', 'southend');
  return { t, fill: filler({ user, pledge: (await postPledge(t.url, validPledge())).json.id }) };
}

describe('old sessions, on every admin route', () => {
  let t: TestServer;
  let fill: (url: string) => string;
  const db = () => t.server.database.db;
  const clock = () => t.server.app.clock;
  const actor = { id: 'test', label: 'test' };
  before(async () => {
    ({ t, fill } = await adminWithTarget());
  });
  after(() => t.stop());

  const auditCount = async () => Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /**
   * Walks every route with `client` and says which answers are not what `expected` wants. Sign-out
   * goes last, as it ends a session the others would need.
   */
  async function walk(client: AdminClient, expected: (access: string, method: string, answer: Page) => boolean, afterSignOut?: () => Promise<void>): Promise<string[]> {
    const wrong: string[] = [];
    const routes = [...t.server.app.adminRoutes].sort((a, b) => Number(/sign-out/.test(a.url)) - Number(/sign-out/.test(b.url)));
    for (const route of routes) {
      const url = fill(route.url);
      const answer = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
      if (answer.status >= 500 || !expected(route.access, route.method, answer)) wrong.push(`${route.method} ${route.url} (${route.access}) → ${answer.status} ${answer.location ?? ''}`);
      if (/sign-out/.test(route.url)) await afterSignOut?.();
    }
    return wrong;
  }

  /** What a visitor with no session gets: the sign-in page for a GET, "not signed in" for a POST. */
  const asNobody = (access: string, method: string, answer: Page) => {
    if (access === 'public') return answer.status !== 401 && answer.status !== 403 && !/href="\/admin\/account"/.test(answer.text);
    if (access === 'code' || method === 'GET') return answer.status === 303 && answer.location === '/admin/sign-in';
    return answer.status === 401;
  };

  const signedIn = async (email: string) => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn(email)).status, 303);
    assert.equal((await client.get('/admin/account')).status, 200);
    return client;
  };

  for (const [what, end] of [
    ['the user was disabled', async (userId: string) => setDisabled(db(), userId, true, { clock: clock(), actor })],
    [
      'the password was set again with a new link',
      async (userId: string, email: string) => {
        const link = await addUser(db(), { email, role: 'editor', compactId: 'southend' }, { publicUrl: t.url, hours: 48, clock: clock(), actor });
        assert.equal(link.userId, userId);
        assert.equal((await setPasswordWithLink(db(), new URL(link.url).searchParams.get('token')!, `${PASSWORD} again`, clock())).ok, true);
      },
    ],
  ] as const) {
    it(`a session from before ${what} is no session anywhere: every route answers it as a stranger, and nothing changes`, async () => {
      const email = `${what.split(' ')[3]}-${Date.now()}@council.example`;
      const userId = await makeUser(t, email, 'admin');
      const old = await signedIn(email);
      const token = old.cookies.get('cw_session')!;
      await end(userId, email);
      assert.equal(await db().selectFrom('sessions').select('token_hash').where('token_hash', '=', sha256(token)).executeTakeFirst(), undefined, 'the row is gone');
      const before = await auditCount();
      // The browser still sends the old cookie with every request.
      const stale = new AdminClient(t.url);
      stale.cookies.set('cw_session', token);
      assert.deepEqual(await walk(stale, asNobody), []);
      assert.equal(stale.cookies.get('cw_session'), token, 'the old cookie was sent throughout');
      assert.equal(await auditCount(), before, 'no route changed anything');
    });
  }

  it('a set-password link issued before the password was set (with another link) cannot set it again', async () => {
    const link = async () => {
      const issued = await addUser(db(), { email: 'twolinks@council.example', role: 'editor', compactId: 'southend' }, { publicUrl: t.url, hours: 48, clock: clock(), actor });
      return new URL(issued.url).searchParams.get('token')!;
    };
    // The first link went astray (a wrong address, a forwarded email); the administrator makes another.
    const astray = await link();
    const used = await link();
    const owner = new AdminClient(t.url);
    await owner.get(`/admin/set-password?token=${used}`);
    assert.equal((await owner.post('/admin/set-password', { token: used, password: PASSWORD, confirm: PASSWORD })).status, 200);
    assert.equal((await owner.signIn('twolinks@council.example')).status, 303);
    const stranger = new AdminClient(t.url);
    const opened = await stranger.get(`/admin/set-password?token=${astray}`);
    assert.equal(opened.status, 410, 'the page says the link cannot be used');
    assert.match(opened.text, /This link has been used already/);
    await stranger.get('/admin/sign-in'); // for a form token: the 410 page has no form
    const taken = await stranger.post('/admin/set-password', { token: astray, password: 'the stranger’s own password', confirm: 'the stranger’s own password' });
    assert.equal(taken.status, 410);
    assert.equal((await owner.get('/admin/account')).status, 200, 'the owner is still signed in');
    assert.equal((await new AdminClient(t.url).signIn('twolinks@council.example')).status, 303, 'with the password the owner set');
  });

  it('a session whose roles were all removed since opens only what any signed-in user may, and each role’s routes refuse it', async () => {
    const userId = await makeUser(t, 'demoted@council.example', 'admin');
    const client = await signedIn('demoted@council.example');
    await revokeRole(db(), userId, 'admin', '*', { clock: clock(), actor });
    const again = async () => {
      client.cookies.clear();
      assert.equal((await client.signIn('demoted@council.example')).status, 303);
    };
    const wrong = await walk(client, (access, _method, answer) => {
      if (access === 'public') return answer.status < 400 || answer.status === 410 || answer.status === 422;
      if (access === 'code') return answer.status === 303 && answer.location === '/admin/sign-in';
      if (access === 'signed-in') return answer.status !== 401 && answer.status !== 403;
      return answer.status === 403;
    }, again);
    assert.deepEqual(wrong, []);
  });
});

describe('forged and stale forms, on every admin POST', () => {
  let t: TestServer;
  let fill: (url: string) => string;
  const db = () => t.server.database.db;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
    await makeUser(t, 'admin@council.example', 'admin');
    await makeUser(t, 'other@council.example', 'admin');
    const user = await makeUser(t, 'target@council.example', 'editor', 'southend');
    fill = filler({ user, pledge: (await postPledge(t.url, validPledge())).json.id });
  });
  after(() => t.stop());

  const counts = async () => ({
    audit: Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    sessions: Number((await db().selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('refuses each POST without its token, with another session’s, with the one from before sign-in, and with a signed-out session’s: 403, nothing changed, still signed in', async () => {
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const beforeSignIn = client.csrf;
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    const earlier = client.csrf;
    assert.equal((await client.post('/admin/sign-out', {})).status, 200);
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    assert.notEqual(client.csrf, earlier, 'a new session has a new token');
    assert.notEqual(client.csrf, beforeSignIn);
    const other = new AdminClient(t.url);
    assert.equal((await other.signIn('other@council.example')).status, 303);

    const posts = t.server.app.adminRoutes.filter((r) => r.method === 'POST');
    assert.ok(posts.length >= 25, `${posts.length} POST routes`);
    const start = await counts();
    const wrong: string[] = [];
    for (const route of posts) {
      for (const [label, csrf] of [
        ['no token', null],
        ['an empty token', ''],
        ['another session’s token', other.csrf],
        ['the token from before sign-in', beforeSignIn],
        ['a signed-out session’s token', earlier],
        ['a token of the wrong length', `${client.csrf}x`],
      ] as const) {
        const answer = await client.post(fill(route.url), EVERY_FIELD, { csrf });
        if (answer.status !== 403 || !/The form has expired/.test(answer.text)) wrong.push(`${route.url} with ${label} → ${answer.status}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(await counts(), start, 'no audit entry, no session made or ended');
    assert.equal((await client.get('/admin/account')).status, 200, 'the forged sign-outs signed nobody out');
  });
});

describe('sessions and sign-in, as an attacker would try them', () => {
  let t: TestServer;
  const db = () => t.server.database.db;
  const sessionRow = (token: string) => db().selectFrom('sessions').select('user_id').where('token_hash', '=', sha256(token)).executeTakeFirst();
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { PUBLIC_URL: 'https://compact.council.example', SIGNIN_RATE_LIMIT: '100000', SIGNIN_FAILURES: '100' } });
    await makeUser(t, 'mod@southend.example', 'moderator', 'southend');
    await makeUser(t, 'admin@council.example', 'admin');
  });
  after(() => t.stop());

  it('a sign-in ends the session the browser came with, whoever’s it was: the old token does not sign in any more', async () => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn('mod@southend.example')).status, 303);
    const first = client.cookies.get('cw_session')!;
    // Someone else signs in on the same browser without signing out, or the same person again.
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    const second = client.cookies.get('cw_session')!;
    assert.notEqual(second, first, 'a new token');
    assert.equal(await sessionRow(first), undefined, 'the first session is ended');
    const replay = new AdminClient(t.url);
    replay.cookies.set('cw_session', first);
    const answer = await replay.get('/admin/pledges');
    assert.equal(answer.status, 303);
    assert.equal(answer.location, '/admin/sign-in');
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    assert.equal(await sessionRow(second), undefined, 'and so is each one after');
    assert.ok(await sessionRow(client.cookies.get('cw_session')!));
  });

  it('sign-out deletes the session’s row, and only that one; sign-out everywhere deletes every row of the user', async () => {
    const [laptop, phone] = [new AdminClient(t.url), new AdminClient(t.url)];
    await laptop.signIn('mod@southend.example');
    await phone.signIn('mod@southend.example');
    const [a, b] = [laptop.cookies.get('cw_session')!, phone.cookies.get('cw_session')!];
    await laptop.get('/admin/account');
    const out = await laptop.post('/admin/sign-out', {});
    assert.equal(out.status, 200);
    assert.equal(await sessionRow(a), undefined);
    assert.ok(await sessionRow(b), 'the other device is still signed in');
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('cw_session='))!;
    assert.match(cleared, /^cw_session=;/);
    assert.match(cleared, /Path=\/admin/);
    assert.match(cleared, /Expires=Thu, 01 Jan 1970/);
    await phone.get('/admin/account');
    assert.equal((await phone.post('/admin/sign-out-everywhere', {})).status, 200);
    assert.equal(await sessionRow(b), undefined);
  });

  it('sets both of its cookies HttpOnly, SameSite=Lax, Secure (PUBLIC_URL is https) and for /admin only', async () => {
    const page = await fetch(`${t.url}/admin/sign-in`);
    const pre = page.headers.getSetCookie().find((c) => c.startsWith('cw_pre='))!;
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const signedIn = await client.post('/admin/sign-in', { email: 'mod@southend.example', password: PASSWORD });
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('cw_session='))!;
    const clearedPre = signedIn.headers.getSetCookie().find((c) => c.startsWith('cw_pre='))!;
    for (const cookie of [pre, session, clearedPre]) {
      const attributes = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
      assert.ok(attributes.includes('httponly'), cookie);
      assert.ok(attributes.includes('samesite=lax'), cookie);
      assert.ok(attributes.includes('secure'), cookie);
      assert.ok(attributes.includes('path=/admin'), cookie);
      assert.ok(!attributes.some((a) => a.startsWith('domain=')), `${cookie}: no Domain, so no other host gets it`);
    }
    assert.match(clearedPre, /^cw_pre=;/, 'the token from before sign-in is dropped');
  });

  it('answers an unknown address, a wrong password, a disabled account and one with no password yet in the same words and about the same time', async () => {
    await makeUser(t, 'gone@southend.example', 'editor', 'southend');
    await setDisabled(db(), (await db().selectFrom('users').select('id').where('email', '=', 'gone@southend.example').executeTakeFirstOrThrow()).id, true, { clock: t.server.app.clock, actor: { id: 'test', label: 'test' } });
    await addUser(db(), { email: 'new@southend.example', role: 'editor', compactId: 'southend' }, { publicUrl: t.url, hours: 48, clock: t.server.app.clock, actor: { id: 'test', label: 'test' } });
    const cases = { unknown: 'nobody@southend.example', wrong: 'mod@southend.example', disabled: 'gone@southend.example', 'no password': 'new@southend.example' };
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const times: Record<string, number[]> = {};
    const texts = new Set<string>();
    // Taken in turns, so that a slower moment of the machine falls on each case alike.
    for (let round = 0; round < 5; round++) {
      for (const [label, email] of Object.entries(cases)) {
        const start = performance.now();
        const answer = await client.post('/admin/sign-in', { email, password: 'not the password, whatever it is' });
        (times[label] ??= []).push(performance.now() - start);
        assert.equal(answer.status, 422, label);
        texts.add(/<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(answer.text)![0].replace(email, ''));
      }
    }
    assert.equal(texts.size, 1, 'one error summary for all four');
    const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
    const medians = Object.fromEntries(Object.entries(times).map(([label, list]) => [label, Math.round(median(list))]));
    const fastest = Math.min(...Object.values(medians));
    // Each checks a password hash (a stand-in one when there is no account): a case that skipped it
    // would answer in a fraction of the time. The margin is for a busy machine.
    for (const [label, ms] of Object.entries(medians)) assert.ok(ms < fastest * 2 + 50, `${label} took ${ms} ms, the fastest ${fastest} ms: ${JSON.stringify(medians)}`);
  });

  it('a password of 1 MB is a 413 page, at once; one of 60 kB the usual refusal, not an error', async () => {
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const start = performance.now();
    const huge = await client.post('/admin/sign-in', { email: 'mod@southend.example', password: 'x'.repeat(1024 * 1024) });
    assert.equal(huge.status, 413);
    assert.match(huge.text, /<title>The form is too long – Compact admin<\/title>/);
    assert.ok(performance.now() - start < 5000);
    const long = await client.post('/admin/sign-in', { email: 'mod@southend.example', password: 'x'.repeat(60_000) });
    assert.equal(long.status, 422);
    assert.match(long.text, /The email address or password is not right/);
    await client.get('/admin/sign-in');
    const json = await fetch(`${t.url}/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ _csrf: client.csrf, email: 'mod@southend.example', password: 'x'.repeat(1024 * 1024) }),
    });
    assert.equal(json.status, 415, 'the admin reads forms, not JSON');
  });
});

describe('form bodies no browser sends, on every admin POST', () => {
  let t: TestServer;
  let fill: (url: string) => string;
  before(async () => {
    ({ t, fill } = await adminWithTarget());
  });
  after(() => t.stop());

  it('a field sent twice, or every field as a file: an answer, never a 500; JSON or text, which no form sends: 415 before anything is read', async () => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    // Every field name of every admin page's forms.
    const names = new Set<string>();
    for (const route of t.server.app.adminRoutes.filter((r) => r.method === 'GET')) {
      for (const [, name] of (await client.get(fill(route.url))).text.matchAll(/<(?:input|textarea|select)[^>]* name="([^"]+)"/g)) names.add(name);
    }
    names.delete('_csrf');
    assert.ok(names.size > 30, `${names.size} field names`);
    const cookie = () => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const audit = async () => Number((await t.server.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const wrong: string[] = [];
    const reached = new Set<number>();
    // Not the ones that sign this client out or disable the user the others act on.
    for (const route of t.server.app.adminRoutes.filter((r) => r.method === 'POST' && !/sign-out|disable/.test(r.url))) {
      const url = `${t.url}${fill(route.url)}`;
      const send = (body: BodyInit, type?: string) => fetch(url, { method: 'POST', headers: { cookie: cookie(), ...(type ? { 'content-type': type } : {}) }, body, redirect: 'manual' });
      const twice = new URLSearchParams({ _csrf: client.csrf });
      for (const name of names) twice.append(name, 'a'), twice.append(name, 'b');
      const files = new FormData();
      files.set('_csrf', client.csrf);
      // The upload reads at most 8 parts: the first few names, then the file the upload wants.
      for (const name of [...names].slice(0, 6)) files.set(name, new Blob(['x']), 'x.csv');
      for (const [label, answer] of [
        ['twice', await send(twice, 'application/x-www-form-urlencoded')],
        ['files', await send(files)],
      ] as const) {
        reached.add(answer.status);
        if (answer.status >= 500) wrong.push(`${route.url} (${label}) → ${answer.status}`);
      }
      const before = await audit();
      for (const value of [{ toString: 'x', length: 3 }, 7, null, [[{ a: ['b'] }]], true]) {
        const answer = await send(JSON.stringify({ _csrf: client.csrf, ...Object.fromEntries([...names].map((n) => [n, value])) }), 'application/json');
        if (answer.status !== 415 || !/text\/html/.test(answer.headers.get('content-type') ?? '')) wrong.push(`${route.url} (JSON ${JSON.stringify(value)}) → ${answer.status}`);
      }
      const text = await send(`_csrf=${client.csrf}&email=a@b.example`, 'text/plain');
      if (text.status !== 415) wrong.push(`${route.url} (text/plain) → ${text.status}`);
      if ((await audit()) !== before) wrong.push(`${route.url}: a JSON or text body changed something`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(!reached.has(403), `the token was right, so the handlers were reached: ${[...reached]}`);
    assert.deepEqual(t.logs.filter((line) => /"level":50/.test(line)), []);
  });
});

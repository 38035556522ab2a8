/**
 * Every admin route, as nobody and as each role: the list comes from the app itself (each route
 * declares its access, or the app refuses to start), so a route added later is walked too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { AdminClient, makeUser } from './helpers.js';

type Who = 'nobody' | 'admin' | 'moderator' | 'editor' | 'other-moderator' | 'other-admin';

/** Which roles each declared access lets in (the compact-scoped ones are checked again per item). */
const LETS_IN: Record<string, Who[]> = {
  public: ['nobody', 'admin', 'moderator', 'editor', 'other-moderator', 'other-admin'],
  code: [],
  'signed-in': ['admin', 'moderator', 'editor', 'other-moderator', 'other-admin'],
  moderate: ['admin', 'moderator', 'other-moderator', 'other-admin'],
  signatories: ['admin', 'moderator', 'editor', 'other-moderator', 'other-admin'],
  audit: ['admin', 'other-admin'],
  superadmin: ['admin'],
};

describe('every admin route is checked by role', () => {
  let t: TestServer;
  let pledgeId: string;
  let targetUser: string;
  const emails: Record<Exclude<Who, 'nobody'>, string> = {
    admin: 'admin@council.example',
    moderator: 'mod@southend.example',
    editor: 'editor@southend.example',
    'other-moderator': 'mod@ceredigion.example',
    'other-admin': 'admin@ceredigion.example',
  };
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
    await makeUser(t, emails.admin, 'admin');
    await makeUser(t, emails.moderator, 'moderator', 'southend');
    await makeUser(t, emails.editor, 'editor', 'southend');
    await makeUser(t, emails['other-moderator'], 'moderator', 'ceredigion');
    await makeUser(t, emails['other-admin'], 'admin', 'ceredigion');
    targetUser = await makeUser(t, 'target@council.example', 'editor', 'southend');
    pledgeId = (await postPledge(t.url, validPledge())).json.id;
  });
  after(() => t.stop());

  function path(url: string): string {
    return url
      .replace('/admin/users/:id', `/admin/users/${targetUser}`)
      .replace('/admin/pledges/:id', `/admin/pledges/${pledgeId}`)
      .replace(':compactId/:id', 'southend/GB-CHC-1183305')
      .replace('/admin/outbox/:id', '/admin/outbox/00000000-0000-0000-0000-000000000000');
  }

  it('declares an access level on every route', () => {
    const routes = t.server.app.adminRoutes;
    assert.ok(routes.length >= 30, `${routes.length} admin routes`);
    for (const r of routes) assert.ok(Object.hasOwn(LETS_IN, r.access), `${r.method} ${r.url} has access ${r.access}`);
  });

  for (const who of ['nobody', 'editor', 'other-moderator', 'other-admin', 'moderator', 'admin'] as Who[]) {
    it(`answers each route as it should for ${who}`, async () => {
      const client = new AdminClient(t.url);
      const signIn = async () => {
        client.cookies.clear();
        if (who === 'nobody') await client.get('/admin/sign-in');
        else assert.equal((await client.signIn(emails[who])).status, 303);
      };
      await signIn();
      // Sign-out routes last: they end the session the others need.
      const routes = [...t.server.app.adminRoutes].sort((a, b) => Number(/sign-out/.test(a.url)) - Number(/sign-out/.test(b.url)));
      const wrong: string[] = [];
      for (const route of routes) {
        const url = path(route.url);
        const answer = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        const allowed = LETS_IN[route.access].includes(who);
        const label = `${route.method} ${route.url} (${route.access}) → ${answer.status}`;
        assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, label);
        assert.equal(answer.headers.get('cache-control'), 'no-store', label);
        if (answer.status >= 500) wrong.push(label);
        else if (route.access === 'code') {
          if (!(answer.status === 303 && answer.location === '/admin/sign-in')) wrong.push(label);
        } else if (!allowed) {
          const expected = who === 'nobody' ? (route.method === 'GET' ? 303 : 401) : 403;
          if (answer.status !== expected) wrong.push(`${label}, expected ${expected}`);
        } else if (answer.status === 401 || answer.status === 403) {
          wrong.push(`${label}, expected to be let in`);
        } else if (who.startsWith('other-') && /:id/.test(route.url) && !/users|outbox/.test(route.url)) {
          // Allowed in general, but not to another compact's pledge or signatory: as if it did not exist.
          if (answer.status !== 404) wrong.push(`${label}, expected 404 (another compact's item)`);
        }
        if (/sign-out/.test(route.url) && who !== 'nobody') await signIn();
      }
      assert.deepEqual(wrong, []);
    });
  }
});

/**
 * Every authoring route (taken from the app's own list, so a route added later is walked too) as
 * nobody, a moderator of the compact, an editor and an admin of another compact (all refused), and
 * an editor of it and an admin of every compact (let in). The admin-wide walk (test/admin/routes.test.ts)
 * checks the access each declares; this one checks the per-compact editing role behind it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { AdminClient, makeUser } from './helpers.js';

type Who = 'nobody' | 'moderator' | 'other-editor' | 'other-admin' | 'editor' | 'admin';
const EMAILS: Record<Exclude<Who, 'nobody'>, [string, 'admin' | 'moderator' | 'editor', string | undefined]> = {
  moderator: ['mod@southend.example', 'moderator', 'southend'],
  'other-editor': ['editor@ceredigion.example', 'editor', 'ceredigion'],
  'other-admin': ['admin@ceredigion.example', 'admin', 'ceredigion'],
  editor: ['editor@southend.example', 'editor', 'southend'],
  admin: ['admin@council.example', 'admin', undefined],
};
const EDITS: Who[] = ['editor', 'admin'];

const isAuthoring = (url: string) => url.startsWith('/admin/compacts') || url.startsWith('/admin/authoring');

describe('every authoring route checks the editing role on its compact', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
    for (const [email, role, compact] of Object.values(EMAILS)) await makeUser(t, email, role, compact);
  });
  after(() => t.stop());

  const path = (url: string) =>
    url
      .replace(':compactId', 'southend')
      .replace(':actionId', 'codes-funding')
      .replace(':consultationId', 'community-grants-2027-2030')
      .replace(':uploadId', '00000000-0000-0000-0000-000000000000');

  it('has the routes it should', () => {
    const routes = t.server.app.adminRoutes.filter((r) => isAuthoring(r.url));
    assert.ok(routes.length >= 20, `${routes.length} authoring routes`);
    for (const r of routes) assert.ok(['signatories', 'signed-in'].includes(r.access), `${r.method} ${r.url}: ${r.access}`);
  });

  for (const who of ['nobody', 'moderator', 'other-editor', 'other-admin', 'editor', 'admin'] as Who[]) {
    it(`answers every authoring route as it should for ${who}`, async () => {
      const client = new AdminClient(t.url);
      if (who === 'nobody') await client.get('/admin/sign-in');
      else assert.equal((await client.signIn(EMAILS[who][0])).status, 303);
      const wrong: string[] = [];
      for (const route of t.server.app.adminRoutes.filter((r) => isAuthoring(r.url))) {
        const url = path(route.url);
        const answer = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
        const label = `${route.method} ${url} → ${answer.status}`;
        const compactRoute = route.url.includes(':compactId');
        if (answer.status >= 500) wrong.push(label);
        else if (who === 'nobody') {
          if (answer.status !== (route.method === 'GET' ? 303 : 401)) wrong.push(label);
        } else if (compactRoute && !EDITS.includes(who)) {
          if (answer.status !== 403) wrong.push(`${label}, expected 403`);
          else if (!/You cannot edit this compact/.test(answer.text)) wrong.push(`${label} without saying why`);
        } else if (answer.status === 401 || answer.status === 403) wrong.push(`${label}, expected to be let in`);
        assert.equal(answer.headers.get('cache-control'), 'no-store', label);
        assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, label);
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('lists only the compacts the user edits, and answers 404 for a compact that does not exist', async () => {
    const client = new AdminClient(t.url);
    await client.signIn(EMAILS.editor[0]);
    const list = await client.get('/admin/compacts');
    assert.match(list.text, /href="\/admin\/compacts\/southend"/);
    assert.doesNotMatch(list.text, /href="\/admin\/compacts\/ceredigion"/);
    assert.equal((await client.get('/admin/compacts/nowhere/text')).status, 404);
    const moderator = new AdminClient(t.url);
    await moderator.signIn(EMAILS.moderator[0]);
    assert.match((await moderator.get('/admin/compacts')).text, /You are not an editor of any compact/);
    // The menu offers editing only to those who can edit.
    assert.match((await client.get('/admin')).text, /href="\/admin\/compacts">\s*Edit compacts\s*</);
    assert.doesNotMatch((await moderator.get('/admin')).text, /Edit compacts/);
  });

  it('refuses a change posted without the form’s CSRF token', async () => {
    const client = new AdminClient(t.url);
    await client.signIn(EMAILS.editor[0]);
    const answer = await client.post('/admin/compacts/southend/actions/codes-funding', { status: 'complete' }, { csrf: null });
    assert.equal(answer.status, 403);
  });
});

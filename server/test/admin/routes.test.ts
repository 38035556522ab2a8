/**
 * Every admin route, as nobody and as each role: the list comes from the app itself (each route
 * declares its access, or the app refuses to start), so a route added later is walked too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { AdminClient, makeUser, pagePatterns } from './helpers.js';

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

describe('every admin page follows the GOV.UK page patterns', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
  });
  after(() => t.stop());

  it('has a descriptive title, “Error: ” in it exactly when there is an error summary, and error links that lead somewhere', async () => {
    await makeUser(t, 'admin@council.example', 'admin');
    const target = await makeUser(t, 'target@council.example', 'editor', 'southend');
    const unconfirmed = (await postPledge(t.url, validPledge())).json.id;
    const decided = (await postPledge(t.url, validPledge({ organisation: { name: 'Leigh Lunch Club', sector: 'voluntary', id: 'GB-CHC-1234567' } }))).json.id;
    const client = new AdminClient(t.url);
    const problems: string[] = [];
    const check = async (label: string, answer: Promise<{ text: string; headers: Headers }>) => {
      const page = await answer;
      if (/text\/html/.test(page.headers.get('content-type') ?? '')) problems.push(...pagePatterns(label, page.text));
    };
    // The pages met before signing in, and the guard's own pages.
    await check('sign-in', client.get('/admin/sign-in'));
    await check('sign-in with errors', client.post('/admin/sign-in', {}));
    await check('a POST when signed out', client.post('/admin/users', {}));
    await check('set-password with a bad link', client.get('/admin/set-password?token=nope'));
    await check('an expired form', client.post('/admin/sign-in', {}, { csrf: 'wrong' }));
    assert.equal((await client.signIn('target@council.example')).status, 303);
    await check('not allowed', client.get('/admin/users'));
    client.cookies.clear();
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    assert.equal((await client.post(`/admin/pledges/${decided}/approve`, {})).status, 303);
    // A refused change to a user who is not there: no row to point at, so a page of its own.
    for (const action of ['disable', 'remove-role']) {
      const missing = client.post(`/admin/users/00000000-0000-0000-0000-000000000000/${action}`, { disabled: 'yes', role: 'editor', compact: 'southend' });
      assert.equal((await missing).status, 404);
      await check(`${action} for a user who is not there`, missing);
    }

    const skip = /sign-out|remove-role|disable|totp\/start/;
    for (const route of t.server.app.adminRoutes.filter((r) => !skip.test(r.url))) {
      for (const compact of /:compactId\b(?!\/:id)/.test(route.url) ? ['southend', 'ceredigion'] : ['']) {
        for (const pledge of /pledges\/:id/.test(route.url) ? [unconfirmed, decided] : ['']) {
          const url = route.url
            .replace(':compactId/:id', 'southend/GB-CHC-1183305')
            .replace(':compactId', compact)
            .replace(':actionId', compact === 'southend' ? 'codes-funding' : 'comm-1')
            .replace(':consultationId', compact === 'southend' ? 'community-grants-2027-2030' : 'budget-2027-28-grants')
            .replace(':uploadId', '00000000-0000-0000-0000-000000000000')
            .replace('/admin/users/:id', `/admin/users/${target}`)
            .replace('/admin/pledges/:id', `/admin/pledges/${pledge}`)
            .replace('/admin/outbox/:id', '/admin/outbox/00000000-0000-0000-0000-000000000000');
          // An empty approval would approve the unconfirmed pledge: the other forms are checked on it first.
          if (url === `/admin/pledges/${unconfirmed}/approve`) continue;
          await check(`${route.method} ${url}`, route.method === 'GET' ? client.get(url) : client.post(url, {}));
        }
      }
    }
    assert.deepEqual(problems, []);

    // Each state of a page has a title of its own: the review queue's views, the audit log's pages.
    const titleOf = async (path: string) => /<title>([^<]*)<\/title>/.exec((await client.get(path)).text)?.[1];
    const views = await Promise.all(['review', 'waiting', 'unconfirmed', 'decided'].map((view) => titleOf(`/admin/pledges?view=${view}`)));
    assert.equal(views[0], 'Pledges: to review – Compact admin');
    assert.equal(new Set(views).size, 4, views.join(' | '));
    assert.equal(await titleOf('/admin/audit?page=2'), 'Audit log, page 2 – Compact admin');
  });

  it('names what each destructive button acts on, and makes it a warning button (WCAG 2.4.4, 2.4.6)', async () => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    const users = (await client.get('/admin/users')).text;
    assert.match(users, /govuk-button--warning govuk-!-margin-bottom-0">Disable<span class="govuk-visually-hidden"> target@council\.example<\/span>/);
    // The role "of every compact" as the row shows it, not the "*" it is stored as.
    assert.match(users, /Remove<span class="govuk-visually-hidden"> admin of every compact from admin@council\.example<\/span>/);
    assert.match(users, /<label class="govuk-label" for="compact">\s*On which compact\s*<\/label>/);
    const person = (await client.post('/admin/people', { email: 'someone@example.org' })).text;
    assert.match(person, /govuk-button--warning" data-module="govuk-button">\s*Erase<span class="govuk-visually-hidden"> the contact details and email records of someone@example\.org<\/span>/);
    assert.match(person, /Download all of it \(JSON\)<span class="govuk-visually-hidden">: everything held about someone@example\.org<\/span>/);
    const pledges = await client.get('/admin/pledges?view=decided');
    const pledge = /href="(\/admin\/pledges\/[\w-]+)"/.exec(pledges.text)![1];
    const register = /<a [^>]*>Open the entry on the [^<]*<\/a>/.exec((await client.get(pledge)).text)?.[0] ?? '';
    assert.match(register, /target="_blank">Open the entry on the .* register \(opens in new tab\)/, 'the link does what it says');
    assert.match((await client.get('/admin/audit?page=2')).text, /Newer<span class="govuk-visually-hidden"> entries<\/span>/);
  });

  it('marks each text box of a compact with the language it is written in, one language or several (WCAG 3.1.2)', async () => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn('admin@council.example')).status, 303);
    // Southend is written in one language (its default, en); Ceredigion in en and cy.
    const single = (await client.get('/admin/compacts/southend/text')).text;
    assert.match(single, /<input class="govuk-input" id="name-en" name="name-en" type="text" value="[^"]*" lang="en">/);
    assert.match(single, /<textarea class="govuk-textarea" id="summary-en" name="summary-en" rows="5" aria-describedby="summary-en-hint" lang="en">/);
    const both = (await client.get('/admin/compacts/ceredigion/text')).text;
    assert.match(both, /id="name-cy" name="name-cy" type="text" value="[^"]*" lang="cy"/);
  });

  it('marks the section the page is in, as GOV.UK Frontend does: aria-current="page" on its own page, "true" inside it', async () => {
    const marked = async (client: AdminClient, path: string) => {
      const { status, text } = await client.get(path);
      assert.equal(status, 200, path);
      return [...text.matchAll(/<a class="govuk-service-navigation__link" href="([^"]+)" aria-current="(\w+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    };
    await makeUser(t, 'nav-admin@council.example', 'admin');
    await makeUser(t, 'nav-editor@southend.example', 'editor', 'southend');
    const pledgeId = (await postPledge(t.url, validPledge({ organisation: { name: 'Leigh Navigation Club', sector: 'voluntary' } }))).json.id;
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn('nav-admin@council.example')).status, 303);
    assert.deepEqual(await marked(client, '/admin'), [], 'the home page is in no section');
    assert.deepEqual(await marked(client, '/admin/pledges'), ['/admin/pledges page']);
    assert.deepEqual(await marked(client, '/admin/pledges?view=decided'), ['/admin/pledges page'], 'the query is not part of the page');
    assert.deepEqual(await marked(client, `/admin/pledges/${pledgeId}`), ['/admin/pledges true']);
    assert.deepEqual(await marked(client, '/admin/signatories/southend/GB-CHC-1183305'), ['/admin/signatories true']);
    assert.deepEqual(await marked(client, '/admin/compacts/southend/text'), ['/admin/compacts true']);
    assert.deepEqual(await marked(client, '/admin/audit'), ['/admin/audit page']);
    assert.deepEqual(await marked(client, '/admin/outbox'), ['/admin/outbox page']);
    assert.deepEqual(await marked(client, '/admin/account'), ['/admin/account page']);
    // GOV.UK's markup in full: the item's class, and bold text for those who override the colours.
    assert.match((await client.get('/admin/users')).text, /<li class="govuk-service-navigation__item govuk-service-navigation__item--active">\s*<a class="govuk-service-navigation__link" href="\/admin\/users" aria-current="page">\s*<strong class="govuk-service-navigation__active-fallback">Users<\/strong>/);

    const editor = new AdminClient(t.url);
    assert.equal((await editor.signIn('nav-editor@southend.example')).status, 303);
    const sections = [...(await editor.get('/admin/signatories')).text.matchAll(/class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(sections, ['/admin/signatories', '/admin/compacts', '/admin/account'], 'an editor’s sections only');
    assert.deepEqual(await marked(editor, '/admin/signatories'), ['/admin/signatories page']);
  });

  it('an address under /admin that no page has: "Page not found" in the admin once signed in, and nothing before', async () => {
    await makeUser(t, 'lost@council.example', 'moderator', 'southend');
    const client = new AdminClient(t.url);
    const before = await client.get('/admin/pledgse');
    assert.equal(before.status, 303, 'a stranger learns nothing about which addresses exist');
    assert.equal(before.location, '/admin/sign-in');
    assert.equal((await client.signIn('lost@council.example')).status, 303);
    for (const path of ['/admin/pledgse', '/admin/pledges/00000000-0000-0000-0000-000000000000/nowhere', '/admin/compacts/southend/text/more']) {
      const page = await client.get(path);
      assert.equal(page.status, 404, path);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(page.text, /<title>Page not found – Compact admin<\/title>/, path);
      assert.match(page.text, /<h1[^>]*>\s*Page not found\s*<\/h1>/, path);
      assert.match(page.text, /href="\/admin">Go to the admin’s home page</, path);
    }
  });
  it('a method an admin address does not take: 405 with Allow, in the admin, once signed in, and nothing before', async () => {
    await makeUser(t, 'methods@council.example', 'moderator', 'southend');
    const client = new AdminClient(t.url);
    const approve = '/admin/pledges/00000000-0000-0000-0000-000000000000/approve';
    const send = (method: string, path: string) =>
      fetch(`${t.url}${path}`, { method, redirect: 'manual', headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    // A stranger learns no more than from an address that does not exist.
    const opened = await client.get(approve);
    assert.equal(opened.status, 303);
    assert.equal(opened.location, '/admin/sign-in');
    for (const [method, status] of [['DELETE', 401], ['PUT', 401], ['OPTIONS', 404]] as const) {
      const answer = await send(method, '/admin/pledges');
      assert.equal(answer.status, status, method);
      assert.equal(answer.headers.get('allow'), null, method);
    }
    assert.equal((await send('OPTIONS', approve)).headers.get('allow'), null);

    assert.equal((await client.signIn('methods@council.example')).status, 303);
    for (const [method, path, status, allow, title] of [
      ['GET', approve, 405, 'POST', 'This address is for a form'],
      ['HEAD', approve, 405, 'POST', undefined],
      ['DELETE', '/admin/pledges', 405, 'GET, HEAD', 'You cannot do that on this page'],
      ['PATCH', '/admin/users', 405, 'GET, HEAD, POST', 'You cannot do that on this page'],
      ['PUT', '/admin/pledgse', 404, null, 'Page not found'],
      ['DELETE', '/admin/pledges/00000000-0000-0000-0000-000000000000/nowhere', 404, null, 'Page not found'],
    ] as const) {
      const label = `${method} ${path}`;
      const answer = await send(method, path);
      assert.equal(answer.status, status, label);
      assert.equal(answer.headers.get('allow'), allow, label);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/html/, label);
      assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, label);
      assert.equal(answer.headers.get('cache-control'), 'no-store', label);
      const text = await answer.text();
      if (title) {
        assert.match(text, new RegExp(`<title>${title} – Compact admin</title>`), label);
        assert.deepEqual(pagePatterns(label, text), [], label);
      }
    }
    // A POST is checked for its form's token first, as every admin POST is.
    await client.get('/admin');
    assert.equal((await client.post('/admin/audit', {})).status, 405);
    assert.equal((await client.post('/admin/audit', {}, { csrf: 'wrong' })).status, 403);
  });
});

describe('a NUL in an address or a looked-up email is "none", never an error from PostgreSQL', () => {
  let t: TestServer;
  let admin: AdminClient;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { SIGNIN_RATE_LIMIT: '100000' } });
    await makeUser(t, 'root@nul.example', 'admin');
    admin = new AdminClient(t.url);
    assert.equal((await admin.signIn('root@nul.example')).status, 303);
  });
  after(() => t.stop());

  it('answers 404 for a signatory, user, pledge or pending upload whose id has a NUL', async () => {
    for (const path of ['/admin/signatories/southend/GB%00x', '/admin/pledges/ab%00', '/admin/compacts/southend/upload/ab%00']) {
      assert.equal((await admin.get(path)).status, 404, `GET ${path}`);
    }
    await admin.get('/admin/users');
    for (const [path, form] of [
      ['/admin/signatories/southend/GB%00x', { name: 'x' }],
      ['/admin/users/ab%00/disable', {}],
      ['/admin/users/ab%00/remove-role', { role: 'editor', compact: 'south\u0000end' }],
      ['/admin/compacts/southend/upload/ab%00', { confirm: 'yes' }],
    ] as const) {
      assert.equal((await admin.post(path, form)).status, 404, `POST ${path}`);
      await admin.get('/admin/users');
    }
  });

  it('finds nobody for a person’s email with a NUL: looked up, exported and erased without an error', async () => {
    await admin.get('/admin/people');
    const found = await admin.post('/admin/people', { email: 'a\u0000b@nul.example' });
    assert.equal(found.status, 200);
    assert.deepEqual(pagePatterns('people', found.text), []);
    const exported = await admin.post('/admin/people/export', { email: 'a\u0000b@nul.example' });
    assert.equal(exported.status, 200);
    assert.deepEqual(JSON.parse(exported.text).pledges, []);
    await admin.get('/admin/people');
    assert.equal((await admin.post('/admin/people/erase', { email: 'a\u0000b@nul.example' })).status, 422);
    const erased = await admin.post('/admin/people/erase', { email: 'a\u0000b@nul.example', sure: 'yes' });
    assert.equal(erased.status, 200);
    assert.match(erased.text, /Contact details removed from 0 pledges; 0 email records deleted/);
  });
});

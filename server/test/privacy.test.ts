/**
 * Nothing of the people who send pledges gets out: a whole pledge → confirm → moderate run, with
 * names and addresses built to break email headers, then every public GET route the app has (read
 * from its own route table, so a route added later is walked too) and every log line it wrote, at
 * the most talkative log level, are searched for the contacts' names, roles and addresses.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers/server.js';
import { postPledge, validPledge } from './helpers/http.js';
import { AdminClient, makeUser } from './admin/helpers.js';
import { linkIn, startSmtp, type TestSmtp } from './moderation/smtp.js';
import { WIDGET_PAGES } from '../src/domain/outputs/page-models.js';

/** Every route in Fastify's printed route tree, as its address pattern and methods. */
export function routeTable(printed: string): { url: string; methods: string[] }[] {
  const routes: { url: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]) routes.push({ url: stack.join(''), methods: match[3].split(', ') });
  }
  return routes;
}

describe('no personal data on any public route or in any log line', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  const people = [
    { name: 'Quentin Privatperson', email: 'quentin.private@contact.example.org', role: 'Honorary Secretaryperson' },
    { name: 'Rhiannon Rejectperson', email: 'rhiannon.reject@contact.example.org', role: 'Treasurerperson' },
    { name: 'Ulrich Unconfirmedperson', email: 'ulrich.waiting@contact.example.org', role: 'Chairperson' },
  ];
  // Each may be read in the words around it: a name's parts, the address's parts.
  const traces = people.flatMap((p) => [...p.name.split(' '), p.email, p.email.split('@')[0]!, ...p.role.split(' ').slice(-1)]).concat(['contact.example']);
  const found = (text: string) => traces.filter((trace) => text.toLowerCase().includes(trace.toLowerCase()));
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const mailTo = (email: string, subject: RegExp) => smtp.next((m) => JSON.stringify(m.to).includes(email) && subject.test(m.subject ?? ''));
  let signatoryId = '';
  /** The latest link of the approved pledge's emails (each email has a new one). */
  let linkToken = '';

  before(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SMTP_URL: smtp.url, SIGNIN_RATE_LIMIT: '1000', LOG_LEVEL: 'trace' } });
    await makeUser(t, 'mod@southend.example', 'moderator', 'southend');
    await makeUser(t, 'root@council.example', 'admin');
  });
  after(async () => {
    await t.stop();
    await smtp.close();
  });

  it('sends each email to its contact alone: a line break in a name, a role or an organisation adds no header and no recipient', async () => {
    const inject = '\r\nBcc: spy@evil.example\r\nX-Injected: yes\r\n\r\nbody';
    const [quentin, rhiannon, ulrich] = people;
    // A refused pledge first: its answer names the field, never what was typed in it.
    const refused = await postPledge(t.url, validPledge({ contact: { name: quentin!.name, email: `${quentin!.name} <${quentin!.email}>`, role: quentin!.role } }));
    assert.equal(refused.status, 422);
    assert.deepEqual(found(refused.text), []);
    for (const email of [`${quentin!.email}\r\nBcc: spy@evil.example`, `${quentin!.email},spy@evil.example`, `${quentin!.email}\nspy@evil.example`, `"spy@evil.example" <${quentin!.email}>`, `spy@evil.example (${quentin!.email})`]) {
      const answer = await postPledge(t.url, validPledge({ organisation: { name: 'Refused Address Trust', sector: 'voluntary' }, contact: { name: 'A', email } }));
      assert.equal(answer.status, 422, JSON.stringify(email));
      assert.deepEqual(answer.json.errors.map((e: { field: string }) => e.field), ['contact.email'], JSON.stringify(email));
    }

    const sent = await postPledge(t.url, validPledge({
      organisation: { name: `Harbour Flow Trust${inject}`, sector: 'voluntary', id: 'GB-CHC-7654321' },
      contact: { name: `${quentin!.name}${inject}`, email: quentin!.email, role: `${quentin!.role}${inject}` },
    }));
    assert.equal(sent.status, 202);
    const other = await postPledge(t.url, validPledge({ locale: 'cy', organisation: { name: 'Rejected Flow Group', sector: 'voluntary' }, contact: rhiannon }));
    const waiting = await postPledge(t.url, validPledge({ organisation: { name: 'Waiting Flow Group', sector: 'voluntary' }, contact: ulrich }));
    assert.equal(other.status, 202);
    assert.equal(waiting.status, 202);

    const confirm = await mailTo(quentin!.email, /^Confirm your pledge/);
    const confirmLink = linkIn(confirm);
    assert.equal((await fetch(confirmLink)).status, 200);
    const token = new URL(confirmLink).searchParams.get('token')!;
    assert.equal((await fetch(`${t.url}/confirm`, form({ token }))).status, 200);
    const otherToken = new URL(linkIn(await mailTo(rhiannon!.email, /./))).searchParams.get('token')!;
    assert.equal((await fetch(`${t.url}/confirm`, form({ token: otherToken }))).status, 200);
    // Confirmed and waiting: the organisation's second pledge is told so, by id only.
    const again = await postPledge(t.url, validPledge({ organisation: { name: 'Harbour Flow Trust', sector: 'voluntary', id: 'GB-CHC-7654321' }, contact: quentin }));
    assert.equal(again.status, 409);
    assert.deepEqual(Object.keys(again.json), ['id']);

    // The moderator asks, the contact answers through the new link, the moderator approves.
    const moderator = new AdminClient(t.url);
    assert.equal((await moderator.signIn('mod@southend.example')).status, 303);
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/ask`, { question: `Is ${quentin!.name} still the secretary?` })).status, 303);
    const asked = await mailTo(quentin!.email, /^(?!Confirm)/);
    const answerToken = new URL(linkIn(asked)).searchParams.get('token')!;
    linkToken = answerToken;
    assert.equal((await fetch(`${t.url}/confirm/answer`, form({ token: answerToken, answer: `Yes, ${quentin!.name} (${quentin!.email}).` }))).status, 200);
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/approve`, {})).status, 303);
    await moderator.get(`/admin/pledges/${other.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${other.json.id}/reject`, { reasonCode: 'other', reason: `Not known to us; ${rhiannon!.name} did not answer at ${rhiannon!.email}` })).status, 303);
    const approved = await mailTo(quentin!.email, /Harbour Flow Trust/);
    // The rejection, after the confirmation email.
    for (let tries = 0; smtp.messages.filter((m) => JSON.stringify(m.to).includes(rhiannon!.email)).length < 2; tries++) {
      assert.ok(tries < 200, 'the rejection was emailed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    for (const [index, mail] of smtp.messages.entries()) {
      const label = `${mail.subject}`;
      assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value.length : 0, 1, `${label}: one address in To`);
      assert.equal(smtp.envelopes[index]!.to.length, 1, `${label}: one recipient in the envelope`);
      assert.equal(smtp.envelopes[index]!.to[0], (mail.to as { value: { address: string }[] }).value[0]!.address, label);
      assert.ok(people.some((p) => p.email === smtp.envelopes[index]!.to[0]), `${label} went to ${smtp.envelopes[index]!.to[0]}`);
      for (const header of ['bcc', 'cc', 'x-injected', 'reply-to']) assert.equal(mail.headers.has(header), false, `${label}: no ${header} header`);
      assert.doesNotMatch(mail.subject ?? '', /[\r\n]/, label);
    }
    assert.match(approved.subject ?? '', /^Harbour Flow Trust Bcc: spy@evil\.example X-Injected: yes body /, 'the line breaks are spaces, in the subject as everywhere');
    assert.match(approved.text ?? '', new RegExp(`${quentin!.name} Bcc: spy@evil\\.example`));

    // The admin's person pages, a user added, the outbox and the audit log: each logs its request only.
    const root = new AdminClient(t.url);
    assert.equal((await root.signIn('root@council.example')).status, 303);
    await root.get('/admin/people');
    assert.equal((await root.post('/admin/people', { email: ulrich!.email })).status, 200);
    assert.equal((await root.post('/admin/people/export', { email: ulrich!.email })).status, 200);
    await root.get('/admin/users');
    assert.equal((await root.post('/admin/users', { email: 'new.staff@council.example', role: 'editor', compact: 'southend' })).status, 200);
    assert.equal((await root.post('/admin/users', { email: `${quentin!.name} ${quentin!.email}`, role: 'editor', compact: 'southend' })).status, 422);
    for (const path of ['/admin/outbox', '/admin/audit', '/admin/audit.csv', `/admin/pledges/${waiting.json.id}`]) assert.equal((await root.get(path)).status, 200, path);
    const approvedRow = await t.server.database.db.selectFrom('signatories').select('id').where('pledge_id', '=', sent.json.id).executeTakeFirstOrThrow();
    signatoryId = approvedRow.id;
  });

  it('shows none of it on any public GET route, in any of its languages, nor in oEmbed for any of its pages', async () => {
    assert.ok(signatoryId, 'the run above approved a pledge');
    const values: Record<string, string[]> = {
      id: ['southend', 'ceredigion'],
      compactId: ['southend'],
      file: ['southend.json', 'ceredigion.json'],
      org: [signatoryId, 'GB-CHC-7654321'],
      widget: [...WIDGET_PAGES],
    };
    const routes = routeTable(t.server.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.methods.includes('GET') && !r.url.startsWith('/admin') && !r.url.includes('*'),
    );
    assert.ok(routes.length >= 10, routes.map((r) => r.url).join(' '));
    const problems: string[] = [];
    const pages: string[] = [];
    for (const route of routes) {
      // A segment such as ":file|:id" is one node for two routes' parameters: each name is tried.
      let urls = [route.url];
      for (;;) {
        const param = /:(\w+(?:\|:\w+)*)/.exec(urls[0]!);
        if (!param) break;
        const names = param[1]!.split('|:');
        for (const name of names) if (!values[name]) throw new Error(`the walk does not know how to fill :${name} in ${route.url}`);
        urls = urls.flatMap((url) => names.flatMap((name) => values[name]!.map((value) => url.replace(param[0]!, encodeURIComponent(value)))));
      }
      const query = { '/confirm': `?token=${linkToken}`, '/oembed': `?url=${encodeURIComponent(`${t.url}/c/southend`)}` }[route.url] ?? '';
      let answered = false;
      for (const url of urls) {
        const response = await fetch(`${t.url}${url}${query}`);
        const headers: string[] = [];
        response.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
        const text = `${headers.join('\n')}\n${await response.text()}`;
        if (response.ok) answered = true;
        if (response.ok && /text\/html/.test(response.headers.get('content-type') ?? '') && url.startsWith('/')) pages.push(url);
        const traced = found(text);
        if (traced.length) problems.push(`${url}: ${traced.join(', ')}`);
      }
      if (!answered) problems.push(`${route.url}: no address of it answered 2xx (${urls.join(', ')})`);
    }
    for (const page of pages.filter((p) => /\/c\//.test(p))) {
      const response = await fetch(`${t.url}/oembed?url=${encodeURIComponent(`${t.url}${page}`)}`);
      const traced = found(await response.text());
      if (traced.length) problems.push(`oEmbed of ${page}: ${traced.join(', ')}`);
    }
    assert.ok(pages.some((p) => p.includes(encodeURIComponent(signatoryId))), 'the signatory’s own page was read');
    assert.deepEqual(problems, []);
  });

  it('wrote no address, name or role of theirs, nor any link’s secret, in any log line', () => {
    assert.ok(t.logs.length > 50, `${t.logs.length} log lines`);
    const problems = t.logs.filter((line) => found(line).length > 0 || /[\w.+-]+@[\w-]+(\.[\w-]+)+/.test(line) || /token=|spy@evil/.test(line));
    assert.deepEqual(problems, []);
  });
});

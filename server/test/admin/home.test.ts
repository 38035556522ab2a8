/**
 * The admin's home page: what waits for a moderator comes first, counted only in the compacts they
 * moderate, and the sections listed are the navigation's, so each user sees only what they may open.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { AdminClient, makeUser } from './helpers.js';
import { linkIn, startSmtp, type TestSmtp } from '../moderation/smtp.js';

describe('the admin’s home page', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  const ids: string[] = [];
  let now = Date.parse('2026-12-01T09:05:00Z');
  const clock = () => new Date(now);
  const signedIn = async (email: string) => {
    const client = new AdminClient(t.url);
    assert.equal((await client.signIn(email)).status, 303);
    return client;
  };
  const home = async (client: AdminClient) => {
    const answer = await client.get('/admin');
    assert.equal(answer.status, 200);
    return answer.text;
  };
  const links = (text: string) => [...text.matchAll(/<li><a class="govuk-link" href="([^"]+)">/g)].map(([, href]) => href);

  before(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], clock, env: { SMTP_URL: smtp.url, SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'mod@southend.example', 'moderator', 'southend');
    await makeUser(t, 'mod@ceredigion.example', 'moderator', 'ceredigion');
    await makeUser(t, 'editor@southend.example', 'editor', 'southend');
    await makeUser(t, 'admin@council.example', 'admin');
  });
  after(async () => {
    await t.stop();
    await smtp.close();
  });

  /** A pledge sent, and confirmed by its contact from the email: it then waits for review. */
  async function confirmedPledge(name: string, email: string) {
    const sent = await postPledge(t.url, validPledge({ organisation: { name, sector: 'voluntary' }, contact: { name: 'Sam', email } }));
    assert.equal(sent.status, 202, JSON.stringify(sent.json));
    ids.push(sent.json.id);
    const link = linkIn(await smtp.next((m) => JSON.stringify(m.to).includes(email)));
    const token = new URL(link).searchParams.get('token')!;
    const confirmed = await fetch(`${t.url}/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    assert.equal(confirmed.status, 200);
  }

  it('tells a moderator how many pledges of their compacts wait, and since when', async () => {
    const southend = await signedIn('mod@southend.example');
    assert.match(await home(southend), /<a class="govuk-link" href="\/admin\/pledges">No pledges to review<\/a>/);

    await confirmedPledge('First Arrival Trust', 'first@arrival.example.org');
    now += 3 * 3_600_000;
    await confirmedPledge('Second Arrival Trust', 'second@arrival.example.org');
    const text = await home(southend);
    assert.match(text, />2 pledges to review<\/a>/);
    // 09:05 UTC on 1 December is 9:05am in London (GMT).
    assert.match(text, /The oldest arrived at 9:05am on Tuesday 1 December 2026\./);

    assert.doesNotMatch(text, /waiting for an answer/);

    // A question asked: that pledge waits for the organisation instead, and is counted apart.
    await southend.get(`/admin/pledges/${ids[0]}`);
    assert.equal((await southend.post(`/admin/pledges/${ids[0]}/ask`, { question: 'Who chairs the trust?' })).status, 303);
    const asked = await home(southend);
    assert.match(asked, />1 pledge to review<\/a>/);
    assert.match(asked, /The oldest arrived at 12:05pm on Tuesday 1 December 2026\./);
    assert.match(asked, /href="\/admin\/pledges\?view=waiting">1 pledge waiting for an answer to a question<\/a>/);

    const ceredigion = await home(await signedIn('mod@ceredigion.example'));
    assert.match(ceredigion, />No pledges to review<\/a>/, 'another compact’s moderator counts none of them');
    assert.doesNotMatch(ceredigion, /The oldest arrived/);
  });

  it('lists the sections the navigation offers each user, and no more', async () => {
    const editor = await home(await signedIn('editor@southend.example'));
    assert.doesNotMatch(editor, /to review/, 'an editor moderates nothing');
    assert.deepEqual(links(editor), ['/admin/signatories', '/admin/compacts', '/admin/account']);

    const admin = await home(await signedIn('admin@council.example'));
    assert.match(admin, />1 pledge to review<\/a>/, 'an admin of every compact counts them all');
    assert.match(admin, />1 pledge waiting for an answer to a question<\/a>/);
    assert.deepEqual(links(admin), ['/admin/pledges', '/admin/signatories', '/admin/compacts', '/admin/audit', '/admin/users', '/admin/people', '/admin/outbox', '/admin/account']);
  });
});

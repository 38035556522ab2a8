/**
 * What the admin says is waiting and held. The home page: what waits for a moderator comes first,
 * counted only in the compacts they moderate, and the sections listed are the navigation's, so each
 * user sees only what they may open. "A person's data": the contact details held, counted by what
 * happens to them next, for the data protection officer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { AdminClient, makeUser } from './helpers.js';
import { linkIn, startSmtp, type TestSmtp } from '../moderation/smtp.js';
import { REJECT_REASON_CODES } from '../../src/i18n/mail-messages.js';

describe('what the admin says is waiting and held', () => {
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

  it('shows the data protection officer what contact details are held, and when each kind goes', async () => {
    const admin = await signedIn('admin@council.example');
    // Of the two pledges above, one is waiting for an answer and one for review: both wait for a decision.
    const before = await admin.get('/admin/people');
    assert.equal(before.status, 200);
    const row = (text: string, what: RegExp) => {
      const found = [...text.matchAll(/<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header">([^<]*)<\/th>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].find((m) => what.test(m[1]));
      assert.ok(found, `a row for ${what}`);
      return { count: Number(found[2]), oldest: found[3], deleted: found[4] };
    };
    assert.deepEqual(row(before.text, /Waiting for a moderator/), { count: 2, oldest: '1 December 2026', deleted: 'Not until a moderator decides' });
    assert.equal(row(before.text, /Rejected or expired/).count, 0);
    assert.doesNotMatch(before.text, /first@arrival|Sam/, 'counts, never anyone’s details');

    now = Date.parse('2026-12-03T15:00:00Z');
    const later = await signedIn('admin@council.example'); // the first session has ended by now
    await later.get(`/admin/pledges/${ids[1]}`);
    const rejected = await later.post(`/admin/pledges/${ids[1]}/reject`, { reasonCode: REJECT_REASON_CODES[0]! });
    assert.equal(rejected.status, 303, rejected.text.slice(0, 500));
    const after = await later.get('/admin/people');
    assert.equal(row(after.text, /Waiting for a moderator/).count, 1);
    // RETENTION_DAYS is 90 by default: 90 days after 3 December 2026.
    assert.deepEqual(row(after.text, /Rejected or expired/), { count: 1, oldest: '1 December 2026', deleted: '90 days after the decision or expiry; the next on 3 March 2027' });
    assert.match(after.text, /Records of email sent or waiting to be sent: [1-9]\d*\./);
  });
});


/**
 * The review queue over HTTP, with a real SMTP server: the link's GET changes nothing, the reject
 * path with its reason, asking for more information and the answer through the link, CSRF, one
 * compact's moderator and another's pledges, expiry and limited resending, the CLI's approve.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { cli } from '../helpers/process.js';
import { buildFeed, pledgeDetails } from '../../src/index.js';
import { AdminClient, makeUser } from '../admin/helpers.js';
import { findPledge } from '../../src/db/pledges.js';
import { linkIn, startSmtp, type TestSmtp } from './smtp.js';
import { CONFIRM_MESSAGES } from '../../src/i18n/confirm-messages.js';
import { PLEDGE_MESSAGES } from '../../src/i18n/pledge-messages.js';
import { format, LOCALES, type Locale } from '../../src/i18n/locale.js';
import { MAX_ANSWER } from '../../src/domain/moderation.js';

const DAY = 86_400_000;

describe('moderating pledges', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  let moderator: AdminClient;
  const db = () => t.server.database.db;
  const mailTo = (address: string, subject: RegExp) => smtp.next((m) => JSON.stringify(m.to).includes(address) && subject.test(m.subject ?? ''));
  const confirmForm = async (link: string) => fetch(`${new URL(link).origin}/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: new URL(link).searchParams.get('token')! }) });

  before(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], clock, env: { SMTP_URL: smtp.url, CONFIRM_DAYS: '14', CONFIRM_SENDS: '2', SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'mod@southend.example', 'moderator', 'southend');
    await makeUser(t, 'mod@ceredigion.example', 'moderator', 'ceredigion');
    moderator = new AdminClient(t.url);
    assert.equal((await moderator.signIn('mod@southend.example')).status, 303);
  });
  after(async () => {
    await t.stop();
    await smtp.close();
  });

  it('a GET of the link (or HEAD) never confirms; the POST does, once', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Scanned Link Trust', sector: 'voluntary' }, contact: { name: 'Sam', email: 'sam@scanned.example.org' } }));
    assert.equal(sent.status, 202);
    assert.equal(sent.json.status, 'pending');
    const link = linkIn(await mailTo('sam@scanned.example.org', /^Confirm your pledge/));
    for (let i = 0; i < 3; i++) assert.equal((await fetch(link)).status, 200);
    assert.equal((await fetch(link, { method: 'HEAD' })).status, 200);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'unconfirmed');
    const page = await (await fetch(link)).text();
    assert.match(page, /<button[^>]*>\s*Confirm\s*<\/button>/);
    assert.match(page, /<form method="post" action="\/confirm">/);
    const confirmed = await confirmForm(link);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Pledge confirmed/);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'confirmed');
    assert.equal((await confirmForm(link)).status, 200);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'confirmed');
    // Nothing personal, and not the link's secret, in any log line.
    const logs = t.logs.join('');
    assert.doesNotMatch(logs, /sam@scanned|token=/);
  });

  it('a body the link’s page cannot read (another type, broken JSON, far too long) is answered in the confirmation’s words and language, and changes nothing', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Unreadable Form Trust', sector: 'voluntary' }, contact: { name: 'Uma', email: 'uma@unreadable.example.org' } }));
    const token = new URL(linkIn(await mailTo('uma@unreadable.example.org', /^Confirm your pledge/))).searchParams.get('token')!;
    const post = async (path: string, type: string, body: string, language = 'en') => {
      const answer = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': type, 'accept-language': language }, body });
      return { status: answer.status, type: answer.headers.get('content-type'), body: await answer.json() };
    };
    for (const [path, type, body, language, status, message] of [
      ['/confirm', 'text/xml', `<token>${token}</token>`, 'en', 415, 'formUnreadable'],
      ['/confirm', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="token"\r\n\r\n${token}\r\n--x--`, 'cy', 415, 'formUnreadable'],
      ['/confirm', 'application/json', `{"token":"${token}"`, 'gd', 400, 'formUnreadable'],
      ['/confirm/answer', 'text/xml', `<answer>${token}</answer>`, 'cy-GB, en;q=0.5', 415, 'formUnreadable'],
      ['/confirm', 'text/plain', `token=${token}`, 'gd', 415, 'formUnreadable'],
      ['/confirm/answer', 'application/x-www-form-urlencoded', new URLSearchParams({ token, answer: 'x'.repeat(70_000) }).toString(), 'gd', 413, 'formTooLong'],
    ] as const) {
      const answer = await post(path, type, body, language);
      const label = `${path} ${type} ${language}`;
      assert.equal(answer.status, status, label);
      assert.match(answer.type ?? '', /^application\/json/, label);
      assert.deepEqual(answer.body, { errors: [{ field: '', message: format(CONFIRM_MESSAGES[message], language.slice(0, 2) as Locale, { max: MAX_ANSWER }) }] }, label);
      assert.doesNotMatch(answer.body.errors[0].message, /pledge|addewid|gealladh|JSON/i, `${label}: not the pledge endpoint's words`);
    }
    // A Content-Encoding that cannot be read, or a body that is not what it says.
    for (const [encoding, status] of [['x-<evil>', 415], ['gzip', 400]] as const) {
      const answer = await fetch(`${t.url}/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': encoding, 'accept-language': 'cy' }, body: new URLSearchParams({ token }) });
      assert.equal(answer.status, status, encoding);
      assert.deepEqual(await answer.json(), { errors: [{ field: '', message: CONFIRM_MESSAGES.formUnreadable.cy }] }, encoding);
    }
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'unconfirmed');
    // The pledge endpoint keeps its own words.
    const pledge = await fetch(`${t.url}/api/compacts/southend/pledges`, { method: 'POST', headers: { 'content-type': 'text/xml', 'idempotency-key': 'unreadable-1' }, body: '<pledge/>' });
    assert.equal(pledge.status, 415);
    assert.equal((await pledge.json()).errors[0].message, PLEDGE_MESSAGES.notJsonType.en);
  });

  it('a stranger’s unconfirmed pledge keeps nobody out: the first confirmed holds the name, the others are closed as duplicates', async () => {
    const organisation = { name: 'Harbour Lights Trust', sector: 'voluntary', id: 'GB-CHC-5550001' };
    const stranger = await postPledge(t.url, validPledge({ locale: 'cy', organisation, contact: { name: 'X', email: 'someone@squat.example.net' } }));
    const clerk = await postPledge(t.url, validPledge({ organisation: { ...organisation, name: 'harbour lights trust' }, contact: { name: 'Jo', email: 'jo@harbour.example.org' } }));
    const phoned = await postPledge(t.url, validPledge({ organisation: { ...organisation, name: 'Another Name' }, contact: { name: 'Al', email: 'al@harbour.example.org' } }));
    assert.deepEqual([stranger.status, clerk.status, phoned.status], [202, 202, 202]);
    const strangerLink = linkIn(await mailTo('someone@squat.example.net', /^Cadarnhewch/));

    const confirmed = await confirmForm(linkIn(await mailTo('jo@harbour.example.org', /^Confirm/)));
    assert.match(await confirmed.text(), /Pledge confirmed/);
    assert.equal((await pledgeDetails(db(), clerk.json.id))?.status, 'confirmed');
    // Now the name is held: a new pledge is told so, and no second approval can be made.
    const again = await postPledge(t.url, validPledge({ organisation }));
    assert.equal(again.status, 409);
    assert.deepEqual(again.json, { id: clerk.json.id });
    await moderator.get(`/admin/pledges/${phoned.json.id}`);
    const approve = await moderator.post(`/admin/pledges/${phoned.json.id}/approve`, {});
    assert.equal(approve.status, 422);
    assert.match(approve.text, new RegExp(`Another pledge from this organisation is waiting or approved \\(${clerk.json.id}\\)`));
    assert.equal((await pledgeDetails(db(), phoned.json.id))?.status, 'unconfirmed');

    // The stranger confirms later: their pledge is closed, and the page says so in its language.
    const closed = await confirmForm(strangerLink);
    assert.equal(closed.status, 200);
    const page = await closed.text();
    assert.match(page, /<html lang="cy"/);
    assert.match(page, /Mae Harbour Lights Trust eisoes wedi addo/);
    const details = await pledgeDetails(db(), stranger.json.id);
    assert.equal(details?.status, 'rejected');
    assert.equal(details?.reasonCode, 'duplicate');
    assert.equal(details?.decidedBy, 'system');
    // Pressing Confirm again, or opening the link, shows the same page and changes nothing.
    assert.match(await (await confirmForm(strangerLink)).text(), /eisoes wedi addo/);
    assert.match(await (await fetch(strangerLink)).text(), /eisoes wedi addo/);
    const entry = await db().selectFrom('audit_log').selectAll().where('subject_id', '=', stranger.json.id).where('action', '=', 'pledge.duplicate').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(entry.after!).heldBy, clerk.json.id);
    // Nothing is emailed about it: the person has just read the answer.
    const kinds = await db().selectFrom('email_messages').select('kind').where('pledge_id', '=', stranger.json.id).execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['confirm']);
    assert.equal((await pledgeDetails(db(), clerk.json.id))?.status, 'confirmed');
  });

  it('six pledges for one organisation confirmed at the same moment: one holds the name, five are closed', async () => {
    const organisation = { name: 'Simultaneous Society', sector: 'voluntary' };
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await postPledge(t.url, validPledge({ organisation, contact: { name: 'S', email: `s${i}@simultaneous.example.org` } })));
    const links = await Promise.all(sent.map((_, i) => mailTo(`s${i}@simultaneous.example.org`, /^Confirm/).then(linkIn)));
    const pages = await Promise.all(links.map(async (link) => (await confirmForm(link)).text()));
    assert.equal(pages.filter((p) => /Pledge confirmed/.test(p)).length, 1);
    assert.equal(pages.filter((p) => /Simultaneous Society has already pledged/.test(p)).length, 5);
    const statuses = await Promise.all(sent.map(async (s) => (await pledgeDetails(db(), s.json.id))?.status));
    assert.deepEqual(statuses.filter((s) => s === 'confirmed').length, 1);
    assert.deepEqual(statuses.filter((s) => s === 'rejected').length, 5);
  });

  it('two unconfirmed pledges for one organisation approved at the same moment: one is approved, the other refused', async () => {
    const organisation = { name: 'Double Phoned Group', sector: 'voluntary' };
    const a = await postPledge(t.url, validPledge({ organisation, contact: { name: 'A', email: 'a@double.example.org' } }));
    const b = await postPledge(t.url, validPledge({ organisation, contact: { name: 'B', email: 'b@double.example.org' } }));
    await moderator.get(`/admin/pledges/${a.json.id}`);
    const answers = await Promise.all([a, b].map((p) => moderator.post(`/admin/pledges/${p.json.id}/approve`, {})));
    assert.deepEqual(answers.map((r) => r.status).sort(), [303, 422]);
    // A refusal about the pledge itself is shown under the heading, not at a box it has nothing to do with.
    const refused = answers.find((r) => r.status === 422)!;
    assert.match(refused.text, /<a href="#decision">/);
    assert.match(refused.text, /<p class="govuk-error-message" id="decision">/);
    assert.doesNotMatch(refused.text, /id="publicName-error"/);
    const statuses = await Promise.all([a, b].map(async (p) => (await pledgeDetails(db(), p.json.id))?.status));
    assert.deepEqual(statuses.sort(), ['approved', 'unconfirmed']);
  });

  it('rejects with a listed reason and free text; the organisation is told in its language', async () => {
    const sent = await postPledge(t.url, validPledge({ locale: 'cy', organisation: { name: 'Elusen Ffug', sector: 'voluntary', id: 'GB-CHC-12' }, contact: { name: 'Dai', email: 'dai@ffug.example.org' } }));
    const link = linkIn(await mailTo('dai@ffug.example.org', /^Cadarnhewch/));
    // The link names the pledge's language: a link that no longer works (replaced by a newer one,
    // or its pledge purged) still says so in Welsh.
    assert.equal(new URL(link).searchParams.get('lang'), 'cy');
    const stale = new URL(link);
    stale.searchParams.set('token', 'replaced-by-a-newer-link');
    const unknown = await fetch(stale);
    assert.equal(unknown.status, 404);
    const unknownPage = await unknown.text();
    assert.match(unknownPage, /<html lang="cy"/);
    assert.match(unknownPage, /Nid yw’r ddolen hon yn gweithio/);
    await confirmForm(link);
    const queue = await moderator.get('/admin/pledges');
    assert.match(queue.text, /Elusen Ffug/);
    const review = await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.match(review.text, /Wrong format/);
    const noReason = await moderator.post(`/admin/pledges/${sent.json.id}/reject`, { reason: '' });
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /<a href="#reasonCode">Choose the reason/);
    // Each refused value is reported at its own box, the one to put right (WCAG 3.3.1).
    const otherWithoutText = await moderator.post(`/admin/pledges/${sent.json.id}/reject`, { reasonCode: 'other', reason: ' ' });
    assert.equal(otherWithoutText.status, 422);
    assert.match(otherWithoutText.text, /<a href="#reason">Enter the reason for rejecting the pledge/);
    assert.match(otherWithoutText.text, /<p id="reason-error" class="govuk-error-message">/);
    assert.doesNotMatch(otherWithoutText.text, /--reason/);
    const longText = await moderator.post(`/admin/pledges/${sent.json.id}/approve`, { publicName: 'Elusen Ffug', pledgeText: 'x'.repeat(5000) });
    assert.equal(longText.status, 422);
    assert.match(longText.text, /<a href="#pledgeText">The pledge text must be/);
    assert.match(longText.text, /<p id="pledgeText-error" class="govuk-error-message">/);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'confirmed');
    const rejected = await moderator.post(`/admin/pledges/${sent.json.id}/reject`, { reasonCode: 'not-found', reason: 'GB-CHC-12 is not a charity number.' });
    assert.equal(rejected.status, 303);
    const details = await pledgeDetails(db(), sent.json.id);
    assert.equal(details?.status, 'rejected');
    assert.equal(details?.reasonCode, 'not-found');
    assert.equal(details?.reason, 'GB-CHC-12 is not a charity number.');
    assert.match(String(details?.decidedBy), /^user:/);
    const mail = await mailTo('dai@ffug.example.org', /^Eich addewid/);
    assert.match(mail.text ?? '', /Rheswm: Ni allem ddod o hyd i’r sefydliad/);
    assert.match(mail.text ?? '', /GB-CHC-12 is not a charity number\./);
    const entry = (await db().selectFrom('audit_log').selectAll().where('subject_id', '=', sent.json.id).where('action', '=', 'pledge.reject').executeTakeFirstOrThrow());
    assert.equal(entry.actor_label, 'mod@southend.example');
    assert.deepEqual(JSON.parse(entry.after!), { status: 'rejected', reasonCode: 'not-found', reason: 'GB-CHC-12 is not a charity number.' });
    assert.equal(JSON.parse(entry.before!).status, 'confirmed');
    assert.doesNotMatch(`${entry.before}${entry.after}`, /dai@|Dai/);
  });

  it('asks for more information; the organisation answers through its link and the pledge returns to the queue', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Questioned Group', sector: 'voluntary' }, contact: { name: 'Kim', email: 'kim@questioned.example.org' } }));
    await confirmForm(linkIn(await mailTo('kim@questioned.example.org', /^Confirm/)));
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/ask`, { question: 'Who chairs the group?' })).status, 303);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'info_requested');
    const mail = await mailTo('kim@questioned.example.org', /^A question about/);
    assert.match(mail.text ?? '', /Who chairs the group\?/);
    const link = linkIn(mail);
    const page = await (await fetch(link)).text();
    assert.match(page, /Who chairs the group\?/);
    const token = new URL(link).searchParams.get('token')!;
    const empty = await fetch(`${t.url}/confirm/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, answer: '' }) });
    assert.equal(empty.status, 422);
    const answered = await fetch(`${t.url}/confirm/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, answer: 'Our chair is Jo.' }) });
    assert.equal(answered.status, 200);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'confirmed');
    assert.match((await moderator.get(`/admin/pledges/${sent.json.id}`)).text, /Our chair is Jo\./);
    // Approving with a corrected name publishes the correction.
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/approve`, { publicName: 'The Questioned Group', pledgeText: '' })).status, 303);
    // What every published form of the feed is made from (the route's cache revalidates each second).
    const built = await buildFeed(db(), 'southend', { publicUrl: t.url });
    const listed = (built!.feed.signatories as { name: string; pledge?: string }[]).find((s) => s.name === 'The Questioned Group');
    assert.ok(listed, 'the corrected name is published');
    assert.equal(listed.pledge, undefined);
  });

  it('refuses an answer over MAX_ANSWER characters with a message naming that limit, in the pledge’s language', async () => {
    // The messages take the limit from the check's constant: a number written in them would drift.
    for (const id of ['answerLong', 'formTooLong'] as const) {
      for (const lang of LOCALES) {
        assert.match(CONFIRM_MESSAGES[id][lang], /\{max\}/, `${id} ${lang}`);
        assert.doesNotMatch(CONFIRM_MESSAGES[id][lang], /\d/, `${id} ${lang}: no number of its own`);
      }
    }
    const sent = await postPledge(t.url, validPledge({ locale: 'gd', organisation: { name: 'Long Answer Club', sector: 'voluntary' }, contact: { name: 'Lou', email: 'lou@long.example.org' } }));
    const confirmation = await mailTo('lou@long.example.org', /./);
    await confirmForm(linkIn(confirmation));
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/ask`, { question: 'Tell us everything.' })).status, 303);
    // The question's own email: its link replaces the confirmation's once it has gone, so the
    // confirmation's token worked only until then (the test passed or failed on the mail's timing).
    const question = await smtp.next((m) => JSON.stringify(m.to).includes('lou@long.example.org') && m !== confirmation);
    const token = new URL(linkIn(question)).searchParams.get('token')!;
    const answer = (text: string) => fetch(`${t.url}/confirm/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, answer: text }) });
    const long = await answer('ŵ'.repeat(MAX_ANSWER + 1));
    assert.equal(long.status, 422);
    const page = await long.text();
    assert.ok(page.includes(format(CONFIRM_MESSAGES.answerLong, 'gd', { max: MAX_ANSWER })), 'the message, in Gaelic');
    assert.ok(page.includes(`${MAX_ANSWER} caractar`), 'naming the limit the answer is checked against');
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'info_requested');
    // The limit itself is taken, counted in characters.
    assert.equal((await answer('ŵ'.repeat(MAX_ANSWER))).status, 200);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'confirmed');
  });

  it('keeps an answer with control characters (a NUL) as text: never a 500, nothing PostgreSQL cannot store', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Control Character Club', sector: 'voluntary' }, contact: { name: 'Vic', email: 'vic@control.example.org' } }));
    await confirmForm(linkIn(await mailTo('vic@control.example.org', /^Confirm/)));
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/ask`, { question: 'Who chairs the club?' })).status, 303);
    const token = new URL(linkIn(await mailTo('vic@control.example.org', /^A question about/))).searchParams.get('token')!;
    const answered = await fetch(`${t.url}/confirm/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, answer: 'Jo\u0000chairs\u0007 it.\r\nSince 2019.' }) });
    assert.equal(answered.status, 200);
    assert.equal((await findPledge(db(), sent.json.id))?.status, 'confirmed');
    assert.equal((await findPledge(db(), sent.json.id))?.info_answer, 'Jo chairs  it.\nSince 2019.');
    // The staff's own text is cleaned the same way: a question, a name to publish, a pledge text.
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/ask`, { question: 'And\u0000 since when?' })).status, 303);
    assert.equal((await findPledge(db(), sent.json.id))?.info_question, 'And  since when?');
    const approved = await moderator.post(`/admin/pledges/${sent.json.id}/approve`, { publicName: 'Control\u0000 Character Club', pledgeText: 'We\u0000 will.' });
    assert.equal(approved.status, 303);
    const built = await buildFeed(db(), 'southend', { publicUrl: t.url });
    const listed = (built!.feed.signatories as { name: string; pledge?: string }[]).find((s) => s.name === 'Control Character Club');
    assert.ok(listed, 'published under the cleaned name');
    assert.equal(listed.pledge, 'We  will.');
  });

  it('refuses a POST without the CSRF token, or with another session’s', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Forged Form Society', sector: 'voluntary' }, contact: { name: 'Lee', email: 'lee@forged.example.org' } }));
    const without = await moderator.post(`/admin/pledges/${sent.json.id}/approve`, {}, { csrf: null });
    assert.equal(without.status, 403);
    const wrong = await moderator.post(`/admin/pledges/${sent.json.id}/approve`, {}, { csrf: 'x'.repeat(43) });
    assert.equal(wrong.status, 403);
    const other = new AdminClient(t.url);
    await other.signIn('mod@ceredigion.example');
    const stolen = await moderator.post(`/admin/pledges/${sent.json.id}/approve`, {}, { csrf: other.csrf });
    assert.equal(stolen.status, 403);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'unconfirmed');
  });

  it('a moderator of one compact cannot see or decide another compact’s pledges', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Southend Only Club', sector: 'voluntary' }, contact: { name: 'Ash', email: 'ash@only.example.org' } }));
    const other = new AdminClient(t.url);
    await other.signIn('mod@ceredigion.example');
    for (const view of ['review', 'waiting', 'unconfirmed', 'decided']) assert.doesNotMatch((await other.get(`/admin/pledges?view=${view}`)).text, /Southend Only Club|Leigh Community/);
    assert.equal((await other.get(`/admin/pledges/${sent.json.id}`)).status, 404);
    await other.get('/admin/pledges');
    assert.equal((await other.post(`/admin/pledges/${sent.json.id}/approve`, {})).status, 404);
    assert.equal((await other.post(`/admin/pledges/${sent.json.id}/reject`, { reasonCode: 'other', reason: 'x' })).status, 404);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'unconfirmed');
    assert.match((await moderator.get('/admin/pledges?view=unconfirmed')).text, /Southend Only Club/);
  });

  it('resends the link a limited number of times; an unconfirmed pledge expires after CONFIRM_DAYS', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Slow Readers Circle', sector: 'voluntary' }, contact: { name: 'Pat', email: 'pat@slow.example.org' } }));
    const first = linkIn(await mailTo('pat@slow.example.org', /^Confirm/));
    await moderator.get(`/admin/pledges/${sent.json.id}`);
    assert.equal((await moderator.post(`/admin/pledges/${sent.json.id}/resend`, {})).status, 303);
    await smtp.next((m) => JSON.stringify(m.to).includes('pat@slow.example.org') && linkIn(m) !== first);
    const refused = await moderator.post(`/admin/pledges/${sent.json.id}/resend`, {});
    assert.equal(refused.status, 422);
    assert.match(refused.text, /sent 2 times, the most allowed/);
    // The first link was replaced by the second.
    assert.equal((await fetch(first)).status, 404);
    const second = smtp.messages.filter((m) => JSON.stringify(m.to).includes('pat@slow.example.org')).map(linkIn).find((l) => l !== first)!;
    now += 15 * DAY;
    await t.server.app.retention.run();
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'expired');
    assert.match(await (await fetch(second)).text(), /This link has expired/);
    await confirmForm(second);
    assert.equal((await pledgeDetails(db(), sent.json.id))?.status, 'expired');
    now -= 15 * DAY;
  });

  it('the command line approves any undecided pledge (an officer confirmed by phone), audit-logged', async () => {
    const sent = await postPledge(t.url, validPledge({ organisation: { name: 'Phone Confirmed Trust', sector: 'voluntary' }, contact: { name: 'Ray', email: 'ray@phone.example.org' } }));
    const result = cli(['pledges', 'approve', sent.json.id], { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' });
    assert.equal(result.status, 0, result.stderr);
    const entry = await db().selectFrom('audit_log').selectAll().where('subject_id', '=', sent.json.id).where('action', '=', 'pledge.approve').executeTakeFirstOrThrow();
    assert.match(entry.actor, /^cli:/);
    assert.equal(JSON.parse(entry.before!).status, 'unconfirmed');
    // The running server sends the approval email the command line queued.
    const mail = await mailTo('ray@phone.example.org', /has signed/);
    assert.match(mail.text ?? '', /<compact-pledge-badge src=".*\/feeds\/southend\.json" signatory="phone-confirmed-trust"><\/compact-pledge-badge>/);
  });
});

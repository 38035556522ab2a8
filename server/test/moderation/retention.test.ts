/**
 * Data protection: the retention purge (contact details of rejected, expired and withdrawn pledges
 * deleted after RETENTION_DAYS, logged without the data, idempotent), the append-only audit log
 * (the database refuses UPDATE and DELETE), its CSV (formula-safe), a person's export (everything
 * held about them, staff named by what they are) and erasure.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { approvePledge, rejectPledge } from '../../src/index.js';
import { simpleParser } from 'mailparser';
import { answerByLink, confirmByLink, withdrawSignatory } from '../../src/domain/moderation.js';
import { csvCell } from '../../src/domain/audit.js';
import { outboxDir } from '../../src/mail/transport.js';
import { AdminClient, makeUser } from '../admin/helpers.js';
import { linkIn } from './smtp.js';

const DAY = 86_400_000;

describe('retention, the audit log and a person’s data', () => {
  let t: TestServer;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  const db = () => t.server.database.db;
  const officer = { by: 'test', clock };
  const contact = async (id: string) => db().selectFrom('pledge_contacts').selectAll().where('pledge_id', '=', id).executeTakeFirst();
  /** Paths of the outbox files of a pledge's mail (the server writes mail there without SMTP_URL). */
  const outboxFilesOf = async (pledgeId: string) =>
    (await db().selectFrom('email_messages').select('file').where('pledge_id', '=', pledgeId).execute()).flatMap((e) => (e.file ? [join(outboxDir(t.config.dataDir), e.file)] : []));
  /**
   * A pledge, and its confirmation email sent (to the outbox) before the test decides it: the server
   * sends it soon after the answer, and a confirmation still queued when the pledge is decided is
   * dropped, so without the wait the number of outbox files would depend on which came first.
   */
  const pledge = async (name: string, email: string) => {
    const { id } = (await postPledge(t.url, validPledge({ organisation: { name, sector: 'voluntary' }, contact: { name: `${name} Contact`, email } }))).json;
    await t.server.app.mail.kick();
    return id as string;
  };

  before(async () => {
    t = await startTestServer({ feeds: ['southend'], clock, env: { RETENTION_DAYS: '90', CONFIRM_DAYS: '14', SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'admin@council.example', 'admin');
  });
  after(() => t.stop());

  it('deletes expired contact details after the retention, records it without the data, and does it once', async () => {
    const rejected = await pledge('Rejected Org', 'rejected@org.example');
    await rejectPledge(db(), rejected, 'Not a real organisation', officer);
    const approved = await pledge('Approved Org', 'approved@org.example');
    await approvePledge(db(), approved, officer);
    const withdrawn = await pledge('Withdrawn Org', 'withdrawn@org.example');
    const { signatoryId } = await approvePledge(db(), withdrawn, officer);
    const unconfirmed = await pledge('Never Confirmed Org', 'never@org.example');
    now += 5 * DAY;
    await withdrawSignatory(db(), 'southend', signatoryId, { id: 'test', label: 'test' }, clock);

    now += 60 * DAY; // day 65: the unconfirmed one has expired, nothing is old enough to purge
    assert.deepEqual(await t.server.app.retention.run(), { expired: 1, purged: 0 });
    for (const id of [rejected, approved, withdrawn, unconfirmed]) assert.ok(await contact(id), id);

    now += 30 * DAY; // day 95: the rejected one is past 90 days; the withdrawal (day 5) is at 90 days, not past
    assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 1 });
    assert.equal(await contact(rejected), undefined);
    assert.equal((await db().selectFrom('pledges').select('champion').where('id', '=', rejected).executeTakeFirstOrThrow()).champion, null);

    now += 20 * DAY; // day 115: the withdrawn signatory's (left on day 5) and the expired one's (day 14+)
    const copies = [...(await outboxFilesOf(unconfirmed)), ...(await outboxFilesOf(withdrawn))];
    assert.ok(copies.length >= 2 && copies.every((file) => existsSync(file)), 'their mail is in the outbox');
    const kept = await outboxFilesOf(approved);
    assert.equal(kept.length, 2, 'its confirmation and its approval');
    assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 2 });
    assert.equal(await contact(withdrawn), undefined);
    assert.equal(await contact(unconfirmed), undefined);
    assert.equal((await db().selectFrom('email_messages').select('id').where('pledge_id', '=', unconfirmed).execute()).length, 0);
    assert.deepEqual(copies.filter((file) => existsSync(file)), [], 'the outbox copies went with the records');
    assert.ok(await contact(approved), 'an active signatory keeps its contact');
    assert.ok(kept.every((file) => existsSync(file)), 'an active signatory’s copies stay');

    // Idempotent: nothing is left to do, and nothing more is logged.
    const entries = async () => (await db().selectFrom('audit_log').selectAll().where('action', '=', 'retention.purge').execute());
    assert.equal((await entries()).length, 3);
    assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 0 });
    assert.equal((await entries()).length, 3);
    const logged = JSON.stringify(await entries());
    assert.match(logged, /contactDetailsDeleted/);
    for (const personal of ['rejected@org.example', 'withdrawn@org.example', 'never@org.example', 'Contact', 'Sam Patel']) assert.doesNotMatch(logged, new RegExp(personal));
    assert.deepEqual((await entries()).map((e) => e.actor).sort(), ['system', 'system', 'system']);
  });

  it('refuses UPDATE and DELETE of audit entries in the database itself', async () => {
    const before = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(before.n) > 0);
    await assert.rejects(sql`update audit_log set action = 'nothing happened'`.execute(db()), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(db()), /append-only/);
    if (t.server.database.dialect === 'postgres') await assert.rejects(sql`truncate audit_log`.execute(db()), /append-only/);
    const afterwards = await db().selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterwards.n), Number(before.n));
    assert.equal((await db().selectFrom('audit_log').select('id').where('action', '=', 'nothing happened').execute()).length, 0);
  });

  it('serves the audit log as formula-safe CSV to admins, and logs the export', async () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const risky of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(risky).replace(/^"/, '').startsWith("'"), risky);
    assert.equal(csvCell('plain'), 'plain');
    await makeUser(t, '=cmd@evil.example', 'editor', 'southend');
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    const csv = await admin.get('/admin/audit.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment/);
    assert.match(csv.text, /'=cmd@evil\.example/);
    assert.doesNotMatch(csv.text, /(^|,)=cmd/m);
    const exported = await db().selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').execute();
    assert.equal(exported.length, 1);
    assert.equal(exported[0].actor_label, 'admin@council.example');
  });

  it('exports everything about a person as JSON and erases it, from the admin, without the address in a URL or the log', async () => {
    // Typed with capitals: the contact, its mail and the mail's outbox copy are all found by the address.
    const id = await pledge('Subject Access Society', 'Subject@Access.example');
    await t.server.app.mail.kick();
    const copies = await outboxFilesOf(id);
    assert.equal(copies.length, 1);
    assert.ok(existsSync(copies[0]!));
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    await admin.get('/admin/people');
    const found = await admin.post('/admin/people', { email: 'SUBJECT@access.example' });
    assert.match(found.text, /1 pledge contact/);
    const exported = await admin.post('/admin/people/export', { email: 'subject@access.example' });
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment; filename="personal-data-/);
    const data = JSON.parse(exported.text);
    assert.equal(data.pledges[0].pledgeId, id);
    assert.deepEqual(data.pledges[0].contact, { name: 'Subject Access Society Contact', email: 'Subject@Access.example' });
    assert.deepEqual(data.emails.map((e: { kind: string }) => e.kind), ['confirm']);
    assert.equal(data.pledges[0].champion.name, 'Sam Patel');
    const notSure = await admin.post('/admin/people/erase', { email: 'subject@access.example' });
    assert.equal(notSure.status, 422);
    assert.ok(await contact(id));
    const erased = await admin.post('/admin/people/erase', { email: 'subject@access.example', sure: 'yes' });
    assert.equal(erased.status, 200);
    assert.match(erased.text, /1 email record deleted/);
    assert.equal(await contact(id), undefined);
    assert.equal((await db().selectFrom('email_messages').select('id').where('pledge_id', '=', id).execute()).length, 0);
    assert.equal(existsSync(copies[0]!), false, 'the outbox copy is gone too');
    assert.match((await admin.post('/admin/people', { email: 'subject@access.example' })).text, /0 pledge contacts/);
    const entries = await db().selectFrom('audit_log').selectAll().where('action', 'in', ['person.export', 'person.erase']).execute();
    assert.deepEqual(entries.map((e) => e.action).sort(), ['person.erase', 'person.export']);
    assert.doesNotMatch(JSON.stringify(entries), /subject@access/i);
    assert.doesNotMatch(t.logs.join(''), /subject@access/i);
  });

  it('exports everything held about a contact: the pledge text, consent, question and answer, decision and reason, and the audit entries, with staff as labels', async () => {
    const moderatorEmail = 'asker@council.example';
    await makeUser(t, moderatorEmail, 'moderator', 'southend');
    /** The secret of the link in the pledge's latest email of `kind`, from its outbox copy. */
    const tokenOf = async (pledgeId: string, kind: string) => {
      await t.server.app.mail.kick();
      const row = await db().selectFrom('email_messages').select('file').where('pledge_id', '=', pledgeId).where('kind', '=', kind).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      return new URL(linkIn(await simpleParser(readFileSync(join(outboxDir(t.config.dataDir), row.file!))))).searchParams.get('token')!;
    };
    const id = await pledge('Question Time Trust', 'asked@question.example');
    await confirmByLink(db(), await tokenOf(id, 'confirm'), clock);
    const moderator = new AdminClient(t.url);
    await moderator.signIn(moderatorEmail);
    await moderator.get(`/admin/pledges/${id}`);
    assert.equal((await moderator.post(`/admin/pledges/${id}/ask`, { question: 'Who chairs your trustees?' })).status, 303);
    await answerByLink(db(), await tokenOf(id, 'info'), 'Our chair is Jo Bloggs.', clock);
    await moderator.get(`/admin/pledges/${id}`);
    assert.equal((await moderator.post(`/admin/pledges/${id}/reject`, { reasonCode: 'not-eligible', reason: 'A business, not a voluntary group.' })).status, 303);

    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    await admin.get('/admin/people');
    await admin.post('/admin/people/export', { email: 'asked@question.example' });
    const data = JSON.parse((await admin.post('/admin/people/export', { email: 'asked@question.example' })).text);
    assert.ok(Array.isArray(data.notes) && data.notes.length > 0, 'it says what it holds and how staff are named');
    const [p] = data.pledges;
    assert.equal(p.pledgeId, id);
    assert.equal(p.pledgeText, 'We will share what we hear from families with the council.');
    assert.deepEqual(p.consent, { publishTheOrganisationsName: true, contactAboutTheCompact: true });
    assert.equal(p.confirmation.linksSent, 1);
    assert.ok(p.confirmation.confirmedAt);
    assert.equal(p.questionFromModerator, 'Who chairs your trustees?');
    assert.equal(p.answerToQuestion, 'Our chair is Jo Bloggs.');
    assert.deepEqual(p.decision, { outcome: 'rejected', decidedAt: clock().toISOString(), decidedBy: 'a member of the council’s staff', reasonCode: 'not-eligible', reason: 'A business, not a voluntary group.' });
    assert.deepEqual(
      p.history.map((h: { action: string; by: string }) => [h.action, h.by]),
      [
        ['pledge.confirm', 'the organisation’s contact (through the emailed link)'],
        ['pledge.info.ask', 'a member of the council’s staff'],
        ['pledge.info.answer', 'the organisation’s contact (through the emailed link)'],
        ['pledge.reject', 'a member of the council’s staff'],
      ],
    );
    assert.equal(p.history[1].details.after.question, 'Who chairs your trustees?');
    assert.equal(p.history[3].details.after.reason, 'A business, not a voluntary group.');
    assert.ok(p.history.every((h: { what: string; action: string }) => h.what !== h.action), 'each entry in words');
    assert.deepEqual(data.emails.map((e: { kind: string }) => e.kind), ['confirm', 'info', 'rejected']);
    assert.ok(data.emails.every((e: { outboxCopy?: string }) => e.outboxCopy?.endsWith('.eml')));
    // The first export is in the second: the audit log's entries about the address itself.
    assert.deepEqual(data.requestsAboutThisAddress.map((r: { action: string; by: string }) => [r.action, r.by]), [['person.export', 'a member of the council’s staff']]);
    // Staff are other people: neither the moderator's nor the admin's address is in it.
    assert.doesNotMatch(JSON.stringify(data), /asker@council|admin@council|user:/);

    // The moderator's own request: their account, its history and what they did, no one else's data.
    assert.equal((await new AdminClient(t.url).signIn(moderatorEmail, 'not the password')).status, 422);
    const staff = JSON.parse((await admin.post('/admin/people/export', { email: moderatorEmail })).text);
    assert.deepEqual(staff.pledges, []);
    const account = staff.staffAccount;
    assert.deepEqual(account.roles, [{ role: 'moderator', compact: 'southend' }]);
    assert.equal(account.sessions.length, 1);
    assert.equal(account.failedSignInsInARow, 1);
    assert.equal(account.setPasswordLinks.length, 1);
    assert.ok(account.setPasswordLinks[0].usedAt);
    assert.deepEqual(
      account.history.map((h: { action: string; by: string }) => [h.action, h.by]),
      [
        ['user.add', 'a member of the council’s staff'],
        ['user.password.set', 'you'],
        ['signin', 'you'],
        ['signin.failed', 'whoever tried to sign in with this address'],
      ],
    );
    assert.deepEqual(
      account.actionsTaken.map((a: { action: string; about?: unknown }) => [a.action, a.about]),
      [
        ['pledge.info.ask', { type: 'pledge', id }],
        ['pledge.reject', { type: 'pledge', id }],
      ],
    );
    const text = JSON.stringify(staff);
    assert.doesNotMatch(text, /asked@question|Question Time|Jo Bloggs|scrypt|totp_secret/i, 'not the data of the pledges they decided, nor their credentials');
  });
});

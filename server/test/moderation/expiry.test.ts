/**
 * Every unconfirmed pledge expires, whether or not its confirmation email ever went: one that was
 * never written (the sender gave up before it could, or never got to it) counts from when the
 * pledge arrived, so its contact's name and address are not kept for ever. A frozen clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { validPledge } from '../helpers/http.js';
import { submitPledge } from '../../src/index.js';
import { MailDispatcher, MAX_ATTEMPTS } from '../../src/mail/dispatch.js';
import type { MailTransport, OutgoingMail } from '../../src/mail/transport.js';
import { resendConfirmation } from '../../src/domain/moderation.js';
import { hashSecret } from '../../src/domain/secrets.js';
import { AdminClient, makeUser } from '../admin/helpers.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

describe('the expiry of unconfirmed pledges', () => {
  let t: TestServer;
  let now = Date.parse('2027-03-01T09:00:00Z');
  const clock = () => new Date(now);
  const db = () => t.server.database.db;
  const pledgeRow = (id: string) => db().selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const contact = (id: string) => db().selectFrom('pledge_contacts').selectAll().where('pledge_id', '=', id).executeTakeFirst();
  const emailOf = (id: string) => db().selectFrom('email_messages').selectAll().where('pledge_id', '=', id).executeTakeFirstOrThrow();
  /** Straight into the service, not over HTTP: no request, so nothing kicks the server's own sender. */
  const receive = async (name: string) => {
    const body = validPledge({ organisation: { name, sector: 'voluntary' }, contact: { name: `${name} Contact`, email: `${name.replace(/\W/g, '').toLowerCase()}@org.example` } });
    const answer = await submitPledge(db(), { compactId: 'southend', idempotencyKey: randomUUID(), rawBody: JSON.stringify(body), body, clock });
    assert.equal(answer.status, 202);
    return (answer.body as { id: string }).id;
  };

  const settings = { publicUrl: 'http://compact.example', from: 'compact@test.example', confirmDays: 14 };
  const refusing: MailTransport = { send: () => Promise.reject(new Error('451 try again later')), discard: () => undefined, close: () => undefined };
  const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

  before(async () => {
    t = await startTestServer({ feeds: ['southend'], clock, env: { CONFIRM_DAYS: '14', RETENTION_DAYS: '90' } });
    // The server's sender is stopped, so that only what each test does sends (or fails to send) mail.
    await t.server.app.mail.stop();
  });
  after(() => t.stop());

  it('expires a pledge whose link never went out CONFIRM_DAYS after it arrived, and purges its contact later', async () => {
    const received = now;
    const neverSent = await receive('Never Sent Trust');
    const gaveUp = await receive('Gave Up Trust');
    // What the sender leaves when every attempt failed before the message was written (the
    // database unreachable each time): failed, with no link and no date on the pledge.
    await db().updateTable('email_messages').set({ status: 'failed', attempts: MAX_ATTEMPTS }).where('pledge_id', '=', gaveUp).execute();
    for (const id of [neverSent, gaveUp]) assert.equal((await pledgeRow(id)).confirm_by, null);
    assert.equal((await emailOf(neverSent)).status, 'queued');
    // The moderator is told when it will expire, though no link has a deadline.
    await makeUser(t, 'mod@expiry.example', 'moderator', 'southend');
    const moderator = new AdminClient(t.url);
    assert.equal((await moderator.signIn('mod@expiry.example')).status, 303);
    assert.match((await moderator.get(`/admin/pledges/${gaveUp}`)).text, new RegExp(`no confirmation link has gone yet \\(see Email below\\): it expires ${new Date(received + 14 * DAY).toISOString()} unless one does`));

    now = received + 14 * DAY - MINUTE;
    assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 0 });

    now = received + 14 * DAY + MINUTE;
    assert.deepEqual(await t.server.app.retention.run(), { expired: 2, purged: 0 });
    for (const id of [neverSent, gaveUp]) {
      const row = await pledgeRow(id);
      assert.equal(row.status, 'expired');
      assert.equal(row.decided_at, new Date(received + 14 * DAY).toISOString(), 'it expired when its time ran out, not when the job noticed');
      assert.ok(await contact(id), 'kept until the retention has passed');
    }
    const logged = await db().selectFrom('audit_log').select('subject_id').where('action', '=', 'pledge.expire').execute();
    assert.deepEqual(logged.map((e) => e.subject_id).sort(), [neverSent, gaveUp].sort());

    now = received + (14 + 90) * DAY + MINUTE;
    assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 2 });
    for (const id of [neverSent, gaveUp]) {
      assert.equal(await contact(id), undefined, 'the name and address are gone');
      assert.equal((await db().selectFrom('email_messages').select('id').where('pledge_id', '=', id).execute()).length, 0);
    }
  });

  it('expires a pledge whose every send was refused by the mail server CONFIRM_DAYS after it arrived', async () => {
    const received = now;
    const id = await receive('Refused Mail Trust');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 10 * MINUTE;
      // A new sender each time: its back-off (kept in memory) has passed.
      await new MailDispatcher(db(), refusing, settings, clock).kick();
    }
    assert.equal((await emailOf(id)).status, 'failed');
    assert.equal((await pledgeRow(id)).confirm_by, null, 'no link went, so none has a deadline');

    now = received + 14 * DAY - MINUTE;
    await t.server.app.retention.run();
    assert.equal((await pledgeRow(id)).status, 'unconfirmed');
    now = received + 14 * DAY + MINUTE;
    await t.server.app.retention.run();
    const row = await pledgeRow(id);
    assert.equal(row.status, 'expired');
    assert.equal(row.decided_at, new Date(received + 14 * DAY).toISOString());
  });

  it('a resend the mail server refuses leaves the link the person already has working', async () => {
    const id = await receive('Working Link Trust');
    const sent: OutgoingMail[] = [];
    const delivering: MailTransport = { send: async (mail) => (sent.push(mail), null), discard: () => undefined, close: () => undefined };
    await new MailDispatcher(db(), delivering, settings, clock).kick();
    const first = tokenIn(sent[0]!.text);
    const delivered = await pledgeRow(id);
    assert.equal(delivered.link_hash, hashSecret(first));

    now += DAY;
    await resendConfirmation(db(), id, 3, { id: 'test', label: 'test' }, clock);
    for (let attempt = 1; attempt <= 3; attempt++) {
      now += 10 * MINUTE;
      await new MailDispatcher(db(), refusing, settings, clock).kick();
    }
    const after = await pledgeRow(id);
    assert.equal(after.link_hash, hashSecret(first), 'the refused tries did not replace the first link');
    assert.equal(after.confirm_by, delivered.confirm_by, 'nor its deadline');

    await new MailDispatcher(db(), delivering, settings, clock).kick();
    assert.equal(sent.length, 2);
    assert.equal((await pledgeRow(id)).link_hash, hashSecret(tokenIn(sent[1]!.text)), 'the link that went is the one that works');
  });
});

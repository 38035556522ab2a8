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
import type { MailTransport } from '../../src/mail/transport.js';

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

  it('expires a pledge whose every send was refused by the mail server, counting from the last attempt', async () => {
    const id = await receive('Refused Mail Trust');
    const refusing: MailTransport = { send: () => Promise.reject(new Error('550 mailbox unavailable')), discard: () => undefined, close: () => undefined };
    let lastAttempt = now;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 10 * MINUTE;
      lastAttempt = now;
      // A new sender each time: its back-off (kept in memory) has passed.
      await new MailDispatcher(db(), refusing, { publicUrl: t.url, from: 'compact@test.example', confirmDays: 14 }, clock).kick();
    }
    assert.equal((await emailOf(id)).status, 'failed');

    now = lastAttempt + 14 * DAY - MINUTE;
    await t.server.app.retention.run();
    assert.equal((await pledgeRow(id)).status, 'unconfirmed');
    now = lastAttempt + 14 * DAY + MINUTE;
    await t.server.app.retention.run();
    const row = await pledgeRow(id);
    assert.equal(row.status, 'expired');
    assert.equal(row.decided_at, new Date(lastAttempt + 14 * DAY).toISOString());
  });
});

/**
 * What the retention run deletes of the admin's own data: set-password links once used or expired
 * (after SET_PASSWORD_HOURS more, while their page still says which), and spreadsheet uploads that
 * nobody can apply any more (older than an hour, or their session ended). Logged as counts only,
 * and only when something went; a second run deletes nothing twice.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { addUser, setPasswordWithLink } from '../../src/domain/users.js';
import { hashSecret } from '../../src/domain/secrets.js';
import { personData } from '../../src/domain/person.js';
import { findCompact } from '../../src/db/compacts.js';
import { AdminClient, PASSWORD } from './helpers.js';
import { editor, postForm, textOf, upload } from '../authoring/helpers.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('retention of set-password links and pending uploads', () => {
  let t: TestServer;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  const db = () => t.server.database.db;
  const entries = (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  before(async () => {
    t = await startTestServer({ feeds: ['southend'], clock, env: { SET_PASSWORD_HOURS: '48', SESSION_HOURS: '2', SIGNIN_RATE_LIMIT: '100000' } });
  });
  after(() => t.stop());

  describe('set-password links', () => {
    /** A new link for the address (a new account, or a reset of an existing one), as the admin makes it. */
    const link = async (email: string) => {
      const made = await addUser(db(), { email, role: 'moderator', compactId: 'southend' }, { publicUrl: t.url, hours: t.config.setPasswordHours, clock, actor: { id: 'test', label: 'test' } });
      return { token: new URL(made.url).searchParams.get('token')!, userId: made.userId };
    };
    const use = async (token: string) => assert.equal((await setPasswordWithLink(db(), token, PASSWORD, clock)).ok, true);
    /** What the link's page says to whoever opens it. */
    const opened = async (token: string) => {
      const answer = await new AdminClient(t.url).get(`/admin/set-password?token=${token}`);
      const text = textOf(answer.text);
      if (answer.status === 200 && /Set your password/.test(text)) return 'works';
      assert.equal(answer.status, 410, text.slice(0, 300));
      if (/has been used already/.test(text)) return 'used';
      if (/has expired/.test(text)) return 'expired';
      assert.match(text, /This link does not work/);
      return 'not found';
    };
    const held = async (token: string) => Boolean(await db().selectFrom('password_tokens').select('token_hash').where('token_hash', '=', hashSecret(token)).executeTakeFirst());

    it('keeps a used or expired link for as long again as it worked, saying which, then deletes it once and logs how many', async () => {
      const start = now;
      const unused = await link('never-set@council.example');
      const lastMinute = await link('last-minute@council.example');
      const early = await link('early@council.example');
      now = start + 1 * HOUR;
      await use(early.token);
      now = start + 47 * HOUR; // used an hour before it would have expired
      await use(lastMinute.token);

      assert.deepEqual(await t.server.app.retention.run(), { expired: 0, purged: 0 });
      assert.deepEqual(await entries('retention.password-links'), [], 'nothing deleted, nothing logged');
      assert.deepEqual([await opened(unused.token), await opened(lastMinute.token), await opened(early.token)], ['works', 'used', 'used']);

      now = start + 50 * HOUR; // the early one was used 49 hours ago; the others ended 2 and 3 hours ago
      const reset = await link('early@council.example'); // a new link for the same account: not touched
      await t.server.app.retention.run();
      assert.equal(await held(early.token), false);
      assert.equal(await opened(early.token), 'not found');
      assert.deepEqual([await opened(unused.token), await opened(lastMinute.token), await opened(reset.token)], ['expired', 'used', 'works'], 'used, then expired: still says used');
      let logged = await entries('retention.password-links');
      assert.equal(logged.length, 1);
      assert.deepEqual(JSON.parse(logged[0]!.after!), { why: 'used or expired more than 48 hours ago', setPasswordLinksDeleted: 1 });

      now = start + 95 * HOUR; // exactly 48 hours after the last-minute one was used: not past it yet
      await t.server.app.retention.run();
      assert.ok(await held(lastMinute.token));
      assert.equal((await entries('retention.password-links')).length, 1, 'a run that deletes nothing logs nothing');

      now = start + 95.5 * HOUR; // used then expired: counted from its use, not from its expiry
      await t.server.app.retention.run();
      assert.equal(await held(lastMinute.token), false);
      assert.equal(await opened(lastMinute.token), 'not found');
      assert.equal(await opened(unused.token), 'expired', 'expired 47½ hours ago: still says so');

      now = start + 97 * HOUR;
      await t.server.app.retention.run();
      assert.equal(await held(unused.token), false);
      assert.equal(await opened(unused.token), 'not found');
      assert.ok(await held(reset.token), 'a link still working stays');
      assert.equal(await opened(reset.token), 'works');
      logged = await entries('retention.password-links');
      assert.deepEqual(logged.map((e) => JSON.parse(e.after!).setPasswordLinksDeleted), [1, 1, 1]);

      // Twice: nothing more goes, nothing more is logged.
      await t.server.app.retention.run();
      assert.equal((await entries('retention.password-links')).length, 3);

      // Counts only: no secret, no hash of one, no account.
      const text = JSON.stringify(logged);
      for (const secret of [unused, lastMinute, early]) {
        assert.doesNotMatch(text, new RegExp(secret.token));
        assert.doesNotMatch(text, new RegExp(hashSecret(secret.token)));
        assert.doesNotMatch(text, new RegExp(secret.userId));
      }
      assert.doesNotMatch(text, /@council\.example/);
      for (const e of logged) assert.deepEqual([e.actor, e.compact_id, e.subject_type, e.subject_id], ['system', null, null, null]);

      // The person's export lists the links still held, says why the others are not, and the history still has them.
      const data = await personData(db(), 'early@council.example');
      assert.deepEqual(data.staffAccount!.setPasswordLinks.map((l) => l.usedAt), [null]);
      assert.ok(data.notes.some((n) => /Set-password links are deleted once they have been used or have expired/.test(n)));
      assert.deepEqual(data.staffAccount!.history.map((h) => h.action), ['user.add', 'user.password.set', 'user.role.add']);
    });
  });

  describe('pending uploads', () => {
    const uploads = async () => (await db().selectFrom('pending_uploads').select('id').execute()).map((u) => u.id).sort();
    const idOf = (location: string) => location.split('/').pop()!;
    /** The signatories sheet as downloaded, with its first signatory renamed: an upload that changes something. */
    const sheet = async (client: AdminClient, rename: string) => {
      const rows = parse((await client.get('/admin/compacts/southend/signatories.csv')).text, { bom: true }) as string[][];
      rows[1]![1] = rename;
      return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    };
    const send = async (client: AdminClient, rename: string) => {
      const answer = await upload(client, 'southend', 'signatories', `${rename}.csv`, await sheet(client, rename));
      assert.equal(answer.status, 303, textOf(answer.text).slice(0, 300));
      return answer.location!;
    };
    /** The preview and "Apply" of an upload that is not waiting any more: a page that says so and what to do, and nothing applied. */
    const gone = async (client: AdminClient, location: string) => {
      const revision = (await findCompact(db(), 'southend'))!.revision;
      for (const answer of [await client.get(location), await postForm(client, location, { confirm: 'yes' })]) {
        assert.equal(answer.status, 404);
        const text = textOf(answer.text);
        assert.match(text, /This upload is no longer waiting/);
        assert.match(text, /An upload waits an hour for you to apply it, and only until you sign out\. Nothing has been changed\. Upload the file again\./);
        assert.match(answer.text, /href="\/admin\/compacts\/southend\/upload"/);
      }
      assert.equal((await findCompact(db(), 'southend'))!.revision, revision);
    };
    const signedInAgain = async (email: string) => {
      const client = new AdminClient(t.url);
      assert.equal((await client.signIn(email)).status, 303);
      return client;
    };

    it('deletes uploads an hour old and those of ended sessions, leaves other sessions’ uploads, and logs how many', async () => {
      const start = now;
      const alice = await editor(t, 'alice@southend.example', 'southend');
      const bob = await editor(t, 'bob@southend.example', 'southend');
      const carol = await editor(t, 'carol@southend.example', 'southend');
      const dave = await editor(t, 'dave@southend.example', 'southend');
      const early = await send(alice, 'Renamed by Alice');
      const signedOut = await send(carol, 'Renamed by Carol');
      assert.equal((await carol.post('/admin/sign-out', {})).status, 200);

      // Carol signed out: her upload goes, nobody else's.
      await t.server.app.retention.run();
      assert.deepEqual(await uploads(), [idOf(early)]);
      await gone(await signedInAgain('carol@southend.example'), signedOut);

      now = start + 59 * MINUTE;
      const young = await send(dave, 'Renamed by Dave');
      now = start + 61 * MINUTE; // Alice's is past the hour; her session (2 hours) is not over
      await t.server.app.retention.run();
      assert.deepEqual(await uploads(), [idOf(young)]);
      await gone(alice, early);
      // Another session's upload is untouched and applies; a second "Apply" of it (another tab) is told it has gone.
      const revision = (await findCompact(db(), 'southend'))!.revision;
      assert.equal((await postForm(dave, young, { confirm: 'yes' })).status, 303);
      assert.ok((await findCompact(db(), 'southend'))!.revision > revision, 'applied');
      await gone(dave, young);

      now = start + 90 * MINUTE;
      const expiring = await send(bob, 'Renamed by Bob');
      now = start + 121 * MINUTE; // Bob's session ended at 120 minutes; his upload is 31 minutes old
      await t.server.app.retention.run();
      assert.deepEqual(await uploads(), []);
      assert.equal((await bob.get(expiring)).status, 303, 'signed out by the expiry');
      await gone(await signedInAgain('bob@southend.example'), expiring);

      const logged = await entries('retention.uploads');
      assert.deepEqual(logged.map((e) => JSON.parse(e.after!)), [1, 1, 1].map((n) => ({ why: 'not applied within 60 minutes, or their session ended', pendingUploadsDeleted: n })));
      // Twice: nothing more goes, nothing more is logged.
      await t.server.app.retention.run();
      assert.equal((await entries('retention.uploads')).length, 3);
      const text = JSON.stringify(logged);
      assert.doesNotMatch(text, /Renamed by|\.csv|@southend\.example/);
      assert.ok(logged.every((e) => e.actor === 'system' && e.subject_id === null));
    });
  });
});

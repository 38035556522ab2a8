/**
 * Staff sign-in: TOTP against RFC 6238's own test vectors, sessions in the database (only a hash of
 * the token kept; HttpOnly, SameSite=Lax, Secure behind https), lock-out and rate limit, sign out and
 * sign out everywhere, the TOTP second step (a code works once), set-password links, `users add`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes, scrypt } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cli } from '../helpers/process.js';
import { base32Decode, base32Encode, hotp, totp } from '../../src/domain/totp.js';
import { hashPassword, needsRehash, verifyPassword } from '../../src/domain/secrets.js';
import { AdminClient, makeUser, pagePatterns, PASSWORD } from './helpers.js';

describe('TOTP (RFC 6238 appendix B, RFC 4226 appendix D)', () => {
  it('gives the RFCs’ codes', () => {
    const seeds = {
      sha1: Buffer.from('12345678901234567890'),
      sha256: Buffer.from('12345678901234567890123456789012'),
      sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
    };
    const vectors: [number, string, string, string][] = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1111111111, '14050471', '67062674', '99943326'],
      [1234567890, '89005924', '91819424', '93441116'],
      [2000000000, '69279037', '90698825', '38618901'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [seconds, sha1, sha256, sha512] of vectors) {
      const at = new Date(seconds * 1000);
      assert.equal(totp(seeds.sha1, at, 8, 'sha1'), sha1, `${seconds} sha1`);
      assert.equal(totp(seeds.sha256, at, 8, 'sha256'), sha256, `${seconds} sha256`);
      assert.equal(totp(seeds.sha512, at, 8, 'sha512'), sha512, `${seconds} sha512`);
    }
    const hotps = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    hotps.forEach((code, counter) => assert.equal(hotp(seeds.sha1, counter), code));
    assert.equal(base32Encode(seeds.sha1), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual(base32Decode('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ'), seeds.sha1);
  });

  it('hashes passwords with scrypt, salted, parameters kept with the hash', async () => {
    const one = await hashPassword(PASSWORD);
    const two = await hashPassword(PASSWORD);
    assert.match(one, /^scrypt\$32768\$8\$3\$/, "OWASP's setting for 32 MiB: N = 2^15, r = 8, p = 3");
    assert.notEqual(one, two);
    assert.equal(await verifyPassword(PASSWORD, one), true);
    assert.equal(await verifyPassword(`${PASSWORD}!`, one), false);
    assert.equal(needsRehash(one), false);
    // A hash made with the parameters of earlier versions still verifies, and is to be made again.
    const older = await olderHash(PASSWORD);
    assert.equal(await verifyPassword(PASSWORD, older), true);
    assert.equal(needsRehash(older), true);
  });
});

/** A password hash as versions before 0.2.0 made them (scrypt with p = 1). */
function olderHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(`scrypt$32768$8$1$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  );
}

describe('signing in', () => {
  let t: TestServer;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  const db = () => t.server.database.db;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], clock, env: { SIGNIN_FAILURES: '3', SIGNIN_LOCK_MINUTES: '15', SIGNIN_RATE_LIMIT: '40', SESSION_HOURS: '8' } });
    await makeUser(t, 'mod@southend.example', 'moderator', 'southend');
  });
  after(() => t.stop());

  it('keeps only a hash of the session token, in an HttpOnly SameSite=Lax cookie for /admin', async () => {
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const answer = await client.post('/admin/sign-in', { email: 'Mod@Southend.example', password: PASSWORD });
    assert.equal(answer.status, 303);
    assert.equal(answer.location, '/admin');
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('cw_session='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\/admin/);
    assert.doesNotMatch(cookie, /Secure/i);
    const token = client.cookies.get('cw_session')!;
    const rows = await db().selectFrom('sessions').selectAll().execute();
    assert.ok(rows.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex')));
    assert.ok(rows.every((r) => r.token_hash !== token));
    assert.equal((await client.get('/admin')).status, 200);
    // Expires with SESSION_HOURS.
    now += 8 * 3_600_000 + 1000;
    assert.equal((await client.get('/admin')).status, 303);
    now -= 8 * 3_600_000 + 1000;
  });

  it('locks an account after SIGNIN_FAILURES wrong passwords, for SIGNIN_LOCK_MINUTES, and logs it', async () => {
    await makeUser(t, 'locked@southend.example', 'editor', 'southend');
    const client = new AdminClient(t.url);
    for (let i = 0; i < 3; i++) {
      const wrong = await client.signIn('locked@southend.example', 'not the password at all');
      assert.equal(wrong.status, 422);
    }
    const refused = await client.signIn('locked@southend.example');
    assert.equal(refused.status, 422, 'the right password, while locked');
    // Locked, wrong and unknown all read the same: the page does not say which addresses have accounts.
    const notRight = /The email address or password is not right\. After 3 wrong attempts in a row, an account is locked for 15 minutes\./;
    assert.match(refused.text, notRight);
    const unknown = await client.signIn('nobody@southend.example', 'whatever it is');
    assert.match(unknown.text, notRight);
    now += 16 * 60_000;
    assert.equal((await client.signIn('locked@southend.example')).status, 303);
    const actions = (await db().selectFrom('audit_log').select('action').where('actor_label', '=', 'locked@southend.example').orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions.filter((a) => a.startsWith('signin')), ['signin.failed', 'signin.failed', 'signin.locked', 'signin.refused-locked', 'signin']);
  });

  it('counts wrong passwords sent at the same moment, each of them: they cannot get round the lock-out', async () => {
    await makeUser(t, 'raced@southend.example', 'editor', 'southend');
    const clients = Array.from({ length: 6 }, () => new AdminClient(t.url));
    await Promise.all(clients.map((client) => client.get('/admin/sign-in')));
    // Each password check takes a while (scrypt): all six are being checked at once.
    const answers = await Promise.all(clients.map((client) => client.post('/admin/sign-in', { email: 'raced@southend.example', password: 'a wrong guess, again' })));
    assert.deepEqual(answers.map((a) => a.status), [422, 422, 422, 422, 422, 422]);
    const user = await db().selectFrom('users').select(['locked_until']).where('email', '=', 'raced@southend.example').executeTakeFirstOrThrow();
    assert.ok(user.locked_until, 'locked after three of them');
    // Every one of the six was counted: each has its entry, and they lock twice (3 + 3).
    const entries = await db().selectFrom('audit_log').select('action').where('actor_label', '=', 'raced@southend.example').execute();
    const actions = entries.map((e) => e.action).filter((a) => a === 'signin.failed' || a === 'signin.locked');
    assert.equal(actions.length, 6);
    assert.ok(actions.filter((a) => a === 'signin.locked').length >= 2, String(actions));
    const right = await new AdminClient(t.url).signIn('raced@southend.example');
    assert.equal(right.status, 422, 'the right password, while locked');
  });

  it('makes a password hash with older parameters again at the next sign-in', async () => {
    await makeUser(t, 'longstanding@southend.example', 'editor', 'southend');
    const user = await db().selectFrom('users').select('id').where('email', '=', 'longstanding@southend.example').executeTakeFirstOrThrow();
    const identity = () => db().selectFrom('user_identities').select('secret').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    await db().updateTable('user_identities').set({ secret: await olderHash(PASSWORD) }).where('user_id', '=', user.id).execute();
    assert.equal((await new AdminClient(t.url).signIn('longstanding@southend.example')).status, 303);
    const renewed = (await identity()).secret!;
    assert.match(renewed, /^scrypt\$32768\$8\$3\$/);
    assert.equal(await verifyPassword(PASSWORD, renewed), true);
    assert.equal((await new AdminClient(t.url).signIn('longstanding@southend.example')).status, 303, 'and the new hash signs in');
  });

  it('signs out, and signs out everywhere', async () => {
    const laptop = new AdminClient(t.url);
    const phone = new AdminClient(t.url);
    await laptop.signIn('mod@southend.example');
    await phone.signIn('mod@southend.example');
    assert.equal((await phone.get('/admin')).status, 200);
    await laptop.get('/admin/account');
    const everywhere = await laptop.post('/admin/sign-out-everywhere', {});
    assert.equal(everywhere.status, 200);
    assert.equal((await phone.get('/admin')).status, 303);
    assert.equal((await laptop.get('/admin')).status, 303);
    const again = new AdminClient(t.url);
    await again.signIn('mod@southend.example');
    await again.get('/admin');
    assert.equal((await again.post('/admin/sign-out', {})).status, 200);
    assert.equal((await again.get('/admin')).status, 303);
  });

  it('asks for a TOTP code once it is set up, and takes each code once', async () => {
    await makeUser(t, 'careful@southend.example', 'moderator', 'southend');
    const client = new AdminClient(t.url);
    await client.signIn('careful@southend.example');
    await client.get('/admin/account');
    await client.post('/admin/account/totp/start', {});
    const setup = await client.get('/admin/account');
    const secret = /<code class="compact-code">([A-Z2-7 ]+)<\/code>/.exec(setup.text)![1].replace(/ /g, '');
    const code = () => totp(base32Decode(secret), clock());
    assert.equal((await client.post('/admin/account/totp/enable', { code: '000000' === code() ? '111111' : '000000' })).status, 422);
    const enabled = await client.post('/admin/account/totp/enable', { code: code() });
    assert.equal(enabled.status, 303);
    // The change is announced (WCAG 4.1.3): a success banner, role="alert", as GOV.UK's.
    assert.match((await client.get(enabled.location!)).text, /govuk-notification-banner--success" role="alert"[\s\S]*Two-step sign-in is on\./);

    now += 60_000;
    const next = new AdminClient(t.url);
    const first = await next.signIn('careful@southend.example');
    assert.equal(first.location, '/admin/sign-in/code');
    assert.equal((await next.get('/admin/pledges')).status, 303, 'the password alone does not let in');
    await next.get('/admin/sign-in/code');
    assert.equal((await next.post('/admin/sign-in/code', { code: code() === '123456' ? '654321' : '123456' })).status, 422);
    const used = code();
    const ok = await next.post('/admin/sign-in/code', { code: used });
    assert.equal(ok.status, 303);
    assert.equal((await next.get('/admin/pledges')).status, 200);
    // The same code again (a replay) is refused.
    const other = new AdminClient(t.url);
    await other.signIn('careful@southend.example');
    await other.get('/admin/sign-in/code');
    assert.equal((await other.post('/admin/sign-in/code', { code: used })).status, 422);

    // Turning it off takes a current code too: the session alone cannot take the second factor away.
    await next.get('/admin/account');
    const failures = async () =>
      (await db().selectFrom('users').select('failed_signins').where('email', '=', 'careful@southend.example').executeTakeFirstOrThrow()).failed_signins;
    const before = await failures(); // the replayed code above counted
    const refused = await next.post('/admin/account/totp/disable', {});
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#disableCode"/);
    // A wrong code counts toward the lock-out, as at sign-in: a stolen session cannot try codes freely.
    assert.equal(await failures(), before + 1);
    assert.equal((await db().selectFrom('users').select('totp_enabled').where('email', '=', 'careful@southend.example').executeTakeFirstOrThrow()).totp_enabled, 1);
    now += 60_000;
    const disabled = await next.post('/admin/account/totp/disable', { code: code() });
    assert.equal(disabled.status, 303);
    assert.match((await next.get(disabled.location!)).text, /govuk-notification-banner--success" role="alert"[\s\S]*Two-step sign-in is off\./);
    assert.equal((await db().selectFrom('users').select('totp_enabled').where('email', '=', 'careful@southend.example').executeTakeFirstOrThrow()).totp_enabled, 0);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const client = new AdminClient(t.url);
    await client.get('/admin/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await client.post('/admin/sign-in', { email: 'flood@southend.example', password: 'x' })).status);
    assert.ok(statuses.includes(429), String(statuses));
    const limited = await client.post('/admin/sign-in', { email: 'flood@southend.example', password: 'x' });
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(limited.text, /Too many attempts/);
  });
});

describe('accounts', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { PUBLIC_URL: 'https://compact.council.example', SIGNIN_RATE_LIMIT: '1000' } });
  });
  after(() => t.stop());

  it('`users add` prints a one-time set-password link; roles per compact; the cookie is Secure behind https', async () => {
    const env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '', PUBLIC_URL: 'https://compact.council.example' };
    assert.equal(cli(['users', 'add', 'mod@southend.example', '--role', 'boss'], env).status, 2);
    assert.equal(cli(['users', 'add', 'mod@southend.example', '--role', 'moderator', '--compact', 'nowhere'], env).status, 1);
    const added = cli(['users', 'add', 'Mod@Southend.example', '--role', 'moderator', '--compact', 'southend'], env);
    assert.equal(added.status, 0, added.stderr);
    const url = /https:\/\/compact\.council\.example\/admin\/set-password\?token=[\w-]+/.exec(added.stdout)![0];
    assert.match(added.stdout, /until \d{4}-\d\d-\d\dT/);
    const listed = JSON.parse(cli(['users', 'list', '--json'], env).stdout);
    assert.deepEqual(listed[0].roles, [{ role: 'moderator', compactId: 'southend' }]);

    const local = url.replace('https://compact.council.example', t.url);
    const client = new AdminClient(t.url);
    const form = await client.get(new URL(local).pathname + new URL(local).search);
    assert.equal(form.status, 200);
    // The rules are the password box's hint, read with it (WCAG 1.3.1, 3.3.2); the address is in a
    // field password managers read (type="hidden" is not), so they save the new password with it (3.3.8).
    assert.match(form.text, /<input class="govuk-input" id="password" name="password" type="password" aria-describedby="password-hint" autocomplete="new-password">/);
    assert.match(form.text, /<div id="password-hint" class="govuk-hint">\s*At least 12 characters/);
    assert.match(form.text, /<input type="email" name="username" value="[^"]+" autocomplete="username" readonly hidden>/);
    assert.match(form.text, /id="confirm" name="confirm" type="password" autocomplete="new-password"/);
    const token = new URL(local).searchParams.get('token')!;
    const short = await client.post('/admin/set-password', { token, password: 'short', confirm: 'short' });
    assert.equal(short.status, 422);
    assert.match(short.text, /at least 12 characters/);
    assert.match(short.text, /<p id="password-error" class="govuk-error-message">/);
    // Two passwords that differ: the error is at the second box, the one to put right (3.3.1).
    const differ = await client.post('/admin/set-password', { token, password: PASSWORD, confirm: `${PASSWORD}x` });
    assert.equal(differ.status, 422);
    assert.match(differ.text, /<a href="#confirm">Enter the same password as in the first box<\/a>/);
    assert.match(differ.text, /<p id="confirm-error" class="govuk-error-message">/);
    assert.doesNotMatch(differ.text, /id="password-error"/);
    assert.equal((await client.post('/admin/set-password', { token, password: PASSWORD, confirm: PASSWORD })).status, 200);
    assert.equal((await client.post('/admin/set-password', { token, password: PASSWORD, confirm: PASSWORD })).status, 410, 'the link works once');

    const signedIn = await client.signIn('mod@southend.example');
    assert.equal(signedIn.status, 303);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('cw_session='))!;
    assert.match(cookie, /; Secure/i);
    assert.doesNotMatch(t.logs.join(''), /mod@southend|Mod@Southend/i);
  });

  it('an admin adds a user with a role on one compact, removes a role, and disabling ends their sessions', async () => {
    await makeUser(t, 'admin@council.example', 'admin');
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    await admin.get('/admin/users');
    const added = await admin.post('/admin/users', { email: 'New.Editor@southend.example', role: 'editor', compact: 'southend' });
    assert.equal(added.status, 200);
    const url = /https:\/\/compact\.council\.example\/admin\/set-password\?token=([\w-]+)/.exec(added.text);
    assert.ok(url, 'the one-time link is shown on the page');
    assert.match(added.text, /govuk-notification-banner--success" role="alert"[\s\S]*Send this link to new\.editor@southend\.example/, 'in a success banner (WCAG 4.1.3)');
    const newcomer = new AdminClient(t.url);
    await newcomer.get(`/admin/set-password?token=${url![1]}`);
    assert.equal((await newcomer.post('/admin/set-password', { token: url![1], password: PASSWORD, confirm: PASSWORD })).status, 200);
    assert.equal((await newcomer.signIn('new.editor@southend.example')).status, 303);
    assert.equal((await newcomer.get('/admin/signatories')).status, 200);
    const user = await t.server.database.db.selectFrom('users').select('id').where('email', '=', 'new.editor@southend.example').executeTakeFirstOrThrow();
    await admin.get('/admin/users');
    const disabled = await admin.post(`/admin/users/${user.id}/disable`, { disabled: 'yes' });
    assert.equal(disabled.status, 303);
    assert.match((await admin.get(disabled.location!)).text, /govuk-notification-banner--success" role="alert"[\s\S]*The account has been disabled/);
    assert.equal((await newcomer.get('/admin/signatories')).status, 303, 'a disabled user is signed out everywhere');
    assert.equal((await newcomer.signIn('new.editor@southend.example')).status, 422);
    await admin.get('/admin/users');
    const removed = await admin.post(`/admin/users/${user.id}/remove-role`, { role: 'editor', compact: 'southend' });
    assert.equal(removed.status, 303);
    assert.match((await admin.get(removed.location!)).text, /govuk-notification-banner--success" role="alert"[\s\S]*The role has been removed/);
    const roles = await t.server.database.db.selectFrom('user_roles').selectAll().where('user_id', '=', user.id).execute();
    assert.deepEqual(roles, []);
    const actions = (await t.server.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', user.id).orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions.filter((a) => a.startsWith('user.')), ['user.add', 'user.password.set', 'user.disable', 'user.role.remove']);
  });

  it('refuses an email address with a control character at the email box, on both databases (PostgreSQL refuses a NUL)', async () => {
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    for (const email of ['new\u0000editor@southend.example', 'new\u0007editor@southend.example', 'new.editor@south\u0085end.example']) {
      await admin.get('/admin/users');
      const refused = await admin.post('/admin/users', { email, role: 'editor', compact: 'southend' });
      assert.equal(refused.status, 422, JSON.stringify(email));
      assert.match(refused.text, /<title>Error: Users – Compact admin<\/title>/);
      assert.match(refused.text, /<a href="#email">[^<]* is not an email address<\/a>/);
      assert.deepEqual(pagePatterns('users', refused.text), []);
    }
    const stored = await t.server.database.db.selectFrom('users').select('email').execute();
    assert.ok(!stored.some((u) => /[\u0000-\u001f\u007f-\u009f]/.test(u.email)), 'nothing stored');
  });

  it('an admin cannot disable their own account, nor take the last administrator of every compact away', async () => {
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    const db = t.server.database.db;
    const self = (await db.selectFrom('users').select('id').where('email', '=', 'admin@council.example').executeTakeFirstOrThrow()).id;
    await admin.get('/admin/users');
    const own = await admin.post(`/admin/users/${self}/disable`, { disabled: 'yes' });
    assert.equal(own.status, 422);
    // Said in the error summary, which leads to the row, and at the row itself.
    assert.match(own.text, /<title>Error: Users – Compact admin<\/title>/);
    assert.match(own.text, new RegExp(`<a href="#user-${self}">You cannot disable your own account\\. Ask another administrator\\.</a>`));
    assert.match(own.text, new RegExp(`<tr class="govuk-table__row" id="user-${self}">\\s*<td class="govuk-table__cell"><p class="govuk-error-message">`));
    const last = await admin.post(`/admin/users/${self}/remove-role`, { role: 'admin', compact: '*' });
    assert.equal(last.status, 422);
    assert.match(last.text, /This is the only active administrator of every compact\. Add another one before removing this role\./);
    assert.equal((await admin.get('/admin/users')).status, 200, 'still signed in, still an administrator');

    // With a second administrator, the first may give the role up.
    await makeUser(t, 'second.admin@council.example', 'admin');
    await admin.get('/admin/users');
    assert.equal((await admin.post(`/admin/users/${self}/remove-role`, { role: 'admin', compact: '*' })).status, 303);
    const second = new AdminClient(t.url);
    await second.signIn('second.admin@council.example');
    await second.get('/admin/users');
    // A disabled administrator does not count: the second one is now the last.
    const secondId = (await db.selectFrom('users').select('id').where('email', '=', 'second.admin@council.example').executeTakeFirstOrThrow()).id;
    assert.equal((await second.post(`/admin/users/${secondId}/remove-role`, { role: 'admin', compact: '*' })).status, 422);

    // Two administrators disabling each other at the same moment: one of them stays.
    await makeUser(t, 'third.admin@council.example', 'admin');
    const third = new AdminClient(t.url);
    await third.signIn('third.admin@council.example');
    await third.get('/admin/users');
    const thirdId = (await db.selectFrom('users').select('id').where('email', '=', 'third.admin@council.example').executeTakeFirstOrThrow()).id;
    const answers = await Promise.all([second.post(`/admin/users/${thirdId}/disable`, { disabled: 'yes' }), third.post(`/admin/users/${secondId}/disable`, { disabled: 'yes' })]);
    // The other is refused: by the rule (422), or, when the first has already ended its session, as
    // a form from a session that is gone (403).
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses[0], 303);
    assert.ok([403, 422].includes(statuses[1]!), String(statuses));
    const active = await db.selectFrom('users').select('email').where('email', 'in', ['second.admin@council.example', 'third.admin@council.example']).where('disabled_at', 'is', null).execute();
    assert.equal(active.length, 1);
  });
});

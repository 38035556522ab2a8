/** When the mail server refuses a message: retried later, and the log line never names the recipient. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';

describe('a refused email', () => {
  let t: TestServer;
  let smtp: SMTPServer;
  let attempts = 0;
  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        attempts++;
        callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: mailbox full`), { responseCode: 452 }));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as { port: number };
    t = await startTestServer({ feeds: ['southend'], env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await t.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('stays queued for a later try, and the log does not name the recipient', async () => {
    const sent = await postPledge(t.url, validPledge({ contact: { name: 'Full Box', email: 'full.box@mailbox.example.org' } }));
    assert.equal(sent.status, 202, 'the pledge is kept even though its email cannot go yet');
    await t.server.app.mail.kick();
    assert.ok(attempts >= 1);
    const row = await t.server.database.db.selectFrom('email_messages').selectAll().where('pledge_id', '=', sent.json.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    const logs = t.logs.join('');
    assert.match(logs, /not sent: .*\[address\]/);
    assert.doesNotMatch(logs, /full\.box|mailbox\.example/);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pledgeSummaries } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { postPledge, validPledge } from './helpers/http.js';
import { movePledge } from '../src/db/pledges.js';
import { isUniqueViolation } from '../src/db/transaction.js';

describe('pledges sent at once', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { LOG_LEVEL: 'warn' } });
  });
  after(() => t.stop());

  it('200 requests with one key make one pledge and one stored answer, and all get that answer', async () => {
    const key = randomUUID();
    const body = validPledge({ organisation: { name: 'Racing Key Group', sector: 'voluntary' } });
    const answers = await Promise.all(Array.from({ length: 200 }, () => postPledge(t.url, body, { key })));
    const statuses = new Set(answers.map((a) => a.status));
    assert.deepEqual([...statuses], [202]);
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'every request got the same body');
    const stored = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name === 'Racing Key Group');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].id, answers[0].json.id);
  });

  it('200 requests with distinct keys and organisations make 200 pledges', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => postPledge(t.url, validPledge({ organisation: { name: `Parallel Group ${i}`, sector: 'voluntary' } }))),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 200);
    const stored = (await pledgeSummaries(t.server.database.db, { compactId: 'southend' })).filter((p) => p.organisation.name.startsWith('Parallel Group '));
    assert.equal(stored.length, 200);
  });

  it('the same organisation sent 50 times at once with distinct keys makes 50 unconfirmed pledges; once one is confirmed, 50 more get 409', async () => {
    const organisation = { name: 'Same Org Racing', sector: 'voluntary', id: 'GB-CHC-7654321' };
    const answers = await Promise.all(Array.from({ length: 50 }, () => postPledge(t.url, validPledge({ organisation }))));
    // Unconfirmed pledges hold no name (anyone can type one): each waits for its own link.
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 50);
    const holder = answers[17].json.id;
    assert.equal(await movePledge(t.server.database.db, holder, ['unconfirmed'], { status: 'confirmed' }), true);
    // The database keeps one confirmed pledge per organisation, whatever the code checks first.
    await assert.rejects(movePledge(t.server.database.db, answers[3].json.id, ['unconfirmed'], { status: 'confirmed' }), isUniqueViolation);

    const later = await Promise.all(Array.from({ length: 50 }, () => postPledge(t.url, validPledge({ organisation: { ...organisation, name: 'SAME ORG RACING' } }))));
    assert.deepEqual([...new Set(later.map((a) => a.status))], [409]);
    for (const a of later) assert.equal(a.json.id, holder);
  });
});

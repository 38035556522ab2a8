/**
 * A staff member whose roles cover no compact has an empty list of compacts: the data layer answers
 * it with nothing, on both databases, rather than a query PostgreSQL refuses.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { approvePledge, importFeed, openDatabase, submitPledge, SYSTEM, type Database } from '../../src/index.js';
import { listSignatories } from '../../src/db/signatory-edits.js';
import { listAudit } from '../../src/db/audit.js';
import { listPledges } from '../../src/db/pledges.js';
import { freshDatabase } from '../helpers/database.js';
import { sampleFeed } from '../helpers/server.js';
import { validPledge } from '../helpers/http.js';

describe('the data layer, asked about no compacts', () => {
  let database: Database;
  const clock = () => new Date('2026-11-20T10:00:00Z');
  before(async () => {
    database = await openDatabase(await freshDatabase());
    await importFeed(database.db, sampleFeed('southend'), { clock, actor: SYSTEM });
    const body = validPledge();
    const answer = await submitPledge(database.db, { compactId: 'southend', idempotencyKey: 'empty-scopes', rawBody: JSON.stringify(body), body, clock });
    assert.equal(answer.status, 202);
    await approvePledge(database.db, (answer.body as { id: string }).id, { by: 'test', clock });
  });
  after(() => database.close());

  it('lists no signatories, audit entries or pledges, where one compact lists some', async () => {
    const db = database.db;
    assert.ok((await listSignatories(db, ['southend'])).length > 0);
    assert.ok((await listAudit(db, { compactIds: ['southend'] })).length > 0);
    assert.ok((await listPledges(db, { compactIds: ['southend'] })).length > 0);
    assert.deepEqual(await listSignatories(db, []), []);
    assert.deepEqual(await listAudit(db, { compactIds: [] }), []);
    assert.deepEqual(await listAudit(db, { compactIds: [], limit: 10, offset: 0 }), []);
    assert.deepEqual(await listPledges(db, { compactIds: [] }), []);
    assert.deepEqual(await listPledges(db, { compactIds: ['southend'], statuses: [] }), []);
  });
});

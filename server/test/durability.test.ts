import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFeed, openDatabase, pledgeDetails, SYSTEM } from '../src/index.js';
import { freshDatabase } from './helpers/database.js';
import { freePort, sampleFeed } from './helpers/server.js';
import { postPledge, validPledge } from './helpers/http.js';
import { cli, serveProcess } from './helpers/process.js';

describe('durability', () => {
  it('every pledge answered 202 before a kill -9 is there after a restart, and the database opens cleanly', async () => {
    const { dataDir, databaseUrl } = await freshDatabase();
    const setup = await openDatabase({ dataDir, databaseUrl });
    await importFeed(setup.db, sampleFeed('southend'), { clock: () => new Date(), actor: SYSTEM });
    await setup.close();
    const port = String(await freePort());
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: port, HOST: '127.0.0.1', PLEDGE_RATE_LIMIT: '1000000', LOG_LEVEL: 'warn' };

    const server = await serveProcess({ ...env, LOG_LEVEL: 'info' });
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    const sender = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        sent++;
        try {
          const answer = await postPledge(server.url, validPledge({ organisation: { name: `Burst ${worker}-${i}`, sector: 'voluntary' } }));
          if (answer.status === 202) acknowledged.push(answer.json.id);
        } catch {
          // The connection died with the server: this one was never acknowledged.
        }
      }
    };
    const senders = Array.from({ length: 16 }, (_, w) => sender(w));
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(senders);
    assert.ok(acknowledged.length >= 150 && sent > acknowledged.length, `sent ${sent}, acknowledged ${acknowledged.length}`);

    // Restart: the server opens the same data (SQLite runs quick_check on open).
    const again = await serveProcess({ ...env, LOG_LEVEL: 'info' });
    assert.equal((await fetch(`${again.url}/healthz`)).status, 200);
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0, 'a graceful stop exits 0');

    const check = await openDatabase({ dataDir, databaseUrl });
    try {
      const missing = [];
      for (const id of acknowledged) if (!(await pledgeDetails(check.db, id))) missing.push(id);
      assert.deepEqual(missing, [], 'no acknowledged pledge was lost');
    } finally {
      await check.close();
    }
  });

  it('finishes a request in flight when asked to stop (SIGTERM), then exits 0', async () => {
    const { dataDir, databaseUrl } = await freshDatabase();
    const setup = await openDatabase({ dataDir, databaseUrl });
    await importFeed(setup.db, sampleFeed('southend'), { clock: () => new Date(), actor: SYSTEM });
    await setup.close();
    const server = await serveProcess({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: String(await freePort()), HOST: '127.0.0.1' });
    const inFlight = Array.from({ length: 20 }, (_, i) => postPledge(server.url, validPledge({ organisation: { name: `Flight ${i}`, sector: 'voluntary' } })));
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    const answers = await Promise.allSettled(inFlight);
    assert.equal(await server.exited, 0);
    const check = await openDatabase({ dataDir, databaseUrl });
    try {
      for (const answer of answers) {
        if (answer.status === 'fulfilled' && answer.value.status === 202) assert.ok(await pledgeDetails(check.db, answer.value.json.id));
      }
    } finally {
      await check.close();
    }
  });

  it('keeps the DATA_DIR it makes, and the SQLite file with its -wal and -shm, to the server’s user', async () => {
    // SQLite only, whichever database this run is for. Under the usual umask, which made them 0644.
    const umask = process.umask(0o022);
    try {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'compact-modes-')), 'data');
      const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
      const database = await openDatabase({ dataDir });
      try {
        await importFeed(database.db, sampleFeed('southend'), { clock: () => new Date(), actor: SYSTEM });
        assert.equal(mode(dataDir), '700');
        // While it is open: SQLite removes the -wal and -shm files when the last connection closes.
        for (const name of ['compact.sqlite', 'compact.sqlite-wal', 'compact.sqlite-shm']) assert.equal(mode(join(dataDir, name)), '600', name);
      } finally {
        await database.close();
      }
      // A folder the operator made keeps the mode they gave it.
      const theirs = mkdtempSync(join(tmpdir(), 'compact-modes-'));
      chmodSync(theirs, 0o750);
      await (await openDatabase({ dataDir: theirs })).close();
      assert.equal(mode(theirs), '750');
    } finally {
      process.umask(umask);
    }
  });

  it('reports a damaged SQLite file and leaves it exactly as it was', () => {
    // SQLite only, whichever database this run is for: PostgreSQL keeps no file of ours to damage.
    const dataDir = mkdtempSync(join(tmpdir(), 'compact-damaged-'));
    const setup = cli(['import', join('..', 'demo', 'feeds', 'southend.json')], { DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.equal(setup.status, 0, setup.stderr);
    const file = join(dataDir, 'compact.sqlite');
    const original = readFileSync(file);
    // Overwrite a stretch in the middle of the file, as a bad disk or a half-copied backup would.
    const damaged = Buffer.from(original);
    damaged.fill(0x5a, 100, Math.min(damaged.length, 100 + 8192));
    writeFileSync(file, damaged);
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();

    for (const args of [['pledges', 'list'], ['serve']]) {
      const result = cli(args, { DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' });
      assert.equal(result.status, 1, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /damaged or is not a compact-server database/);
      assert.ok(result.stderr.includes(file), 'the message names the file');
    }
    assert.equal(hash(), before, 'the damaged file was not replaced or changed');

    writeFileSync(file, 'this is not a database at all, it is a shopping list');
    const garbage = cli(['pledges', 'list'], { DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.equal(garbage.status, 1);
    assert.match(garbage.stderr, /damaged or is not a compact-server database/);
    assert.equal(readFileSync(file, 'utf8'), 'this is not a database at all, it is a shopping list');
  });
});

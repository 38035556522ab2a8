import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFeed } from 'compact-widgets/feed';
import { buildFeed, openDatabase, serialiseFeed, submitPledge } from '../src/index.js';
import { readAudit } from '../src/domain/audit.js';
import { findSignatory, signatoryHistory } from '../src/db/signatory-edits.js';
import { freshDatabase } from './helpers/database.js';
import { sampleFeed } from './helpers/server.js';
import { validPledge } from './helpers/http.js';
import { cli } from './helpers/process.js';

const feedFile = (name: string) => join('..', 'demo', 'feeds', `${name}.json`);

describe('compact-server CLI', () => {
  let env: Record<string, string | undefined>;
  before(async () => {
    const { dataDir, databaseUrl } = await freshDatabase();
    env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', PUBLIC_URL: 'https://compact.council.example' };
  });

  async function pledge(name: string, overrides = {}) {
    const database = await openDatabase({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined });
    try {
      const body = validPledge({ organisation: { name, sector: 'voluntary' }, ...overrides });
      const answer = await submitPledge(database.db, { compactId: 'southend', idempotencyKey: `key-${name.replace(/\W/g, '')}`, rawBody: JSON.stringify(body), body, clock: () => new Date('2026-11-20T10:00:00Z') });
      assert.equal(answer.status, 202);
      return (answer.body as { id: string }).id;
    } finally {
      await database.close();
    }
  }

  it('refuses an invalid feed with every problem and its path, importing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-cli-'));
    const bad = JSON.parse(sampleFeed('southend'));
    bad.signatories[2].url = 'javascript:alert(1)';
    bad.compact.timeZone = '+01:00';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const result = cli(['import', join(dir, 'bad.json')], env);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\$\.signatories\[2\]\.url: /);
    assert.match(result.stderr, /\$\.compact\.timeZone: /);
    assert.match(result.stderr, /nothing was imported/);
    assert.match(cli(['pledges', 'list'], env).stdout, /No pledges/);
    const notJson = cli(['import', '-'], env, '{"feedVersion": ');
    assert.equal(notJson.status, 1);
    assert.match(notJson.stderr, /not valid JSON/);
  });

  it('imports a feed, refuses it again without --replace, replaces it with --replace', () => {
    const first = cli(['import', feedFile('southend')], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported southend with 25 signatories/);
    const again = cli(['import', feedFile('southend')], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already here.*--replace/);
    const replaced = cli(['import', '--replace', feedFile('southend')], env);
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.match(replaced.stdout, /Replaced southend/);
    assert.equal(cli(['import', feedFile('bilingual-wales')], env).status, 0);
  });

  it('imports from a URL, and stops reading a body larger than 20 MB', async () => {
    const text = sampleFeed('south-ayrshire');
    const server = createServer((request, response) => {
      if (request.url === '/feed.json') return void response.end(text);
      // An endless body.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const write = () => {
        while (response.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
      };
      response.on('drain', write);
      response.on('error', () => {});
      write();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const { spawn } = await import('node:child_process');
      const run = (args: string[]) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: new URL('..', import.meta.url), env: { ...process.env, ...env } });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c) => (stdout += c));
          child.stderr.on('data', (c) => (stderr += c));
          child.on('exit', (status) => resolve({ status, stdout, stderr }));
        });
      const good = await run(['import', `http://127.0.0.1:${port}/feed.json`]);
      assert.equal(good.status, 0, good.stderr);
      const endless = await run(['import', `http://127.0.0.1:${port}/endless.json`]);
      assert.equal(endless.status, 1);
      assert.match(endless.stderr, /larger than 20 MB/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('lists pledges as JSON without contact details, and approves one into the published feed', async () => {
    const id = await pledge('Westcliff Men’s Shed');
    const list = cli(['pledges', 'list', '--compact', 'southend', '--status', 'pending', '--json'], env);
    assert.equal(list.status, 0, list.stderr);
    const pledges = JSON.parse(list.stdout);
    const mine = pledges.find((p: { id: string }) => p.id === id);
    // `--status pending` lists every undecided pledge; this one awaits its email confirmation (issue 11).
    assert.deepEqual(mine, { id, compactId: 'southend', status: 'unconfirmed', organisation: { name: 'Westcliff Men’s Shed' }, createdAt: '2026-11-20T10:00:00.000Z' });
    assert.doesNotMatch(list.stdout, /ada@larder|Ada Jones/);
    for (const p of pledges) assert.deepEqual(Object.keys(p).sort(), ['compactId', 'createdAt', 'id', 'organisation', 'status']);

    const approved = cli(['pledges', 'approve', id], env);
    assert.equal(approved.status, 0, approved.stderr);
    assert.match(approved.stdout, /Approved: signatory westcliff-mens-shed, now in the published feed/);
    const twice = cli(['pledges', 'approve', id], env);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already approved/);
    assert.equal(JSON.parse(cli(['pledges', 'list', '--status', 'approved', '--json'], env).stdout)[0].id, id);

    const database = await openDatabase({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined });
    try {
      const built = await buildFeed(database.db, 'southend', { publicUrl: 'https://compact.council.example' });
      assert.ok(built!.feed.signatories && (built!.feed.signatories as { id: string }[]).some((s) => s.id === 'westcliff-mens-shed'));
      assert.equal(checkFeed(built!.feed).valid, true);
    } finally {
      await database.close();
    }
  });

  it('audit-logs an import as the command line, with the history of each signatory it adds, changes or withdraws', async () => {
    const officer = { ...env, USER: 'officer-test', SUDO_USER: '' };
    const database = await openDatabase({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined });
    try {
      const db = database.db;
      const entries = () => readAudit(db, { compactIds: ['southend'] });
      const first = (await entries()).filter((e) => e.action === 'compact.import');
      assert.equal(first.length, 1, 'the first import of southend is logged');
      assert.equal((await signatoryHistory(db, 'southend', 'essex-police')).length, 1, 'each signatory it added has its history');

      const feed = JSON.parse(sampleFeed('southend'));
      feed.compact.name = 'The Southend Compact';
      feed.signatories = feed.signatories.filter((s: { id: string }) => s.id !== 'essex-police');
      feed.signatories.find((s: { id: string }) => s.id === 'GB-LAE-SOS').name = 'Southend City Council';
      feed.signatories.push({ id: 'GB-CHC-9999999', name: 'Leigh Lantern Trust', sector: 'voluntary' });
      const dir = mkdtempSync(join(tmpdir(), 'compact-cli-'));
      writeFileSync(join(dir, 'southend.json'), JSON.stringify(feed));

      const count = (await entries()).length;
      assert.equal(cli(['import', join(dir, 'southend.json')], officer).status, 1);
      assert.equal((await entries()).length, count, 'a refused import changes nothing, and logs nothing');

      const replaced = cli(['import', '--replace', join(dir, 'southend.json')], officer);
      assert.equal(replaced.status, 0, replaced.stderr);
      const latest = await entries();
      const added = latest.slice(0, latest.length - count).reverse();
      assert.deepEqual(
        added.map((e) => [e.action, e.subject_id]),
        [
          ['compact.replace', 'southend'],
          ['signatory.edit', 'GB-LAE-SOS'],
          ['signatory.add', 'GB-CHC-9999999'],
          ['signatory.withdraw', 'essex-police'],
        ],
        'one entry for the document, one for each signatory that changed, none for the rest',
      );
      for (const entry of added) {
        assert.equal(entry.actor, 'cli:officer-test');
        assert.equal(entry.actor_label, 'command line (officer-test)');
      }
      assert.equal(JSON.parse(added[0].before!).compact.name, 'A Compact for Southend-on-Sea');
      assert.equal(JSON.parse(added[0].after!).compact.name, 'The Southend Compact');
      assert.deepEqual(JSON.parse(added[1].after!), { ...JSON.parse(added[1].before!), data: { ...JSON.parse(added[1].before!).data, name: 'Southend City Council' }, via: 'import' });

      const history = await signatoryHistory(db, 'southend', 'essex-police');
      assert.equal(history.length, 2);
      assert.equal(history[1].by, 'command line (officer-test)');
      assert.deepEqual([JSON.parse(history[1].before!).status, JSON.parse(history[1].after).status], ['active', 'withdrawn']);
      assert.equal((await findSignatory(db, 'southend', 'essex-police'))?.status, 'withdrawn', 'kept, out of the feed, with its history');
      const built = await buildFeed(db, 'southend', { publicUrl: 'https://compact.council.example' });
      assert.ok(!(built!.feed.signatories as { id: string }[]).some((s) => s.id === 'essex-police'));
      const fromPledge = await signatoryHistory(db, 'southend', 'westcliff-mens-shed');
      assert.equal((await findSignatory(db, 'southend', 'westcliff-mens-shed'))?.status, 'active', 'a signatory from a pledge stays');
      assert.ok(fromPledge.every((h) => h.by !== 'command line (officer-test)'));

      // The same feed again: nothing changes, so nothing but the document's entry is logged.
      const before = (await entries()).length;
      assert.equal(cli(['import', '--replace', join(dir, 'southend.json')], officer).status, 0);
      const after = await entries();
      assert.deepEqual(after.slice(0, after.length - before).map((e) => e.action), ['compact.replace']);
    } finally {
      await database.close();
    }
  });

  it('rejects only with a reason, and keeps the reason', async () => {
    const id = await pledge('Not A Real Charity');
    const noReason = cli(['pledges', 'reject', id], env);
    assert.equal(noReason.status, 2);
    assert.match(noReason.stderr, /--reason/);
    const empty = cli(['pledges', 'reject', id, '--reason', '   '], env);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /--reason/);
    const rejected = cli(['pledges', 'reject', id, '--reason', 'Could not find it on any register'], env);
    assert.equal(rejected.status, 0, rejected.stderr);
    const shown = JSON.parse(cli(['pledges', 'show', id], env).stdout);
    assert.equal(shown.status, 'rejected');
    assert.equal(shown.reason, 'Could not find it on any register');
    assert.match(shown.decidedBy, /^cli:/);
    assert.equal(cli(['pledges', 'approve', 'no-such-id'], env).status, 1);
  });

  it('escapes control characters from submitted text in what it prints', async () => {
    await pledge('Evil \u001b[2J\u001b]0;owned\u0007 Group');
    const list = cli(['pledges', 'list'], env);
    assert.equal(list.status, 0);
    assert.doesNotMatch(list.stdout, /\u001b/);
    // The server itself turns control characters into spaces; nothing raw reaches the terminal either way.
    assert.match(list.stdout, /Evil/);
    const named = cli(['import', 'no-such\u001b[2J\u001b]0;owned\u0007.json'], env);
    assert.equal(named.status, 1);
    assert.doesNotMatch(named.stderr, /[\u001b\u0007]/);
    assert.match(named.stderr, /No such file: no-such\\u001b\[2J/);
  });

  it('publish --out writes the same bytes the feed route serves, for every compact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-publish-'));
    const result = cli(['publish', '--out', dir], env);
    assert.equal(result.status, 0, result.stderr);
    const database = await openDatabase({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL || undefined });
    try {
      for (const id of ['ceredigion', 'south-ayrshire', 'southend']) {
        const built = await buildFeed(database.db, id, { publicUrl: 'https://compact.council.example' });
        assert.equal(readFileSync(join(dir, `${id}.json`), 'utf8'), serialiseFeed(built!.feed), id);
        assert.equal(checkFeed(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'))).valid, true);
      }
    } finally {
      await database.close();
    }
  });

  it('explains wrong usage and bad configuration with exit 2', () => {
    assert.equal(cli([], env).status, 2);
    assert.equal(cli(['frobnicate'], env).status, 2);
    const badPort = cli(['pledges', 'list'], { ...env, PORT: 'eighty' });
    assert.equal(badPort.status, 2);
    assert.match(badPort.stderr, /PORT must be a whole number/);
    const badUrl = cli(['pledges', 'list'], { ...env, PUBLIC_URL: 'https://user:pw@x.example' });
    assert.equal(badUrl.status, 2);
    assert.match(badUrl.stderr, /PUBLIC_URL/);
  });
});

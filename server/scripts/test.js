#!/usr/bin/env node
// The server's tests, run twice: on SQLite, then on a real PostgreSQL (a throwaway cluster).
// If PostgreSQL cannot start the run fails: nothing is skipped silently.
//
//   npm test -w compact-server                 both databases
//   node scripts/test.js --db sqlite [files]   one database, some files
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from './postgres.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: 'string' } } });
const databases = values.db ? [values.db] : ['sqlite', 'postgres'];

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'helpers' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}
const files = positionals.length ? positionals : testFiles(join(root, 'test')).sort();

function run(db, env) {
  console.log(`\n── compact-server tests on ${db} (${files.length} files) ──`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: db, ...env },
  });
  return result.status ?? 1;
}

let failed = false;
for (const db of databases) {
  if (db === 'postgres') {
    let cluster;
    try {
      cluster = await startPostgres();
    } catch (error) {
      console.error(`PostgreSQL could not start, so the PostgreSQL tests cannot run: ${error.message}`);
      process.exit(1);
    }
    try {
      failed = run(db, { TEST_DATABASE_URL: cluster.url }) !== 0 || failed;
    } finally {
      cluster.stop();
    }
  } else {
    failed = run(db, {}) !== 0 || failed;
  }
}
process.exit(failed ? 1 : 0);

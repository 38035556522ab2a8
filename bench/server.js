#!/usr/bin/env node
// `npm run bench` (part 2): compact-server on loopback with autocannon, on SQLite and on PostgreSQL,
// beside a bare node:http server answering the same bytes in the same run. Numbers, not pass/fail.
//
// Budgets reported: the feed route at ≥ 50% of bare node:http throughput; pledge POST p99 ≤ 50 ms at
// 200 requests/s on SQLite. Each server runs in its own process (autocannon gets this one).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startPostgres } from '../server/scripts/postgres.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliPath = join(root, 'server/dist/cli/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
let nextPort = 19400;

function start(args, env, readyPattern) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (readyPattern.test(output)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${output}`)));
  });
}

function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`compact-server ${args.join(' ')} exited ${code}`))));
  });
}

const load = (options) =>
  new Promise((resolve, reject) => autocannon({ duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result))));

function pledgeRequests(prefix) {
  let n = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        n++;
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            compactId: 'southend',
            organisation: { name: `${prefix} bench group ${n}`, sector: 'voluntary' },
            contact: { name: 'Bench Person', email: `bench${n}@example.org` },
            consent: { publish: true, contact: false },
            locale: 'en',
          }),
        };
      },
    },
  ];
}

/** The three loads, against one server: the feed (200), the feed revalidated (304), pledges at 200/s. */
async function measure(base, etag, label) {
  const feed = await load({ url: `${base}/feeds/southend.json`, connections: 10 });
  const notModified = await load({ url: `${base}/feeds/southend.json`, connections: 10, headers: { 'if-none-match': etag } });
  const pledges = await load({ url: `${base}/api/compacts/southend/pledges`, connections: 20, overallRate: 200, requests: pledgeRequests(label) });
  const row = (what, r) => ({
    server: label,
    load: what,
    'req/s': Math.round(r.requests.average),
    p50: `${r.latency.p50} ms`,
    p99: `${r.latency.p99} ms`,
    errors: r.errors + r.timeouts + (r.non2xx - (what === 'feed 304' ? r['3xx'] ?? 0 : 0)),
    raw: r,
  });
  return [row('feed 200', feed), row('feed 304', notModified), row('pledge POST @200/s', pledges)];
}

function print(rows, bare) {
  const columns = ['server', 'load', 'req/s', 'p50', 'p99', 'vs bare'];
  const withRatio = rows.map((r) => {
    const b = bare.find((x) => x.load === r.load);
    return { ...r, 'vs bare': b && r !== b ? `${Math.round((100 * r['req/s']) / b['req/s'])}%` : '' };
  });
  const widths = columns.map((c) => Math.max(c.length, ...withRatio.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of withRatio) console.log(line(columns.map((c) => r[c])));
}

async function main() {
  console.log(`\ncompact-server on loopback (autocannon, ${SECONDS} s per load; feed: Southend, 25 signatories)\n`);
  const cluster = await startPostgres();
  const children = [];
  try {
    const results = [];
    let bareRows;
    for (const db of ['sqlite', 'postgres']) {
      const port = nextPort++;
      const env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'compact-bench-')),
        DATABASE_URL: db === 'postgres' ? cluster.url : '',
        LOG_LEVEL: 'warn',
        PLEDGE_RATE_LIMIT: '1000000',
      };
      await runCli(['import', join(root, 'demo/feeds/southend.json')], env);
      const server = await start([cliPath, 'serve'], { ...env, LOG_LEVEL: 'info' }, /compact-server on/);
      children.push(server);
      const base = `http://127.0.0.1:${port}`;
      const response = await fetch(`${base}/feeds/southend.json`);
      const etag = response.headers.get('etag');
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!bareRows) {
        const file = join(mkdtempSync(join(tmpdir(), 'compact-bare-')), 'feed.json');
        writeFileSync(file, bytes);
        const barePort = nextPort++;
        const bare = await start([join(root, 'bench/bare-server.js'), file, etag, String(barePort)], {}, /ready/);
        children.push(bare);
        bareRows = await measure(`http://127.0.0.1:${barePort}`, etag, 'bare node:http');
        bare.kill();
      }
      results.push(...(await measure(base, etag, `compact-server (${db})`)));
      server.kill('SIGTERM');
    }
    print([...bareRows, ...results], bareRows);
    const sqliteFeed = results.find((r) => r.server.includes('sqlite') && r.load === 'feed 200');
    const barefeed = bareRows.find((r) => r.load === 'feed 200');
    const sqlitePost = results.find((r) => r.server.includes('sqlite') && r.load.startsWith('pledge'));
    const ratio = sqliteFeed['req/s'] / barefeed['req/s'];
    console.log(`\nfeed route (SQLite): ${Math.round(ratio * 100)}% of bare node:http (budget ≥ 50%: ${ratio >= 0.5 ? 'within' : 'OVER'})`);
    console.log(`pledge POST p99 at 200/s (SQLite): ${sqlitePost.raw.latency.p99} ms (budget ≤ 50 ms: ${sqlitePost.raw.latency.p99 <= 50 ? 'within' : 'OVER'})`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

#!/usr/bin/env node
// `npm run bench`: prints how big and how fast the widgets are. Numbers, not pass/fail.
//
// 1. Sizes: gzip and brotli of the main bundle (everything but chart.js and the locales) and each chunk.
// 2. In headless Debian Chromium, for 10,000 signatories: time to first rows, time per search keystroke,
//    DOM nodes and JS heap of <compact-signatory-list>, side by side with Grid.js and List.js on the same
//    data in the same run; render time of <compact-action-plan> with 400 actions; and 200 consultations.
//
// Run `npm run build` first (the npm script does). Budgets: main bundle ≤ 25 kB gzip; a search keystroke
// faster than both peers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser, root, startServer } from '../test/node/helpers/browser.js';
import { measurePeers } from './peers.js';

const MAIN_BUDGET = 25 * 1024;
const dist = join(root, 'dist');

function sizes() {
  const files = ['compact-widgets.js', ...readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`)].filter(
    (f) => f.endsWith('.js'),
  );
  return files.map((file) => {
    const body = readFileSync(join(dist, file));
    return {
      file,
      raw: statSync(join(dist, file)).size,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n) => (n === undefined || n === null ? '–' : `${n.toFixed(1)} ms`);

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
  console.log('');
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

const BENCH_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/compact-widgets.js"></script></head><body><main id="stage"></main></body></html>`;

async function main() {
  console.log('\nBundle sizes (dist/)\n');
  const files = sizes();
  table(
    files.map((f) => ({ file: f.file, raw: kB(f.raw), gzip: kB(f.gzip), brotli: kB(f.brotli) })),
    ['file', 'raw', 'gzip', 'brotli'],
  );
  // The main bundle is what every page loads: the entry and the chunks it imports statically (the
  // code it shares with the locale chunks). chart.js and the locales load only when needed.
  const entry = readFileSync(join(dist, 'compact-widgets.js'), 'utf8');
  const staticChunks = [...entry.matchAll(/from"\.\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
  const mainFiles = files.filter((f) => f.file === 'compact-widgets.js' || staticChunks.includes(f.file));
  const total = (key) => mainFiles.reduce((sum, f) => sum + f[key], 0);
  console.log(
    `main bundle (${mainFiles.map((f) => f.file).join(' + ')}): ${kB(total('gzip'))} gzip, ${kB(total('brotli'))} brotli ` +
      `(budget ${kB(MAIN_BUDGET)} gzip: ${total('gzip') <= MAIN_BUDGET ? 'within' : 'OVER'})\n`,
  );

  const server = await startServer({ pages: { '/bench.html': { body: BENCH_PAGE } } });
  const browser = await launchBrowser();
  try {
    const fresh = async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/bench.html`);
      await page.waitForFunction(() => customElements.get('compact-signatory-list'));
      return page;
    };

    console.log('Signatory list, 10,000 signatories (median of typing "community", one key at a time)\n');
    const rows = [];
    const { measureSignatoryList } = await import('./signatory-list.bench.js');
    {
      const page = await fresh();
      const r = await measureSignatoryList(page, { count: 10_000 });
      rows.push({ library: 'compact-signatory-list', ...r, heapMB: await heapMB(page) });
      await page.close();
    }
    for (const peer of ['Grid.js', 'List.js']) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/bench.html`);
      const r = await measurePeers(page, peer, { count: 10_000 });
      rows.push({ library: peer, ...r, heapMB: await heapMB(page) });
      await page.close();
    }
    table(
      rows.map((r) => ({
        library: r.library,
        'first rows': ms(r.firstRowsMs),
        'per keystroke': ms(r.keystrokeMs),
        'DOM nodes': r.domNodes,
        'JS heap': `${r.heapMB.toFixed(1)} MB`,
      })),
      ['library', 'first rows', 'per keystroke', 'DOM nodes', 'JS heap'],
    );
    const ours = rows[0].keystrokeMs;
    const fastestPeer = Math.min(...rows.slice(1).map((r) => r.keystrokeMs));
    console.log(`search keystroke: ours ${ms(ours)} vs fastest peer ${ms(fastestPeer)}: ${ours < fastestPeer ? 'faster' : 'NOT faster'}\n`);

    const { measureActionPlan } = await import('./action-plan.bench.js');
    const { measureCountdowns } = await import('./consultation-countdown.bench.js').catch(() => ({}));
    const others = [];
    {
      const page = await fresh();
      await page.waitForFunction(() => customElements.get('compact-action-plan'));
      const r = await measureActionPlan(page, { actions: 400 });
      others.push({ measure: 'action plan, 400 actions (charts off)', time: ms(r.renderMs), 'DOM nodes': r.domNodes });
      await page.close();
    }
    if (measureCountdowns) {
      const page = await fresh();
      const r = await measureCountdowns(page, { consultations: 200 });
      others.push({ measure: 'consultation countdowns, 200 consultations', time: ms(r.renderMs), 'DOM nodes': r.domNodes });
      await page.close();
    }
    table(others, ['measure', 'time', 'DOM nodes']);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

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
<script type="module">import { defineAll } from '/dist/compact-widgets.js'; defineAll();</script></head><body><main id="stage"></main></body></html>`;

async function main() {
  console.log('\nBundle sizes (dist/)\n');
  const files = sizes();
  table(
    files.map((f) => ({ file: f.file, raw: kB(f.raw), gzip: kB(f.gzip), brotli: kB(f.brotli) })),
    ['file', 'raw', 'gzip', 'brotli'],
  );
  // What a page downloads: the entry, the chunks it imports statically, and for each element on the
  // page that element's chunk and everything it imports statically. chart.js and the Welsh and Gaelic
  // translations come only when a chart or a translation is needed.
  const byFile = new Map(files.map((f) => [f.file, f]));
  const staticImports = (file) => {
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? 'chunks/' : '';
    return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?"\.\/([^"]+\.js)"/g)].map((m) =>
      join(dir, m[1]).replace(/^chunks\/chunks\//, 'chunks/'),
    );
  };
  const closure = (start) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !byFile.has(file)) return;
      seen.add(file);
      staticImports(file).forEach(visit);
    };
    start.forEach(visit);
    return [...seen];
  };
  const weigh = (list) => ({
    gzip: list.reduce((sum, f) => sum + byFile.get(f).gzip, 0),
    brotli: list.reduce((sum, f) => sum + byFile.get(f).brotli, 0),
  });
  const main = closure(['compact-widgets.js']);
  const everyElement = files.filter((f) => /^chunks\/(action-plan|consultation-countdown|pledge-badge|pledge-form|signatory-list)-/.test(f.file));
  const shared = closure(everyElement.map((f) => f.file)).filter((f) => everyElement.every((e) => closure([e.file]).includes(f)));
  const mainWeight = weigh([...main, ...shared]);
  console.log(
    `main bundle (entry + code every element shares: ${[...main, ...shared].join(', ')}): ` +
      `${kB(mainWeight.gzip)} gzip, ${kB(mainWeight.brotli)} brotli (budget ${kB(MAIN_BUDGET)} gzip: ` +
      `${mainWeight.gzip <= MAIN_BUDGET ? 'within' : 'OVER'})\n`,
  );
  console.log('What a page with one element downloads (before chart.js or translations):\n');
  table(
    everyElement.map((e) => {
      const list = closure(['compact-widgets.js', e.file]);
      const w = weigh(list);
      return { element: e.file.replace(/^chunks\/|-[\w-]{8}\.js$/g, ''), files: list.length, gzip: kB(w.gzip), brotli: kB(w.brotli) };
    }),
    ['element', 'files', 'gzip', 'brotli'],
  );
  const all = weigh(closure(['compact-widgets.js', ...everyElement.map((e) => e.file)]));
  console.log(`all five elements on one page: ${kB(all.gzip)} gzip, ${kB(all.brotli)} brotli\n`);

  const server = await startServer({ pages: { '/bench.html': { body: BENCH_PAGE } } });
  const browser = await launchBrowser();
  try {
    const fresh = async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/bench.html`);
      await page.waitForFunction(() => customElements.get('compact-signatory-list'));
      return page;
    };

    console.log('Signatory list, 10,000 signatories (median of typing "community", one key at a time;');
    console.log('"→ DOM": input event to results in the DOM; "→ frame": to the next animation frame)\n');
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
        'keystroke → DOM': ms(r.keystrokeMs),
        'keystroke → frame': ms(r.keystrokeFrameMs),
        'DOM nodes': r.domNodes,
        'JS heap': `${r.heapMB.toFixed(1)} MB`,
      })),
      ['library', 'first rows', 'keystroke → DOM', 'keystroke → frame', 'DOM nodes', 'JS heap'],
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

#!/usr/bin/env node
// `npm run bench`: prints how big and how fast the widgets are. Numbers, not pass/fail.
//
// 1. Sizes: gzip and brotli of every file in dist/; what a page with each element alone downloads; what
//    the page with the list, the form, the countdown and the badge downloads before anyone interacts,
//    worked out from the static imports and measured in Chromium (every JS response it really gets),
//    and how long that page takes to show all four, here and as on a slow phone (CPU and network emulated).
// 2. In headless Debian Chromium, for 10,000 signatories: first rows from navigation start, with the
//    script and the feed over HTTP (first-rows.js), and a search keystroke, beside List.js and Grid.js
//    given the same data the same way, in alternating rounds; render time of <compact-action-plan> with
//    400 actions; and 200 consultations.
//
// Run `npm run build` first (the npm script does). Goals: the four-element page ≤ 30 kB gzip; first rows
// no slower than List.js; a search keystroke faster than both peers. Beside it: profile-first-rows.js
// (where first rows' time goes) and first-paint-coverage.js (how much of the four-element page's code
// has run by the time all four show their feed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser } from '../test/node/helpers/browser.js';
import { benchFeed, median, QUERY, ROUNDS } from './data.js';
import { LIBRARIES, measureFirstRows, VIEWPORT } from './first-rows.js';
import { FOUR_ELEMENTS, FOUR_ELEMENT_PATH, fourElementRoutes, jsDownloadedBy, readyAfter, SLOW_PHONE } from './page-weight.js';
import { distDir, startPageServer } from './page-server.js';

const FOUR_ELEMENT_BUDGET = 30 * 1024;
const dist = distDir;

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
const ms = (n) => (n === undefined || n === null || Number.isNaN(n) ? '–' : `${n.toFixed(1)} ms`);

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
  console.log('');
}

const BENCH_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench</title>
<script type="module">import { defineAll } from '/dist/compact-widgets.js'; defineAll();</script></head><body><main id="stage"></main></body></html>`;

const html = (body) => ({ type: 'text/html; charset=utf-8', body });
const json = (body) => ({ type: 'application/json; charset=utf-8', body });

async function main() {
  console.log('\nBundle sizes (dist/)\n');
  const files = sizes();
  table(
    files.map((f) => ({ file: f.file, raw: kB(f.raw), gzip: kB(f.gzip), brotli: kB(f.brotli) })),
    ['file', 'raw', 'gzip', 'brotli'],
  );
  // What a page downloads: the entry, and for each element on the page that element's chunk and
  // everything it imports statically. chart.js and the Welsh and Gaelic translations come only when a
  // chart or a translation is needed (the measured figure below shows what really comes).
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
  const chunkOf = (tag) => files.find((f) => f.file.startsWith(`chunks/${tag.replace(/^compact-/, '')}-`))?.file;
  const ELEMENT_TAGS = ['compact-action-plan', 'compact-consultation-countdown', 'compact-pledge-badge', 'compact-pledge-form', 'compact-signatory-list'];
  console.log('Each element alone on a page (entry + its chunk + their static imports; before chart.js or translations):\n');
  table(
    ELEMENT_TAGS.filter(chunkOf).map((tag) => {
      const list = closure(['compact-widgets.js', chunkOf(tag)]);
      const w = weigh(list);
      return { element: `<${tag}>`, files: list.length, gzip: kB(w.gzip), brotli: kB(w.brotli), 'its own chunk, gzip': kB(byFile.get(chunkOf(tag)).gzip) };
    }),
    ['element', 'files', 'gzip', 'brotli', 'its own chunk, gzip'],
  );

  const fourFiles = closure(['compact-widgets.js', ...FOUR_ELEMENTS.map(chunkOf)]);
  const four = weigh(fourFiles);
  const feedText = JSON.stringify(benchFeed(10_000));
  const server = await startPageServer({
    ...Object.fromEntries(LIBRARIES.map((library) => [library.path, html(library.page())])),
    '/feed.json': json(feedText),
    ...fourElementRoutes(),
    '/bench.html': html(BENCH_PAGE),
  });
  const browser = await launchBrowser();
  try {
    // The honest figure: what Chromium really downloads for that page before anyone touches it.
    const loaded = await jsDownloadedBy(browser, `${server.origin}${FOUR_ELEMENT_PATH}`);
    const measured = weigh(loaded.filter((f) => byFile.has(f)));
    console.log(`The page with ${FOUR_ELEMENTS.map((t) => `<${t}>`).join(', ')}, before any interaction:`);
    console.log(`  static closure: ${kB(four.gzip)} gzip, ${kB(four.brotli)} brotli (${fourFiles.join(', ')})`);
    console.log(
      `  measured in Chromium: ${kB(measured.gzip)} gzip, ${kB(measured.brotli)} brotli (${loaded.join(', ')}) ` +
        `— goal ${kB(FOUR_ELEMENT_BUDGET)} gzip: ${measured.gzip <= FOUR_ELEMENT_BUDGET ? 'within' : 'OVER'}`,
    );
    const beyond = loaded.filter((f) => !fourFiles.includes(f));
    if (beyond.length) console.log(`  loaded by the first paint beyond the static closure: ${beyond.join(', ')}`);
    // The same page's time to show all four, here and where every round trip and kilobyte counts.
    const fourUrl = `${server.origin}${FOUR_ELEMENT_PATH}`;
    const ready = { here: [], slow: [] };
    for (let round = 0; round < ROUNDS; round++) {
      ready.here.push(await readyAfter(browser, fourUrl));
      ready.slow.push(await readyAfter(browser, fourUrl, SLOW_PHONE));
    }
    const { cpuSlowdown, network } = SLOW_PHONE;
    console.log(
      `  all four showing their feed, from navigation start (medians of ${ROUNDS}, empty cache): ${ms(median(ready.here))} ` +
        `on this machine over loopback; ${ms(median(ready.slow))} as on a slow phone (CPU ${cpuSlowdown}× slower, ` +
        `${network.latency} ms latency, ${(network.downloadThroughput * 8) / 1e6} Mbit/s down)`,
    );
    console.log('');

    console.log(
      `Signatory list, 10,000 signatories, from navigation start. Each library's page loads its script and ` +
        `the same feed (${kB(feedText.length)}; ${kB(gzipSync(feedText, { level: 9 }).length)} gzip as served) over ` +
        `HTTP from one loopback server, each round in a fresh browser context (empty cache), viewport ` +
        `${VIEWPORT.width}×${VIEWPORT.height}; ${ROUNDS} alternating rounds per library, medians.`,
    );
    console.log('"first rows": navigation start to the animation frame after the first result row entered the DOM.');
    console.log(`Keystrokes: "${QUERY}" typed one key at a time; "→ DOM" input event to results in the DOM, "→ frame" to the next frame.\n`);
    const { rows } = await measureFirstRows(browser, server, { rounds: ROUNDS });
    const [listJs, gridJs] = ['List.js', 'Grid.js'].map((name) => rows.find((r) => r.library === name));
    const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
    table(
      rows.map((r) => ({
        library: r.library,
        'first rows': ms(r.firstRowsMs),
        '÷ List.js': ratio(r.firstRowsMs, listJs.firstRowsMs),
        '÷ Grid.js': ratio(r.firstRowsMs, gridJs.firstRowsMs),
        'rows in DOM': ms(r.rowsInDomMs),
        'feed requested → received': `${ms(r.feedStartMs)} → ${ms(r.feedEndMs)}`,
        'keystroke → DOM': ms(r.keystrokeMs),
        'keystroke → frame': ms(r.keystrokeFrameMs),
        'DOM nodes': r.domNodes,
      })),
      ['library', 'first rows', '÷ List.js', '÷ Grid.js', 'rows in DOM', 'feed requested → received', 'keystroke → DOM', 'keystroke → frame', 'DOM nodes'],
    );
    for (const r of rows) console.log(`  ${r.library}: ${r.paging}; first rows per round ${r.allFirstRowsMs.map((x) => x.toFixed(0)).join(', ')} ms`);
    const ours = rows[0];
    const fastestPeer = Math.min(listJs.keystrokeMs, gridJs.keystrokeMs);
    console.log(
      `\nfirst rows: ours ${ms(ours.firstRowsMs)} vs List.js ${ms(listJs.firstRowsMs)}: ` +
        `${ours.firstRowsMs <= listJs.firstRowsMs ? 'no slower' : 'SLOWER'}`,
    );
    console.log(`search keystroke: ours ${ms(ours.keystrokeMs)} vs fastest peer ${ms(fastestPeer)}: ${ours.keystrokeMs < fastestPeer ? 'faster' : 'NOT faster'}\n`);

    const fresh = async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/bench.html`);
      await page.waitForFunction(() => customElements.get('compact-action-plan'));
      return page;
    };
    const { measureActionPlan } = await import('./action-plan.bench.js');
    const { measureCountdowns } = await import('./consultation-countdown.bench.js');
    const others = [];
    {
      const page = await fresh();
      const r = await measureActionPlan(page, { actions: 400 });
      others.push({ measure: 'action plan, 400 actions (charts off)', time: ms(r.renderMs), 'DOM nodes': r.domNodes });
      await page.close();
    }
    {
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

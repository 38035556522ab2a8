#!/usr/bin/env node
// Where the time goes from navigation start to <compact-signatory-list>'s first rows, on the page the
// first-rows bench times (10,000 signatories over HTTP): the request waterfall (page, entry, chunks,
// feed) and, from Chromium's sampling profiler (CDP, 100 µs), the main thread's time by source module
// and function (minified frames mapped back through dist/'s source maps). Run `npm run build` first.
//
//   node bench/profile-first-rows.js            # 5 profiled loads, medians
//   PROFILE_ROUNDS=1 node bench/profile-first-rows.js
//   PROFILE_PAGE=four node bench/profile-first-rows.js   # the page-weight page (page-weight.js) instead,
//                                                        # up to all four elements showing their feed
//
// Only up to the first rows counts: the probe calls a marker function as it sees them, and samples
// after the marker (idle-time search keys, the saved copy) are left out.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchBrowser, root } from '../test/node/helpers/browser.js';
import { benchFeed, median } from './data.js';
import { VIEWPORT } from './first-rows.js';
import { distDir, startPageServer } from './page-server.js';
import { ours } from './signatory-list.bench.js';
import { fourElementFeed, fourElementPage } from './page-weight.js';

const ROUNDS = Math.max(1, Number.parseInt(process.env.PROFILE_ROUNDS ?? '', 10) || 5);
const MARKER = '__benchRowsSeen';

// The bench's own page, with a marker the profile can find: a function that spins for 3 ms when the
// probe sees the first rows (on the four-element page, when its probe sets `__ready`).
const SPIN = `(function ${MARKER}() { const end = performance.now() + 3; while (performance.now() < end); })()`;
const FOUR = process.env.PROFILE_PAGE === 'four';
const page = FOUR
  ? fourElementPage('/four-feed.json').replace(
      '(window.__ready = performance.now())',
      `(window.__ready = performance.now(), window.__bench = { rowsInDom: window.__ready, firstRows: window.__ready }, ${SPIN})`,
    )
  : ours.page().replace("bench.rowsInDom = performance.now();", `bench.rowsInDom = performance.now(); ${SPIN};`);
if (!page.includes(MARKER)) throw new Error("the page's probe has changed: the marker could not be put in it");

const maps = new Map();
function sourceOf(url, line, column) {
  const path = new URL(url).pathname;
  if (!path.startsWith('/dist/')) return { file: path.replace(/^\//, ''), name: undefined };
  if (!maps.has(path)) {
    try {
      maps.set(path, new TraceMap(readFileSync(join(distDir, `${path.slice('/dist/'.length)}.map`), 'utf8')));
    } catch {
      maps.set(path, null);
    }
  }
  const map = maps.get(path);
  if (!map) return { file: path, name: undefined };
  const pos = originalPositionFor(map, { line: line + 1, column });
  if (!pos.source) return { file: `${path} (unmapped, ${line + 1}:${column})`, name: undefined };
  const file = pos.source ? relative(root, new URL(pos.source, `file://${join(distDir, path.slice('/dist/'.length))}`).pathname) : path;
  // Sources are named relative to the build's own folder: show them from src/ or the package name.
  return { file: file.replace(/^(\.\.\/)*(tmp\/|work\/main\/)?/, '').replace(/^.*?node_modules\/(\.pnpm\/)?/, ''), name: pos.name ?? undefined };
}

async function profileOnce(browser, server) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${server.origin}/bench/profiled.html`, { waitUntil: 'commit' });
    await tab.waitForFunction(() => window.__bench?.firstRows !== undefined, null, { timeout: 60_000, polling: 100 });
    const { profile } = await cdp.send('Profiler.stop');
    const timings = await tab.evaluate(() => ({
      rowsInDom: window.__bench.rowsInDom,
      firstRows: window.__bench.firstRows,
      resources: [
        ...performance.getEntriesByType('navigation').map((r) => ({ name: location.pathname, start: 0, end: r.responseEnd })),
        ...performance.getEntriesByType('resource').map((r) => ({
          name: new URL(r.name).pathname,
          start: r.startTime,
          end: r.responseEnd,
          bytes: r.encodedBodySize,
        })),
      ],
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    }));
    return { profile, ...timings };
  } finally {
    await context.close();
  }
}

/** Self time (ms) per source file and per function, up to the marker. */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The marker's first sample: everything before it is on the way to the first rows.
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const markerAt = profile.samples.findIndex((id) => nodes.get(id).callFrame.functionName === MARKER);
  const end = markerAt === -1 ? profile.samples.length : markerAt;
  const byFile = new Map();
  const byFunction = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (let i = 0; i < end; i++) {
    const ms = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
    let node = nodes.get(profile.samples[i]);
    const frame = node.callFrame;
    let label = frame.functionName || '(anonymous)';
    if (!frame.url) {
      // A builtin (JSON.parse, a regexp, GC…): charge it to the nearest script frame's file.
      if (label.startsWith('(')) {
        add(byFile, label, ms);
        add(byFunction, label, ms);
        continue;
      }
      while (node && !node.callFrame.url) node = nodes.get(parent.get(node.id));
      if (!node) {
        add(byFile, `(native ${label})`, ms);
        add(byFunction, `(native ${label})`, ms);
        continue;
      }
      const { file, name } = sourceOf(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
      add(byFile, file, ms);
      add(byFunction, `${label} (builtin, from ${name ?? node.callFrame.functionName} in ${file})`, ms);
      continue;
    }
    const { file, name } = sourceOf(frame.url, frame.lineNumber, frame.columnNumber);
    add(byFile, file, ms);
    add(byFunction, `${name ?? label} (${file})`, ms);
  }
  return { byFile, byFunction };
}

const server = await startPageServer({
  '/bench/profiled.html': { type: 'text/html; charset=utf-8', body: page },
  '/feed.json': { type: 'application/json; charset=utf-8', body: JSON.stringify(benchFeed(10_000)) },
  '/four-feed.json': { type: 'application/json; charset=utf-8', body: JSON.stringify(fourElementFeed()) },
});
const browser = await launchBrowser();
try {
  await profileOnce(browser, server); // warm-up: the server's compressed bodies, the browser's first page
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await profileOnce(browser, server));
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(
    FOUR
      ? `\nThe four-element page (page-weight.js), up to all four showing their feed: medians of ${ROUNDS} profiled loads`
      : `\n<compact-signatory-list>, 10,000 signatories over HTTP: medians of ${ROUNDS} profiled loads`,
  );
  console.log(`(the profiler slows scripts a little; the bench's unprofiled figures are the reference)\n`);
  console.log(`first rows in the DOM ${ms(median(runs.map((r) => r.rowsInDom)))}, painted frame ${ms(median(runs.map((r) => r.firstRows)))}`);
  console.log(`DOMContentLoaded ${ms(median(runs.map((r) => r.domContentLoaded)))}\n`);
  console.log('Requests (ms from navigation start: requested → last byte; gzip bytes):');
  const names = [...new Set(runs.flatMap((r) => r.resources.map((x) => x.name)))];
  for (const name of names) {
    const found = runs.map((r) => r.resources.find((x) => x.name === name)).filter(Boolean);
    const bytes = found[0].bytes ? ` (${(found[0].bytes / 1024).toFixed(1)} kB)` : '';
    console.log(`  ${name.padEnd(48)} ${ms(median(found.map((x) => x.start))).padStart(9)} → ${ms(median(found.map((x) => x.end))).padStart(9)}${bytes}`);
  }
  const tables = runs.map((r) => selfTimes(r.profile));
  const summarise = (key, top) => {
    const keys = new Set(tables.flatMap((t) => [...t[key].keys()]));
    return [...keys]
      .map((k) => ({ k, ms: median(tables.map((t) => t[key].get(k) ?? 0)) }))
      .filter((x) => x.ms >= 0.5)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  };
  console.log('\nMain-thread self time before the first rows, by source file (median per load):');
  for (const { k, ms: t } of summarise('byFile', 25)) console.log(`  ${ms(t).padStart(9)}  ${k}`);
  console.log('\nBy function:');
  for (const { k, ms: t } of summarise('byFunction', 30)) console.log(`  ${ms(t).padStart(9)}  ${k}`);
} finally {
  await browser.close();
  await server.close();
}

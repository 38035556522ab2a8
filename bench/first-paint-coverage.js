#!/usr/bin/env node
// How much of the JavaScript the four-element page downloads (page-weight.js) has run by the time all
// four elements show their feed: Chromium's precise coverage (block level), per file. It bounds what
// lazy loading could save: code that never ran before the first paint could in principle wait, code
// that ran could not. Run `npm run build` first.
//
//   node bench/first-paint-coverage.js
//
// "ran, gzip" is the gzip size of the executed ranges alone, joined: an estimate, since code split
// into more chunks compresses a little worse than one file.
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/node/helpers/browser.js';
import { startPageServer } from './page-server.js';
import { FOUR_ELEMENT_PATH, fourElementRoutes } from './page-weight.js';

// As run.js counts them (1 kB = 1,024 bytes), so the figures compare.
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The source text of `entry` that ran: each byte takes the count of the innermost range over it. */
function executed({ source, functions }) {
  const ran = new Uint8Array(source.length);
  // Ranges come outermost first within a function, and functions in source order: a later, inner
  // range overrides the outer one it sits in.
  for (const fn of functions) for (const range of fn.ranges) ran.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
  let text = '';
  for (let i = 0; i < source.length; i++) if (ran[i]) text += source[i];
  return text;
}

const server = await startPageServer(fourElementRoutes());
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(`${server.origin}${FOUR_ELEMENT_PATH}`);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30_000 }); // READY_PROBE
  const coverage = await page.coverage.stopJSCoverage();
  const rows = coverage
    .filter((entry) => new URL(entry.url).pathname.startsWith('/dist/'))
    .map((entry) => {
      const ran = executed(entry);
      return { file: new URL(entry.url).pathname.slice('/dist/'.length), raw: entry.source.length, ran: ran.length, gzip: gzip(entry.source), ranGzip: gzip(ran) };
    });
  console.log('file'.padEnd(42), 'raw'.padStart(9), 'ran'.padStart(6), 'gzip'.padStart(9), 'ran, gzip'.padStart(10));
  for (const r of rows) {
    console.log(r.file.padEnd(42), kB(r.raw).padStart(9), `${Math.round((100 * r.ran) / r.raw)}%`.padStart(6), kB(r.gzip).padStart(9), kB(r.ranGzip).padStart(10));
  }
  const sum = (pick) => rows.reduce((total, r) => total + pick(r), 0);
  console.log('all'.padEnd(42), kB(sum((r) => r.raw)).padStart(9), `${Math.round((100 * sum((r) => r.ran)) / sum((r) => r.raw))}%`.padStart(6), kB(sum((r) => r.gzip)).padStart(9), kB(sum((r) => r.ranGzip)).padStart(10));
} finally {
  await browser.close();
  await server.close();
}

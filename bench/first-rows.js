// First rows from navigation, the way a visitor's browser gets them: for each library a page that
// loads the library's script and the feed over HTTP from the bench's loopback server (page-server.js),
// each round in a fresh browser context (empty cache, nothing compiled), the libraries in alternating
// rounds (ours, List.js, Grid.js, ours, …) so that a busy moment of this shared machine falls on all of
// them alike. Then, in the same page, a search typed one key at a time.
//
//   const { rows, rounds } = await measureFirstRows(browser, server, { rounds: 7 });
//
// "first rows" is navigation start (performance.timeOrigin) to the animation frame that paints the first
// result row: a probe in the page's <head>, the same for every library, watches the document and every
// shadow root for the library's first row (MutationObserver), then waits for the next animation frame.
import { median } from './data.js';
import { ours } from './signatory-list.bench.js';
import { peers } from './peers.js';

export const LIBRARIES = [ours, ...peers];

/** Same window for every library: a laptop-sized viewport. */
export const VIEWPORT = { width: 1280, height: 800 };

/** One round of one library in a fresh context: timings from navigation, then the keystrokes. */
async function measureOnce(browser, server, library) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.origin}${library.path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstRows !== undefined, null, { timeout: 60_000, polling: 100 });
    const timings = await page.evaluate((feedPath) => {
      const [feed] = performance.getEntriesByName(new URL(feedPath, location.href).href);
      return {
        firstRowsMs: window.__bench.firstRows,
        rowsInDomMs: window.__bench.rowsInDom,
        feedStartMs: feed?.startTime,
        feedEndMs: feed?.responseEnd,
        scripts: performance
          .getEntriesByType('resource')
          .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
          .map((r) => ({ name: r.name.replace(location.origin, ''), startMs: r.startTime, endMs: r.responseEnd })),
      };
    }, '/feed.json');
    const typing = await library.type(page);
    if (errors.length) throw new Error(`${library.name}: ${errors.join('; ')}`);
    return { ...timings, ...typing };
  } finally {
    await context.close();
  }
}

export async function measureFirstRows(browser, server, { rounds }) {
  const results = new Map(LIBRARIES.map((l) => [l.name, []]));
  // A round not counted: the server has every body compressed and the browser is past its first page.
  for (const library of LIBRARIES) await measureOnce(browser, server, library);
  for (let round = 0; round < rounds; round++) {
    for (const library of LIBRARIES) results.get(library.name).push(await measureOnce(browser, server, library));
  }
  const rows = LIBRARIES.map((library) => {
    const runs = results.get(library.name);
    const med = (pick) => median(runs.map(pick).filter((x) => x !== undefined));
    return {
      library: library.name,
      paging: library.paging,
      firstRowsMs: med((r) => r.firstRowsMs),
      rowsInDomMs: med((r) => r.rowsInDomMs),
      feedStartMs: med((r) => r.feedStartMs),
      feedEndMs: med((r) => r.feedEndMs),
      keystrokeMs: median(runs.flatMap((r) => r.keystrokes)),
      keystrokeFrameMs: median(runs.flatMap((r) => r.keystrokeFrames)),
      domNodes: runs.at(-1).domNodes,
      allFirstRowsMs: runs.map((r) => r.firstRowsMs),
    };
  });
  return { rows, results };
}

// <compact-signatory-list> with a large compact, measured the same way as the peers in peers.js: the same
// synthetic signatories (data.js), the same query typed one key at a time, 50 rows a page.
//
//   const r = await measureSignatoryList(page, { count: 10_000 });
//   // { firstRowsMs, keystrokeMs, keystrokeFrameMs, domNodes, heapMB }: medians of ROUNDS rounds (data.js),
//   // each in a freshly loaded page; keystrokes are the median of every key of every round.
//
// `page` is a playwright-core Page already showing a page where <compact-signatory-list> is defined.
import { makeSignatories, median, QUERY, ROUNDS } from './data.js';

export async function measureSignatoryList(page, { count, rounds = ROUNDS }) {
  const signatories = makeSignatories(count);
  const results = [];
  for (let round = 0; round < rounds; round++) {
    // Each round in a fresh page (as peers.js does), so none is helped by the previous one's warm code.
    if (round > 0) {
      await page.goto(page.url());
      await page.waitForFunction(() => customElements.get('compact-signatory-list'));
    }
    results.push(await measureOnce(page, signatories));
  }
  return {
    firstRowsMs: median(results.map((r) => r.firstRowsMs)),
    keystrokeMs: median(results.flatMap((r) => r.keystrokes)),
    keystrokeFrameMs: median(results.flatMap((r) => r.keystrokeFrames)),
    domNodes: results.at(-1).domNodes,
    heapMB: await heapMB(page),
  };
}

async function measureOnce(page, signatories) {
  return page.evaluate(
    async ({ signatories, query }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const feed = {
        feedVersion: '1.0',
        compact: {
          id: 'bench',
          name: { en: 'The Benchmark Compact', cy: 'Compact y Meincnod' },
          sectors: { voluntary: 'Third sector' },
        },
        signatories,
      };
      const stage = document.getElementById('stage') ?? document.body;
      stage.replaceChildren();

      // First rows: from creating the element (feed validation, search index, sort, render) to the
      // first animation frame in which rows are on screen.
      const t0 = performance.now();
      const el = document.createElement('compact-signatory-list');
      el.feed = feed;
      stage.append(el);
      while (!el.shadowRoot?.querySelector('.item')) await frame();
      const firstRowsMs = performance.now() - t0;

      // Each keystroke: from the input event to the DOM showing the new results, and to the next
      // animation frame (the frame that paints them; at 60 Hz that rounds up to ~16.7 ms).
      const input = el.shadowRoot.querySelector('#search');
      const times = [];
      const frameTimes = [];
      for (let i = 1; i <= query.length; i++) {
        const t = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        times.push(performance.now() - t);
        await frame();
        frameTimes.push(performance.now() - t);
      }
      const shown = el.shadowRoot.querySelectorAll('.item').length;
      if (shown === 0) throw new Error(`no results for "${query}": the benchmark data does not fit the query`);
      return { firstRowsMs, keystrokes: times, keystrokeFrames: frameTimes, domNodes: el.shadowRoot.querySelectorAll('*').length };
    },
    { signatories, query: QUERY },
  );
}

/** Used JS heap after a garbage collection (Chromium's DevTools protocol), in MB. */
async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

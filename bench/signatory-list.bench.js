// <compact-signatory-list> with a large compact, measured the same way as the peers in peers.js: the same
// synthetic signatories (data.js), the same query typed one key at a time, 50 rows a page.
//
//   const r = await measureSignatoryList(page, { count: 10_000 });
//   // { firstRowsMs, keystrokeMs, domNodes, heapMB }
//
// `page` is a playwright-core Page already showing a page where <compact-signatory-list> is defined.
import { makeSignatories, QUERY } from './data.js';

export async function measureSignatoryList(page, { count }) {
  const signatories = makeSignatories(count);
  const result = await page.evaluate(
    async ({ signatories, query }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
      return {
        firstRowsMs,
        keystrokeMs: median(times),
        keystrokeFrameMs: median(frameTimes),
        domNodes: el.shadowRoot.querySelectorAll('*').length,
      };
    },
    { signatories, query: QUERY },
  );
  return { ...result, heapMB: await heapMB(page) };
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

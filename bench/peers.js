// Grid.js and List.js on the same data and the same typing as <compact-signatory-list>, so the bench
// compares like with like: 50 rows a page, search over every column, time from the input event to the
// first animation frame after the DOM has changed.
import { makeSignatories, median, QUERY, ROUNDS } from './data.js';

const SCRIPTS = {
  'Grid.js': '/node_modules/gridjs/dist/gridjs.umd.js',
  'List.js': '/node_modules/list.js/dist/list.min.js',
};

/** Medians of `rounds` rounds, each in a freshly loaded page, as signatory-list.bench.js measures ours. */
export async function measurePeers(page, peer, { count, rounds = ROUNDS }) {
  const data = makeSignatories(count);
  const results = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await page.goto(page.url());
    await page.addScriptTag({ url: SCRIPTS[peer] });
    results.push(await measureOnce(page, peer, data));
  }
  return {
    firstRowsMs: median(results.map((r) => r.firstRowsMs)),
    keystrokeMs: median(results.flatMap((r) => r.keystrokes)),
    keystrokeFrameMs: median(results.flatMap((r) => r.keystrokeFrames)),
    domNodes: results.at(-1).domNodes,
  };
}

async function measureOnce(page, peer, data) {
  return page.evaluate(
    async ({ peer, data, query }) => {
      const stage = document.getElementById('stage');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      /** Resolves when `container` changes (DOM updated), then at the next frame (or after 5 s). */
      const changed = (container) =>
        new Promise((resolve) => {
          const done = () => {
            const dom = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
          };
          const observer = new MutationObserver(done);
          observer.observe(container, { subtree: true, childList: true, characterData: true });
          const timer = setTimeout(done, 5000);
        });
      const times = [];
      const frameTimes = [];
      let firstRowsMs;

      if (peer === 'Grid.js') {
        const t0 = performance.now();
        new window.gridjs.Grid({
          columns: ['Name', 'Sector', 'Type', 'Signed', 'Id'],
          data: data.map((s) => [s.name, s.sector, s.type, s.signed, s.id]),
          search: { debounceTimeout: 0 },
          pagination: { limit: 50 },
        }).render(stage);
        while (!stage.querySelector('tbody tr')) await frame();
        firstRowsMs = performance.now() - t0;
        const input = stage.querySelector('.gridjs-search-input');
        for (let i = 1; i <= query.length; i++) {
          const wait = changed(stage);
          const t = performance.now();
          input.value = query.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const { dom, frame } = await wait;
          times.push(dom - t);
          frameTimes.push(frame - t);
        }
      } else {
        stage.innerHTML = '<input class="search" aria-label="Search"><ul class="list"></ul><ul class="pagination"></ul>';
        const t0 = performance.now();
        new window.List(
          stage,
          {
            valueNames: ['name', 'sector', 'type', 'signed', 'id'],
            item: '<li><h3 class="name"></h3><p class="sector"></p><p class="type"></p><p class="signed"></p><p class="id"></p></li>',
            page: 50,
            pagination: true,
          },
          data,
        );
        await frame();
        firstRowsMs = performance.now() - t0;
        const input = stage.querySelector('.search');
        for (let i = 1; i <= query.length; i++) {
          const wait = changed(stage.querySelector('.list'));
          const t = performance.now();
          input.value = query.slice(0, i);
          input.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
          const { dom, frame } = await wait;
          times.push(dom - t);
          frameTimes.push(frame - t);
        }
      }
      return { firstRowsMs, keystrokes: times, keystrokeFrames: frameTimes, domNodes: stage.querySelectorAll('*').length };
    },
    { peer, data, query: QUERY },
  );
}

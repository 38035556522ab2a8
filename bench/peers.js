// List.js and Grid.js in the first-rows bench (first-rows.js), given what ours is given: a page loads
// the library's script, then fetches the same JSON feed from the same server and renders its
// signatories (name, sector, type, date signed, id: the columns ours shows and searches), 50 rows a
// page, and the same query is typed one key at a time.
//
// Each page is the plain way to use the library: a classic script tag, then a small script that
// fetches the feed and hands the signatories over.
import { probe } from './probe.js';
import { QUERY } from './data.js';

const head = (title, rowSelector, script) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
${probe(rowSelector)}
<script src="${script}"></script>
</head>`;

const listJs = {
  name: 'List.js',
  path: '/bench/list.html',
  paging: '50 a page (page: 50; its default is 10,000 items a page)',
  page: () => `${head('List.js', '.list > li', '/node_modules/list.js/dist/list.min.js')}<body><main id="stage"><h1>Who has signed</h1>
<input class="search" aria-label="Search"><ul class="list"></ul><ul class="pagination"></ul></main>
<script>
fetch('/feed.json').then((response) => response.json()).then((feed) => {
  new List(document.getElementById('stage'), {
    valueNames: ['name', 'sector', 'type', 'signed', 'id'],
    item: '<li><h3 class="name"></h3><p class="sector"></p><p class="type"></p><p class="signed"></p><p class="id"></p></li>',
    page: 50,
    pagination: true,
  }, feed.signatories);
});
</script></body></html>`,
  type: (page) => typeInto(page, '.search', '.list', 'keyup'),
};

const gridJs = {
  name: 'Grid.js',
  path: '/bench/grid.html',
  paging: '50 a page (pagination: { limit: 50 }; by default it has no pages)',
  page: () => `${head('Grid.js', 'td.gridjs-td:not(.gridjs-message)', '/node_modules/gridjs/dist/gridjs.umd.js')}<body><main id="stage"><h1>Who has signed</h1><div id="grid"></div></main>
<script>
fetch('/feed.json').then((response) => response.json()).then((feed) => {
  new gridjs.Grid({
    columns: ['Name', 'Sector', 'Type', 'Signed', 'Id'],
    data: feed.signatories.map((s) => [s.name, s.sector, s.type, s.signed, s.id]),
    search: { debounceTimeout: 0 },
    pagination: { limit: 50 },
  }).render(document.getElementById('grid'));
});
</script></body></html>`,
  type: (page) => typeInto(page, '.gridjs-search-input', '#stage', 'input'),
};

export const peers = [listJs, gridJs];

/**
 * Types the query one key at a time into `input`: each key from the event to the DOM under
 * `container` changing, and to the next animation frame.
 */
function typeInto(page, input, container, eventType) {
  return page.evaluate(
    async ({ inputSelector, containerSelector, eventType, query }) => {
      const stage = document.getElementById('stage');
      const target = document.querySelector(containerSelector);
      const box = document.querySelector(inputSelector);
      /** Resolves when the container changes, then at the next frame (or after 5 s). */
      const changed = () =>
        new Promise((resolve) => {
          const done = () => {
            const dom = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
          };
          const observer = new MutationObserver(done);
          observer.observe(target, { subtree: true, childList: true, characterData: true });
          const timer = setTimeout(done, 5000);
        });
      const keystrokes = [];
      const keystrokeFrames = [];
      for (let i = 1; i <= query.length; i++) {
        const wait = changed();
        const t = performance.now();
        box.value = query.slice(0, i);
        box.dispatchEvent(eventType === 'keyup' ? new KeyboardEvent('keyup', { bubbles: true }) : new Event('input', { bubbles: true }));
        const { dom, frame } = await wait;
        keystrokes.push(dom - t);
        keystrokeFrames.push(frame - t);
      }
      return { keystrokes, keystrokeFrames, domNodes: stage.querySelectorAll('*').length };
    },
    { inputSelector: input, containerSelector: container, eventType, query: QUERY },
  );
}

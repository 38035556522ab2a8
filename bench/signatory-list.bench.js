// <compact-signatory-list> in the first-rows bench (first-rows.js): a page as a council's would be, the
// script tag and the element with `src`, the feed fetched by the element over HTTP. Its default page
// size (50) is the page size every library is given.
import { probe } from './probe.js';
import { QUERY } from './data.js';

export const ours = {
  name: 'compact-signatory-list',
  path: '/bench/ours.html',
  paging: '50 a page (its default)',
  page: () => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Signatories</title>
${probe('li.item')}
<script type="module" src="/dist/compact-widgets.js"></script>
</head><body><main id="stage"><h1>Who has signed</h1>
<compact-signatory-list src="/feed.json"></compact-signatory-list></main></body></html>`,
  type,
};

/**
 * The query typed one key at a time: each key from the input event to the DOM showing the new
 * results ("→ DOM"), and to the next animation frame (the frame that paints them).
 */
function type(page) {
  return page.evaluate(async (query) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const el = document.querySelector('compact-signatory-list');
    const input = el.shadowRoot.querySelector('#search');
    const keystrokes = [];
    const keystrokeFrames = [];
    for (let i = 1; i <= query.length; i++) {
      const t = performance.now();
      input.value = query.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      keystrokes.push(performance.now() - t);
      await frame();
      keystrokeFrames.push(performance.now() - t);
    }
    if (el.shadowRoot.querySelectorAll('li.item').length === 0) throw new Error(`no results for "${query}"`);
    return { keystrokes, keystrokeFrames, domNodes: el.shadowRoot.querySelectorAll('*').length };
  }, QUERY);
}

// The probe every first-rows page carries (first-rows.js), the same for every library.
/**
 * The probe, an inline classic script first in <head>. `rowSelector` finds a first row in the
 * document or in any shadow root. Results on `window.__bench`: `rowsInDom` (ms from navigation start
 * to the mutation that added the first row) and `firstRows` (to the next animation frame after it).
 */
export function probe(rowSelector) {
  return `<script>(() => {
  const selector = ${JSON.stringify(rowSelector)};
  const bench = (window.__bench = {});
  const roots = [document];
  const observer = new MutationObserver(() => {
    if (bench.rowsInDom !== undefined || !roots.some((root) => root.querySelector(selector))) return;
    bench.rowsInDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      bench.firstRows = performance.now();
    });
  });
  const watch = (root) => observer.observe(root, { childList: true, subtree: true });
  // Shadow roots are invisible to an observer of the document: watch each one as it is attached.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    watch(root);
    return root;
  };
  watch(document);
})();</script>`;
}

// <compact-consultation-countdown> with many consultations: render time of a list of `consultations`
// open and upcoming ones (limit set to show them all), and the DOM it makes. Used by bench/run.js.
export async function measureCountdowns(page, { consultations }) {
  return page.evaluate(async (count) => {
    const DAY = 86_400_000;
    const now = Date.now();
    const iso = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
    const feed = {
      feedVersion: '1.0',
      compact: { id: 'bench', name: 'Bench Compact' },
      consultations: Array.from({ length: count }, (_, i) => ({
        id: `c${i}`,
        title: `Consultation ${i} on local services`,
        owner: 'Bench Council',
        url: `https://example.org/c/${i}`,
        opens: iso(now + (i % 3 === 0 ? 3 : -30) * DAY),
        closes: iso(now + (1 + (i % 90)) * DAY + i * 60_000),
      })),
    };
    await customElements.whenDefined('compact-consultation-countdown');
    const el = document.createElement('compact-consultation-countdown');
    el.setAttribute('limit', String(count));
    const t0 = performance.now();
    el.feed = feed;
    document.getElementById('stage').append(el);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const renderMs = performance.now() - t0;
    return { renderMs, domNodes: el.shadowRoot.querySelectorAll('*').length };
  }, consultations);
}

// Render benchmark for <compact-action-plan>: how long a large plan takes to appear.
//
//   import { measureActionPlan } from './action-plan.bench.js';
//   const { renderMs, domNodes } = await measureActionPlan(page, { actions: 400 });
//
// `page` is a playwright-core Page already showing a page on which <compact-action-plan> is defined.
// A synthetic feed of `actions` actions spread over 8 aims is built inside the page, the element is
// mounted with charts="none" (chart.js is measured separately, and loads lazily anyway), and the time
// from giving it the feed to the first frame after its layout is returned, with the number of nodes
// in its shadow root. A plan this long starts with its aims collapsed (headings and counts only), so
// the time from "Expand all aims" to the frame showing every action, and the nodes then, are returned
// too. The element is removed again afterwards, so the call can be repeated.

/**
 * @param {import('playwright-core').Page} page
 * @param {{ actions: number }} options
 * @returns {Promise<{ renderMs: number, domNodes: number, expandMs: number, expandedNodes: number }>}
 */
export async function measureActionPlan(page, { actions }) {
  return page.evaluate(async (count) => {
    const AIMS = 8;
    const statuses = ['not-started', 'in-progress', 'delayed', 'complete', 'cancelled'];
    const signatories = [
      { id: 'GB-LAE-BEN', name: 'Benchshire Council', sector: 'public' },
      { id: 'nhs-bench', name: { en: 'NHS Benchshire', cy: 'GIG Benchshire' }, sector: 'public' },
      { id: 'bench-cvs', name: 'Benchshire CVS', sector: 'voluntary' },
      { id: 'bench-volunteers', name: 'Volunteer Centre Benchshire', sector: 'voluntary' },
    ];
    const leads = [['GB-LAE-BEN'], ['bench-cvs'], ['GB-LAE-BEN', 'bench-cvs'], ['nhs-bench', 'bench-volunteers'], ['Compact Management Group']];
    const aims = Array.from({ length: AIMS }, (_, a) => ({
      id: `aim-${a + 1}`,
      title: `Aim ${a + 1}: work together to improve how partners plan and deliver local services`,
      actions: [],
    }));
    for (let i = 0; i < count; i++) {
      const status = statuses[i % statuses.length];
      const month = String((i % 12) + 1).padStart(2, '0');
      aims[i % AIMS].actions.push({
        id: `action-${i + 1}`,
        title: `Action ${i + 1}: agree and publish a joint protocol with the partners`,
        description: i % 3 === 0 ? 'A longer description of what this action involves and why it matters.' : undefined,
        lead: leads[i % leads.length],
        timescale: `by ${['March', 'June', 'September', 'December'][i % 4]} 202${5 + (i % 3)}`,
        due: `202${5 + (i % 3)}-${month}-28`,
        status,
        progress: status === 'complete' ? 100 : status === 'not-started' ? 0 : (i * 7) % 100,
        updates: Array.from({ length: i % 4 }, (_, u) => ({
          date: `2026-${String(u + 1).padStart(2, '0')}-15`,
          text: `Progress note ${u + 1} for action ${i + 1}.`,
        })),
      });
    }
    const feed = {
      feedVersion: '1.0',
      updated: '2026-11-16T09:30:00Z',
      compact: { id: 'bench', name: 'The Benchshire Compact', timeZone: 'Europe/London' },
      signatories,
      actionPlan: { title: 'Benchmark action plan', updated: '2026-11-16T09:30:00Z', aims },
    };

    const el = document.createElement('compact-action-plan');
    el.setAttribute('charts', 'none');
    document.body.append(el);
    await el.updateComplete; // the empty first render is not what we measure

    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const start = performance.now();
    el.feed = feed;
    await el.updateComplete;
    // Layout and the first frame that shows it are part of "rendered".
    el.getBoundingClientRect();
    await nextFrame();
    await nextFrame();
    const renderMs = performance.now() - start;

    const root = el.shadowRoot;
    const aimsShown = root.querySelectorAll('.aim:not([hidden]) .aim-title').length;
    if (aimsShown !== AIMS) throw new Error(`expected ${AIMS} aim headings, found ${aimsShown}`);
    const domNodes = root.querySelectorAll('*').length;

    // Every action, built on demand.
    const expand = root.querySelector('.expand-all');
    const expandStart = performance.now();
    if (expand) {
      expand.click();
      await el.updateComplete;
      el.getBoundingClientRect();
      await nextFrame();
      await nextFrame();
    }
    const expandMs = expand ? performance.now() - expandStart : 0;
    const shown = root.querySelectorAll('.action').length;
    if (shown !== count) throw new Error(`expected ${count} actions on the page, found ${shown}`);
    const expandedNodes = root.querySelectorAll('*').length;
    el.remove();
    const round = (n) => Math.round(n * 10) / 10;
    return { renderMs: round(renderMs), domNodes, expandMs: round(expandMs), expandedNodes };
  }, actions);
}

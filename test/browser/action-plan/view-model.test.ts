import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/action-plan/define.js';
import type { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { sampleFeed } from '../../helpers/feeds.js';
import type { Action, Aim } from '../../../src/feed/types.js';
import { NO_FILTERS, applyFilters, isOverdue } from '../../../src/action-plan/model.js';
import { memoLast, planView, planViewMemo } from '../../../src/action-plan/view-model.js';

const action = (fields: Partial<Action>): Action => ({ id: 'x', title: 'X', lead: [], status: 'in-progress', updates: [], ...fields });
const TODAY = '2026-11-22';

const aims: Aim[] = [
  {
    id: 'one',
    title: 'One',
    actions: [
      action({ id: '1a', status: 'complete', due: '2026-01-01' }),
      action({ id: '1b', status: 'delayed', due: '2026-01-01', progress: 40 }),
      action({ id: '1c', status: 'in-progress', due: '2027-01-01', progress: 60 }),
    ],
  },
  { id: 'two', title: 'Two', actions: [action({ id: '2a', status: 'not-started', due: '2025-05-05' })] },
];

/** The same action, counting how often its `due` is read. */
function counted(a: Action): { action: Action; reads: () => number } {
  let reads = 0;
  const copy = { ...a };
  const due = a.due;
  Object.defineProperty(copy, 'due', { get: () => ((reads += 1), due), enumerable: true });
  return { action: copy, reads: () => reads };
}

describe('action plan view model', () => {
  it('tallies each aim and the plan: counts, overdue, progress and what the filters leave', () => {
    const view = planView(aims, { ...NO_FILTERS, overdue: true }, TODAY);
    expect(view.actions.map((a) => a.id)).to.deep.equal(['1a', '1b', '1c', '2a']);
    expect([...view.overdue].map((a) => a.id)).to.deep.equal(['1b', '2a']);
    expect([...view.visible].map((a) => a.id)).to.deep.equal(['1b', '2a']);
    expect(view.counts).to.include({ complete: 1, delayed: 1, 'in-progress': 1, 'not-started': 1 });
    // (100 + 40 + 60 + 0) / 4
    expect(view.progress).to.equal(50);
    expect(view.aims.map((t) => [t.index, t.overdue, t.shown, t.progress])).to.deep.equal([
      [0, 1, 1, 67],
      [1, 1, 1, 0],
    ]);
  });

  it('leaves the same actions as applyFilters for every filter', () => {
    const filters = [
      NO_FILTERS,
      { ...NO_FILTERS, status: 'delayed' as const },
      { ...NO_FILTERS, aim: 'two' },
      { ...NO_FILTERS, hideComplete: true },
      { ...NO_FILTERS, overdue: true, aim: 'one' },
    ];
    for (const f of filters) {
      const expected = applyFilters(aims, f, TODAY).flatMap((v) => v.actions.map((a) => a.id));
      expect([...planView(aims, f, TODAY).visible].map((a) => a.id), JSON.stringify(f)).to.deep.equal(expected);
    }
  });

  it('judges each action overdue once, even when the overdue filter is on', () => {
    const one = counted(action({ due: '2026-01-01' }));
    isOverdue(one.action, TODAY);
    const perJudgement = one.reads();
    const watched = aims[0]!.actions.map(counted);
    planView([{ ...aims[0]!, actions: watched.map((w) => w.action) }], { ...NO_FILTERS, overdue: true }, TODAY);
    expect(watched.map((w) => w.reads())).to.deep.equal(watched.map(() => perJudgement));
  });

  it('planViewMemo gives the same view for the same feed, scope, filters and day, and a new one when any changes', () => {
    const view = planViewMemo();
    const filters = { ...NO_FILTERS };
    const first = view(aims, undefined, filters, TODAY);
    expect(view(aims, undefined, filters, TODAY)).to.equal(first);
    expect(view(aims, undefined, { ...filters }, TODAY), 'the same filters in a new object').to.equal(first);
    expect(view(aims, undefined, { ...filters, overdue: true }, TODAY)).to.not.equal(first);
    const scoped = view(aims, 'two', filters, TODAY);
    expect(scoped.aims.map((t) => t.aim.id)).to.deep.equal(['two']);
    expect(view(aims, 'two', filters, '2026-11-23')).to.not.equal(scoped);
  });

  it('planViewMemo ignores the aim filter when one aim is in scope', () => {
    const view = planViewMemo()(aims, 'two', { ...NO_FILTERS, aim: 'one' }, TODAY);
    expect([...view.visible].map((a) => a.id)).to.deep.equal(['2a']);
  });

  it('memoLast runs again only when an argument changes', () => {
    let runs = 0;
    const double = memoLast((n: number, _tag: string) => ((runs += 1), n * 2));
    expect(double(2, 'a')).to.equal(4);
    expect(double(2, 'a')).to.equal(4);
    expect(runs).to.equal(1);
    expect(double(2, 'b')).to.equal(4);
    expect(runs).to.equal(2);
  });
});

describe('<compact-action-plan>: one view model per feed and filters', () => {
  it('builds the view once for a render, and not again for renders or change events that alter neither', async () => {
    const builds = sinon.spy(planView);
    const el = document.createElement('compact-action-plan') as CompactActionPlan;
    // The element's own memo, built on the counting builder (a private field: a test seam only).
    (el as unknown as { planView: unknown }).planView = planViewMemo(builds);
    el.setAttribute('charts', 'none');
    el.feed = sampleFeed();
    await fixture(html`<div>${el}</div>`);
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('form.filters')!;
    expect(form, 'the plan is shown').to.exist;
    expect(builds.callCount, 'first render: overview, filters, aims and updated() share one view').to.equal(1);

    el.requestUpdate();
    await el.updateComplete;
    form.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(builds.callCount, 'a render and a change event that changed no filter').to.equal(1);

    const overdue = el.shadowRoot!.querySelector<HTMLInputElement>('#filter-overdue')!;
    overdue.click();
    await el.updateComplete;
    expect(builds.callCount, 'one more for the new filters (announcement and render share it)').to.equal(2);
  });
});

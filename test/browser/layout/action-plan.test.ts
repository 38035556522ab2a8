/** <compact-action-plan> in a phone's width, with WCAG text spacing, by touch and keyboard, in forced colours. */
import { waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import sinon from 'sinon';
import { COLLAPSE_OVER } from '../../../src/action-plan/action-plan.js';
import { $, $$, settled } from '../../helpers/dom.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { mountPlan } from '../action-plan/mount.js';
import { layoutSuite, mountMarkup, type Widget } from './checks.js';

const TAG = 'compact-action-plan';

/** The sample plan with an aim whose title and lead no line can hold, and a long description. */
function plan() {
  const feed = sampleFeed();
  feed.actionPlan!.aims.push({
    id: 'aim-long',
    title: 'Partneriaethau cymunedol: Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    actions: [
      {
        id: 'long-1',
        title: 'Agree a shared approach to volunteering with every community council',
        description: 'Work with the third sector interface to agree a shared approach. '.repeat(3),
        lead: 'Cymdeithas Gymunedol Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
        timescale: 'by the end of the second year of the plan',
        due: '2026-06-30',
        status: 'delayed',
        progress: 35,
        updates: [{ date: '2026-09-01', text: 'Two of the five councils have agreed.' }],
      },
    ],
  } as never);
  return feed;
}

/** A plan long enough that its aims start closed (each heading a button). */
function longPlan() {
  const feed = sampleFeed();
  const perAim = 8;
  feed.actionPlan!.aims = Array.from({ length: Math.ceil((COLLAPSE_OVER + 1) / perAim) }, (_, a) => ({
    id: `aim-${a}`,
    title: `Aim ${a + 1}: strengthen community-led partnership working across every locality`,
    actions: Array.from({ length: perAim }, (_, i) => ({ id: `a-${a}-${i}`, title: `Action ${a + 1}.${i + 1}`, lead: 'GB-LAE-TST', status: 'in-progress', progress: 50 })),
  })) as never;
  return feed;
}

/** The plan once both its charts are drawn. */
async function charted(attributes = ''): Promise<Widget> {
  const el = await mountPlan(plan(), attributes);
  await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').length === 2 && $$<HTMLCanvasElement>(el, 'canvas').every((c) => Chart.getChart(c)), 'the charts were not drawn', { timeout: 4000 });
  return el;
}

let clock: sinon.SinonFakeTimers;
before(() => emulateMedia({ reducedMotion: 'reduce' })); // the charts drawn at once, where they end up
after(() => emulateMedia({ reducedMotion: 'no-preference' }));
beforeEach(() => {
  freshLoader();
  // A day when the sample plan has an overdue action; only Date is frozen (the charts draw on real timers).
  clock = sinon.useFakeTimers({ now: Date.parse('2026-11-02T10:00:00Z'), toFake: ['Date'] });
});
afterEach(() => clock.restore());

layoutSuite(TAG, [
  { name: 'loaded, with its charts', mount: () => charted() },
  {
    name: 'both figures switched to their tables',
    mount: async () => {
      const el = await charted();
      for (const figure of $$(el, '.figure')) figure.querySelector<HTMLButtonElement>('.toggle[aria-pressed="false"]')!.click();
      await settled(el, () => $$(el, '.figure[data-view="table"]').length === 2, 'both tables');
      return el;
    },
  },
  { name: 'without charts, filtered to overdue actions', mount: () => mountPlan(plan(), 'charts="none" status="delayed"') },
  {
    name: 'filtered to nothing',
    mount: async () => {
      const el = await mountPlan(plan(), 'charts="none" status="cancelled"');
      await settled(el, () => $(el, '.actions-none, [part~="notice"]'), 'no matches');
      return el;
    },
  },
  { name: 'a long plan, its aims closed', mount: () => mountPlan(longPlan(), 'charts="none"') },
  { name: 'loading', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ delay: 4000 })}"></${TAG}>`, TAG, (el) => $(el, '.loading')) },
  { name: 'error', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ status: 500 })}"></${TAG}>`, TAG, (el) => retryButton(el)) },
  { name: 'empty', mount: () => mountPlan({ ...sampleFeed(), actionPlan: undefined }) },
]);

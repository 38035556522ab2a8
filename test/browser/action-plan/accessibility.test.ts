/**
 * The action plan for assistive technology and small screens: every aim and action in the
 * accessibility tree at load, chart tooltips as WCAG 1.4.13 asks, the aims table on a 375 px phone,
 * and the shared focus indicator on its buttons.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import '../../../src/action-plan/define.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { expectGovukFocus, expectLinkButtonLook } from '../../helpers/focus.js';
import { mountPlan } from './mount.js';

const mount = (feed: unknown, attrs = '') => mountPlan(feed, attrs);

/** A plan like South Ayrshire's, longer: 12 aims of 8 actions, long words and all. */
function largePlan() {
  const feed = sampleFeed();
  (feed as Record<string, unknown>).actionPlan = {
    title: 'Partnership action plan',
    aims: Array.from({ length: 12 }, (_, a) => ({
      id: `aim-${a}`,
      title: `Aim ${a + 1}: strengthen community-led partnership working across every locality`,
      actions: Array.from({ length: 8 }, (_, i) => ({
        id: `a-${a}-${i}`,
        title: `Action ${a + 1}.${i + 1}`,
        description: 'Work with the third sector interface to agree a shared approach. '.repeat(4),
        lead: 'GB-LAE-TST',
        status: i % 2 ? 'in-progress' : 'not-started',
        progress: i * 10,
        due: '2027-01-31',
      })),
    })),
  };
  return feed;
}

describe('<compact-action-plan>: accessibility', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('every aim heading and every action is rendered for assistive technology at load, however long the plan', async () => {
    const el = await mount(largePlan(), 'charts="none"');
    const aims = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.aim')];
    const actions = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.action')];
    expect(aims).to.have.length(12);
    expect(actions).to.have.length(96);
    for (const aim of aims) {
      // content-visibility: auto would skip aims off screen, and Chromium then leaves them out of the
      // accessibility tree: checkVisibility({contentVisibilityAuto: true}) is false for those.
      expect(getComputedStyle(aim).contentVisibility).to.equal('visible');
      expect(aim.querySelector('.aim-title')!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    }
    for (const action of actions) {
      expect(action.querySelector('.action-title')!.checkVisibility({ contentVisibilityAuto: true }), action.textContent!).to.equal(true);
    }
  });

  describe('chart tooltips (WCAG 1.4.13)', () => {
    // No animation: the bars are where they end up from the first frame.
    before(() => emulateMedia({ reducedMotion: 'reduce' }));
    after(() => emulateMedia({ reducedMotion: 'no-preference' }));
    afterEach(() => resetMouse());

    async function charted() {
      const feed = sampleFeed();
      // Bars of every length, a full one above all (its tooltip has no room beyond its end).
      for (const [i, progress] of [100, 35, 60].entries()) {
        feed.actionPlan!.aims.push({
          id: `extra-${i}`,
          title: `Extra aim ${i}`,
          actions: [{ id: `x${i}`, title: `X${i}`, lead: 'GB-LAE-TST', status: 'in-progress', progress }],
        } as never);
      }
      const el = await mount(feed);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('canvas').length === 2, 'the charts were not drawn');
      const bar = el.shadowRoot!.querySelector<HTMLCanvasElement>('.figure-aims canvas')!;
      const doughnut = el.shadowRoot!.querySelector<HTMLCanvasElement>('.figure-status canvas')!;
      await waitUntil(() => Chart.getChart(bar) && Chart.getChart(doughnut));
      return { el, bar: Chart.getChart(bar)!, doughnut: Chart.getChart(doughnut)! };
    }

    /** Moves the real pointer to a point of the chart (canvas pixels in CSS units), in view. */
    async function hover(chart: Chart, x: number, y: number) {
      chart.canvas.scrollIntoView({ block: 'center' });
      const rect = chart.canvas.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(rect.left + x), Math.round(rect.top + y)] });
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
    }

    const shown = (chart: Chart) => chart.tooltip!.getActiveElements().length > 0;
    const box = (chart: Chart) => {
      const t = chart.tooltip!;
      return { left: t.x, top: t.y, right: t.x + t.width, bottom: t.y + t.height };
    };
    const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    it('a bar’s tooltip does not cover the bar, stays while the pointer moves onto it, and Escape hides it', async () => {
      const { bar } = await charted();
      for (const element of bar.getDatasetMeta(0).data) {
        const { x, y, base, height } = element.getProps(['x', 'y', 'base', 'height'], true) as Record<string, number>;
        if (Math.abs(x - base) < 2) continue; // a 0% bar: nothing to point at
        await waitUntil(async () => (await hover(bar, (x + base) / 2 + 1, y), shown(bar) && bar.tooltip!.opacity === 1), 'no tooltip');
        const described = { left: Math.min(base, x), right: Math.max(base, x), top: y - height / 2, bottom: y + height / 2 };
        expect(overlaps(box(bar), described), 'the tooltip covers its bar').to.equal(false);
      }
      const t = box(bar);
      await hover(bar, (t.left + t.right) / 2, (t.top + t.bottom) / 2);
      await new Promise((r) => requestAnimationFrame(r));
      expect(shown(bar), 'hoverable: the tooltip stays under the pointer').to.equal(true);
      const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      document.body.dispatchEvent(escape);
      expect(shown(bar), 'dismissed with Escape').to.equal(false);
      expect(escape.defaultPrevented).to.equal(true);
      const again = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      document.body.dispatchEvent(again);
      expect(again.defaultPrevented, 'Escape is the page’s again when no tooltip is shown').to.equal(false);
    });

    it('a doughnut segment’s tooltip stays off the ring, and Escape hides it', async () => {
      const { doughnut } = await charted();
      for (const element of doughnut.getDatasetMeta(0).data) {
        const centre = (element as unknown as { getCenterPoint(final: boolean): { x: number; y: number } }).getCenterPoint(true);
        await waitUntil(async () => (await hover(doughnut, centre.x, centre.y), shown(doughnut) && doughnut.tooltip!.opacity === 1), 'no tooltip');
        const { x, y, innerRadius, outerRadius } = element.getProps(['x', 'y', 'innerRadius', 'outerRadius'], true) as Record<string, number>;
        const t = box(doughnut);
        // Nearest and farthest points of the tooltip from the centre: all of it outside the ring, or all in the hole.
        const nearest = Math.hypot(Math.max(t.left - x, 0, x - t.right), Math.max(t.top - y, 0, y - t.bottom));
        const farthest = Math.max(...[[t.left, t.top], [t.right, t.top], [t.left, t.bottom], [t.right, t.bottom]].map(([px, py]) => Math.hypot(px! - x, py! - y)));
        expect(nearest >= outerRadius || farthest <= innerRadius, `tooltip ${JSON.stringify(t)} on the ring`).to.equal(true);
      }
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(shown(doughnut)).to.equal(false);
    });
  });

  it('at 375 px the aims table scrolls in a focusable, labelled region that shows it scrolls; the page does not widen', async function () {
    // 96 actions and an axe scan of them: more than the default 5 s on a loaded 2-core machine.
    this.timeout(20_000);
    await setViewport({ width: 375, height: 800 });
    const el = await mount(largePlan(), 'charts="none"');
    const region = el.shadowRoot!.querySelector<HTMLElement>('.figure-aims .table-scroll')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.tabIndex).to.equal(0);
    const label = el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(label.textContent!.trim()).to.equal('Progress by aim');
    expect(el.getBoundingClientRect().right).to.be.at.most(375);
    expect(document.documentElement.scrollWidth, 'the page is no wider than the phone').to.be.at.most(375);
    const headers = [...region.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.include.members(['Overdue', 'Progress']);
    const last = region.querySelector<HTMLElement>('thead th:last-child')!;
    const cutOff = last.getBoundingClientRect().right > region.getBoundingClientRect().right + 1;
    if (cutOff) {
      // Then there must be a sign: the shadow at the edge it scrolls to.
      const style = getComputedStyle(region);
      expect(region.scrollWidth).to.be.above(region.clientWidth);
      expect(style.overflowX).to.equal('auto');
      expect(style.backgroundImage.match(/gradient/g)?.length, 'scroll shadows').to.equal(4);
      expect(style.backgroundAttachment).to.equal('local, local, scroll, scroll');
    }
    // Keyboard users can scroll it: it takes focus, and shows it.
    region.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(region);
    expect(getComputedStyle(region).outlineStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('"Show only overdue actions" is the shared link button: a link’s look, and a link’s focus from the keyboard', async () => {
    const el = await mount(sampleFeed(), 'charts="none"');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.overdue-summary .link-button')!;
    expect(button, 'the sample plan has overdue actions').to.exist;
    await expectLinkButtonLook(button);
  });

  it('the chart/table switch and the secondary buttons share GOV.UK’s focus indicator, at 3:1 or more', async () => {
    const el = await mount(sampleFeed(), 'status="complete"');
    await waitUntil(() => el.shadowRoot!.querySelector('.view-switch button'), 'no chart/table switch');
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.view-switch button')!);
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.button.secondary.clear')!);
  });
});

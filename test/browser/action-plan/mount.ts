/** The action plan's fixtures: the shared mountWithFeed (test/helpers/dom.ts) with this element's "rendered". */
import '../../../src/action-plan/define.js';
import type { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import sinon from 'sinon';
import { ChartsController } from '../../../src/action-plan/charts-controller.js';
import { mountWithFeed } from '../../helpers/dom.js';

/** An action plan in a wrapper (with a `lang`), given `feed`, once it shows the plan or a notice. */
export function mountPlan(feed: unknown, attributes = '', lang?: string): Promise<CompactActionPlan> {
  return mountWithFeed<CompactActionPlan>('compact-action-plan', feed, { attributes, lang, ready: '.plan, .notice' });
}

/**
 * Resolves once an IntersectionObserver on `target` has reported, with the same margin as the charts
 * controller's. Observers report in the order they were made, so by then the element's own (made
 * earlier) has reported too. chart.js itself comes only after the charts have stayed near the view
 * (ChartsController.NEAR_VIEW_MS): to say "it will not be loaded" without waiting a guess, check
 * with `watchChartsWait()` that the element never began that wait.
 */
export function intersectionReported(target: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      () => {
        observer.disconnect();
        resolve();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(target);
  });
}

/**
 * Notes, from now on, whether a charts controller began its wait before loading chart.js (a timer
 * of NEAR_VIEW_MS): `began()` after `intersectionReported()`. `restore()` when done.
 */
export function watchChartsWait(): { began(): boolean; restore(): void } {
  const timers = sinon.spy(window, 'setTimeout');
  return {
    began: () => timers.getCalls().some((call) => call.args[1] === ChartsController.NEAR_VIEW_MS),
    restore: () => timers.restore(),
  };
}

/** The action plan's fixtures: the shared mountWithFeed (test/helpers/dom.ts) with this element's "rendered". */
import '../../../src/action-plan/define.js';
import type { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { mountWithFeed } from '../../helpers/dom.js';

/** An action plan in a wrapper (with a `lang`), given `feed`, once it shows the plan or a notice. */
export function mountPlan(feed: unknown, attributes = '', lang?: string): Promise<CompactActionPlan> {
  return mountWithFeed<CompactActionPlan>('compact-action-plan', feed, { attributes, lang, ready: '.plan, .notice' });
}

/**
 * Resolves once an IntersectionObserver on `target` has reported, with the same margin as the charts
 * controller's. Observers report in the order they were made, so by then the element's own (made
 * earlier) has reported too: "chart.js was not requested" can be checked without waiting a guess.
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

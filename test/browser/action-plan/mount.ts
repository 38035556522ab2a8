/** One way to put an action plan on the page for every action-plan test: in a wrapper (with a `lang`), given a feed. */
import { fixture } from '@open-wc/testing';
import '../../../src/action-plan/define.js';
import type { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { settled } from '../../helpers/feed-element-suite.js';

export async function mountPlan(feed: unknown, attrs = '', wrapperLang?: string): Promise<CompactActionPlan> {
  const wrapper = await fixture<HTMLElement>(
    `<div${wrapperLang ? ` lang="${wrapperLang}"` : ''}><compact-action-plan ${attrs}></compact-action-plan></div>`,
  );
  const el = wrapper.querySelector('compact-action-plan')!;
  el.feed = feed;
  await el.updateComplete;
  await settled(el, () => !!el.shadowRoot!.querySelector('.plan, .notice'));
  return el;
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

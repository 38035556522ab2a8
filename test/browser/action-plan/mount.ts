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

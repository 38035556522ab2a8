import { fixture } from '@open-wc/testing';
import '../../../src/signatory-list/define.js';
import type { CompactSignatoryList } from '../../../src/signatory-list/signatory-list.js';
import { settled } from '../../helpers/feed-element-suite.js';
import { expectGovukFocus } from '../pledge-form/focus-helpers.js';
import { feedWith, manySignatories } from './feeds.js';

describe('<compact-signatory-list>: focus', () => {
  it('the download button and the page buttons (the current one too) share GOV.UK’s focus indicator', async () => {
    const container = await fixture<HTMLElement>('<div><compact-signatory-list page-size="10"></compact-signatory-list></div>');
    const el = container.querySelector('compact-signatory-list') as CompactSignatoryList;
    el.feed = feedWith(manySignatories(30));
    await settled(el, () => !!el.shadowRoot!.querySelector('.pagination'));
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.download')!);
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.page-button[aria-current=page]')!);
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.page-button.next, .next .page-button')!);
  });
});

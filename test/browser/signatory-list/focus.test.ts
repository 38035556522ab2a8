import { expectGovukFocus } from '../../helpers/focus.js';
import { feedWith, manySignatories, mountList } from './feeds.js';

describe('<compact-signatory-list>: focus', () => {
  it('the download button and the page buttons (the current one too) share GOV.UK’s focus indicator', async () => {
    const el = await mountList(feedWith(manySignatories(30)), 'page-size="10"');
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.download')!);
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.page-button[aria-current=page]')!);
    await expectGovukFocus(el.shadowRoot!.querySelector<HTMLElement>('.page-button.next, .next .page-button')!);
  });
});

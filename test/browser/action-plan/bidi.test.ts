import { expect } from '@open-wc/testing';
import '../../../src/action-plan/define.js';
import { settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { mountPlan } from './mount.js';
import { loadLocale } from '../../../src/i18n/locale.js';
import { expectInReadingOrder, expectIsolated, expectNoBidiControls, HOSTILE } from '../../helpers/bidi.js';

const mount = (feed: unknown, lang = 'en-GB') => mountPlan(feed, 'charts="none"', lang);

const action = (el: Element, title: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.action')].find((a) => a.querySelector('.action-title')!.textContent!.includes(title))!;
/** The value of a fact: the <dd> after the <dt> that names it. */
const fact = (item: Element, label: string) =>
  [...item.querySelectorAll('.facts > dt')].find((dt) => dt.textContent!.includes(label))!.nextElementSibling as HTMLElement;

describe('<compact-action-plan>: feed text cannot reorder the plan’s words', () => {
  for (const [kind, hostile] of Object.entries(HOSTILE)) {
    it(`${kind}: titles, leads, timescales and updates isolated; "and", "(due …)" and "Joint lead" read as written`, async () => {
      const feed = sampleFeed();
      const plan = feed.actionPlan!;
      plan.title = `${hostile} plan`;
      plan.aims[0]!.title = `${hostile} aim`;
      const a2 = plan.aims[0]!.actions[1]! as Record<string, unknown>;
      a2.title = `${hostile} action`;
      a2.timescale = `${hostile} soon`;
      a2.description = `${hostile} description`;
      a2.updates = [{ date: '2026-01-10', text: `${hostile} update` }, { date: '2025-01-10', text: `${hostile} older` }];
      (feed.signatories.find((s) => s.id === 'GB-LAE-TST') as { name: unknown }).name = `${hostile} Council`;
      (feed.compact.sectors as Record<string, unknown>).voluntary = `${hostile} sector`;
      const el = await mount(feed);
      expectNoBidiControls(el);
      for (const piece of ['plan', 'aim', 'action', 'soon', 'description', 'update', 'older', 'Council', 'sector']) {
        expectIsolated(el, `${hostile} ${piece}`);
      }
      const item = action(el, 'action');
      expectInReadingOrder(fact(item, 'Timescale'), ['(due', '31', 'March']);
      expectInReadingOrder(fact(item, 'Led by'), ['and', 'Joint', 'lead:']);
      // The filters' options take text only: no controls there either (checked above), and the aim is offered.
      const aims = [...el.shadowRoot!.querySelectorAll('#filter-aim option')].map((o) => o.textContent!.trim());
      expect(aims).to.include(`${hostile} aim`.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
    });
  }

  it('English feed text on a Welsh plan carries lang="en"; Welsh names none', async () => {
    await loadLocale('cy'); // the Welsh words are what the feed text is measured against
    const el = await mount(sampleFeed(), 'cy');
    await settled(el, () => el.shadowRoot!.textContent!.includes('Dan arweiniad'));
    const bdis = [...el.shadowRoot!.querySelectorAll('bdi')];
    expect(bdis.find((b) => b.textContent === 'Publish the compact online')?.getAttribute('lang')).to.equal('en');
    expect(bdis.find((b) => b.textContent === 'Ymddiriedolaeth Gymunedol Sant Ioan')?.hasAttribute('lang')).to.equal(false);
    expect(bdis.find((b) => b.textContent === 'Trydydd sector')?.hasAttribute('lang')).to.equal(false);
    // The filters' options take no <bdi>: the option itself says its language.
    const optionLang = (select: string, text: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>(`${select} option`)].find((o) => o.textContent!.trim() === text)?.getAttribute('lang');
    expect(optionLang('#filter-lead', 'Testshire Council')).to.equal('en');
    expect(optionLang('#filter-lead', 'Ymddiriedolaeth Gymunedol Sant Ioan')).to.equal(null);
    const aimTitle = sampleFeed().actionPlan!.aims[0]!.title as string;
    expect(optionLang('#filter-aim', aimTitle)).to.equal('en');
    await expect(el).to.be.accessible();
  });
});

import { expect } from '@open-wc/testing';
import '../../../src/signatory-list/define.js';
import { settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { mountList } from './feeds.js';
import { loadLocale } from '../../../src/i18n/locale.js';
import { expectInReadingOrder, expectIsolated, expectNoBidiControls, HOSTILE } from '../../helpers/bidi.js';

const mount = mountList;

describe('<compact-signatory-list>: feed text cannot reorder the list’s words', () => {
  for (const [kind, hostile] of Object.entries(HOSTILE)) {
    it(`${kind}: names, sector names and champions isolated; the list’s own words read as written`, async () => {
      const feed = sampleFeed();
      (feed.compact.sectors as Record<string, unknown>).voluntary = `${hostile} sector`;
      const trust = feed.signatories.find((s) => s.id === 'GB-CHC-1234567')!;
      (trust as { name: unknown }).name = hostile;
      trust.champion = { name: `${hostile} Champion`, role: `${hostile} Role` };
      const el = await mount(feed);
      expectNoBidiControls(el);
      expectIsolated(el, hostile);
      expectIsolated(el, `${hostile} sector`);
      expectIsolated(el, `${hostile} Champion`);
      expectIsolated(el, `${hostile} Role`);
      const champion = el.shadowRoot!.querySelector('.champion')!;
      expectInReadingOrder(champion, ['Compact', 'Champion:']);
      const counts = [...el.shadowRoot!.querySelectorAll('.sector-counts li')].at(-1)!; // voluntary: the hostile name
      expectInReadingOrder(counts, [':', '3']);
      const item = [...el.shadowRoot!.querySelectorAll('.item')].find((i) => i.textContent!.includes('Champion'))!;
      expectInReadingOrder(item.querySelector('.meta')!, ['Charity', 'Signed', '12', 'March', '2015']);
      const grouped = await mount(feed, 'group-by="sector"');
      expectNoBidiControls(grouped);
      expectIsolated(grouped, `${hostile} sector`);
    });
  }

  it('a query from a shared link is isolated in the "No organisations match" heading', async () => {
    const el = await mount(sampleFeed());
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    search.value = '\u2069\u202Ezzz';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const heading = el.shadowRoot!.querySelector('#results-heading')!;
    expect(heading.querySelector('bdi')?.textContent).to.equal('zzz');
    expectInReadingOrder(heading, ['No', 'organisations', 'match']);
  });

  it('an English sector name on a Welsh list carries lang="en"; a Welsh one none', async () => {
    await loadLocale('cy'); // the Welsh words are what the feed text is measured against
    const el = await mount(sampleFeed(), '', 'cy');
    await settled(el, () => el.shadowRoot!.textContent!.includes('Trydydd sector'));
    const bdis = [...el.shadowRoot!.querySelectorAll('bdi')];
    expect(bdis.find((b) => b.textContent === 'Public sector')?.getAttribute('lang')).to.equal('en');
    expect(bdis.find((b) => b.textContent === 'Trydydd sector')?.hasAttribute('lang')).to.equal(false);
    expect(bdis.find((b) => b.textContent === 'Testshire Council')?.getAttribute('lang')).to.equal('en');
    expect(bdis.find((b) => b.textContent === 'Ymddiriedolaeth Gymunedol Sant Ioan')?.hasAttribute('lang')).to.equal(false);
    // The sector filter's options too: they take no <bdi>, so the option itself says it.
    const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#filter-sector option')];
    const optionLang = (start: string) => options.find((o) => o.textContent!.trim().startsWith(start))?.getAttribute('lang');
    expect(optionLang('Public sector')).to.equal('en');
    expect(optionLang('Trydydd sector')).to.equal(null);
    expect(options[0]!.hasAttribute('lang'), 'the widget’s own "All sectors"').to.equal(false);
    await expect(el).to.be.accessible();
  });
});

import { expect } from '@open-wc/testing';
import { settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { expectInReadingOrder, expectIsolated, expectNoBidiControls, HOSTILE } from '../../helpers/bidi.js';
import { mountBadge as badge } from './mount.js';

describe('<compact-pledge-badge>: feed text cannot reorder the badge’s words', () => {
  for (const [kind, hostile] of Object.entries(HOSTILE)) {
    it(`${kind}: names and pledge isolated, "Signed since" and "does not list" read as written`, async () => {
      const feed = sampleFeed();
      feed.compact.name = { en: hostile, cy: 'Compact Prawf' } as typeof feed.compact.name;
      const signatory = feed.signatories.find((s) => s.id === 'GB-CHC-1234567')!;
      (signatory as { name: unknown }).name = `${hostile} Members`;
      signatory.pledge = `${hostile} pledge`;
      const card = await badge(feed, 'signatory="GB-CHC-1234567" variant="card"');
      expectNoBidiControls(card);
      expectIsolated(card, hostile);
      expectIsolated(card, `${hostile} Members`);
      expectIsolated(card, `${hostile} pledge`);
      expectInReadingOrder(card.shadowRoot!.querySelector('.since')!, ['Signed', 'since', 'March', '2015']);
      const missing = await badge(feed, 'signatory="GB-CHC-0000000"');
      expectNoBidiControls(missing);
      expectIsolated(missing, hostile);
      expectInReadingOrder(missing.shadowRoot!.querySelector('.notice')!, ['does', 'not', 'list', 'this', 'organisation']);
    });
  }

  it('feed text in another language than the badge’s words says so (lang); the same language does not', async () => {
    const feed = sampleFeed();
    const signatory = feed.signatories.find((s) => s.id === 'GB-CHC-1234567')!;
    signatory.pledge = 'We will involve the people we serve.';
    const el = await badge(feed, 'signatory="GB-CHC-1234567" variant="card"', 'cy');
    await settled(el, () => !!el.shadowRoot!.textContent!.includes('Ymddiriedolaeth'));
    await settled(el, () => !!el.shadowRoot!.textContent!.includes('Wedi llofnodi'));
    const bdis = [...el.shadowRoot!.querySelectorAll('bdi')];
    const langOf = (text: string) => bdis.find((b) => b.textContent!.includes(text))?.getAttribute('lang');
    expect(langOf('Ymddiriedolaeth'), 'Welsh name on a Welsh badge').to.equal(null);
    expect(langOf('Compact Prawf')).to.equal(null);
    expect(langOf('We will involve'), 'a plain string is in the compact’s default language').to.equal('en');
  });
});

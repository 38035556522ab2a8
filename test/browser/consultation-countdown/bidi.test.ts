import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/consultation-countdown/define.js';
import type { CompactConsultationCountdown } from '../../../src/consultation-countdown/consultation-countdown.js';
import { mountWithFeed, settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { loadLocale } from '../../../src/i18n/locale.js';
import { expectInReadingOrder, expectIsolated, expectNoBidiControls, HOSTILE } from '../../helpers/bidi.js';

describe('<compact-consultation-countdown>: feed text cannot reorder the countdown’s words', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: Date.parse('2026-11-20T12:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => clock.restore());

  const mount = (feed: unknown, lang = 'en-GB') =>
    mountWithFeed<CompactConsultationCountdown>('compact-consultation-countdown', feed, {
      attributes: { consultation: 'c2' },
      lang,
      ready: '.consultation, .notice',
    });

  for (const [kind, hostile] of Object.entries(HOSTILE)) {
    it(`${kind}: title, summary, owner and reason isolated; "Run by" and "Reason given" read as written`, async () => {
      const feed = sampleFeed();
      const c2 = feed.consultations!.find((c) => c.id === 'c2')! as Record<string, unknown>;
      c2.title = `${hostile} title`;
      c2.summary = `${hostile} summary`;
      c2.owner = `${hostile} Board`;
      c2.shorterBecause = `${hostile} reason`;
      const el = await mount(feed);
      expectNoBidiControls(el);
      for (const piece of ['title', 'summary', 'Board', 'reason']) expectIsolated(el, `${hostile} ${piece}`);
      expectInReadingOrder(el.shadowRoot!.querySelector('.owner')!, ['Run', 'by']);
      const reason = [...el.shadowRoot!.querySelectorAll('.standard p')].find((p) => p.textContent!.includes('Reason'))!;
      expectInReadingOrder(reason, ['Reason', 'given:']);
    });
  }

  it('an English title on a Welsh countdown carries lang="en"', async () => {
    await loadLocale('cy'); // the Welsh words are what the feed text is measured against
    const el = await mount(sampleFeed(), 'cy');
    await settled(el, () => el.shadowRoot!.textContent!.includes('Rhedir gan') || el.shadowRoot!.textContent!.includes('Health'));
    const title = [...el.shadowRoot!.querySelectorAll('bdi')].find((b) => b.textContent === 'Health transport')!;
    expect(title.getAttribute('lang')).to.equal('en');
  });
});

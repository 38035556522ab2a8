/** <compact-consultation-countdown> in a phone's width, with WCAG text spacing, by touch and keyboard, in forced colours. */
import sinon from 'sinon';
import '../../../src/consultation-countdown/define.js';
import { $, settled } from '../../helpers/dom.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { layoutSuite, mountMarkup, type Widget } from './checks.js';

const TAG = 'compact-consultation-countdown';
const NOW = '2026-11-28T10:00:00Z';

/** Every state at once on NOW: in its last hour (with "Show seconds"), closing soon, open, not open yet, closed. */
function consultations() {
  const feed = sampleFeed();
  const url = 'https://example.org/consult';
  feed.consultations = [
    { id: 'hour', title: 'Adolygiad gwasanaethau Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch', owner: 'GB-LAE-TST', url, opens: '2026-10-01', closes: '2026-11-28T10:40:00Z', summary: 'How libraries should open in future.' },
    ...feed.consultations,
    { id: 'open', title: 'Community transport', owner: 'GB-CHC-1234567', url, opens: '2026-11-01', closes: '2027-02-28' },
    { id: 'later', title: 'Parks strategy', owner: 'GB-LAE-TST', opens: '2026-12-07', closes: '2027-03-01' },
    { id: 'closed', title: 'Youth services', owner: 'GB-LAE-TST', opens: '2026-06-01', closes: '2026-09-01' },
  ] as never;
  return feed;
}

const countdown = (attributes: string, feed: unknown) =>
  mountMarkup<Widget & { feed?: unknown }>(`<${TAG} ${attributes}></${TAG}>`, TAG, (el) => {
    if (el.feed === undefined) el.feed = feed;
    return $(el, '.consultation, [part~="notice"]');
  });

let clock: sinon.SinonFakeTimers;
beforeEach(() => {
  freshLoader();
  // Only Date is frozen: the ticker's timers run, and find the same moment each time.
  clock = sinon.useFakeTimers({ now: Date.parse(NOW), toFake: ['Date'] });
});
afterEach(() => clock.restore());

layoutSuite(TAG, [
  { name: 'every state, closed ones shown', mount: () => countdown('show-closed limit="9"', consultations()) },
  {
    name: 'one consultation in its last hour, seconds shown',
    mount: async () => {
      const el = await countdown('consultation="hour"', consultations());
      $<HTMLButtonElement>(el, '[part~="seconds-toggle"]')!.click();
      await settled(el, () => $(el, '[part~="seconds-toggle"][aria-pressed="true"]'), 'seconds shown');
      return el;
    },
  },
  {
    name: 'loading, its fallback link shown',
    mount: () =>
      mountMarkup<Widget>(
        `<${TAG} src="${feedUrl({ delay: 4000 })}"><a href="https://example.org/consult">Have your say on the library services review</a></${TAG}>`,
        TAG,
        (el) => $(el, '.loading'),
      ),
  },
  { name: 'error', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ status: 500 })}"></${TAG}>`, TAG, (el) => retryButton(el)) },
  { name: 'empty', mount: () => countdown('', { ...sampleFeed(), consultations: [] }) },
]);

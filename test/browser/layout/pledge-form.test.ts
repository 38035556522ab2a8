/** <compact-pledge-form> in a phone's width, with WCAG text spacing, by touch and keyboard, in forced colours. */
import { $, settled } from '../../helpers/dom.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { choose, fillValid, form, pledgeFeed, resetPledges, submit } from '../pledge-form/helpers.js';
import { layoutSuite, mountMarkup, type Widget } from './checks.js';

const TAG = 'compact-pledge-form';

beforeEach(async () => {
  freshLoader();
  await resetPledges();
});

/** The form after a send, in what it shows then (the confirmation panel, or the outbox when the service fails). */
async function sent(status: number, part: string): Promise<Widget> {
  const el = await form(pledgeFeed({ status }));
  await fillValid(el);
  await submit(el);
  await settled(el, () => $(el, `[part=${part}]`), part);
  return el;
}

layoutSuite(TAG, [
  {
    name: 'the form, a charity number asked for',
    mount: async () => {
      const el = await form(pledgeFeed());
      await choose(el, 'registered-chc');
      return el;
    },
  },
  {
    name: 'sent empty: the error summary and every field’s error',
    mount: async () => {
      const el = await form(pledgeFeed());
      await submit(el);
      await settled(el, () => $(el, '[part=error-summary]'), 'the error summary');
      return el;
    },
  },
  { name: 'the confirmation', mount: () => sent(202, 'confirmation') },
  { name: 'the outbox, the service not answering', mount: () => sent(503, 'outbox') },
  { name: 'loading', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ delay: 4000 })}"></${TAG}>`, TAG, (el) => $(el, '.loading')) },
  { name: 'error', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ status: 500 })}"></${TAG}>`, TAG, (el) => retryButton(el)) },
  {
    name: 'empty (no pledges taken)',
    mount: () => {
      const feed = sampleFeed() as Record<string, unknown>;
      delete feed.pledge;
      return form(feed);
    },
  },
]);

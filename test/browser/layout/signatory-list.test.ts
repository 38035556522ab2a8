/** <compact-signatory-list> in a phone's width, with WCAG text spacing, by touch and keyboard, in forced colours. */
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { $, settled } from '../../helpers/dom.js';
import { feedWith, manySignatories, mountList } from '../signatory-list/feeds.js';
import { layoutSuite, mountMarkup, type Widget } from './checks.js';

const TAG = 'compact-signatory-list';

/** Thirty organisations, one with a name no line can hold and a champion, so the list pages. */
function longList() {
  const signatories = manySignatories(30);
  signatories[0] = {
    ...signatories[0]!,
    name: 'Cymdeithas Gymunedol Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    url: 'https://example.org/llanfair',
    champion: { name: 'Siân Evans', role: 'Chair of the trustees' },
  };
  return feedWith(signatories);
}

beforeEach(freshLoader);

layoutSuite(TAG, [
  { name: 'loaded, with search, filters, a download and pages', mount: () => mountList(longList(), 'page-size="5"') },
  { name: 'filtered to a sector, grouped', mount: () => mountList(longList(), 'sector="voluntary" group-by="sector" page-size="5"') },
  {
    name: 'a search that matches nothing',
    mount: async () => {
      const el = await mountList(longList(), 'page-size="5"');
      const search = $<HTMLInputElement>(el, '#search')!;
      search.value = 'zzzz-nothing';
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await settled(el, () => $(el, '.no-results'), 'no results');
      return el;
    },
  },
  { name: 'loading', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ delay: 4000 })}"></${TAG}>`, TAG, (el) => $(el, '.loading')) },
  { name: 'error', mount: () => mountMarkup<Widget>(`<${TAG} src="${feedUrl({ status: 500 })}"></${TAG}>`, TAG, (el) => retryButton(el)) },
  { name: 'empty', mount: () => mountList({ ...sampleFeed(), signatories: [] }) },
]);

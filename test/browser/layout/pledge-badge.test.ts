/** <compact-pledge-badge> in a phone's width, with WCAG text spacing, by touch and keyboard, in forced colours. */
import { $ } from '../../helpers/dom.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { mountBadge } from '../pledge-badge/mount.js';
import { layoutSuite, mountMarkup, type Widget } from './checks.js';

const TAG = 'compact-pledge-badge';

/** The sample feed with a signatory whose name no line can hold. */
function longNamed() {
  const feed = sampleFeed();
  feed.signatories.push({
    id: 'GB-CHC-7654321',
    name: 'Cymdeithas Gymunedol Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    sector: 'voluntary',
    type: 'charity',
    signed: '2020-01-15',
    pledge: 'We will involve the people we serve in everything we do, in Welsh and in English.',
  } as never);
  return feed;
}

beforeEach(freshLoader);

layoutSuite(TAG, [
  { name: 'inline, in a sentence', mount: () => mountBadge(longNamed(), 'signatory="GB-CHC-7654321"') },
  { name: 'a card with its pledge', mount: () => mountBadge(longNamed(), 'signatory="GB-CHC-7654321" variant="card"') },
  {
    name: 'loading',
    mount: () => mountMarkup<Widget>(`<${TAG} signatory="GB-CHC-1234567" src="${feedUrl({ delay: 4000 })}"></${TAG}>`, TAG, (el) => $(el, '.loading')),
  },
  {
    name: 'error',
    mount: () => mountMarkup<Widget>(`<${TAG} signatory="GB-CHC-1234567" src="${feedUrl({ status: 500 })}"></${TAG}>`, TAG, (el) => retryButton(el)),
  },
  { name: 'empty (not a signatory)', mount: () => mountBadge({ ...sampleFeed(), signatories: [] }, 'signatory="GB-CHC-1234567"') },
]);

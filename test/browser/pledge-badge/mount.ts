/** The badge's fixture: the shared mountWithFeed (test/helpers/dom.ts), in a sentence as a page would put it. */
import '../../../src/pledge-badge/define.js';
import type { CompactPledgeBadge } from '../../../src/pledge-badge/pledge-badge.js';
import { mountWithFeed } from '../../helpers/dom.js';

/** "Our charity: <compact-pledge-badge …>" in a `<p>` (with a `lang`), given `feed`, once it shows the badge or a notice. */
export function mountBadge(feed: unknown, attributes: string, lang?: string): Promise<CompactPledgeBadge> {
  return mountWithFeed<CompactPledgeBadge>('compact-pledge-badge', feed, {
    attributes,
    lang,
    before: 'Our charity: ',
    ready: '.badge, .notice',
  });
}

/**
 * Feeds for the signatory-list tests, built from the shared sample so that they stay valid, and the one
 * way the tests put a list on the page.
 */
import { sampleFeed } from '../../helpers/feeds.js';
import { mountWithFeed } from '../../helpers/dom.js';
import type { CompactSignatoryList } from '../../../src/signatory-list/signatory-list.js';
import '../../../src/signatory-list/define.js';

/**
 * A list given `feed`, once it shows it (its summary) or a notice (empty, error). A feed may be read
 * asynchronously (the full validator loads on demand), so this waits for what is on screen.
 */
export function mountList(feed: unknown, attributes = '', lang = 'en-GB'): Promise<CompactSignatoryList> {
  return mountWithFeed<CompactSignatoryList>('compact-signatory-list', feed, { attributes, lang, ready: '.summary, .notice' });
}

export interface RawSignatory {
  id: string;
  name: string | Record<string, string>;
  sector: 'public' | 'voluntary';
  type?: string;
  signed?: string;
  url?: string;
  logo?: string;
  champion?: { name: string; role?: string };
}

export function feedWith(signatories: RawSignatory[]) {
  return { ...sampleFeed(), signatories };
}

const PLACES = ['Aberystwyth', 'Tregaron', 'Llanbedr Pont Steffan', 'Ayr', 'Troon', 'Southend'];
const KINDS = ['Community Trust', 'Foodbank', 'Youth Club', 'Carers’ Centre', 'Men’s Shed'];
const TYPES = ['charity', 'community-group', 'faith-group', 'social-enterprise'];

/** `count` voluntary organisations (and one public body in ten), with dates, names in order by number. */
export function manySignatories(count: number): RawSignatory[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, '0');
    const isPublic = i % 10 === 0;
    return {
      id: isPublic ? `GB-LAS-${n}` : `GB-CHC-${1000000 + i}`,
      name: `${n} ${PLACES[i % PLACES.length]} ${KINDS[i % KINDS.length]}`,
      sector: isPublic ? 'public' : 'voluntary',
      type: isPublic ? 'local-authority' : TYPES[i % TYPES.length],
      signed: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
    };
  });
}

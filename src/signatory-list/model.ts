/**
 * The signatory list's data, kept apart from rendering so that a keystroke costs only a loop of
 * substring tests: each signatory's search text is worked out once per feed, each sort order once
 * per feed and language, and the page shows at most `page-size` of the results.
 */
import { SECTORS, type CompactFeed, type Sector, type Signatory } from '../feed/types.js';
import { pickText } from '../feed/localized-text.js';
import { searchText } from '../feed/text-match.js';
import { collator as sharedCollator } from '../i18n/formatters.js';

export type SortOrder = 'name' | 'signed' | 'signed-desc';
export const SORT_ORDERS: readonly SortOrder[] = ['name', 'signed', 'signed-desc'];

export interface Entry {
  signatory: Signatory;
  /** The name in the list's language. */
  name: string;
  /**
   * Every name the organisation has in the feed (all languages) and its id, as `searchText`.
   * Worked out on first need (see `searchKey`), so that the first rows are not kept waiting.
   */
  key?: string;
  /** `''` when the feed gives no type. */
  type: string;
}

export interface Filters {
  query: string;
  sector: Sector | '';
  type: string;
}

/** Search keys depend only on the feed: all languages go in, so a Welsh page finds English names too. */
const keys = new WeakMap<Signatory, string>();

function keyOf(signatory: Signatory): string {
  let key = keys.get(signatory);
  if (key === undefined) {
    const names = typeof signatory.name === 'string' ? [signatory.name] : Object.values(signatory.name);
    // A separator that searchText never produces, so a query cannot match across two names.
    key = [...names, signatory.id].map(searchText).join('\u0000');
    keys.set(signatory, key);
  }
  return key;
}

export interface EntryIndex {
  entries: Entry[];
  /** How many signatories each sector and each type has (`''`: no type given). */
  perSector: Map<string, number>;
  perType: Map<string, number>;
}

/**
 * The entries and their counts by sector and by type, in one pass: a list of ten thousand is read
 * once before its first rows, not three times.
 */
export function indexEntries(feed: CompactFeed, lang: string): EntryIndex {
  const entries: Entry[] = [];
  const perSector = new Map<string, number>();
  const perType = new Map<string, number>();
  const fallback = feed.compact.defaultLanguage;
  for (const signatory of feed.signatories) {
    const type = signatory.type ?? '';
    entries.push({ signatory, name: pickText(signatory.name, lang, fallback), type });
    perSector.set(signatory.sector, (perSector.get(signatory.sector) ?? 0) + 1);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  }
  return { entries, perSector, perType };
}

export function searchKey(entry: Entry): string {
  return (entry.key ??= keyOf(entry.signatory));
}

/**
 * Works out search keys from `from` until `hasTime()` says stop (checked every 100 entries); the
 * index to carry on from, or `entries.length` when all are done. The element calls it in idle time
 * after the first rows, so that the first key pressed finds them ready.
 */
export function prepareSearch(entries: readonly Entry[], from = 0, hasTime: () => boolean = () => true): number {
  let i = from;
  while (i < entries.length) {
    const end = Math.min(i + 100, entries.length);
    for (; i < end; i++) searchKey(entries[i]!);
    if (!hasTime()) break;
  }
  return i;
}

/** The language's collation for names (numbers in names in numeric order, accents with their letter). */
export function collator(locale: string): Intl.Collator {
  return sharedCollator(locale, NAME_COLLATION);
}

const NAME_COLLATION: Intl.CollatorOptions = { numeric: true, sensitivity: 'base' };

/**
 * The order of a sort. By name: the language's own collation (accents sort with their letter). By
 * date signed: oldest or newest first; organisations without a date come last either way, and
 * equal dates fall back to the name. Grouped: public bodies first, then voluntary, each in that order.
 */
export function entryOrder(order: SortOrder, locale: string, grouped = false): (a: Entry, b: Entry) => number {
  const byName = collator(locale).compare;
  const direction = order === 'signed' ? 1 : -1;
  const inOrder =
    order === 'name'
      ? (a: Entry, b: Entry) => byName(a.name, b.name)
      : (a: Entry, b: Entry) => {
          const x = a.signatory.signed;
          const y = b.signatory.signed;
          if (x !== y) {
            if (!x) return 1;
            if (!y) return -1;
            return x < y ? -direction : direction;
          }
          return byName(a.name, b.name);
        };
  if (!grouped) return inOrder;
  return (a, b) => sectorRank(a) - sectorRank(b) || inOrder(a, b);
}

const sectorRank = (e: Entry) => SECTORS.indexOf(e.signatory.sector);

/** A sorted copy (see `entryOrder`). */
export function sortEntries(entries: readonly Entry[], order: SortOrder, locale: string): Entry[] {
  return [...entries].sort(entryOrder(order, locale));
}

/**
 * The first `count` entries of a stable sort by `compare` (what `[...entries].sort(compare)
 * .slice(0, count)` gives), without sorting the rest: the first page of ten thousand in about one
 * comparison per entry, where the whole sort takes over a hundred thousand.
 */
export function firstInOrder(entries: readonly Entry[], compare: (a: Entry, b: Entry) => number, count: number): Entry[] {
  const first: Entry[] = [];
  if (count < 1) return first;
  for (const entry of entries) {
    if (first.length === count && compare(entry, first[count - 1]!) >= 0) continue;
    // After every entry that sorts equal, as a stable sort keeps them in the order given.
    let low = 0;
    let high = first.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(entry, first[mid]!) < 0) high = mid;
      else low = mid + 1;
    }
    first.splice(low, 0, entry);
    if (first.length > count) first.pop();
  }
  return first;
}

/** The entries that pass every filter, in the order given. */
export function filterEntries(entries: readonly Entry[], filters: Filters): readonly Entry[] {
  const query = searchText(filters.query);
  const { sector, type } = filters;
  if (!query && !sector && !type) return entries;
  return entries.filter(
    (e) => (!sector || e.signatory.sector === sector) && (!type || e.type === type) && (!query || searchKey(e).includes(query)),
  );
}

/**
 * Search as people type. It remembers the last search: a query that carries on from it ("com" after
 * "co") can only match what that one matched, so only those are tested again.
 */
export class Search {
  private last?: { list: readonly Entry[]; query: string; matches: readonly Entry[] };

  /** The entries of `list` whose search key contains `query` (as `searchText`), in `list`'s order. */
  matching(list: readonly Entry[], query: string): readonly Entry[] {
    const wanted = searchText(query);
    if (!wanted) return list;
    const last = this.last;
    if (last?.list === list && last.query === wanted) return last.matches;
    const from = last?.list === list && wanted.startsWith(last.query) ? last.matches : list;
    const matches = from.filter((e) => searchKey(e).includes(wanted));
    this.last = { list, query: wanted, matches };
    return matches;
  }
}

/** Public bodies first, then voluntary, each keeping the order it had (for "group by sector"). */
export function groupBySector(entries: readonly Entry[]): Entry[] {
  return SECTORS.flatMap((sector) => entries.filter((e) => e.signatory.sector === sector));
}

/** How many signatories have each value of `pick`, in first-seen order. */
export function countBy(entries: readonly Entry[], pick: (e: Entry) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const value = pick(e);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * The page numbers to offer: always the first, the last, and the pages either side of the current
 * one, with a gap (`null`) where pages are left out: 1 … 4 5 [6] 7 8 … 200.
 */
export function pageWindow(current: number, count: number, around = 1): (number | null)[] {
  const wanted = new Set([1, count]);
  for (let page = current - around; page <= current + around; page++) wanted.add(page);
  const pages: (number | null)[] = [];
  let last = 0;
  for (const page of [...wanted].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b)) {
    // A gap of one page is shown as that page: "1 2 3" reads better than "1 … 3".
    if (page - last === 2) pages.push(page - 1);
    else if (page - last > 2) pages.push(null);
    pages.push(page);
    last = page;
  }
  return pages;
}

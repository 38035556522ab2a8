import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import { formatCount } from '../../../src/signatory-list/labels.js';
import { searchText } from '../../../src/feed/text-match.js';
import { csvCell, toCsv } from '../../../src/signatory-list/csv.js';
import { countBy, entryOrder, indexEntries, filterEntries, firstInOrder, pageWindow, Search, sortEntries, type Filters } from '../../../src/signatory-list/model.js';
import { checkFeed } from '../../../src/feed/validate.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { feedWith, type RawSignatory } from './feeds.js';

function feedOf(signatories: RawSignatory[]): CompactFeed {
  const { feed } = checkFeed(feedWith(signatories));
  if (!feed) throw new Error('test feed is invalid');
  return feed;
}

const none: Filters = { query: '', sector: '', type: '' };

describe('signatory list: search text', () => {
  it('ignores case, accents and punctuation, spaces included', () => {
    expect(searchText('Côr Meibion')).to.equal('cormeibion');
    expect(searchText("St John's")).to.equal(searchText('st johns'));
    expect(searchText('St John’s Community Trust')).to.contain(searchText('st johns'));
    expect(searchText('Southend-on-Sea')).to.equal(searchText('southend on sea'));
    expect(searchText('Tŷ Hafan, Ŵyl Ystwyth')).to.equal('tyhafanwylystwyth');
    expect(searchText('GB-CHC-1234567')).to.equal('gbchc1234567');
    expect(searchText('Straße Øresund Æthel')).to.equal('strasseoresundaethel');
  });

  it('finds by any part of a name, in any of its languages, and by identifier', () => {
    const feed = feedOf([
      { id: 'GB-CHC-1234567', name: { en: "St John's Community Trust", cy: 'Ymddiriedolaeth Sant Ioan' }, sector: 'voluntary' },
      { id: 'GB-SC-SC012345', name: 'Côr Meibion Testshire', sector: 'voluntary' },
      { id: 'GB-LAE-TST', name: 'Testshire Council', sector: 'public' },
    ]);
    const entries = indexEntries(feed, 'cy').entries;
    const find = (query: string) => filterEntries(entries, { ...none, query }).map((e) => e.signatory.id);
    expect(find('cor')).to.deep.equal(['GB-SC-SC012345']);
    expect(find('COR MEIB')).to.deep.equal(['GB-SC-SC012345']);
    expect(find('st johns')).to.deep.equal(['GB-CHC-1234567']);
    expect(find('sant ioan')).to.deep.equal(['GB-CHC-1234567']);
    expect(find('1234567')).to.deep.equal(['GB-CHC-1234567']);
    expect(find('GB-CHC-1234567')).to.deep.equal(['GB-CHC-1234567']);
    expect(find('gb chc 1234567')).to.deep.equal(['GB-CHC-1234567']);
    expect(find('  ')).to.have.length(3);
    expect(find("'")).to.have.length(3);
    expect(find('zzz')).to.deep.equal([]);
    // The Welsh name is shown on a Welsh page.
    expect(entries[0]!.name).to.equal('Ymddiriedolaeth Sant Ioan');
  });

  it('counts by sector and by type in the same pass that builds the entries, as countBy does', () => {
    const feed = feedOf([
      { id: 'a', name: 'Alpha Trust', sector: 'voluntary', type: 'charity' },
      { id: 'b', name: 'Beta Trust', sector: 'voluntary' },
      { id: 'c', name: 'Gamma Council', sector: 'public', type: 'local-authority' },
      { id: 'd', name: 'Delta Trust', sector: 'voluntary', type: 'charity' },
    ]);
    const { entries, perSector, perType } = indexEntries(feed, 'en');
    expect([...perSector]).to.deep.equal([...countBy(entries, (e) => e.signatory.sector)]);
    expect([...perType]).to.deep.equal([...countBy(entries, (e) => e.type)]);
    expect(Object.fromEntries(perType)).to.deep.equal({ charity: 2, '': 1, 'local-authority': 1 });
  });

  it('filters by sector and type together with the query', () => {
    const feed = feedOf([
      { id: 'a', name: 'Alpha Trust', sector: 'voluntary', type: 'charity' },
      { id: 'b', name: 'Beta Trust', sector: 'voluntary', type: 'community-group' },
      { id: 'c', name: 'Gamma Council', sector: 'public', type: 'local-authority' },
    ]);
    const entries = indexEntries(feed, 'en').entries;
    const ids = (f: Partial<Filters>) => filterEntries(entries, { ...none, ...f }).map((e) => e.signatory.id);
    expect(ids({ sector: 'voluntary' })).to.deep.equal(['a', 'b']);
    expect(ids({ type: 'community-group' })).to.deep.equal(['b']);
    expect(ids({ sector: 'public', query: 'trust' })).to.deep.equal([]);
    expect(ids({ sector: 'voluntary', query: 'trust', type: 'charity' })).to.deep.equal(['a']);
  });
});

describe('signatory list: sorting', () => {
  const welsh = feedOf([
    { id: '1', name: 'Zumba Ceredigion', sector: 'voluntary', signed: '2020-01-01' },
    { id: '2', name: 'Ŵyl Aberystwyth', sector: 'voluntary', signed: '2015-06-01' },
    { id: '3', name: 'Wyth Deg Club', sector: 'voluntary' },
    { id: '4', name: 'Côr Meibion Bro Ystwyth', sector: 'voluntary', signed: '2015-06-01' },
    { id: '5', name: 'Cymdeithas Tai Ceredigion', sector: 'voluntary', signed: '2024-02-29' },
    { id: '6', name: 'Ysgol Gân Tregaron', sector: 'voluntary', signed: '2019-03-01' },
  ]);
  const names = (order: 'name' | 'signed' | 'signed-desc', locale = 'cy') =>
    sortEntries(indexEntries(welsh, 'cy').entries, order, locale).map((e) => e.name);

  it('sorts names by the language’s collation: accented letters sit with their letter, not after Z', () => {
    for (const locale of ['cy', 'en-GB', 'gd']) {
      expect(names('name', locale)).to.deep.equal([
        'Côr Meibion Bro Ystwyth',
        'Cymdeithas Tai Ceredigion',
        'Ŵyl Aberystwyth',
        'Wyth Deg Club',
        'Ysgol Gân Tregaron',
        'Zumba Ceredigion',
      ]);
    }
  });

  it('sorts by date signed either way, ties by name, undated last', () => {
    expect(names('signed')).to.deep.equal([
      'Côr Meibion Bro Ystwyth',
      'Ŵyl Aberystwyth',
      'Ysgol Gân Tregaron',
      'Zumba Ceredigion',
      'Cymdeithas Tai Ceredigion',
      'Wyth Deg Club',
    ]);
    expect(names('signed-desc')).to.deep.equal([
      'Cymdeithas Tai Ceredigion',
      'Zumba Ceredigion',
      'Ysgol Gân Tregaron',
      'Côr Meibion Bro Ystwyth',
      'Ŵyl Aberystwyth',
      'Wyth Deg Club',
    ]);
  });
});

describe('signatory list: the first rows without the whole sort', () => {
  // Names with ties (equal under the collation: case and accents), dates with ties and gaps.
  const raw = fc.record({
    name: fc.constantFrom('Côr', 'cor', 'COR', 'Ŵyl', 'Wyl', 'Zumba', 'Age 2', 'Age 10', 'Ysgol'),
    sector: fc.constantFrom('public', 'voluntary'),
    signed: fc.option(fc.constantFrom('2020-01-01', '2021-06-30', '2024-02-29'), { nil: undefined }),
  });

  it('picks exactly the first entries of the stable sort, in every order, grouped or not', () => {
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (list, count) => {
        const entries = indexEntries(feedOf(list.map((s, i) => ({ id: `id-${i}`, ...s }))), 'cy').entries;
        for (const order of ['name', 'signed', 'signed-desc'] as const) {
          for (const grouped of [false, true]) {
            const compare = entryOrder(order, 'cy', grouped);
            const ids = (xs: readonly { signatory: { id: string } }[]) => xs.map((e) => e.signatory.id);
            expect(ids(firstInOrder(entries, compare, count))).to.deep.equal(ids([...entries].sort(compare).slice(0, count)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('search as people type (carrying on from the last query, or not) finds what a search from scratch finds', () => {
    const feed = feedOf([
      { id: 'GB-CHC-1', name: 'Community Trust', sector: 'voluntary' },
      { id: 'GB-CHC-2', name: 'Côr Meibion', sector: 'voluntary' },
      { id: 'GB-CHC-3', name: 'Comic Club', sector: 'voluntary' },
      { id: 'GB-LAS-4', name: 'Council of Communities', sector: 'public' },
    ]);
    const entries = indexEntries(feed, 'en').entries;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'c', 'co', 'com', 'comm', 'Côr', 'cor', 'club', 'gb', '4', ' '), { maxLength: 8 }), (queries) => {
        const search = new Search();
        for (const query of queries) {
          const ids = (xs: readonly { signatory: { id: string } }[]) => xs.map((e) => e.signatory.id);
          expect(ids(search.matching(entries, query)), query).to.deep.equal(ids(filterEntries(entries, { ...none, query })));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the ASCII shortcut of search text gives what the full Unicode folding gives', () => {
    // A trailing "é" sends a text through the full folding, where it becomes "e".
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(searchText(s) + 'e').to.equal(searchText(`${s}é`));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('signatory list: page numbers', () => {
  it('shows the first, last and neighbours of the current page, with gaps', () => {
    expect(pageWindow(1, 1)).to.deep.equal([1]);
    expect(pageWindow(1, 3)).to.deep.equal([1, 2, 3]);
    expect(pageWindow(1, 10)).to.deep.equal([1, 2, null, 10]);
    expect(pageWindow(6, 200)).to.deep.equal([1, null, 5, 6, 7, null, 200]);
    expect(pageWindow(3, 10)).to.deep.equal([1, 2, 3, 4, null, 10]);
    expect(pageWindow(10, 10)).to.deep.equal([1, null, 9, 10]);
  });
});

describe('signatory list: CSV', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvCell('Plain')).to.equal('Plain');
    expect(csvCell('Ayrshire, Arran')).to.equal('"Ayrshire, Arran"');
    expect(csvCell('The "Friends" Group')).to.equal('"The ""Friends"" Group"');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell(' padded')).to.equal('" padded"');
  });

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).to.equal('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('+44 1234')).to.equal("'+44 1234");
    expect(csvCell('-2+3')).to.equal("'-2+3");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('\t=1')).to.equal("'\t=1");
    expect(csvCell('St John=s')).to.equal('St John=s');
  });

  it('writes a UTF-8 byte-order mark and CRLF line ends', () => {
    expect(toCsv([['a', 'b'], ['Côr', '1']])).to.equal('\ufeffa,b\r\nCôr,1\r\n');
  });
});

describe('signatory-list formatCount', () => {
  it('writes counts as en-GB Intl does (thousands with commas), without making a number format', () => {
    const intl = new Intl.NumberFormat('en-GB');
    for (const n of [0, 7, 42, 999, 1000, 3201, 10_000, 99_999, 123_456, 1_000_000, 12_345_678, Number.MAX_SAFE_INTEGER]) {
      expect(formatCount(n), String(n)).to.equal(intl.format(n));
    }
    const formatted = sinon.spy(Intl.NumberFormat.prototype, 'format', ['get']);
    try {
      formatCount(3201);
      expect(formatted.get.called, 'no Intl.NumberFormat for a whole count').to.equal(false);
    } finally {
      sinon.restore();
    }
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/signatory-list/define.js';
import type { CompactSignatoryList } from '../../../src/signatory-list/signatory-list.js';
import { feedElementSuite } from '../../helpers/feed-element-suite.js';
import { $$, foldText, liveText, settled, shadowText } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { loadLocale, withLocale } from '../../../src/i18n/locale.js';
import { pluralCategory } from '../../../src/i18n/plural.js';
import { signedSummary } from '../../../src/signatory-list/labels.js';
import { feedWith, manySignatories, mountList, type RawSignatory } from './feeds.js';

feedElementSuite({
  tag: 'compact-signatory-list',
  readyText: 'Côr Meibion Testshire',
  emptyFeed: { ...sampleFeed(), signatories: [] },
  emptyText: 'No organisations have signed yet.',
});

// --- helpers -------------------------------------------------------------------------------------

const mount = mountList;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T;
const names = (el: Element) => $$(el, '.item .name').map(foldText);
const heading = (el: Element) => foldText($(el, '#results-heading'));
const announced = liveText;

async function typeInto(el: CompactSignatoryList, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#search');
  for (const ch of value) {
    input.value += ch;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

async function choose(el: CompactSignatoryList, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

const options = (el: Element, selector: string) => $$(el, `${selector} option`).map(foldText);

// --- what it shows ---------------------------------------------------------------------------------

describe('<compact-signatory-list>: each signatory', () => {
  it('shows name, the compact’s own sector names, type, date signed and champion', async () => {
    const el = await mount(sampleFeed());
    expect(names(el)).to.deep.equal([
      'Côr Meibion Testshire',
      "St John's Community Trust",
      'Testshire Council',
      'Tidy Towns Group',
    ]);
    const items = $$(el, '.item');
    expect(foldText(items[0]!.querySelector('.meta'))).to.equal('Third sector Community group Signed 1 July 2019');
    expect(foldText(items[1]!.querySelector('.meta'))).to.equal('Third sector Charity Signed 12 March 2015');
    expect(foldText(items[1]!.querySelector('.champion'))).to.equal('Compact Champion: Ann Jones, Chief Officer');
    expect(foldText(items[2]!.querySelector('.meta'))).to.equal('Public sector Local authority Signed 12 March 2015');
    expect(items[0]!.querySelector('.champion')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('links names only to http(s) websites; nothing else from the feed reaches href or src', async () => {
    const el = await mount(sampleFeed());
    const links = $$(el, '.item a') as HTMLAnchorElement[];
    expect(links.map((a) => foldText(a))).to.deep.equal(["St John's Community Trust", 'Testshire Council']);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/stjohns',
      'https://example.org/council',
    ]);
    for (const node of $$(el, '[href], [src]')) {
      expect(node.getAttribute('href') ?? node.getAttribute('src')).to.match(/^https?:\/\//);
    }
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
  });

  it('shows logos lazily, as decoration beside the name, and never a non-http logo', async () => {
    const el = await mount(
      feedWith([
        { id: 'a', name: 'Alpha Trust', sector: 'voluntary', logo: 'https://example.org/alpha.png' },
        { id: 'b', name: 'Beta Trust', sector: 'voluntary', logo: 'data:image/png;base64,AAAA' },
      ]),
    );
    const images = $$(el, 'img') as HTMLImageElement[];
    expect(images).to.have.length(1);
    expect(images[0]!.getAttribute('src')).to.equal('https://example.org/alpha.png');
    expect(images[0]!.getAttribute('loading')).to.equal('lazy');
    expect(images[0]!.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a part the feed does not give leaves no gap and no stray dot between the others', async () => {
    const el = await mount(
      feedWith([
        { id: 'a', name: 'Alpha', sector: 'voluntary', signed: '2015-03-12' },
        { id: 'b', name: 'Beta', sector: 'voluntary', type: 'charity' },
      ]),
    );
    const shown = (item: Element) =>
      [...item.querySelectorAll<HTMLElement>('.meta span')]
        .filter((span) => getComputedStyle(span).display !== 'none')
        .map((span) => ({ text: foldText(span), dot: getComputedStyle(span, '::before').content !== 'none' }));
    const [alpha, beta] = $$(el, '.item');
    expect(shown(alpha!)).to.deep.equal([
      { text: 'Third sector', dot: false },
      { text: 'Signed 12 March 2015', dot: true },
    ]);
    expect(shown(beta!)).to.deep.equal([
      { text: 'Third sector', dot: false },
      { text: 'Charity', dot: true },
    ]);
    expect(foldText(alpha!.querySelector('.meta'))).to.equal('Third sector Signed 12 March 2015');
    // Grouped by sector, the sector is the heading: the first part shown has no dot before it.
    el.setAttribute('group-by', 'sector');
    await el.updateComplete;
    const [groupedAlpha, groupedBeta] = $$(el, '.item');
    expect(shown(groupedAlpha!)).to.deep.equal([{ text: 'Signed 12 March 2015', dot: false }]);
    expect(shown(groupedBeta!)).to.deep.equal([{ text: 'Charity', dot: false }]);
  });

  it('names the suggested types in words and tidies any other type', async () => {
    const types = ['bme-organisation', 'fire-rescue', 'housing_association', 'NHS-trust'];
    const el = await mount(
      feedWith(types.map((type, i) => ({ id: `t${i}`, name: `Org ${i}`, sector: 'voluntary', type }))),
    );
    expect($$(el, '.meta span:nth-child(2)').map(foldText)).to.deep.equal([
      'Black and minority ethnic organisation',
      'Fire and rescue',
      'Housing association',
      'NHS trust',
    ]);
  });

  it('uses the default sector names when the compact has none of its own', async () => {
    const feed = sampleFeed() as Record<string, any>;
    delete feed.compact.sectors;
    const el = await mount(feed);
    expect($$(el, '.sector-counts li').map(foldText)).to.deep.equal(['Public sector: 1', 'Voluntary and community sector: 3']);
  });
});

describe('<compact-signatory-list>: summary and plurals', () => {
  it('counts who has signed, in total and per sector', async () => {
    const el = await mount(sampleFeed());
    expect(foldText($(el, '.summary-total'))).to.equal('4 organisations have signed');
    expect($$(el, '.sector-counts li').map(foldText)).to.deep.equal(['Public sector: 1', 'Third sector: 3']);
    const one = await mount(feedWith([{ id: 'a', name: 'Alpha', sector: 'public' }]));
    expect(foldText($(one, '.summary-total'))).to.equal('1 organisation has signed');
  });

  it('has the right plural in Welsh for 0, 1, 2, 3, 6 and 11', async () => {
    await loadLocale('cy');
    const expected: [number, string, string][] = [
      [0, 'zero', 'Mae 0 sefydliad wedi llofnodi'],
      [1, 'one', 'Mae 1 sefydliad wedi llofnodi'],
      [2, 'two', 'Mae 2 sefydliad wedi llofnodi'],
      [3, 'few', 'Mae 3 sefydliad wedi llofnodi'],
      [6, 'many', 'Mae 6 sefydliad wedi llofnodi'],
      [11, 'other', 'Mae 11 o sefydliadau wedi llofnodi'],
    ];
    for (const [n, category, words] of expected) {
      expect(pluralCategory(n, 'cy')).to.equal(category);
      expect(withLocale('cy', () => signedSummary(n))).to.equal(words);
    }
  });

  it('has the right plural in Gaelic for 1, 2, 3, 11, 12 and 20', async () => {
    await loadLocale('gd');
    const expected: [number, string][] = [
      [1, "Tha 1 bhuidheann air ainm a chur ris a' chompact"],
      [2, "Tha 2 bhuidheann air ainm a chur ris a' chompact"],
      [3, "Tha 3 buidhnean air ainm a chur ris a' chompact"],
      [11, "Tha 11 bhuidheann air ainm a chur ris a' chompact"],
      [12, "Tha 12 bhuidheann air ainm a chur ris a' chompact"],
      [20, "Tha 20 buidheann air ainm a chur ris a' chompact"],
    ];
    for (const [n, words] of expected) expect(withLocale('gd', () => signedSummary(n))).to.equal(words);
  });

  it('renders in Welsh: feed text, sector names, types, dates and counts', async () => {
    const el = await mount(sampleFeed(), '', 'cy');
    await settled(el, () => shadowText(el).includes('Mae 4 o sefydliadau wedi llofnodi'));
    expect(names(el)).to.include('Ymddiriedolaeth Gymunedol Sant Ioan');
    expect($$(el, '.sector-counts li').map(foldText)).to.deep.equal(['Public sector: 1', 'Trydydd sector: 3']);
    const stJohns = $$(el, '.item').find((li) => foldText(li).includes('Sant Ioan'))!;
    expect(foldText(stJohns.querySelector('.meta'))).to.equal('Trydydd sector Elusen Llofnodwyd 12 Mawrth 2015');
    expect(foldText($(el, 'label[for="search"]'))).to.equal('Chwilio yn ôl enw neu rif');
    await expect(el).to.be.accessible();
  });
});

// --- search ------------------------------------------------------------------------------------------

describe('<compact-signatory-list>: search as you type', () => {
  afterEach(() => sinon.restore());

  it('narrows on every key, ignoring case, accents and punctuation, and matches identifiers', async () => {
    const el = await mount(sampleFeed());
    await typeInto(el, 'cor');
    expect(names(el)).to.deep.equal(['Côr Meibion Testshire']);
    $<HTMLInputElement>(el, '#search').value = '';
    await typeInto(el, 'st johns');
    expect(names(el)).to.deep.equal(["St John's Community Trust"]);
    $<HTMLInputElement>(el, '#search').value = '';
    await typeInto(el, '1234567');
    expect(names(el)).to.deep.equal(["St John's Community Trust"]);
    $<HTMLInputElement>(el, '#search').value = '';
    await typeInto(el, 'GB-LAE-TST');
    expect(names(el)).to.deep.equal(['Testshire Council']);
    expect(heading(el)).to.equal('Showing 1 to 1 of 1');
  });

  it('announces the number of results once, politely, when typing pauses', async () => {
    const el = await mount(sampleFeed());
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const region = $(el, '[role="status"]');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await typeInto(el, 'tes');
    expect(announced(el)).to.equal('');
    clock.tick(499);
    await el.updateComplete;
    expect(announced(el)).to.equal('');
    await typeInto(el, 't');
    clock.tick(499);
    await el.updateComplete;
    expect(announced(el), 'the pause starts again with each key').to.equal('');
    clock.tick(1);
    await el.updateComplete;
    expect(announced(el)).to.equal('2 organisations found');
  });

  it('says plainly when nothing matches, and clearing brings everything back', async () => {
    const el = await mount(sampleFeed());
    await typeInto(el, 'zzz');
    expect(heading(el)).to.equal('No organisations match “zzz”');
    expect($$(el, '.item')).to.have.length(0);
    expect($(el, '.download')).to.equal(null);
    await expect(el).to.be.accessible();
    const clear = $<HTMLButtonElement>(el, '.no-results button');
    expect(foldText(clear)).to.equal('Clear search and filters');
    clear.focus();
    clear.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'search', 'focus moves to the search box');
    expect(names(el)).to.have.length(4);
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    expect(el.shadowRoot!.activeElement?.id, 'focus moves to the search box').to.equal('search');
  });

  // Speed is measured by `npm run bench`, not asserted here (a timed test on a shared machine is noise).
  it('with 10,000 signatories, search works and the DOM stays small', async () => {
    const el = await mount(feedWith(manySignatories(10_000)));
    expect($$(el, '.item')).to.have.length(50);
    const input = $<HTMLInputElement>(el, '#search');
    for (const ch of 'foodbank') {
      input.value += ch;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    }
    expect(heading(el)).to.equal('Showing 1 to 50 of 2,000');
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(1000);
  });
});

// --- filters and sorting ---------------------------------------------------------------------------

describe('<compact-signatory-list>: filters and sorting', () => {
  it('offers sector and type filters built from the feed, each with its count', async () => {
    const el = await mount(sampleFeed());
    expect(options(el, '#filter-sector')).to.deep.equal(['All sectors (4)', 'Public sector (1)', 'Third sector (3)']);
    expect(options(el, '#filter-type')).to.deep.equal([
      'All types (4)',
      'Charity (1)',
      'Community group (2)',
      'Local authority (1)',
    ]);
    await choose(el, '#filter-sector', 'voluntary');
    expect(names(el)).to.deep.equal(['Côr Meibion Testshire', "St John's Community Trust", 'Tidy Towns Group']);
    expect(announced(el)).to.equal('3 organisations found');
    await choose(el, '#filter-type', 'community-group');
    expect(names(el)).to.deep.equal(['Côr Meibion Testshire', 'Tidy Towns Group']);
    await typeInto(el, 'tidy');
    expect(names(el)).to.deep.equal(['Tidy Towns Group']);
    // The filters narrow each other: no public body is a community group called "tidy".
    expect(options(el, '#filter-sector')).to.deep.equal(['All sectors (1)', 'Third sector (1)']);
    await typeInto(el, 'zzz');
    expect(heading(el)).to.equal('No organisations match “tidyzzz”');
    await expect(el).to.be.accessible();
  });

  it('sorts by name or by date signed', async () => {
    const el = await mount(sampleFeed());
    expect(options(el, '#sort')).to.deep.equal([
      'Name (A to Z)',
      'Date signed (oldest first)',
      'Date signed (newest first)',
    ]);
    await choose(el, '#sort', 'signed');
    expect(names(el)).to.deep.equal([
      "St John's Community Trust",
      'Testshire Council',
      'Côr Meibion Testshire',
      'Tidy Towns Group',
    ]);
    await choose(el, '#sort', 'signed-desc');
    expect(names(el)).to.deep.equal([
      'Côr Meibion Testshire',
      "St John's Community Trust",
      'Testshire Council',
      'Tidy Towns Group',
    ]);
  });
});

// --- attributes --------------------------------------------------------------------------------------

describe('<compact-signatory-list>: attributes', () => {
  it('sector, type and sort set the first view, and people can still change them', async () => {
    const el = await mount(sampleFeed(), 'sector="voluntary" type="community-group" sort="signed-desc"');
    expect(names(el)).to.deep.equal(['Côr Meibion Testshire', 'Tidy Towns Group']);
    expect($<HTMLSelectElement>(el, '#filter-sector').value).to.equal('voluntary');
    expect($<HTMLSelectElement>(el, '#sort').value).to.equal('signed-desc');
    await choose(el, '#filter-type', '');
    expect(names(el)).to.have.length(3);
  });

  it('group-by="sector" puts each sector under its own heading', async () => {
    const el = await mount(sampleFeed(), 'group-by="sector"');
    expect($$(el, '.group-heading').map(foldText)).to.deep.equal(['Public sector', 'Third sector']);
    const lists = $$(el, 'ul.list');
    expect(lists.map((ul) => [...ul.querySelectorAll('.name')].map(foldText))).to.deep.equal([
      ['Testshire Council'],
      ['Côr Meibion Testshire', "St John's Community Trust", 'Tidy Towns Group'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('heading-level fits the headings into the host page’s outline', async () => {
    const el = await mount(sampleFeed(), 'group-by="sector" heading-level="3"');
    expect($(el, '#results-heading').localName).to.equal('h3');
    expect($$(el, '.group-heading').map((h) => h.localName)).to.deep.equal(['h4', 'h4']);
    const odd = await mount(sampleFeed(), 'group-by="sector" heading-level="9"');
    expect($(odd, '#results-heading').localName).to.equal('h6');
    expect($$(odd, '.group-heading').map((h) => h.localName)).to.deep.equal(['h6', 'h6']);
    await expect(el).to.be.accessible();
  });

  it('no-search shows a plain list without the controls', async () => {
    const el = await mount(sampleFeed(), 'no-search sector="public"');
    expect($(el, 'form')).to.equal(null);
    expect(names(el)).to.deep.equal(['Testshire Council']);
    await expect(el).to.be.accessible();
  });

  it('page-size sets how many show at once', async () => {
    const el = await mount(feedWith(manySignatories(30)), 'page-size="10"');
    expect($$(el, '.item')).to.have.length(10);
    expect(heading(el)).to.equal('Showing 1 to 10 of 30');
  });

  describe('sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => history.replaceState(history.state, '', original));

    it('reads the person’s choices from the address on load, and writes them back with its prefix', async () => {
      const url = new URL(location.href);
      url.searchParams.set('list-q', 'trust');
      url.searchParams.set('list-sort', 'signed');
      history.replaceState(history.state, '', url.href);
      const el = await mount(feedWith(manySignatories(200)), 'sync-url="list-" page-size="10"');
      expect($<HTMLInputElement>(el, '#search').value).to.equal('trust');
      expect($<HTMLSelectElement>(el, '#sort').value).to.equal('signed');
      expect(heading(el)).to.equal('Showing 1 to 10 of 40');
      await choose(el, '#filter-sector', 'voluntary');
      $<HTMLButtonElement>(el, '.pagination .next button').click();
      // The address is written once the choices settle (debounced).
      await waitUntil(() => new URL(location.href).searchParams.get('list-page') === '2', 'the page number reaches the address');
      const params = new URL(location.href).searchParams;
      expect(params.get('list-q')).to.equal('trust');
      expect(params.get('list-sector')).to.equal('voluntary');
      expect(params.get('list-page')).to.equal('2');
      expect(params.get('list-type')).to.equal(null);
    });

    it('leaves the address alone without sync-url', async () => {
      const el = await mount(sampleFeed());
      await typeInto(el, 'cor');
      expect(location.href).to.equal(original);
    });
  });
});

// --- paging ------------------------------------------------------------------------------------------

describe('<compact-signatory-list>: pages', () => {
  it('shows one page at a time with a status and page navigation', async () => {
    const el = await mount(feedWith(manySignatories(120)));
    expect($$(el, '.item')).to.have.length(50);
    expect(heading(el)).to.equal('Showing 1 to 50 of 120');
    const nav = $(el, 'nav');
    expect(nav.getAttribute('aria-label')).to.equal('Pages of results');
    expect($$(el, 'nav button').map(foldText)).to.deep.equal(['1', '2', '3', 'Next page']);
    expect($(el, 'nav [aria-current="page"]').getAttribute('aria-label')).to.equal('Page 1');
    await expect(el).to.be.accessible();
  });

  it('moves focus to the results heading when the page changes', async () => {
    const el = await mount(feedWith(manySignatories(120)));
    const next = $<HTMLButtonElement>(el, 'nav .next button');
    next.focus();
    next.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-heading', 'focus moves to the results heading');
    expect(heading(el)).to.equal('Showing 51 to 100 of 120');
    expect(el.shadowRoot!.activeElement?.id).to.equal('results-heading');
    expect($(el, '#results-heading').getAttribute('tabindex')).to.equal('-1');
    expect(names(el)[0]).to.match(/^00051 /);
    // The last page has no Next button: focus must not be lost with it.
    const last = $$(el, 'nav button').find((b) => foldText(b) === '3')!;
    last.focus();
    last.click();
    await waitUntil(() => heading(el) === 'Showing 101 to 120 of 120', 'the last page');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-heading', 'focus stays on the results heading');
    expect(heading(el)).to.equal('Showing 101 to 120 of 120');
    expect($(el, 'nav .next')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('results-heading');
    await expect(el).to.be.accessible();
  });

  it('goes back to the first page when the search changes', async () => {
    const el = await mount(feedWith(manySignatories(120)));
    $<HTMLButtonElement>(el, 'nav .next button').click();
    await el.updateComplete;
    await typeInto(el, 'ayr');
    expect(heading(el)).to.equal('Showing 1 to 20 of 20');
    expect($(el, 'nav')).to.equal(null);
  });
});

// --- CSV -------------------------------------------------------------------------------------------

describe('<compact-signatory-list>: CSV download', () => {
  afterEach(() => sinon.restore());

  async function download(el: CompactSignatoryList): Promise<{ bytes: Uint8Array; csv: string; link: HTMLAnchorElement }> {
    const blobs: Blob[] = [];
    sinon.stub(URL, 'createObjectURL').callsFake((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test-download';
    });
    sinon.stub(URL, 'revokeObjectURL');
    const links: HTMLAnchorElement[] = [];
    const capture = (event: Event) => {
      const target = event.target as HTMLElement;
      if (target instanceof HTMLAnchorElement && target.download) {
        links.push(target);
        event.preventDefault(); // no real download in the test browser
      }
    };
    el.shadowRoot!.addEventListener('click', capture, true);
    $<HTMLButtonElement>(el, '.download').click();
    el.shadowRoot!.removeEventListener('click', capture, true);
    expect(blobs).to.have.length(1);
    expect(links).to.have.length(1);
    expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    return { bytes, csv: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), link: links[0]! };
  }

  it('downloads every filtered result (not only this page) as id, name, sector, type, signed', async () => {
    const el = await mount(feedWith(manySignatories(120)), 'page-size="10"');
    await choose(el, '#filter-sector', 'public');
    const { bytes, csv, link } = await download(el);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(link.getAttribute('href')).to.equal('blob:test-download');
    expect(link.download).to.equal('test-compact-signatories.csv');
    expect(link.isConnected, 'the temporary link is removed').to.equal(false);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).to.equal('Identifier,Name,Sector,Type,Date signed');
    expect(lines[1]).to.equal('GB-LAS-00001,00001 Aberystwyth Community Trust,Public sector,Local authority,2010-01-10');
    expect(lines).to.have.length(12 + 1 + 1); // header, 12 public bodies, the final CRLF
    expect(lines.at(-1)).to.equal('');
  });

  it('escapes commas and quotes, and neutralises formulas from the feed', async () => {
    const hostile: RawSignatory[] = [
      { id: 'a', name: '=HYPERLINK("https://evil.example","Click")', sector: 'voluntary', type: 'charity' },
      { id: 'b', name: 'Ayrshire, Arran & "Friends"', sector: 'voluntary' },
      { id: '@c', name: '+44 Club', sector: 'public', type: '-weird-type' },
    ];
    const el = await mount(feedWith(hostile));
    const { csv } = await download(el);
    expect(csv.slice(1).split('\r\n').slice(1, 4)).to.deep.equal([
      `'@c,'+44 Club,Public sector,Weird type,`,
      `a,"'=HYPERLINK(""https://evil.example"",""Click"")",Third sector,Charity,`,
      `b,"Ayrshire, Arran & ""Friends""",Third sector,,`,
    ]);
  });
});

describe('<compact-signatory-list>: empty feed', () => {
  it('says no organisations have signed yet', async () => {
    const el = await mount(feedWith([]));
    expect(shadowText(el)).to.contain('No organisations have signed yet.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

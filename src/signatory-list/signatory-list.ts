import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { headingLevel, headingTag } from '../core/heading.js';
import { baseStyles } from '../core/styles.js';
import { SECTORS, type CompactFeed, type Sector } from '../feed/types.js';
import { sectorName, sectorPlain, sectorText, typeName } from '../i18n/labels.js';
import { bdi, FeedText } from '../i18n/feed-text.js';
import { toCsv } from './csv.js';
import { UrlSyncController } from './url-sync.js';
import { foundMessage, formatCount, signedSummary } from './labels.js';
import {
  indexEntries,
  collator,
  countBy,
  entryOrder,
  filterEntries,
  firstInOrder,
  groupBySector,
  prepareSearch,
  Search,
  sortEntries,
  SORT_ORDERS,
  type Entry,
  type Filters,
  type SortOrder,
} from './model.js';
import { renderItem } from './list-item.js';
import { renderPagination } from './pagination.js';
import { signatoryListStyles } from './signatory-list.styles.js';

/** How long typing must pause before the number of results is read out. */
const ANNOUNCE_DELAY = 500;
const DEFAULT_PAGE_SIZE = 50;
/** Query parameters used with `sync-url` when it has no value of its own. */
const DEFAULT_URL_PREFIX = 'signatories-';

/**
 * Until the whole list is sorted, pages that end within this many results are picked from the
 * unsorted matches (see `firstInOrder`); later pages sort everything at once.
 */
const UNSORTED_PAGES_UP_TO = 500;

interface Index {
  feed: CompactFeed;
  lang: string;
  entries: Entry[];
  sorted: Map<SortOrder, Entry[]>;
  /** How many entries have their search key (worked out in idle time, from the first on). */
  searchReady: number;
  search: Search;
  /** Per sector, of the whole list (the summary). */
  perSector: Map<string, number>;
  /** Per type (`''`: none given), of the whole list. */
  perType: Map<string, number>;
  /** The sectors and types the whole list has (whether to offer a filter does not follow typing). */
  sectorsInFeed: Set<string>;
  typesInFeed: Set<string>;
  resultsKey?: string;
  results?: readonly Entry[];
}

interface ResultsPage {
  /** How many match, on every page. */
  total: number;
  page: number;
  pageCount: number;
  /** The position of the page's first entry in the results (from 0). */
  start: number;
  shown: readonly Entry[];
}

const whenIdle: (task: (deadline?: IdleDeadline) => void) => void = (task) =>
  window.requestIdleCallback ? window.requestIdleCallback(task) : setTimeout(task, 50);

/**
 * Who has signed the compact: a searchable, filterable, paged list of the feed's signatories, with
 * a count per sector and a CSV download of the results. Fast with ten thousand signatories: search
 * text is prepared once per feed, and only one page of results is in the DOM.
 *
 * @attr sector - Show only one sector at first: `public` or `voluntary`. People can change it.
 * @attr type - Show only one type of organisation at first (e.g. `charity`). People can change it.
 * @attr {'name' | 'signed' | 'signed-desc'} [sort='name'] - First order: `name`, `signed` (oldest first) or
 *   `signed-desc` (newest first).
 * @attr {'sector' | 'none'} [group-by='none'] - `sector` for a heading per sector; `none` for one list.
 * @attr {number} [page-size=50] - Organisations per page, from 1. Anything else means the default.
 * @attr {number} [heading-level=2] - Level of the results heading (2–6); sector headings are one below.
 * @attr no-search - Hides the search, filter and sort controls: a plain list as the attributes set it.
 * @attr sync-url - Keeps the person's search, filters, sort and page in the page address (so the back
 *   button, bookmarks and shared links keep them). Its value is the query-parameter prefix
 *   (default `signatories-`: `?signatories-q=cor&signatories-page=2`).
 * @csspart summary - How many have signed, in total and per sector.
 * @csspart controls - The search, filter and sort form.
 * @csspart search - The search box.
 * @csspart results-heading - "Showing 1 to 50 of 3,201" (keyboard focus lands here on a new page).
 * @csspart download - The "Download this list (CSV)" button.
 * @csspart group-heading - A sector's heading when `group-by="sector"`.
 * @csspart list - A list of signatories.
 * @csspart item - One signatory.
 * @csspart logo - A signatory's logo.
 * @csspart name - A signatory's name (a link when the feed gives its website).
 * @csspart meta - Sector, type and date signed.
 * @csspart champion - The signatory's Compact Champion.
 * @csspart no-results - The "No organisations match" message and its clear button.
 * @csspart pagination - The page navigation.
 * @csspart page-button - Previous, Next and page-number buttons.
 * @cssprop --compact-logo-size - Width and height of logos (default 3rem).
 * @cssprop --compact-item-gap - Space between signatories (default 0.75rem).
 */
export class CompactSignatoryList extends CompactElement {
  static override styles = [baseStyles, signatoryListStyles];

  @property() sector = '';
  @property() type = '';
  @property() sort: string = 'name';
  @property({ attribute: 'group-by' }) groupBy = 'none';
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;
  @property({ attribute: 'no-search', type: Boolean }) noSearch = false;
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;

  @state() private query = '';
  @state() private page = 1;

  private index?: Index;
  private announceTimer?: number;

  constructor() {
    super();
    // With `sync-url`: the search, filters, sort and page in the page's address.
    new UrlSyncController(this, {
      prefix: () => (this.syncUrl === null ? null : this.syncUrl || DEFAULT_URL_PREFIX),
      restore: (get) => {
        this.query = get('q') ?? this.query;
        this.sector = get('sector') ?? this.sector;
        this.type = get('type') ?? this.type;
        this.sort = get('sort') ?? this.sort;
        const page = Number.parseInt(get('page') ?? '', 10);
        if (page >= 1) this.page = page;
      },
      choices: () =>
        this.currentFeed
          ? [
              { name: 'q', value: this.query, byDefault: '' },
              { name: 'sector', value: this.sector, byDefault: this.getAttribute('sector') ?? '' },
              { name: 'type', value: this.type, byDefault: this.getAttribute('type') ?? '' },
              { name: 'sort', value: this.sort, byDefault: this.getAttribute('sort') ?? 'name' },
              { name: 'page', value: String(this.page), byDefault: '1' },
            ]
          : [],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  // --- what is chosen -----------------------------------------------------------------------

  private get sortOrder(): SortOrder {
    return (SORT_ORDERS as readonly string[]).includes(this.sort) ? (this.sort as SortOrder) : 'name';
  }

  private get filters(): Filters {
    const sector = (SECTORS as readonly string[]).includes(this.sector) ? (this.sector as Sector) : '';
    return { query: this.query, sector, type: this.type ?? '' };
  }

  private get grouped(): boolean {
    return this.groupBy === 'sector';
  }

  private get perPage(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : DEFAULT_PAGE_SIZE;
  }

  /** The results heading's tag, then the sector headings' (one level down, at most h6). */
  private headingTag(offset = 0): StaticValue {
    return headingTag(headingLevel(this.headingLevel, 2, offset));
  }

  private get filtering(): boolean {
    const { query, sector, type } = this.filters;
    return query.trim() !== '' || sector !== '' || type !== '';
  }

  // --- data, worked out once per feed / sort / filter --------------------------------------

  private indexFor(feed: CompactFeed): Index {
    const lang = this.language.lang;
    if (this.index?.feed !== feed || this.index.lang !== lang) {
      const { entries, perSector, perType } = indexEntries(feed, lang);
      this.index = {
        feed,
        lang,
        entries,
        sorted: new Map(),
        searchReady: 0,
        search: new Search(),
        perSector,
        perType,
        sectorsInFeed: new Set(perSector.keys()),
        typesInFeed: new Set([...perType.keys()].filter(Boolean)),
      };
      this.prepareWhenIdle(this.index);
    }
    return this.index;
  }

  /**
   * After the first rows are on screen, in idle time: the search keys (in slices that leave the
   * browser free for input and frames), then the whole sort in the current order, so that the
   * first key pressed and the next page find them ready.
   */
  private prepareWhenIdle(index: Index): void {
    const step = (deadline?: IdleDeadline) => {
      if (this.index !== index) return; // another feed or language has its own preparation
      const hasTime = () => !deadline || deadline.timeRemaining() > 1;
      index.searchReady = prepareSearch(index.entries, index.searchReady, hasTime);
      if (index.searchReady < index.entries.length) return whenIdle(step);
      this.sorted(index, this.sortOrder);
    };
    whenIdle(step);
  }

  private sorted(index: Index, order: SortOrder): Entry[] {
    let sorted = index.sorted.get(order);
    if (!sorted) {
      sorted = sortEntries(index.entries, order, this.language.locale);
      index.sorted.set(order, sorted);
    }
    return sorted;
  }

  /**
   * Every signatory the search matches, before the sector and type filters: in order once the list
   * is sorted. Once someone types, the whole list is sorted (if idle time has not done it yet), so
   * every key after that only filters.
   */
  private searched(index: Index): readonly Entry[] {
    const order = this.sortOrder;
    const list = this.query.trim() ? this.sorted(index, order) : (index.sorted.get(order) ?? index.entries);
    return index.search.matching(list, this.query);
  }

  /** Every signatory that matches, in order (all pages). */
  private results(feed: CompactFeed): readonly Entry[] {
    const index = this.indexFor(feed);
    const order = this.sortOrder;
    const key = JSON.stringify([order, this.grouped, this.filters]);
    if (index.resultsKey !== key || !index.results) {
      this.sorted(index, order);
      const matching = filterEntries(this.searched(index), { ...this.filters, query: '' });
      index.results = this.grouped ? groupBySector(matching) : matching;
      index.resultsKey = key;
    }
    return index.results;
  }

  /**
   * The page on screen. Before the whole list has been sorted (in idle time after the first rows),
   * an early page is picked from the unsorted matches: the same rows, without a sort of ten
   * thousand standing between the feed and the first rows.
   */
  private resultsPage(feed: CompactFeed): ResultsPage {
    const index = this.indexFor(feed);
    const order = this.sortOrder;
    const perPage = this.perPage;
    const searched = this.searched(index);
    const sorted = index.sorted.has(order);
    const matching = sorted ? this.results(feed) : filterEntries(searched, { ...this.filters, query: '' });
    const total = matching.length;
    const pageCount = Math.max(1, Math.ceil(total / perPage));
    const page = Math.min(Math.max(1, this.page), pageCount);
    const start = (page - 1) * perPage;
    const end = start + perPage;
    let shown: readonly Entry[];
    if (sorted) shown = matching.slice(start, end);
    else if (end <= UNSORTED_PAGES_UP_TO) {
      shown = firstInOrder(matching, entryOrder(order, this.language.locale, this.grouped), end).slice(start);
    } else shown = this.results(feed).slice(start, end);
    return { total, page, pageCount, start, shown };
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override isEmpty(feed: CompactFeed): boolean {
    return feed.signatories.length === 0;
  }

  protected override renderEmpty(): TemplateResult {
    return html`<p class="notice" part="notice">
      ${msg('No organisations have signed yet.', { id: 'signatory-list.empty' })}
    </p>`;
  }

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const { entries } = this.indexFor(feed);
    const { total, page, pageCount, start, shown } = this.resultsPage(feed);
    return html`
      ${this.renderSummary(feed, entries)} ${this.noSearch ? nothing : this.renderControls(feed)}
      <div class="results-bar">
        ${this.renderHeading(total > 0 ? this.showingText(start + 1, start + shown.length, total) : this.noMatchText())}
        ${total > 0
          ? html`<button type="button" class="button secondary download" part="download" @click=${this.download}>
              ${msg('Download this list (CSV)', { id: 'signatory-list.download' })}
            </button>`
          : nothing}
      </div>
      ${total > 0 ? this.renderResults(feed, shown) : this.renderNoResults()}
      ${pageCount > 1 ? renderPagination(page, pageCount, (n) => void this.goToPage(n)) : nothing}
    `;
  }

  private renderHeading(text: unknown): TemplateResult {
    const tag = this.headingTag();
    return staticHtml`<${tag} id="results-heading" class="results-heading" part="results-heading" tabindex="-1">${text}</${tag}>`;
  }

  private showingText(from: number, to: number, of: number): string {
    const [first, last, total] = [formatCount(from), formatCount(to), formatCount(of)];
    return msg(str`Showing ${first} to ${last} of ${total}`, { id: 'signatory-list.results.showing' });
  }

  /** The query may come from a shared link (sync-url): it is isolated like feed text. */
  private noMatchText(): TemplateResult | string {
    const query = this.query.trim();
    return query
      ? msg(html`No organisations match “${bdi({ text: query }, this.language.locale)}”`, { id: 'signatory-list.results.noMatchQuery' })
      : msg('No organisations match these filters', { id: 'signatory-list.results.noMatch' });
  }

  private renderSummary(feed: CompactFeed, entries: readonly Entry[]): TemplateResult {
    const { perSector } = this.indexFor(feed);
    const words = this.words(feed);
    return html`<div class="summary" part="summary">
      <p class="summary-total">${signedSummary(entries.length)}</p>
      <ul class="sector-counts">
        ${SECTORS.filter((s) => perSector.has(s)).map((sector) => {
          const label = sectorText(feed, sector, words);
          const count = formatCount(perSector.get(sector)!);
          return html`<li>${msg(html`${label}: ${count}`, { id: 'signatory-list.summary.sector' })}</li>`;
        })}
      </ul>
    </div>`;
  }

  private renderControls(feed: CompactFeed): TemplateResult {
    const { sector, type } = this.filters;
    const words = this.words(feed);
    // Whether to offer a filter at all depends on the whole list (it does not come and go as people
    // type); what each offers follows the other filters, so that no choice leads to nothing.
    const index = this.indexFor(feed);
    const { sectorsInFeed, typesInFeed } = index;
    // The search is done once (it is the costly part); the other filter is a cheap test of each match.
    const searched = this.searched(index);
    const forSectors = filterEntries(searched, { query: '', sector: '', type });
    const forTypes = filterEntries(searched, { query: '', sector, type: '' });
    // Unfiltered (the first rows, and most renders): the whole list's counts, already known.
    const sectorCounts = forSectors.length === index.entries.length ? index.perSector : countBy(forSectors, (e) => e.signatory.sector);
    const typeCounts = new Map(forTypes.length === index.entries.length ? index.perType : countBy(forTypes, (e) => e.type));
    typeCounts.delete('');
    // The choice made stays on offer, even when the other filters leave it nothing.
    if (type && !typeCounts.has(type)) typeCounts.set(type, 0);
    const byLabel = collator(this.language.locale).compare;
    const types = [...typeCounts].map(([value, count]) => ({ value, count, label: typeName(value) }));
    types.sort((a, b) => byLabel(a.label, b.label));
    const sectors = SECTORS.filter((s) => (sectorCounts.get(s) ?? 0) > 0 || s === sector);
    const option = (value: string, label: string, count: number, current: string, lang?: string) => {
      const n = formatCount(count);
      return html`<option value=${value} lang=${ifDefined(lang)} .selected=${live(value === current)}>
        ${msg(str`${label} (${n})`, { id: 'signatory-list.filter.option' })}
      </option>`;
    };
    return html`<form class="controls" part="controls" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field field-search">
        <label for="search">${msg('Search by name or number', { id: 'signatory-list.search.label' })}</label>
        <p id="search-hint" class="hint secondary-text">
          ${msg('For example, part of a name or a charity number', { id: 'signatory-list.search.hint' })}
        </p>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="search-hint"
          .value=${live(this.query)}
          @input=${this.onSearch}
        />
      </div>
      ${sectorsInFeed.size > 1 || sector
        ? html`<div class="field">
            <label for="filter-sector">${msg('Sector', { id: 'signatory-list.filter.sector' })}</label>
            <select id="filter-sector" @change=${this.onSector}>
              ${option('', msg('All sectors', { id: 'signatory-list.filter.allSectors' }), forSectors.length, sector)}
              ${sectors.map((s) => {
                const { text, lang } = sectorPlain(feed, s, words);
                return option(s, text, sectorCounts.get(s) ?? 0, sector, lang);
              })}
            </select>
          </div>`
        : nothing}
      ${typesInFeed.size > 1 || type
        ? html`<div class="field">
            <label for="filter-type">${msg('Type of organisation', { id: 'signatory-list.filter.type' })}</label>
            <select id="filter-type" @change=${this.onType}>
              ${option('', msg('All types', { id: 'signatory-list.filter.allTypes' }), forTypes.length, type)}
              ${types.map((t) => option(t.value, t.label, t.count, type))}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="sort">${msg('Sort by', { id: 'signatory-list.sort.label' })}</label>
        <select id="sort" @change=${this.onSort}>
          ${SORT_ORDERS.map(
            (order) => html`<option value=${order} .selected=${live(order === this.sortOrder)}>
              ${SORT_LABELS[order]()}
            </option>`,
          )}
        </select>
      </div>
    </form>`;
  }

  private renderResults(feed: CompactFeed, shown: readonly Entry[]): TemplateResult {
    if (!this.grouped) return this.renderList(feed, shown);
    const groups = SECTORS.map((sector) => ({ sector, entries: shown.filter((e) => e.signatory.sector === sector) }));
    return html`${repeat(
      groups.filter((g) => g.entries.length > 0),
      (g) => g.sector,
      (g) => {
        const tag = this.headingTag(1);
        return staticHtml`<${tag} class="group-heading" part="group-heading">${sectorText(feed, g.sector, this.words(feed))}</${tag}>
          ${this.renderList(feed, g.entries)}`;
      },
    )}`;
  }

  private renderList(feed: CompactFeed, entries: readonly Entry[]): TemplateResult {
    const words = this.words(feed);
    return html`<ul class="list" part="list">
      ${repeat(
        entries,
        (e) => e.signatory.id,
        (e) => renderItem(feed, e, words, !this.grouped),
      )}
    </ul>`;
  }

  private renderNoResults(): TemplateResult {
    return html`<div class="no-results" part="no-results">
      ${this.filtering
        ? html`<button type="button" class="button secondary" @click=${this.clearFilters}>
            ${msg('Clear search and filters', { id: 'signatory-list.results.clear' })}
          </button>`
        : nothing}
    </div>`;
  }

  /** Feed text for this render: isolated, in its own language when that differs from the list's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  // --- what people do -------------------------------------------------------------------------

  private onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.page = 1;
    // The list updates on every key; the count is read out only once typing pauses.
    clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => this.announceResults(), ANNOUNCE_DELAY);
  };

  private onSector = (event: Event): void => {
    this.sector = (event.target as HTMLSelectElement).value;
    this.filtersChanged();
  };

  private onType = (event: Event): void => {
    this.type = (event.target as HTMLSelectElement).value;
    this.filtersChanged();
  };

  private onSort = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value;
    this.page = 1;
  };

  private filtersChanged(): void {
    this.page = 1;
    clearTimeout(this.announceTimer);
    this.announceResults();
  }

  private clearFilters = async (): Promise<void> => {
    this.query = '';
    this.sector = '';
    this.type = '';
    this.filtersChanged();
    await this.updateComplete;
    // The clear button has gone: keep keyboard focus somewhere useful.
    const target = this.renderRoot.querySelector<HTMLElement>('#search') ?? this.resultsHeading;
    target?.focus();
  };

  private async goToPage(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    // The button pressed may have gone (Next on the last page): start the new page from its heading.
    this.resultsHeading?.focus();
  }

  private get resultsHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#results-heading');
  }

  /** Says how many match, once; the same text twice in a row is still spoken. */
  private async announceResults(): Promise<void> {
    const feed = this.currentFeed;
    if (!feed) return;
    const n = this.results(feed).length;
    const text = this.inLocale(() => foundMessage(n));
    if (text === this.announcement) {
      this.announcement = '';
      await this.updateComplete;
    }
    this.announcement = text;
  }

  /** Every matching signatory (not only this page) as a CSV file. */
  private download = (): void => {
    const feed = this.currentFeed;
    if (!feed) return;
    const lang = this.language.lang;
    const rows = this.inLocale(() => [
      [
        msg('Identifier', { id: 'signatory-list.csv.id' }),
        msg('Name', { id: 'signatory-list.csv.name' }),
        msg('Sector', { id: 'signatory-list.csv.sector' }),
        msg('Type', { id: 'signatory-list.csv.type' }),
        msg('Date signed', { id: 'signatory-list.csv.signed' }),
      ],
      ...this.results(feed).map((e) => [
        e.signatory.id,
        e.name,
        sectorName(feed, e.signatory.sector, lang),
        e.type ? typeName(e.type) : '',
        e.signatory.signed ?? '',
      ]),
    ]);
    const href = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = href;
    link.download = `${feed.compact.id.replace(/[^a-z0-9-]+/gi, '-') || 'compact'}-signatories.csv`;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };
}

/** Each sort order's name, in the language being rendered (msg() answers when it is called). */
const SORT_LABELS: Record<SortOrder, () => string> = {
  name: () => msg('Name (A to Z)', { id: 'signatory-list.sort.name' }),
  signed: () => msg('Date signed (oldest first)', { id: 'signatory-list.sort.signed' }),
  'signed-desc': () => msg('Date signed (newest first)', { id: 'signatory-list.sort.signedDesc' }),
};

declare global {
  interface HTMLElementTagNameMap {
    'compact-signatory-list': CompactSignatoryList;
  }
}

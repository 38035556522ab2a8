import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { heading, headingLevel, type HeadingLevel } from '../core/heading.js';
import type { CompactFeed } from '../feed/types.js';
import { FeedText } from '../i18n/feed-text.js';
import { parseDateTime, todayInZone } from '../feed/time.js';
import { formatDateTime, formatMonthYear, formatRelative } from '../i18n/dates.js';
import { NO_FILTERS, STATUS_ORDER, isActionStatus, type Filters } from './model.js';
import { aimsInScope, memoLast, planViewMemo, type AimTally, type PlanView } from './view-model.js';
import { ChartsController, type FigureKind, type Figures } from './charts-controller.js';
import { PrintController } from './print-controller.js';
import { actionCount, labelledCount, overdueCount, resultsCount, statusLabel } from './messages.js';
import { chevronIcon, overdueIcon } from './icons.js';
import { renderAction } from './action-item.js';
import { renderFiltersForm, sortedLeads } from './filters-form.js';
import { aimsTable, chartFigures, statusTable } from './overview-figures.js';
import { actionPlanStyles } from './action-plan.styles.js';
import type { UiLocale } from '../i18n/locale.js';

export type { ChartsModule } from './charts-controller.js';

/**
 * Past this many actions to show, the aims start collapsed: each aim's heading (a button that opens
 * it) and its counts are there, its actions are built only when it is opened. At 400 actions
 * building every one took most of a second on a slow machine; a hundred stays well under the 100ms
 * of the first frame budget. A plan this long shows its disclosure buttons even when a filter leaves
 * fewer actions (those aims then open by themselves).
 */
export const COLLAPSE_OVER = 100;


/**
 * A compact's action plan and its progress: the aims in order with their actions, who leads each,
 * when it is due, where it stands and the latest update; an overview with counts, overall progress,
 * overdue actions and two charts (each with a data table to switch to); filters.
 *
 * Overall progress is the average of the actions' progress figures: complete counts as 100%, not
 * started without a figure as 0%; cancelled actions, and actions in progress or delayed without a
 * figure, are left out. An action is overdue when its `due` date is before today's date in the
 * compact's time zone and it is neither complete nor cancelled.
 *
 * Chart.js is loaded only when the charts near the viewport, and never with `charts="none"`.
 *
 * A plan of more than `COLLAPSE_OVER` actions starts with its aims collapsed: each heading is a
 * disclosure button with the aim's counts below it, and an aim's actions are built when it opens
 * (by the reader, "Expand all aims", the `aim` attribute, a URL fragment naming it, find in page,
 * or printing).
 *
 * @attr {'auto' | 'none'} [charts='auto'] - `auto`: draw charts, each with a table view; `none`: tables only, chart.js is never loaded.
 * @attr aim - Show only the aim with this id, open. The overview then covers this aim only, and the aim filter
 *   is not shown. (To open one aim of a long plan and keep the others, link to it with a fragment: `#aim-5`.)
 * @attr {boolean} hide-complete - Start with completed actions hidden. Readers can untick the box to show them again.
 * @attr {'not-started' | 'in-progress' | 'delayed' | 'complete' | 'cancelled' | 'overdue'} status - Start filtered
 *   to actions with this status (`overdue` ticks "Only overdue actions").
 * @attr {number} [heading-level=2] - Level of the plan's title, 2–6. The overview, filters and aims are one level
 *   below, each action two below (never beyond h6). Choose one level below the heading above the element on your
 *   page. Values above 6 count as `6`; below 2, or not a whole number, as `2`.
 * @csspart notice - The loading, error, empty and saved-copy messages, and "No actions match these filters".
 * @csspart title - The action plan's title.
 * @csspart overview - The progress overview (overall progress, overdue count, charts).
 * @csspart figure - Each chart with its table.
 * @csspart filters - The filter form.
 * @csspart results - The "Showing 5 of 27 actions" line.
 * @csspart aim - Each aim's section.
 * @csspart action - Each action.
 * @csspart status - An action's status (icon and word).
 * @csspart overdue - The "Overdue" flag on an action.
 * @csspart progress - Every progress bar (`<progress>`).
 * @csspart history - The expandable list of earlier updates.
 * @cssprop [--compact-status-not-started=#505a5f] - Colour of "not started" (icons, chart).
 * @cssprop [--compact-status-in-progress=#1d70b8] - Colour of "in progress".
 * @cssprop [--compact-status-delayed=#b3400b] - Colour of "delayed".
 * @cssprop [--compact-status-complete=#00703c] - Colour of "complete".
 * @cssprop [--compact-status-cancelled=#6f2b8f] - Colour of "cancelled".
 * @cssprop [--compact-overdue-colour=#d4351c] - The overdue flag and the edge of an overdue action
 *   (by default `--compact-error-colour`).
 * @cssprop [--compact-progress-colour=#1d70b8] - Filled part of progress bars and the bars of the aim chart.
 * @cssprop [--compact-progress-track-colour=#f3f2f1] - Unfilled part of progress bars (by default
 *   `--compact-surface-colour`).
 */
export class CompactActionPlan extends CompactElement {
  static override styles = [...CompactElement.styles, actionPlanStyles];

  /**
   * How the chart module is loaded. A static seam so that tests (and hosts that must never load
   * it) can replace it; the default is a dynamic import, a separate chunk in the bundle.
   */
  static loadCharts: () => Promise<import('./charts-controller.js').ChartsModule> = () => import('./charts.js');

  @property() charts: 'auto' | 'none' = 'auto';
  @property() aim?: string;
  @property({ type: Boolean, attribute: 'hide-complete' }) hideComplete = false;
  @property() status?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private filters: Filters = { ...NO_FILTERS };
  /** Aims the reader opened (true) or closed (false), by position; they win over everything else. */
  @state() private opened: ReadonlyMap<number, boolean> = new Map();
  /** "Expand all" (true) or "Collapse all" (false), until the reader opens or closes one aim. */
  @state() private allOpen?: boolean;
  /** The aim id in the page's URL fragment (`#aim-5`): that aim starts open. */
  @state() private fragment = '';

  private readonly chartsController = new ChartsController(this, {
    load: () => CompactActionPlan.loadCharts(),
    enabled: () => this.charts !== 'none',
    figures: () => {
      const feed = this.currentFeed;
      return feed && !this.isEmpty(feed) ? this.inLocale(() => this.figures(feed, this.view(feed))) : undefined;
    },
  });
  private readonly planView = planViewMemo();
  // Keyed by everything the result depends on, the languages included (a FeedText is new each render).
  private readonly figureMemo = memoLast((view: PlanView, _ui: string, _lang: string, feed: CompactFeed) =>
    chartFigures(view, this.words(feed)),
  );
  private readonly leadsMemo = memoLast((feed: CompactFeed, _aim: string | undefined, lang: string, locale: UiLocale, _ui: string) =>
    sortedLeads(feed, aimsInScope(feed.actionPlan?.aims ?? [], this.aim), lang, locale, this.words(feed)),
  );
  /** Printing (or print media): every aim is built and open. */
  private readonly print = new PrintController(this, {
    flush: () => {
      if (this.isUpdatePending) this.performUpdate();
    },
    root: () => this.renderRoot,
  });
  private focusResults = false;
  private scrollToFragment = false;

  /** The plan title's level from `heading-level` (see core/heading.ts; default 2), `offset` below it. */
  private level(offset = 0): HeadingLevel {
    return headingLevel(this.headingLevel, 2, offset);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.fragment = fragmentOf(location.hash);
    this.scrollToFragment = this.fragment !== '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The attributes preset the filters; the form changes them from then on.
    if (changed.has('status')) {
      const status = this.status ?? '';
      this.filters = {
        ...this.filters,
        status: isActionStatus(status) ? status : '',
        overdue: status === 'overdue',
      };
    }
    if (changed.has('hideComplete')) this.filters = { ...this.filters, hideComplete: this.hideComplete };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusResults) {
      this.focusResults = false;
      this.renderRoot.querySelector<HTMLElement>('.results')?.focus();
    }
    const feed = this.currentFeed;
    if (this.scrollToFragment && feed) {
      // The browser cannot find an id inside a shadow root: bring the aim the fragment names into view.
      this.scrollToFragment = false;
      const target = this.view(feed).aims.find((t) => t.aim.id === this.fragment);
      if (target) this.renderRoot.querySelector(`#aim-${target.index}`)?.scrollIntoView();
    }
  }

  /** Counts, progress, overdue and filtered actions for the feed, scope, filters and today: worked out once. */
  private view(feed: CompactFeed): PlanView {
    const today = todayInZone(Date.now(), feed.compact.timeZone);
    return this.planView(feed.actionPlan?.aims ?? [], this.aim, this.filters, today);
  }

  /** What the charts draw, in the current language (call during render or inside `inLocale`). */
  private figures(feed: CompactFeed, view: PlanView): Figures {
    return this.figureMemo(view, this.words(feed).interfaceLang, this.language.lang, feed);
  }

  protected override isEmpty(feed: CompactFeed): boolean {
    return aimsInScope(feed.actionPlan?.aims ?? [], this.aim).every((aim) => aim.actions.length === 0);
  }

  protected override renderEmpty(feed: CompactFeed): TemplateResult {
    const aim = this.aim;
    const missingAim = aim && (feed.actionPlan?.aims ?? []).every((a) => a.id !== aim);
    return html`<p class="notice" part="notice">
      ${missingAim
        ? msg(str`This action plan has no aim with the id "${aim}".`, { id: 'action-plan.empty.noSuchAim' })
        : msg('This compact has not published an action plan yet.', { id: 'action-plan.empty' })}
    </p>`;
  }

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const plan = feed.actionPlan!;
    const view = this.view(feed);
    const shown = view.visible.size;
    const words = this.words(feed);
    const collapsible = view.actions.length > COLLAPSE_OVER && !this.print.printing;
    const openFlags = view.aims.map((tally) => !collapsible || this.isOpen(tally, shown));
    const everyOpen = view.aims.every((tally, i) => tally.shown === 0 || openFlags[i]);
    const period = plan.period
      ? msg(str`${formatMonthYear(plan.period.start)} to ${formatMonthYear(plan.period.end)}`, {
          id: 'action-plan.period',
        })
      : '';

    return html`<div class="plan">
      <div class="plan-header">
        ${heading(
          this.level(),
          { class: 'plan-title', part: 'title' },
          plan.title ? words.markup(plan.title) : msg('Action plan', { id: 'action-plan.title' }),
        )}
        ${period ? html`<p class="period secondary-text">${period}</p>` : nothing}
        ${this.renderUpdated(feed)}
      </div>
      ${this.renderOverview(feed, view, words)}
      ${renderFiltersForm({
        filters: this.filters,
        view,
        words,
        leads: this.leadsMemo(feed, this.aim, this.language.lang, this.language.locale, words.interfaceLang),
        oneAim: Boolean(this.aim),
        level: this.level(1),
        onChange: this.onFilterChange,
        onClear: this.clearFilters,
      })}
      <div class="results-row">
        <p class="results" part="results" tabindex="-1">${resultsCount(shown, view.actions.length)}</p>
        ${collapsible && shown > 0
          ? html`<button type="button" class="button secondary expand-all no-print" aria-expanded=${everyOpen ? 'true' : 'false'} @click=${() => this.expandAll(!everyOpen)}>
              ${everyOpen
                ? msg('Collapse all aims', { id: 'action-plan.aims.collapseAll' })
                : msg('Expand all aims', { id: 'action-plan.aims.expandAll' })}
            </button>`
          : nothing}
      </div>
      ${shown === 0
        ? html`<p class="notice" part="notice">
            ${msg('No actions match these filters.', { id: 'action-plan.noMatches' })}
          </p>`
        : nothing}
      ${view.aims.map((tally, i) => this.renderAim(feed, view, words, tally, collapsible, openFlags[i]!))}
    </div>`;
  }

  /**
   * An aim: its heading and counts always; its actions when it is open. Filtering hides rather
   * than removes: with hundreds of actions, toggling `hidden` is far cheaper than building them again
   * when a filter is cleared. Collapsed, it is a disclosure (a button in the heading, as GOV.UK's
   * accordion and the ARIA pattern have it), and its actions are not built until it opens.
   */
  private renderAim(feed: CompactFeed, view: PlanView, words: FeedText, tally: AimTally, collapsible: boolean, open: boolean): TemplateResult {
    const { aim, index } = tally;
    const title = words.markup(aim.title);
    const regionId = `aim-${index}-actions`;
    return html`<section class="aim" part="aim" aria-labelledby="aim-${index}" ?hidden=${tally.shown === 0}>
      ${heading(
        this.level(1),
        { class: 'aim-title', id: `aim-${index}` },
        collapsible
          ? html`<button type="button" class="aim-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${regionId} @click=${() => this.toggleAim(index, !open)}>
              ${chevronIcon()}<span class="aim-toggle-text">${title}</span>
            </button>`
          : title,
      )}
      <p class="aim-summary secondary-text">${this.aimSummary(tally, view.actions.length > COLLAPSE_OVER)}</p>
      <div class="aim-actions" id=${regionId}>
        ${open
          ? html`<ol class="actions" role="list">
              ${aim.actions.map((action) => renderAction(feed, words, action, { overdue: view.overdue.has(action), hidden: !view.visible.has(action), level: this.level(2) }))}
            </ol>`
          : // Find in page: the titles of its actions shown, as one text hidden until found (out of the
            // accessibility tree, like the closed aim). Found, the aim opens with its actions.
            html`<p class="find-index" hidden="until-found" @beforematch=${() => this.toggleAim(index, true)}>
              ${aim.actions.filter((action) => view.visible.has(action)).map((action) => words.plain(action.title)).join(' · ')}
            </p>`}
      </div>
    </section>`;
  }

  /** The reader's choice for this aim, else "Expand/Collapse all", else open if the fragment or `aim` names it or few actions are shown. */
  private isOpen(tally: AimTally, shown: number): boolean {
    return (
      this.opened.get(tally.index) ??
      this.allOpen ??
      (this.aim !== undefined || tally.aim.id === this.fragment || shown <= COLLAPSE_OVER)
    );
  }

  private toggleAim(index: number, open: boolean): void {
    this.opened = new Map(this.opened).set(index, open);
  }

  private expandAll(open: boolean): void {
    this.allOpen = open;
    this.opened = new Map();
  }

  private onHashChange = (): void => {
    this.fragment = fragmentOf(location.hash);
    const feed = this.currentFeed;
    const target = feed && this.view(feed).aims.find((t) => t.aim.id === this.fragment);
    if (!target) return;
    this.opened = new Map(this.opened).set(target.index, true);
    this.scrollToFragment = true;
  };

  private renderUpdated(feed: CompactFeed): TemplateResult | typeof nothing {
    const written = feed.actionPlan?.updated ?? feed.updated;
    const instant = parseDateTime(written);
    if (instant === null || written === undefined) return nothing;
    const when = formatDateTime(instant, feed.compact.timeZone);
    const ago = formatRelative(instant, Date.now());
    return html`<p class="updated secondary-text">
      ${msg('Last updated', { id: 'action-plan.updated' })}
      <time datetime=${written}>${when}</time> (${ago})
    </p>`;
  }

  /**
   * "5 actions. Complete: 2, In progress: 2, Delayed: 1. Overdue: 1. Progress: 69%." In a plan
   * long enough to collapse, filtered, it adds how many of them the filters leave.
   */
  private aimSummary(tally: AimTally, long: boolean): string {
    const total = tally.aim.actions.length;
    const parts = STATUS_ORDER.filter((s) => tally.counts[s] > 0).map((s) => labelledCount(statusLabel(s), tally.counts[s]));
    let text = `${actionCount(total)}. ${parts.join(', ')}.`;
    if (tally.overdue > 0) text += ` ${labelledCount(msg('Overdue', { id: 'action-plan.overdue' }), tally.overdue)}.`;
    if (tally.progress !== undefined) {
      text += ` ${labelledCount(msg('Progress', { id: 'action-plan.progress' }), tally.progress)}%.`;
    }
    if (long && tally.shown < total) text += ` ${resultsCount(tally.shown, total)}.`;
    return text;
  }

  private renderOverview(feed: CompactFeed, view: PlanView, words: FeedText): TemplateResult {
    const overall = view.progress;
    const overdue = view.overdue.size;
    const figures = this.figures(feed, view);

    return html`<section class="overview" part="overview" aria-labelledby="overview-title">
      ${heading(this.level(1), { class: 'overview-title', id: 'overview-title' }, msg('Progress overview', { id: 'action-plan.overview' }))}
      <div class="figures">
        <div class="summary">
          ${overall === undefined
            ? nothing
            : html`<div class="overall">
                <span class="overall-label" id="overall-label">${msg('Overall progress', { id: 'action-plan.overall' })}</span>
                <progress part="progress" max="100" value=${overall} aria-labelledby="overall-label"></progress>
                <span class="overall-value">${overall}%</span>
              </div>`}
          <p class="method secondary-text">
            ${msg(
              'Overall progress is the average of the actions’ progress. Completed actions count as 100% and actions not started as 0%. Cancelled actions, and actions without a progress figure, are left out.',
              { id: 'action-plan.method' },
            )}
          </p>
          <p class=${overdue > 0 ? 'overdue-summary has-overdue' : 'overdue-summary'}>
            ${overdue > 0 ? overdueIcon() : nothing} ${overdueCount(overdue)}
            ${overdue > 0 && !this.filters.overdue
              ? html`<button type="button" class="link-button no-print" @click=${this.showOverdue}>
                  ${msg('Show only overdue actions', { id: 'action-plan.showOverdue' })}
                </button>`
              : nothing}
          </p>
        </div>
        ${this.renderFigure('status', msg('Actions by status', { id: 'action-plan.chart.status' }), figures.status.summary, statusTable(view))}
        ${figures.aims
          ? this.renderFigure('aims', msg('Progress by aim', { id: 'action-plan.chart.aims' }), figures.aims.summary, aimsTable(view, words))
          : nothing}
      </div>
    </section>`;
  }

  private renderFigure(kind: FigureKind, caption: string, summary: string, table: TemplateResult): TemplateResult {
    const charts = this.chartsController;
    const showChart = charts.view(kind) === 'chart';
    const captionId = `figure-${kind}`;
    return html`<figure class="figure figure-${kind}" part="figure" data-view=${showChart ? 'chart' : 'table'}>
      <figcaption class="figure-title" id=${captionId}>${caption}</figcaption>
      ${charts.canDraw
        ? html`<div class="view-switch no-print" role="group" aria-labelledby=${captionId}>
            <button type="button" class="toggle" aria-pressed=${showChart ? 'true' : 'false'} @click=${() => charts.setView(kind, 'chart')}>
              ${msg('Chart', { id: 'action-plan.view.chart' })}
            </button>
            <button type="button" class="toggle" aria-pressed=${showChart ? 'false' : 'true'} @click=${() => charts.setView(kind, 'table')}>
              ${msg('Table', { id: 'action-plan.view.table' })}
            </button>
          </div>`
        : nothing}
      ${showChart
        ? html`<div class="chart-view chart-${kind}">
            <canvas data-chart=${kind} role="img" aria-label=${summary}></canvas>
          </div>`
        : nothing}
      <div class="table-view">${table}</div>
    </figure>`;
  }

  /** Feed text for this render: isolated, in its own language when that differs from the plan's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  private onFilterChange = (event: Event): void => {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const status = String(data.get('status') ?? '');
    this.setFilters({
      status: isActionStatus(status) ? status : '',
      lead: String(data.get('lead') ?? ''),
      aim: String(data.get('aim') ?? ''),
      overdue: data.has('overdue'),
      hideComplete: data.has('hideComplete'),
    });
  };

  // Both buttons go with the filters they change: focus moves to the count of actions shown, which
  // is read as it takes focus, so it is not announced as well.
  private showOverdue = (): void => {
    this.focusResults = true;
    this.setFilters({ ...this.filters, overdue: true });
  };

  private clearFilters = (): void => {
    this.focusResults = true;
    this.setFilters({ ...NO_FILTERS });
  };

  /**
   * Applies new filters and, unless focus is moving to the count, says politely how many actions are
   * shown now (the render reuses the view).
   */
  private setFilters(filters: Filters): void {
    this.filters = filters;
    const feed = this.currentFeed;
    if (!feed) return;
    if (this.focusResults) {
      this.announcement = '';
      return;
    }
    const view = this.view(feed);
    this.announcement = this.inLocale(() => resultsCount(view.visible.size, view.actions.length));
  }
}

/** The aim id a URL fragment names ('' for none, or one that is not well formed). */
function fragmentOf(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compact-action-plan': CompactActionPlan;
  }
}

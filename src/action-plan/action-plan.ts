import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import type { Action, ActionStatus, Aim, CompactFeed, IsoDate } from '../feed/types.js';
import { partyName, signatoryById } from '../feed/lookup.js';
import { FeedText, withoutBidiControls } from '../i18n/feed-text.js';
import { parseDateTime, todayInZone } from '../feed/time.js';
import { formatDateTime, formatIsoDate, formatMonthYear, formatRelative } from '../i18n/dates.js';
import { sectorText } from '../i18n/labels.js';
import {
  NO_FILTERS,
  STATUS_ORDER,
  actionProgress,
  allActions,
  applyFilters,
  countByStatus,
  distinctLeads,
  filtersActive,
  isActionStatus,
  isJointLead,
  isOverdue,
  meanProgress,
  updatesInOrder,
  type Filters,
  type StatusCounts,
} from './model.js';
import {
  actionCount,
  earlierUpdatesCount,
  joinWithAnd,
  labelledCount,
  overdueCount,
  resultsCount,
  statusLabel,
} from './messages.js';
import { overdueIcon, statusIcon } from './icons.js';
import { actionPlanStyles } from './action-plan.styles.js';
import type { Chart } from './charts.js';
import type { UiLocale } from '../i18n/locale.js';

/** The chart module's shape; `import type` keeps chart.js out of this module's dependencies. */
export type ChartsModule = typeof import('./charts.js');
type FigureKind = 'status' | 'aims';
type View = 'chart' | 'table';

/** A chart's figures and its text alternative. Colours are read from CSS when it is drawn. */
interface StatusFigure {
  statuses: ActionStatus[];
  labels: string[];
  values: number[];
  summary: string;
}
interface AimFigure {
  labels: string[];
  values: (number | null)[];
  name: string;
  summary: string;
}

/**
 * One collator per interface language, for sorting the leads. Keyed by the UI locale (always a
 * valid tag) rather than the inherited `lang`, which a page may spell wrongly (`en_GB`).
 */
const collators = new Map<UiLocale, Intl.Collator>();
function collatorFor(locale: UiLocale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator;
}

interface HeadingOptions {
  class?: string;
  id?: string;
  part?: string;
}

/** A heading at `level` (2–6). Each tag is written out, so no markup is ever built from strings. */
function heading(level: number, options: HeadingOptions, content: unknown): TemplateResult {
  const { class: cls, id, part } = options;
  switch (level) {
    case 3:
      return html`<h3 class=${ifDefined(cls)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h3>`;
    case 4:
      return html`<h4 class=${ifDefined(cls)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h4>`;
    case 5:
      return html`<h5 class=${ifDefined(cls)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h5>`;
    case 6:
      return html`<h6 class=${ifDefined(cls)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h6>`;
    default:
      return html`<h2 class=${ifDefined(cls)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h2>`;
  }
}

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
 * @attr src - URL of the compact feed (JSON). Relative URLs resolve against the page.
 * @attr timeout - Milliseconds to wait for the feed before showing the error state (default 15000).
 * @attr lang - Language of the widget (`en`, `cy`, `gd`); inherited from the page when absent.
 * @attr charts - `auto` (default): draw charts, each with a table view; `none`: tables only, chart.js is never loaded.
 * @attr aim - Show only the aim with this id.
 * @attr hide-complete - Start with completed actions hidden (a checkbox lets readers show them).
 * @attr status - Start filtered to one status (`not-started`, `in-progress`, `delayed`, `complete`, `cancelled`) or to `overdue` actions.
 * @attr heading-level - Level of the plan's title, 2–6 (default 2). The overview, filters and aims are one level below, each action two below (never beyond h6).
 * @prop feed - A feed object (or JSON text) to show instead of fetching `src`.
 * @fires compact-feed-load - The feed was read. `detail`: `{feed, problems, staleBecause?, fetchedAt}`.
 * @fires compact-feed-error - The feed could not be read. `detail`: `{failure: {code, message}}`.
 * @csspart base - The element's outer wrapper.
 * @csspart notice - The loading, error, empty and saved-copy messages.
 * @csspart retry - The "Try again" button.
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
 * @cssprop --compact-status-not-started - Colour of "not started" (icons, chart). Default `#505a5f`.
 * @cssprop --compact-status-in-progress - Colour of "in progress". Default `#1d70b8`.
 * @cssprop --compact-status-delayed - Colour of "delayed". Default `#b3400b`.
 * @cssprop --compact-status-complete - Colour of "complete". Default `#00703c`.
 * @cssprop --compact-status-cancelled - Colour of "cancelled". Default `#6f2b8f`.
 * @cssprop --compact-overdue-colour - The overdue flag and the edge of an overdue action. Default `--compact-error-colour`.
 * @cssprop --compact-progress-colour - Filled part of progress bars and the bars of the aim chart. Default `#1d70b8`.
 * @cssprop --compact-progress-track-colour - Unfilled part of progress bars. Default `--compact-surface-colour`.
 */
export class CompactActionPlan extends CompactElement {
  static override styles = [...CompactElement.styles, actionPlanStyles];

  /**
   * How the chart module is loaded. A static seam so that tests (and hosts that must never load
   * it) can replace it; the default is a dynamic import, a separate chunk in the bundle.
   */
  static loadCharts: () => Promise<ChartsModule> = () => import('./charts.js');

  @property() charts: 'auto' | 'none' = 'auto';
  @property() aim?: string;
  @property({ type: Boolean, attribute: 'hide-complete' }) hideComplete = false;
  @property() status?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private filters: Filters = { ...NO_FILTERS };
  @state() private views: Record<FigureKind, View> = { status: 'chart', aims: 'chart' };
  @state() private chartModule?: ChartsModule;
  @state() private forcedColours = false;

  private chartLoad: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  private observer?: IntersectionObserver;
  private observed?: Element;
  private readonly drawn = new Map<FigureKind, { chart: Chart; canvas: HTMLCanvasElement; key: string }>();
  /** What the charts show, worked out during render (in the element's language), drawn in `updated`. */
  private chartData: { status?: StatusFigure; aims?: AimFigure } = {};
  private forcedQuery?: MediaQueryList;
  private focusResults = false;
  private openedForPrint: HTMLDetailsElement[] = [];

  /** The plan title's level from `heading-level` (2–6, else 2), plus `offset`, at most 6. */
  private level(offset = 0): number {
    const base = Number.isInteger(this.headingLevel) ? Math.min(Math.max(this.headingLevel, 2), 6) : 2;
    return Math.min(base + offset, 6);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.forcedQuery = window.matchMedia('(forced-colors: active)');
    this.forcedColours = this.forcedQuery.matches;
    this.forcedQuery.addEventListener('change', this.onForcedColours);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    document.addEventListener('keydown', this.onKeydown);
    // Moved in the page: draw the charts again (they were destroyed on disconnect).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forcedQuery?.removeEventListener('change', this.onForcedColours);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    document.removeEventListener('keydown', this.onKeydown);
    this.stopObserving();
    this.destroyCharts();
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
    this.syncCharts();
    if (this.focusResults) {
      this.focusResults = false;
      this.renderRoot.querySelector<HTMLElement>('.results')?.focus();
    }
  }

  /** The aims this element shows: all of them, or the one named by `aim`. */
  private scope(feed: CompactFeed): Aim[] {
    const aims = feed.actionPlan?.aims ?? [];
    return this.aim ? aims.filter((a) => a.id === this.aim) : aims;
  }

  protected override isEmpty(feed: CompactFeed): boolean {
    return allActions(this.scope(feed)).length === 0;
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
    const zone = feed.compact.timeZone;
    const today = todayInZone(Date.now(), zone);
    const aims = this.scope(feed);
    const actions = allActions(aims);
    const filters: Filters = this.aim ? { ...this.filters, aim: '' } : this.filters;
    const views = applyFilters(aims, filters, today);
    const visible = new Set(views.flatMap((v) => v.actions));
    const shown = visible.size;
    const words = this.words(feed);
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
      ${this.renderOverview(feed, aims, actions, today)}
      ${this.renderFilters(feed, aims, actions, today)}
      <p class="results" part="results" tabindex="-1">${resultsCount(shown, actions.length)}</p>
      ${shown === 0
        ? html`<p class="notice" part="notice">
            ${msg('No actions match these filters.', { id: 'action-plan.noMatches' })}
          </p>`
        : nothing}
      ${aims.map((aim, index) => {
        // Filtering hides rather than removes: with hundreds of actions, toggling \`hidden\` is far
        // cheaper than building the DOM again when a filter is cleared.
        const anyShown = aim.actions.some((a) => visible.has(a));
        return html`<section class="aim" part="aim" aria-labelledby="aim-${index}" ?hidden=${!anyShown}>
          ${heading(this.level(1), { class: 'aim-title', id: `aim-${index}` }, words.markup(aim.title))}
          <p class="aim-summary secondary-text">${this.aimSummary(aim.actions, today)}</p>
          <ol class="actions" role="list">
            ${aim.actions.map((action) => this.renderAction(feed, words, action, today, !visible.has(action)))}
          </ol>
        </section>`;
      })}
    </div>`;
  }

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

  /** "5 actions. Complete: 2, In progress: 2, Delayed: 1. Overdue: 1. Progress: 69%." */
  private aimSummary(actions: readonly Action[], today: IsoDate): string {
    const counts = countByStatus(actions);
    const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => labelledCount(statusLabel(s), counts[s]));
    const overdue = actions.filter((a) => isOverdue(a, today)).length;
    const progress = meanProgress(actions);
    let text = `${actionCount(actions.length)}. ${parts.join(', ')}.`;
    if (overdue > 0) text += ` ${labelledCount(msg('Overdue', { id: 'action-plan.overdue' }), overdue)}.`;
    if (progress !== undefined) text += ` ${labelledCount(msg('Progress', { id: 'action-plan.progress' }), progress)}%.`;
    return text;
  }

  private renderOverview(feed: CompactFeed, aims: Aim[], actions: Action[], today: IsoDate): TemplateResult {
    const counts = countByStatus(actions);
    const overall = meanProgress(actions);
    const overdue = actions.filter((a) => isOverdue(a, today)).length;
    const chartsOn = this.charts !== 'none';
    this.prepareChartData(feed, aims, actions, counts);

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
        ${this.renderFigure(
          'status',
          msg('Actions by status', { id: 'action-plan.chart.status' }),
          chartsOn,
          this.statusTable(counts, actions.length),
        )}
        ${aims.length > 1
          ? this.renderFigure(
              'aims',
              msg('Progress by aim', { id: 'action-plan.chart.aims' }),
              chartsOn,
              this.aimsTable(feed, aims, today),
            )
          : nothing}
      </div>
    </section>`;
  }

  private prepareChartData(feed: CompactFeed, aims: Aim[], actions: Action[], counts: StatusCounts): void {
    const present = STATUS_ORDER.filter((s) => counts[s] > 0);
    const statusSummary = present.map((s) => labelledCount(statusLabel(s), counts[s])).join('; ');
    // Canvas labels and the chart's aria-label (spoken, never shown) take text only: without bidi
    // controls, so that none can reorder what is drawn around it.
    const words = this.words(feed);
    const aimTitles = aims.map((a) => withoutBidiControls(words.choose(a.title).text));
    const aimValues = aims.map((a) => meanProgress(a.actions) ?? null);
    const noFigures = msg('no figures', { id: 'action-plan.noFigures' });
    const aimSummary = aimTitles.map((t, i) => `${t}, ${aimValues[i] === null ? noFigures : `${aimValues[i]}%`}`).join('; ');
    this.chartData = {
      status: {
        statuses: present,
        labels: present.map(statusLabel),
        values: present.map((s) => counts[s]),
        summary: msg(str`Status of ${actionCount(actions.length)}: ${statusSummary}.`, {
          id: 'action-plan.chart.status.summary',
        }),
      },
      aims: {
        labels: aimTitles,
        values: aimValues,
        name: msg('Progress', { id: 'action-plan.progress' }),
        summary: msg(str`Progress by aim, out of 100%: ${aimSummary}.`, { id: 'action-plan.chart.aims.summary' }),
      },
    };
  }

  private renderFigure(kind: FigureKind, caption: string, chartsOn: boolean, table: TemplateResult): TemplateResult {
    const canChart = chartsOn && !this.forcedColours && this.chartModule !== undefined;
    const showChart = canChart && this.views[kind] === 'chart';
    const summary = this.chartData[kind]?.summary ?? caption;
    const captionId = `figure-${kind}`;
    return html`<figure class="figure figure-${kind}" part="figure" data-view=${showChart ? 'chart' : 'table'}>
      <figcaption class="figure-title" id=${captionId}>${caption}</figcaption>
      ${canChart
        ? html`<div class="view-switch no-print" role="group" aria-labelledby=${captionId}>
            <button type="button" class="toggle" aria-pressed=${showChart ? 'true' : 'false'} @click=${() => this.setView(kind, 'chart')}>
              ${msg('Chart', { id: 'action-plan.view.chart' })}
            </button>
            <button type="button" class="toggle" aria-pressed=${showChart ? 'false' : 'true'} @click=${() => this.setView(kind, 'table')}>
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

  private statusTable(counts: StatusCounts, total: number): TemplateResult {
    return html`<table class="data-table">
      <thead>
        <tr>
          <th scope="col">${msg('Status', { id: 'action-plan.status' })}</th>
          <th scope="col" class="number">${msg('Actions', { id: 'action-plan.actions' })}</th>
        </tr>
      </thead>
      <tbody>
        ${STATUS_ORDER.map(
          (s) => html`<tr>
            <th scope="row"><span class="status status-${s}">${statusIcon(s)} ${statusLabel(s)}</span></th>
            <td class="number">${counts[s]}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${msg('Total', { id: 'action-plan.total' })}</th>
          <td class="number">${total}</td>
        </tr>
      </tfoot>
    </table>`;
  }

  private aimsTable(feed: CompactFeed, aims: Aim[], today: IsoDate): TemplateResult {
    return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="figure-aims">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">${msg('Aim', { id: 'action-plan.aim' })}</th>
            <th scope="col" class="number">${msg('Actions', { id: 'action-plan.actions' })}</th>
            <th scope="col" class="number">${msg('Complete', { id: 'action-plan.status.complete' })}</th>
            <th scope="col" class="number">${msg('Overdue', { id: 'action-plan.overdue' })}</th>
            <th scope="col" class="number">${msg('Progress', { id: 'action-plan.progress' })}</th>
          </tr>
        </thead>
        <tbody>
          ${aims.map((aim) => {
            const progress = meanProgress(aim.actions);
            return html`<tr>
              <th scope="row">${this.words(feed).markup(aim.title)}</th>
              <td class="number">${aim.actions.length}</td>
              <td class="number">${countByStatus(aim.actions).complete}</td>
              <td class="number">${aim.actions.filter((a) => isOverdue(a, today)).length}</td>
              <td class="number">
                ${progress === undefined ? msg('no figures', { id: 'action-plan.noFigures' }) : `${progress}%`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private renderFilters(feed: CompactFeed, aims: Aim[], actions: Action[], today: IsoDate): TemplateResult {
    const f = this.filters;
    const counts = countByStatus(actions);
    const lang = this.language.lang;
    const collator = collatorFor(this.language.locale);
    const words = this.words(feed);
    const leads = distinctLeads(aims)
      .map((id) => ({ id, name: partyName(feed, id, lang), shown: this.party(feed, words, id).plain }))
      .sort((a, b) => collator.compare(a.name, b.name));
    const overdue = actions.filter((a) => isOverdue(a, today)).length;
    return html`<form class="filters no-print" part="filters" aria-labelledby="filters-title" @change=${this.onFilterChange} @submit=${(e: Event) => e.preventDefault()}>
      ${heading(this.level(1), { class: 'filters-title', id: 'filters-title' }, msg('Filter actions', { id: 'action-plan.filters' }))}
      <div class="filter-fields">
        <div class="field">
          <label for="filter-status">${msg('Status', { id: 'action-plan.status' })}</label>
          <select id="filter-status" name="status">
            <option value="" .selected=${live(f.status === '')}>${msg('All statuses', { id: 'action-plan.filter.allStatuses' })}</option>
            ${STATUS_ORDER.map(
              (s) => html`<option value=${s} .selected=${live(f.status === s)}>
                ${msg(str`${statusLabel(s)} (${counts[s]})`, { id: 'action-plan.filter.option' })}
              </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-lead">${msg('Led by', { id: 'action-plan.ledBy' })}</label>
          <select id="filter-lead" name="lead">
            <option value="" .selected=${live(f.lead === '')}>${msg('Any lead', { id: 'action-plan.filter.anyLead' })}</option>
            ${leads.map((l) => html`<option value=${l.id} .selected=${live(f.lead === l.id)}>${l.shown}</option>`)}
          </select>
        </div>
        ${this.aim || aims.length < 2
          ? nothing
          : html`<div class="field">
              <label for="filter-aim">${msg('Aim', { id: 'action-plan.aim' })}</label>
              <select id="filter-aim" name="aim">
                <option value="" .selected=${live(f.aim === '')}>${msg('All aims', { id: 'action-plan.filter.allAims' })}</option>
                ${aims.map(
                  (aim) => html`<option value=${aim.id} .selected=${live(f.aim === aim.id)}>${words.plain(aim.title)}</option>`,
                )}
              </select>
            </div>`}
      </div>
      <div class="checks">
        <div class="check">
          <input type="checkbox" id="filter-overdue" name="overdue" .checked=${live(f.overdue)} />
          <label for="filter-overdue">${msg(str`Only overdue actions (${overdue})`, { id: 'action-plan.filter.overdue' })}</label>
        </div>
        <div class="check">
          <input type="checkbox" id="filter-hide-complete" name="hideComplete" .checked=${live(f.hideComplete)} />
          <label for="filter-hide-complete">${msg('Hide completed actions', { id: 'action-plan.filter.hideComplete' })}</label>
        </div>
      </div>
      ${filtersActive(f)
        ? html`<button type="button" class="button secondary clear" @click=${this.clearFilters}>
            ${msg('Clear filters', { id: 'action-plan.filter.clear' })}
          </button>`
        : nothing}
    </form>`;
  }

  private renderAction(feed: CompactFeed, words: FeedText, action: Action, today: IsoDate, hidden: boolean): TemplateResult {
    const overdue = isOverdue(action, today);
    const progress = actionProgress(action);
    const updates = updatesInOrder(action);
    const latest = updates[updates.length - 1];
    const earlier = updates.slice(0, -1).reverse();
    const timescale = words.markup(action.timescale);
    const due = action.due ? formatIsoDate(action.due) : '';
    const when = timescale !== nothing && due
      ? msg(html`${timescale} (due ${due})`, { id: 'action-plan.timescaleAndDue' })
      : due
        ? msg(str`Due ${due}`, { id: 'action-plan.due' })
        : timescale === nothing ? '' : timescale;

    return html`<li class=${overdue ? 'action is-overdue' : 'action'} part="action" data-status=${action.status} ?hidden=${hidden}>
      ${heading(this.level(2), { class: 'action-title' }, words.markup(action.title))}
      ${action.description ? html`<p class="description">${words.markup(action.description)}</p>` : nothing}
      <dl class="facts">
        <div>
          <dt>${msg('Status', { id: 'action-plan.status' })}</dt>
          <dd>
            <span class="status status-${action.status}" part="status">${statusIcon(action.status)} ${statusLabel(action.status)}</span>
            ${overdue
              ? html`<span class="overdue-flag" part="overdue">${overdueIcon()} ${msg('Overdue', { id: 'action-plan.overdue' })}</span>`
              : nothing}
          </dd>
        </div>
        ${action.lead.length > 0
          ? html`<div>
              <dt>${msg('Led by', { id: 'action-plan.ledBy' })}</dt>
              <dd>${this.renderLeads(feed, words, action.lead)}</dd>
            </div>`
          : nothing}
        ${when
          ? html`<div>
              <dt>${msg('Timescale', { id: 'action-plan.timescale' })}</dt>
              <dd>${when}</dd>
            </div>`
          : nothing}
        ${progress === undefined
          ? nothing
          : html`<div>
              <dt>${msg('Progress', { id: 'action-plan.progress' })}</dt>
              <dd class="progress-row">
                <progress part="progress" max="100" value=${progress} aria-label=${msg('Progress', { id: 'action-plan.progress' })}></progress>
                <span>${progress}%</span>
              </dd>
            </div>`}
      </dl>
      ${latest
        ? html`<div class="latest">
            <p class="update-date">
              <strong>${msg('Latest update', { id: 'action-plan.latestUpdate' })}</strong>
              <time datetime=${latest.date}>${formatIsoDate(latest.date)}</time>
            </p>
            <p class="update-text">${words.markup(latest.text)}</p>
          </div>`
        : nothing}
      ${earlier.length > 0
        ? html`<details class="history" part="history">
            <summary>${earlierUpdatesCount(earlier.length)}</summary>
            <ul class="updates" role="list">
              ${earlier.map(
                (u) => html`<li>
                  <time class="update-date" datetime=${u.date}>${formatIsoDate(u.date)}</time>
                  <span class="update-text">${words.markup(u.text)}</span>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    </li>`;
  }

  private renderLeads(feed: CompactFeed, words: FeedText, leads: readonly string[]): TemplateResult {
    const names = joinWithAnd(leads.map((id) => this.party(feed, words, id)));
    if (!isJointLead(feed, leads)) return html`${names}`;
    const publicName = sectorText(feed, 'public', words);
    const voluntaryName = sectorText(feed, 'voluntary', words);
    return html`${names}
      <span class="joint">${msg(html`Joint lead: ${publicName} and ${voluntaryName}`, { id: 'action-plan.jointLead' })}</span>`;
  }

  /** A lead or owner: a signatory's name (in its language), or a plain name as written. */
  private party(feed: CompactFeed, words: FeedText, idOrName: string): { text: string; shown: unknown; plain: string } {
    const value = signatoryById(feed, idOrName)?.name ?? idOrName;
    return { text: words.choose(value).text, shown: words.markup(value), plain: words.plain(value) };
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

  private showOverdue = (): void => {
    this.focusResults = true;
    this.setFilters({ ...this.filters, overdue: true });
  };

  private clearFilters = (): void => {
    this.setFilters({ ...NO_FILTERS });
    // The button disappears with the filters it cleared: keep focus in a sensible place.
    this.focusResults = true;
  };

  /** Applies new filters and says politely how many actions are shown now. */
  private setFilters(filters: Filters): void {
    this.filters = filters;
    const feed = this.currentFeed;
    if (!feed) return;
    const aims = this.scope(feed);
    const today = todayInZone(Date.now(), feed.compact.timeZone);
    const effective = this.aim ? { ...filters, aim: '' } : filters;
    const shown = applyFilters(aims, effective, today).reduce((n, v) => n + v.actions.length, 0);
    const total = allActions(aims).length;
    this.announcement = this.inLocale(() => resultsCount(shown, total));
  }

  // ---------------------------------------------------------------------------------------------
  // Charts

  private setView(kind: FigureKind, view: View): void {
    this.views = { ...this.views, [kind]: view };
  }

  private onForcedColours = (): void => {
    this.forcedColours = this.forcedQuery?.matches ?? false;
  };

  /** After each render: load chart.js when needed, draw charts whose canvas is new, drop the rest. */
  private syncCharts(): void {
    // Removed (or removed with an update still pending, or chart.js arriving late): draw nothing.
    // A chart on a detached canvas would leave chart.js watching the document for its return.
    if (!this.isConnected) {
      this.destroyCharts();
      return;
    }
    const area = this.renderRoot.querySelector('.figures');
    if (!area || this.charts === 'none' || this.forcedColours) {
      this.stopObserving();
      this.destroyCharts();
      return;
    }
    const module = this.chartModule;
    if (!module) {
      if (this.chartLoad === 'idle') this.observe(area);
      return;
    }
    const styles = getComputedStyle(this);
    const look = {
      text: styles.color,
      grid: styles.getPropertyValue('--_border').trim() || '#b1b4b6',
      font: styles.fontFamily,
      background: styles.getPropertyValue('--_background').trim() || '#ffffff',
      animate: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
    for (const kind of ['status', 'aims'] as const) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-chart="${kind}"]`);
      const previous = this.drawn.get(kind);
      const data = this.chartData[kind];
      if (!canvas || !data) {
        previous?.chart.destroy();
        this.drawn.delete(kind);
        continue;
      }
      const key = JSON.stringify(data);
      if (previous && previous.canvas === canvas && previous.key === key) continue;
      previous?.chart.destroy();
      // Colours come from the --compact-status-* / --compact-progress-colour properties, read now.
      const colour = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
      const chart =
        'statuses' in data
          ? module.drawStatusChart(
              canvas,
              { labels: data.labels, values: data.values, colours: data.statuses.map((s) => colour(`--_status-${s}`, '#505a5f')) },
              look,
            )
          : module.drawAimChart(
              canvas,
              { labels: data.labels, values: data.values, name: data.name, colour: colour('--_progress', '#1d70b8') },
              look,
            );
      this.drawn.set(kind, { chart, canvas, key });
    }
    // Belt and braces: should drawing have ended with the element out of the page, keep nothing.
    if (!this.isConnected) this.destroyCharts();
  }

  /** Loads chart.js only once the chart area is about to scroll into view. */
  private observe(area: Element): void {
    if (this.observed === area) return;
    this.stopObserving();
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.stopObserving();
        void this.loadChartModule();
      },
      { rootMargin: '200px 0px' },
    );
    this.observer.observe(area);
    this.observed = area;
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  private async loadChartModule(): Promise<void> {
    if (this.chartLoad !== 'idle') return;
    this.chartLoad = 'loading';
    try {
      this.chartModule = await CompactActionPlan.loadCharts();
      this.chartLoad = 'loaded';
    } catch (error) {
      // The tables already show the same figures; say why the charts are missing, once.
      this.chartLoad = 'failed';
      console.warn('compact-widgets: the charts could not be loaded; showing tables.', error);
    }
  }

  /**
   * Escape hides a chart's tooltip wherever focus is (the pointer, not focus, brought it up), as
   * WCAG 1.4.13 asks. The key is left to the page when there was no tooltip to hide.
   */
  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.chartModule) return;
    let hid = false;
    for (const { chart } of this.drawn.values()) hid = this.chartModule.hideTooltip(chart) || hid;
    if (hid) event.preventDefault();
  };

  private destroyCharts(): void {
    for (const { chart } of this.drawn.values()) chart.destroy();
    this.drawn.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Print: a report with every history open (CSS cannot open <details>).

  private onBeforePrint = (): void => {
    this.openedForPrint = [...this.renderRoot.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const details of this.openedForPrint) details.open = true;
  };

  private onAfterPrint = (): void => {
    for (const details of this.openedForPrint) details.open = false;
    this.openedForPrint = [];
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'compact-action-plan': CompactActionPlan;
  }
}

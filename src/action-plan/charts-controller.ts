/**
 * The action plan's two charts as a reactive controller of their own, in the way of @lit/task: the
 * host says how to load chart.js and what to draw; the controller loads chart.js once the chart
 * area nears the viewport, draws after each update, follows forced-colours mode, keeps the
 * chart/table choice, hides tooltips on Escape and destroys everything when the host leaves the page.
 * The host's render only asks `canDraw` and `view(kind)`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActionStatus } from '../feed/types.js';
import { themeValue } from '../core/styles.js';
import type { Chart } from './charts.js';

/** The chart module's shape; `import type` keeps chart.js out of the element's dependencies. */
export type ChartsModule = typeof import('./charts.js');
export type FigureKind = 'status' | 'aims';
export type FigureView = 'chart' | 'table';

/** A chart's figures and its text alternative. Colours are read from CSS when it is drawn. */
export interface StatusFigure {
  statuses: ActionStatus[];
  labels: string[];
  values: number[];
  summary: string;
}
export interface AimFigure {
  labels: string[];
  values: (number | null)[];
  name: string;
  summary: string;
}
export interface Figures {
  status: StatusFigure;
  /** Absent when there is one aim (no aim chart). */
  aims?: AimFigure;
}

export interface ChartsOptions {
  /** How to get chart.js; called once, when the charts first near the viewport. */
  load: () => Promise<ChartsModule>;
  /** False for `charts="none"`: nothing is loaded or drawn. */
  enabled: () => boolean;
  /** What to draw now (in the host's language), or undefined while there is nothing to chart. */
  figures: () => Figures | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; hasUpdated: boolean };

export class ChartsController implements ReactiveController {
  /** How long the chart area must stay near the view before chart.js is loaded. */
  static readonly NEAR_VIEW_MS = 250;

  private module?: ChartsModule;
  private load: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  private forcedColours = false;
  private forcedQuery?: MediaQueryList;
  private observer?: IntersectionObserver;
  private observed?: Element;
  private nearTimer?: ReturnType<typeof setTimeout>;
  private views: Record<FigureKind, FigureView> = { status: 'chart', aims: 'chart' };
  private readonly drawn = new Map<FigureKind, { chart: Chart; canvas: HTMLCanvasElement; key: string }>();

  constructor(
    private readonly host: Host,
    private readonly options: ChartsOptions,
  ) {
    host.addController(this);
  }

  /** True when a chart can be drawn now (chart.js here, charts on, not in forced-colours mode). */
  get canDraw(): boolean {
    return this.options.enabled() && !this.forcedColours && this.module !== undefined;
  }

  /** What the reader chose to see for this figure (a chart until they choose the table). */
  view(kind: FigureKind): FigureView {
    return this.canDraw ? this.views[kind] : 'table';
  }

  setView(kind: FigureKind, view: FigureView): void {
    this.views = { ...this.views, [kind]: view };
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.forcedQuery = window.matchMedia('(forced-colors: active)');
    this.forcedColours = this.forcedQuery.matches;
    this.forcedQuery.addEventListener('change', this.onForcedColours);
    document.addEventListener('keydown', this.onKeydown);
    // Moved in the page: draw the charts again (they were destroyed on disconnect).
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.forcedQuery?.removeEventListener('change', this.onForcedColours);
    document.removeEventListener('keydown', this.onKeydown);
    this.stopObserving();
    this.destroy();
  }

  /** After each render: load chart.js when needed, draw charts whose canvas or figures are new, drop the rest. */
  hostUpdated(): void {
    // Removed (or removed with an update still pending, or chart.js arriving late): draw nothing.
    // A chart on a detached canvas would leave chart.js watching the document for its return.
    if (!this.host.isConnected) {
      this.destroy();
      return;
    }
    const area = this.host.renderRoot.querySelector('.figures');
    if (!area || !this.options.enabled() || this.forcedColours) {
      this.stopObserving();
      this.destroy();
      return;
    }
    const module = this.module;
    if (!module) {
      if (this.load === 'idle') this.observe(area);
      return;
    }
    const figures = this.options.figures();
    const styles = getComputedStyle(this.host);
    const look = {
      text: styles.color,
      grid: themeValue(styles, 'border') || '#b1b4b6',
      font: styles.fontFamily,
      background: themeValue(styles, 'background') || '#ffffff',
      animate: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    };
    // Colours come from the --compact-status-* / --compact-progress-colour properties, read now.
    const colour = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    for (const kind of ['status', 'aims'] as const) {
      const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-chart="${kind}"]`);
      const previous = this.drawn.get(kind);
      const data = figures?.[kind];
      if (!canvas || !data) {
        previous?.chart.destroy();
        this.drawn.delete(kind);
        continue;
      }
      const key = JSON.stringify(data);
      if (previous && previous.canvas === canvas && previous.key === key) continue;
      previous?.chart.destroy();
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
    if (!this.host.isConnected) this.destroy();
  }

  private onForcedColours = (): void => {
    this.forcedColours = this.forcedQuery?.matches ?? false;
    this.host.requestUpdate();
  };

  /**
   * Loads chart.js only once the chart area is about to scroll into view, and stays there for
   * `NEAR_VIEW_MS`: while the page's other widgets are still loading, the plan can pass near the view
   * for a moment before they push it down, and a page that never shows the charts must not download
   * chart.js (58 kB) for that.
   */
  private observe(area: Element): void {
    if (this.observed === area) return;
    this.stopObserving();
    this.observer = new IntersectionObserver(
      (entries) => {
        const near = entries.at(-1)!.isIntersecting;
        clearTimeout(this.nearTimer);
        this.nearTimer = undefined;
        if (!near) return;
        this.nearTimer = setTimeout(() => {
          this.stopObserving();
          void this.loadModule();
        }, ChartsController.NEAR_VIEW_MS);
      },
      { rootMargin: '200px 0px' },
    );
    this.observer.observe(area);
    this.observed = area;
  }

  private stopObserving(): void {
    clearTimeout(this.nearTimer);
    this.nearTimer = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  private async loadModule(): Promise<void> {
    if (this.load !== 'idle') return;
    this.load = 'loading';
    try {
      this.module = await this.options.load();
      this.load = 'loaded';
      this.host.requestUpdate();
    } catch (error) {
      // The tables already show the same figures; say why the charts are missing, once.
      this.load = 'failed';
      console.warn('compact-widgets: the charts could not be loaded; showing tables.', error);
    }
  }

  /**
   * Escape hides a chart's tooltip wherever focus is (the pointer, not focus, brought it up), as
   * WCAG 1.4.13 asks. The key is left to the page when there was no tooltip to hide.
   */
  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.module) return;
    let hid = false;
    for (const { chart } of this.drawn.values()) hid = this.module.hideTooltip(chart) || hid;
    if (hid) event.preventDefault();
  };

  private destroy(): void {
    for (const { chart } of this.drawn.values()) chart.destroy();
    this.drawn.clear();
  }
}

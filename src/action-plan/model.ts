/**
 * The action plan as numbers and lists, apart from any rendering: which actions are overdue, how
 * far along the plan is, what a set of filters leaves. Pure functions, so the rules are tested
 * directly and written down once.
 */
import type { Action, ActionStatus, ActionUpdate, Aim, CompactFeed, IsoDate, Sector } from '../feed/types.js';
import { ACTION_STATUSES } from '../feed/types.js';
import { signatoryById } from '../feed/lookup.js';

/**
 * The order statuses are listed in (overview, filters, charts): where work stands, from not begun
 * to finished, then the two exceptions.
 */
export const STATUS_ORDER: readonly ActionStatus[] = ['not-started', 'in-progress', 'delayed', 'complete', 'cancelled'];

export function isActionStatus(value: unknown): value is ActionStatus {
  return (ACTION_STATUSES as readonly unknown[]).includes(value);
}

/**
 * Overdue: it has a `due` date, that date is before today's date in the compact's time zone, and it
 * is neither complete nor cancelled. Due today is not overdue. `today` comes from
 * `todayInZone(Date.now(), feed.compact.timeZone)`; ISO dates compare correctly as strings.
 */
export function isOverdue(action: Action, today: IsoDate): boolean {
  return (
    action.due !== undefined && action.due < today && action.status !== 'complete' && action.status !== 'cancelled'
  );
}

/**
 * The progress figure an action counts with, or undefined when it has none:
 * complete counts as 100 whatever was reported, cancelled is left out, not started without a
 * figure counts as 0, and in progress or delayed without a figure is left out (we do not guess).
 */
export function actionProgress(action: Action): number | undefined {
  if (action.status === 'complete') return 100;
  if (action.status === 'cancelled') return undefined;
  if (typeof action.progress === 'number' && Number.isFinite(action.progress)) {
    return Math.min(100, Math.max(0, action.progress));
  }
  return action.status === 'not-started' ? 0 : undefined;
}

/** The mean of `actionProgress` over the actions that have one, rounded to a whole percent. */
export function meanProgress(actions: readonly Action[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const action of actions) {
    const p = actionProgress(action);
    if (p === undefined) continue;
    sum += p;
    n += 1;
  }
  return n === 0 ? undefined : Math.round(sum / n);
}

export type StatusCounts = Record<ActionStatus, number>;

export function countByStatus(actions: readonly Action[]): StatusCounts {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as StatusCounts;
  // Only the statuses there are: a status from outside ("constructor") must find no counter.
  for (const action of actions) if (isActionStatus(action.status)) counts[action.status] += 1;
  return counts;
}

export function allActions(aims: readonly Aim[]): Action[] {
  return aims.flatMap((aim) => aim.actions);
}

/** Updates oldest first, by date (the spec says newest last; a feed that is not is still read right). */
export function updatesInOrder(action: Action): ActionUpdate[] {
  // Array.prototype.sort is stable, so updates on the same day keep the feed's order.
  return [...action.updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every lead (id or plain name) named in these aims, each once, in order of first appearance. */
export function distinctLeads(aims: readonly Aim[]): string[] {
  const seen = new Set<string>();
  for (const action of allActions(aims)) for (const lead of action.lead) seen.add(lead);
  return [...seen];
}

/** A lead or owner as the feed gives it: a signatory's name (all its languages), or a plain name. */
export const partyValue = (feed: CompactFeed, idOrName: string) => signatoryById(feed, idOrName)?.name ?? idOrName;

/**
 * True when the leads include a public-sector signatory and a voluntary-sector one: the action is
 * led jointly across the compact. Plain names (not signatory ids) have no known sector.
 */
export function isJointLead(feed: CompactFeed, leads: readonly string[]): boolean {
  const sectors = new Set<Sector>();
  for (const lead of leads) {
    const signatory = signatoryById(feed, lead);
    if (signatory) sectors.add(signatory.sector);
  }
  return sectors.has('public') && sectors.has('voluntary');
}

export interface Filters {
  /** One status, or '' for any. */
  status: ActionStatus | '';
  /** A lead id or plain name, or '' for any. */
  lead: string;
  /** An aim id, or '' for every aim. */
  aim: string;
  overdue: boolean;
  hideComplete: boolean;
}

export const NO_FILTERS: Filters = { status: '', lead: '', aim: '', overdue: false, hideComplete: false };

export function filtersActive(f: Filters): boolean {
  return f.status !== '' || f.lead !== '' || f.aim !== '' || f.overdue || f.hideComplete;
}

/** `overdue`: `isOverdue(action, today)`, when the caller has already worked it out. */
export function actionMatches(action: Action, f: Filters, today: IsoDate, overdue?: boolean): boolean {
  if (f.status !== '' && action.status !== f.status) return false;
  if (f.hideComplete && action.status === 'complete') return false;
  if (f.lead !== '' && !action.lead.includes(f.lead)) return false;
  if (f.overdue && !(overdue ?? isOverdue(action, today))) return false;
  return true;
}

export interface AimView {
  aim: Aim;
  /** Its position in the whole plan, from 0. */
  index: number;
  actions: Action[];
}

/** The aims in order, each with the actions that pass the filters; aims left with none are dropped. */
export function applyFilters(aims: readonly Aim[], f: Filters, today: IsoDate): AimView[] {
  const views: AimView[] = [];
  aims.forEach((aim, index) => {
    if (f.aim !== '' && aim.id !== f.aim) return;
    const actions = aim.actions.filter((a) => actionMatches(a, f, today));
    if (actions.length > 0) views.push({ aim, index, actions });
  });
  return views;
}

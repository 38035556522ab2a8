/**
 * Everything the action plan shows that depends only on the feed, the aims in scope, the filters and
 * today's date: counts, progress, which actions are overdue and which pass the filters. Worked out
 * once per combination (`planViewMemo`), never during render by the templates themselves, so each
 * action is judged overdue once however many places show the count. Numbers and sets only: the
 * words are the element's, made while it renders in its language.
 */
import type { Action, Aim, IsoDate } from '../feed/types.js';
import { actionMatches, countByStatus, isOverdue, meanProgress, type Filters, type StatusCounts } from './model.js';

export interface AimTally {
  aim: Aim;
  /** Its position in the plan as shown, from 0 (the ids of its heading and region). */
  index: number;
  counts: StatusCounts;
  /** How many of its actions are overdue. */
  overdue: number;
  /** Its progress (see `meanProgress`), or undefined without figures. */
  progress: number | undefined;
  /** How many of its actions pass the filters. */
  shown: number;
}

export interface PlanView {
  today: IsoDate;
  aims: AimTally[];
  /** Every action in scope, in order. */
  actions: Action[];
  counts: StatusCounts;
  progress: number | undefined;
  /** The overdue actions in scope (each judged once). */
  overdue: ReadonlySet<Action>;
  /** The actions that pass the filters. */
  visible: ReadonlySet<Action>;
}

/** The view of `aims` under `filters` on `today`. `filters.aim` '' means every aim. */
export function planView(aims: readonly Aim[], filters: Filters, today: IsoDate): PlanView {
  const overdue = new Set<Action>();
  const visible = new Set<Action>();
  const actions: Action[] = [];
  const aimViews = aims.map((aim, index): AimTally => {
    let aimOverdue = 0;
    let shown = 0;
    const inAim = filters.aim === '' || aim.id === filters.aim;
    for (const action of aim.actions) {
      actions.push(action);
      // The filters judge overdue again only through this set: one `isOverdue` per action.
      const late = isOverdue(action, today);
      if (late) {
        overdue.add(action);
        aimOverdue += 1;
      }
      if (inAim && actionMatches(action, filters, today, late)) {
        visible.add(action);
        shown += 1;
      }
    }
    return {
      aim,
      index,
      counts: countByStatus(aim.actions),
      overdue: aimOverdue,
      progress: meanProgress(aim.actions),
      shown,
    };
  });
  return { today, aims: aimViews, actions, counts: countByStatus(actions), progress: meanProgress(actions), overdue, visible };
}

/** The aims an element shows: all of the plan's, or only the one with id `only`. */
export function aimsInScope(planAims: readonly Aim[], only: string | undefined): readonly Aim[] {
  return only ? planAims.filter((a) => a.id === only) : planAims;
}

/**
 * `fn`, remembered for the last arguments (compared with `Object.is`): a render, the announcement of
 * a filter change and the charts after it all read the same object, and a render that changes
 * nothing it depends on (chart.js arriving, a view switch, an aim opened) works nothing out again.
 */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/**
 * `planView` of the aims in scope (`only`: one aim's id), remembered for the last arguments. Filters
 * equal field by field count as the same filters: a change event that changed nothing (a select
 * set to the value it had) builds nothing. `build` is a seam for tests that count the builds.
 */
export function planViewMemo(
  build: typeof planView = planView,
): (planAims: readonly Aim[], only: string | undefined, filters: Filters, today: IsoDate) => PlanView {
  const memo = memoLast((planAims: readonly Aim[], only: string | undefined, filters: Filters, today: IsoDate) =>
    // With one aim in scope the aim filter has nothing to choose between.
    build(aimsInScope(planAims, only), only ? { ...filters, aim: '' } : filters, today),
  );
  let lastFilters: Filters | undefined;
  return (planAims, only, filters, today) => {
    if (!lastFilters || !sameFilters(lastFilters, filters)) lastFilters = filters;
    return memo(planAims, only, lastFilters, today);
  };
}

function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.status === b.status && a.lead === b.lead && a.aim === b.aim && a.overdue === b.overdue && a.hideComplete === b.hideComplete
  );
}

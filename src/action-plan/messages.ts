/**
 * The action plan's words that are used in more than one place: status names, counts, lists.
 * Like every `msg()`, call them while the element renders (or inside `inLocale`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ActionStatus } from '../feed/types.js';
import { plural } from '../i18n/plural.js';

export function statusLabel(status: ActionStatus): string {
  switch (status) {
    case 'not-started':
      return msg('Not started', { id: 'action-plan.status.notStarted' });
    case 'in-progress':
      return msg('In progress', { id: 'action-plan.status.inProgress' });
    case 'delayed':
      return msg('Delayed', { id: 'action-plan.status.delayed' });
    case 'complete':
      return msg('Complete', { id: 'action-plan.status.complete' });
    case 'cancelled':
      return msg('Cancelled', { id: 'action-plan.status.cancelled' });
  }
}

/** "27 actions". */
export function actionCount(n: number): string {
  return plural(n, {
    zero: () => msg(str`${n} actions`, { id: 'action-plan.count.actions.zero' }),
    one: () => msg(str`${n} action`, { id: 'action-plan.count.actions.one' }),
    two: () => msg(str`${n} actions`, { id: 'action-plan.count.actions.two' }),
    few: () => msg(str`${n} actions`, { id: 'action-plan.count.actions.few' }),
    many: () => msg(str`${n} actions`, { id: 'action-plan.count.actions.many' }),
    other: () => msg(str`${n} actions`, { id: 'action-plan.count.actions.other' }),
  });
}

/** "3 actions are overdue." (and a plain sentence for none). */
export function overdueCount(n: number): string {
  if (n === 0) return msg('No actions are overdue.', { id: 'action-plan.overdue.none' });
  return plural(n, {
    zero: () => msg(str`${n} actions are overdue.`, { id: 'action-plan.count.overdue.zero' }),
    one: () => msg(str`${n} action is overdue.`, { id: 'action-plan.count.overdue.one' }),
    two: () => msg(str`${n} actions are overdue.`, { id: 'action-plan.count.overdue.two' }),
    few: () => msg(str`${n} actions are overdue.`, { id: 'action-plan.count.overdue.few' }),
    many: () => msg(str`${n} actions are overdue.`, { id: 'action-plan.count.overdue.many' }),
    other: () => msg(str`${n} actions are overdue.`, { id: 'action-plan.count.overdue.other' }),
  });
}

/** "Showing 5 of 27 actions" (the noun agrees with the total). */
export function resultsCount(shown: number, total: number): string {
  return plural(total, {
    zero: () => msg(str`Showing ${shown} of ${total} actions`, { id: 'action-plan.count.results.zero' }),
    one: () => msg(str`Showing ${shown} of ${total} action`, { id: 'action-plan.count.results.one' }),
    two: () => msg(str`Showing ${shown} of ${total} actions`, { id: 'action-plan.count.results.two' }),
    few: () => msg(str`Showing ${shown} of ${total} actions`, { id: 'action-plan.count.results.few' }),
    many: () => msg(str`Showing ${shown} of ${total} actions`, { id: 'action-plan.count.results.many' }),
    other: () => msg(str`Showing ${shown} of ${total} actions`, { id: 'action-plan.count.results.other' }),
  });
}

/** "2 earlier updates". */
export function earlierUpdatesCount(n: number): string {
  return plural(n, {
    zero: () => msg(str`${n} earlier updates`, { id: 'action-plan.count.earlier.zero' }),
    one: () => msg(str`${n} earlier update`, { id: 'action-plan.count.earlier.one' }),
    two: () => msg(str`${n} earlier updates`, { id: 'action-plan.count.earlier.two' }),
    few: () => msg(str`${n} earlier updates`, { id: 'action-plan.count.earlier.few' }),
    many: () => msg(str`${n} earlier updates`, { id: 'action-plan.count.earlier.many' }),
    other: () => msg(str`${n} earlier updates`, { id: 'action-plan.count.earlier.other' }),
  });
}

/** Welsh writes "ac" rather than "a" before a vowel; other languages ignore the difference. */
const STARTS_WITH_VOWEL = /^[aeiouyâêîôûŵŷàèìòùáéíóúäëïöü]/i;

/**
 * "A, B and C" in the current language, each item as markup (`shown`: feed text stays isolated);
 * `text` decides between "a" and "ac". Chromium has no Welsh or Gaelic list data for
 * `Intl.ListFormat`, so the word for "and" is a message.
 */
export function joinWithAnd(items: readonly { text: string; shown: unknown }[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  const lastItem = items[items.length - 1]!;
  if (items.length === 1) return html`${lastItem.shown}`;
  const rest = items.slice(0, -1).map((item, i) => html`${i ? ', ' : ''}${item.shown}`);
  const last = lastItem.shown;
  return STARTS_WITH_VOWEL.test(lastItem.text.trim())
    ? msg(html`${rest} and ${last}`, { id: 'action-plan.list.andBeforeVowel' })
    : msg(html`${rest} and ${last}`, { id: 'action-plan.list.and' });
}

/** "Complete: 10" — a label with its count, used in summaries without needing a plural per status. */
export function labelledCount(label: string, n: number): string {
  return msg(str`${label}: ${n}`, { id: 'action-plan.labelledCount' });
}

/**
 * The action plan's words that are used in more than one place: status names, counts, lists.
 * Like every `msg()`, call them while the element renders (or inside `inLocale`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ActionStatus } from '../feed/types.js';
import { plural } from '../i18n/plural.js';

const STATUS_LABELS: Record<ActionStatus, () => string> = {
  'not-started': () => msg('Not started', { id: 'action-plan.status.notStarted' }),
  'in-progress': () => msg('In progress', { id: 'action-plan.status.inProgress' }),
  delayed: () => msg('Delayed', { id: 'action-plan.status.delayed' }),
  complete: () => msg('Complete', { id: 'action-plan.status.complete' }),
  cancelled: () => msg('Cancelled', { id: 'action-plan.status.cancelled' }),
};

export const statusLabel = (status: ActionStatus): string => STATUS_LABELS[status]();

/** "27 actions". */
export function actionCount(n: number): string {
  return plural(n, msg('{count, plural, one {# action} other {# actions}}', { id: 'action-plan.count.actions' }));
}

/** "3 actions are overdue." (and a plain sentence for none). */
export function overdueCount(n: number): string {
  if (n === 0) return msg('No actions are overdue.', { id: 'action-plan.overdue.none' });
  return plural(
    n,
    msg('{count, plural, one {# action is overdue.} other {# actions are overdue.}}', { id: 'action-plan.count.overdue' }),
  );
}

/** "Showing 5 of 27 actions" (the noun agrees with the total). */
export function resultsCount(shown: number, total: number): string {
  return plural(
    total,
    msg(str`Showing ${shown} of {count, plural, one {# action} other {# actions}}`, { id: 'action-plan.count.results' }),
  );
}

/** "2 earlier updates". */
export function earlierUpdatesCount(n: number): string {
  return plural(
    n,
    msg('{count, plural, one {# earlier update} other {# earlier updates}}', { id: 'action-plan.count.earlier' }),
  );
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

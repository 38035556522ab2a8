/**
 * The filter form: status, lead and aim (each option with its count where it has one), the two
 * check boxes, and "Clear filters" while any is set. It only reports changes: the element owns the
 * filters and says what they leave.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { heading, type HeadingLevel } from '../core/heading.js';
import type { Aim, CompactFeed } from '../feed/types.js';
import { partyName } from '../feed/lookup.js';
import type { FeedText } from '../i18n/feed-text.js';
import type { UiLocale } from '../i18n/locale.js';
import { collator } from '../i18n/formatters.js';
import { STATUS_ORDER, distinctLeads, filtersActive, partyValue, type Filters } from './model.js';
import type { PlanView } from './view-model.js';
import { statusLabel } from './messages.js';

export interface Lead {
  id: string;
  name: string;
  /** The name as shown (its language's text). */
  shown: string;
  lang?: string;
}

export interface FiltersFormOptions {
  filters: Filters;
  view: PlanView;
  words: FeedText;
  leads: readonly Lead[];
  /** The element shows one aim (its `aim` attribute): no aim to choose. */
  oneAim: boolean;
  level: HeadingLevel;
  onChange(event: Event): void;
  onClear(): void;
}

export function renderFiltersForm({ filters: f, view, words, leads, oneAim, level, onChange, onClear }: FiltersFormOptions): TemplateResult {
  const aims = view.aims.map((t) => t.aim);
  const overdue = view.overdue.size;
  return html`<form class="filters no-print" part="filters" aria-labelledby="filters-title" @change=${onChange} @submit=${(e: Event) => e.preventDefault()}>
    ${heading(level, { class: 'filters-title', id: 'filters-title' }, msg('Filter actions', { id: 'action-plan.filters' }))}
    <div class="filter-fields">
      <div class="field">
        <label for="filter-status">${msg('Status', { id: 'action-plan.status' })}</label>
        <select id="filter-status" name="status">
          <option value="" .selected=${live(f.status === '')}>${msg('All statuses', { id: 'action-plan.filter.allStatuses' })}</option>
          ${STATUS_ORDER.map(
            (s) => html`<option value=${s} .selected=${live(f.status === s)}>
              ${msg(str`${statusLabel(s)} (${view.counts[s]})`, { id: 'action-plan.filter.option' })}
            </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="filter-lead">${msg('Led by', { id: 'action-plan.ledBy' })}</label>
        <select id="filter-lead" name="lead">
          <option value="" .selected=${live(f.lead === '')}>${msg('Any lead', { id: 'action-plan.filter.anyLead' })}</option>
          ${leads.map((l) => html`<option value=${l.id} lang=${ifDefined(l.lang)} .selected=${live(f.lead === l.id)}>${l.shown}</option>`)}
        </select>
      </div>
      ${oneAim || aims.length < 2
        ? nothing
        : html`<div class="field">
            <label for="filter-aim">${msg('Aim', { id: 'action-plan.aim' })}</label>
            <select id="filter-aim" name="aim">
              <option value="" .selected=${live(f.aim === '')}>${msg('All aims', { id: 'action-plan.filter.allAims' })}</option>
              ${aims.map(
                (aim) =>
                  html`<option value=${aim.id} lang=${ifDefined(words.langOf(aim.title))} .selected=${live(f.aim === aim.id)}
                    >${words.plain(aim.title)}</option
                  >`,
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
      ? html`<button type="button" class="button secondary clear" @click=${onClear}>
          ${msg('Clear filters', { id: 'action-plan.filter.clear' })}
        </button>`
      : nothing}
  </form>`;
}

/**
 * The leads of these aims for the filter, sorted by name in the interface language (the UI locale,
 * always a valid tag, rather than the inherited `lang`, which a page may spell wrongly: `en_GB`).
 */
export function sortedLeads(feed: CompactFeed, aims: readonly Aim[], lang: string, locale: UiLocale, words: FeedText): Lead[] {
  const { compare } = collator(locale);
  return distinctLeads(aims)
    .map((id) => {
      const value = partyValue(feed, id);
      return { id, name: partyName(feed, id, lang), shown: words.plain(value), lang: words.langOf(value) };
    })
    .sort((a, b) => compare(a.name, b.name));
}

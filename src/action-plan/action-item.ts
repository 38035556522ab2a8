/**
 * One action of the plan, as an item of its aim's list: title and description, status and the
 * overdue flag, who leads it, when it is due, its progress, the latest update, and the earlier ones
 * folded away in a disclosure.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { heading, type HeadingLevel } from '../core/heading.js';
import type { Action, CompactFeed } from '../feed/types.js';
import type { FeedText } from '../i18n/feed-text.js';
import { formatIsoDate } from '../i18n/dates.js';
import { sectorText } from '../i18n/labels.js';
import { actionProgress, isJointLead, partyValue, updatesInOrder } from './model.js';
import { earlierUpdatesCount, joinWithAnd, statusLabel } from './messages.js';
import { overdueIcon, statusIcon } from './icons.js';

export interface ActionItemOptions {
  overdue: boolean;
  /** Left out by the filters: hidden rather than not built, as toggling is far cheaper. */
  hidden: boolean;
  level: HeadingLevel;
}

export function renderAction(feed: CompactFeed, words: FeedText, action: Action, { overdue, hidden, level }: ActionItemOptions): TemplateResult {
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
    ${heading(level, { class: 'action-title' }, words.markup(action.title))}
    ${action.description ? html`<p class="description">${words.markup(action.description)}</p>` : nothing}
    <dl class="facts">
      <dt>${msg('Status', { id: 'action-plan.status' })}</dt>
      <dd>
        <span class="status status-${action.status}" part="status">${statusIcon(action.status)} ${statusLabel(action.status)}</span>
        ${overdue
          ? html`<span class="overdue-flag" part="overdue">${overdueIcon()} ${msg('Overdue', { id: 'action-plan.overdue' })}</span>`
          : nothing}
      </dd>
      ${action.lead.length > 0
        ? html`<dt>${msg('Led by', { id: 'action-plan.ledBy' })}</dt>
            <dd>${renderLeads(feed, words, action.lead)}</dd>`
        : nothing}
      ${when
        ? html`<dt>${msg('Timescale', { id: 'action-plan.timescale' })}</dt>
            <dd>${when}</dd>`
        : nothing}
      ${progress === undefined
        ? nothing
        : html`<dt>${msg('Progress', { id: 'action-plan.progress' })}</dt>
            <dd class="progress-row">
              <progress part="progress" max="100" value=${progress} aria-label=${msg('Progress', { id: 'action-plan.progress' })}></progress>
              ${progress}%
            </dd>`}
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

function renderLeads(feed: CompactFeed, words: FeedText, leads: readonly string[]): TemplateResult {
  const names = joinWithAnd(leads.map((id) => party(feed, words, id)));
  if (!isJointLead(feed, leads)) return html`${names}`;
  const publicName = sectorText(feed, 'public', words);
  const voluntaryName = sectorText(feed, 'voluntary', words);
  return html`${names}
    <span class="joint">${msg(html`Joint lead: ${publicName} and ${voluntaryName}`, { id: 'action-plan.jointLead' })}</span>`;
}

/** A lead or owner: a signatory's name (in its language), or a plain name as written. */
function party(feed: CompactFeed, words: FeedText, idOrName: string): { text: string; shown: unknown; plain: string } {
  const value = partyValue(feed, idOrName);
  return { text: words.choose(value).text, shown: words.markup(value), plain: words.plain(value) };
}

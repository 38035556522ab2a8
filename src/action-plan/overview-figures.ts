/**
 * The overview's two figures as data: the tables every reader gets (status counts, progress by aim)
 * and what the charts draw, with their text alternatives. Call while rendering (or in `inLocale`):
 * their words are the current language's.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { withoutBidiControls, type FeedText } from '../i18n/feed-text.js';
import { STATUS_ORDER } from './model.js';
import type { PlanView } from './view-model.js';
import type { Figures } from './charts-controller.js';
import { actionCount, labelledCount, statusLabel } from './messages.js';
import { statusIcon } from './icons.js';

export function statusTable(view: PlanView): TemplateResult {
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
          <td class="number">${view.counts[s]}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${msg('Total', { id: 'action-plan.total' })}</th>
        <td class="number">${view.actions.length}</td>
      </tr>
    </tfoot>
  </table>`;
}

/** Progress by aim; it scrolls sideways in a region of its own on a narrow screen (labelled by its figure's caption). */
export function aimsTable(view: PlanView, words: FeedText): TemplateResult {
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
        ${view.aims.map(
          (tally) => html`<tr>
            <th scope="row">${words.markup(tally.aim.title)}</th>
            <td class="number">${tally.aim.actions.length}</td>
            <td class="number">${tally.counts.complete}</td>
            <td class="number">${tally.overdue}</td>
            <td class="number">
              ${tally.progress === undefined ? msg('no figures', { id: 'action-plan.noFigures' }) : `${tally.progress}%`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** What the two charts draw, and their text alternatives. */
export function chartFigures(view: PlanView, words: FeedText): Figures {
  const counts = view.counts;
  const present = STATUS_ORDER.filter((s) => counts[s] > 0);
  const statusSummary = present.map((s) => labelledCount(statusLabel(s), counts[s])).join('; ');
  const status = {
    statuses: present,
    labels: present.map(statusLabel),
    values: present.map((s) => counts[s]),
    summary: msg(str`Status of ${actionCount(view.actions.length)}: ${statusSummary}.`, {
      id: 'action-plan.chart.status.summary',
    }),
  };
  if (view.aims.length < 2) return { status };
  // Canvas labels and the chart's aria-label (spoken, never shown) take text only: without bidi
  // controls, so that none can reorder what is drawn around it.
  const aimTitles = view.aims.map((t) => withoutBidiControls(words.choose(t.aim.title).text));
  const aimValues = view.aims.map((t) => t.progress ?? null);
  const noFigures = msg('no figures', { id: 'action-plan.noFigures' });
  const aimSummary = aimTitles.map((t, i) => `${t}, ${aimValues[i] === null ? noFigures : `${aimValues[i]}%`}`).join('; ');
  return {
    status,
    aims: {
      labels: aimTitles,
      values: aimValues,
      name: msg('Progress', { id: 'action-plan.progress' }),
      summary: msg(str`Progress by aim, out of 100%: ${aimSummary}.`, { id: 'action-plan.chart.aims.summary' }),
    },
  };
}

/**
 * The "There is a problem" box, as GOV.UK's error summary: a list of links to the fields with
 * errors, in form order, focused after a submit so that it is read out first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { FIELD_PATHS } from './body.js';
import type { PledgeFieldError } from './pledge-events.js';
import { FIELD_ORDER, type FieldName, type PledgeValues } from './values.js';

export interface SummaryOptions {
  /** The text of each field's error, if it has one. */
  error(field: FieldName): string | undefined;
  /** Errors that belong to no field we show. */
  others: readonly string[];
  /** A refusal with no errors listed (e.g. 403): its status, for a general message. */
  refusedStatus?: number;
  /** The id a field's link points at. */
  targetId(field: FieldName): string;
  /** A link was followed: move focus to the field (a #fragment cannot reach into a shadow root). */
  onLink(field: FieldName): void;
  heading(content: unknown): TemplateResult;
}

export function renderErrorSummary(options: SummaryOptions): TemplateResult | typeof nothing {
  const fields = FIELD_ORDER.filter((f) => options.error(f) !== undefined);
  const others = [...options.others];
  const status = options.refusedStatus;
  if (status !== undefined) {
    others.push(
      msg(str`The sign-up could not be accepted (the server answered ${status}). Please contact the compact officer.`, {
        id: 'pledge-form.error.refused',
      }),
    );
  }
  if (fields.length + others.length === 0) return nothing;
  const follow = (event: Event, field: FieldName) => {
    event.preventDefault();
    options.onLink(field);
  };
  return html`<div class="error-summary" id="summary" part="error-summary" tabindex="-1">
    <div role="alert">
      ${options.heading(msg('There is a problem', { id: 'pledge-form.summary.title' }))}
      <ul class="error-list">
        ${fields.map(
          (field) =>
            html`<li><a href="#${options.targetId(field)}" @click=${(e: Event) => follow(e, field)}>${options.error(field)}</a></li>`,
        )}
        ${others.map((text) => html`<li>${text}</li>`)}
      </ul>
    </div>
  </div>`;
}

/**
 * The endpoint's errors (400/422) placed at the fields they name (by the body's dotted paths), one
 * per field; those of no field we show go to the summary only.
 */
export function placeServerErrors(
  errors: readonly PledgeFieldError[],
  values: PledgeValues,
): { placed: Map<FieldName, string>; others: string[] } {
  const placed = new Map<FieldName, string>();
  const others: string[] = [];
  for (const error of errors) {
    let field = FIELD_PATHS.get(error.field);
    // An id error belongs to the number when one was given, else to the question before it.
    if (field === 'regNumber' && (!values.registered || values.registered === 'none')) field = 'registered';
    if (field && !placed.has(field)) placed.set(field, error.message);
    else if (!field) others.push(error.message);
  }
  return { placed, others };
}

/** Each field's dotted path in the body, for the `compact-pledge-error` event. */
const PATH_OF: ReadonlyMap<FieldName, string> = new Map<FieldName, string>([
  ...[...FIELD_PATHS].map(([path, field]) => [field, path] as [FieldName, string]),
  ['registered', 'organisation.id'],
]);

export const pathOf = (field: FieldName): string => PATH_OF.get(field)!;

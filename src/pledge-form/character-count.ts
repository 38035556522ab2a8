/**
 * The pledge box's character count, as GOV.UK's character count component: the limit is in the
 * box's description, the count is shown as people type, and screen readers hear it once typing
 * pauses (a live region that spoke on every keystroke would talk over the typing).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { SECOND_MS } from '../feed/time.js';
import { plural } from '../i18n/plural.js';

/** The pledge in the organisation's own words. */
export const MAX_PLEDGE = 500;

/** Characters as people count them (an emoji is one), as the character count shows them. */
export const characters = (value: string): number => [...value].length;

/** After the last keystroke, how long before the count is spoken (as GOV.UK). */
const ANNOUNCE_DELAY_MS = SECOND_MS;

export interface CharacterCountField {
  id: string;
  label: string;
  hint: string;
  value: string;
  /** The field's error (already in the page's language), if it has one. */
  error?: TemplateResult;
}

/** The textarea with its hint, error, limit (for screen readers) and visible count. */
export function renderCharacterCount({ id, label, hint, value, error }: CharacterCountField): TemplateResult {
  const over = characters(value) > MAX_PLEDGE;
  const describedBy = [`${id}-hint`, `${id}-limit`, error && `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field ${error ? 'field-error' : ''}">
    <label class="label" for=${id}>${label}</label>
    <div class="hint" id="${id}-hint">${hint}</div>
    ${error}
    <textarea
      class="textarea ${over ? 'over' : ''}"
      id=${id}
      name=${id}
      rows="5"
      aria-describedby=${describedBy}
      aria-invalid=${ifDefined(error ? 'true' : undefined)}
      .value=${live(value)}
    ></textarea>
    <div class="visually-hidden" id="${id}-limit">${limitText()}</div>
    <div class="count ${over ? 'over' : 'secondary-text'}" aria-hidden="true">${countText(characters(value))}</div>
  </div>`;
}

function limitText(): string {
  const n = MAX_PLEDGE;
  return plural(
    n,
    msg('{count, plural, one {You can enter up to # character} other {You can enter up to # characters}}', { id: 'pledge-form.limit' }),
  );
}

/** "You have 3 characters remaining", or "… too many". */
export function countText(length: number): string {
  const left = MAX_PLEDGE - length;
  if (left >= 0) {
    return plural(
      left,
      msg('{count, plural, one {You have # character remaining} other {You have # characters remaining}}', { id: 'pledge-form.count.remaining' }),
    );
  }
  const over = -left;
  return plural(
    over,
    msg('{count, plural, one {You have # character too many} other {You have # characters too many}}', { id: 'pledge-form.count.over' }),
  );
}

/** Speaks the count through `announce` once typing pauses. */
export class CountAnnouncer implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly announce: (length: number) => void,
  ) {
    host.addController(this);
  }

  /** The text changed: speak its count after the pause (a later change restarts the wait). */
  changed(value: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.announce(characters(value)), ANNOUNCE_DELAY_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}

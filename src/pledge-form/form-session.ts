/**
 * The form's behaviour once someone has started on it: checking the answers, sending them (through
 * the sender), the errors it shows and where focus and announcements go as sending goes on. A
 * reactive controller in the code loaded on first interaction; the element keeps the answers and
 * renders, asking this for errors, the summary and which face to show.
 */
import { msg } from '@lit/localize';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit } from '../events.js';
import type { CompactFeed, LocalizedText } from '../feed/types.js';
import type { FeedText } from '../i18n/feed-text.js';
import { reviveValues, toBody } from './body.js';
import { renderConfirmation } from './confirmation-view.js';
import type { PledgeTarget } from './endpoint.js';
import { pathOf, placeServerErrors, renderErrorSummary } from './error-summary.js';
import { targetId } from './fields.js';
import { renderOutbox, waitingText } from './outbox-view.js';
import type { PledgeFieldError } from './pledge-events.js';
import { PledgeSender, type SenderState } from './pledge-sender.js';
import { alreadySignedText, SignedLookup } from './signed-lookup.js';
import { validateField, validateForm, type Validator } from './validators.js';
import type { FieldName, PledgeValues } from './values.js';

/** An error shown at a field: one of ours (re-localised on render) or the endpoint's own words. */
type FieldError = { validator: Validator; text?: undefined } | { validator?: undefined; text: string };

/** Which of the form's three faces is showing. */
export type View = 'form' | 'outbox' | 'done';

export type FocusTarget = 'summary' | 'outbox' | 'confirmation' | 'first';

/** What the session needs of its element. */
export interface SessionHost {
  element: ReactiveControllerHost & HTMLElement;
  values(): PledgeValues;
  feed(): CompactFeed | undefined;
  /** The locale of the body sent (the element's language). */
  locale(): string;
  inLocale<T>(fn: () => T): T;
  /** Feed text in the element's language, as plain text (for announcements). */
  plainText(text: LocalizedText): string;
  announce(text: string): void;
  /** Focus `target` after the next update. */
  focusAfterUpdate(target: FocusTarget): void;
  /** Focus a field now (a summary link was followed). */
  focusField(field: FieldName): void;
  /** When the submission may go at the earliest (the form's minimum time to fill in). */
  notBefore(): number;
  /** The honeypot's value: a robot filled it. */
  honeypot(): string;
  /** A heading one level below the form's own. */
  subheading(content: unknown, className: string): TemplateResult;
}

/** Answers that make another answer right or wrong: re-checked together on change. */
const DEPENDENTS: ReadonlyMap<FieldName, FieldName[]> = new Map<FieldName, FieldName[]>([
  ['registered', ['regNumber']],
  ['sector', ['type']],
  ['championRole', ['championName']],
]);

export class FormSession implements ReactiveController {
  readonly sender: PledgeSender;
  private readonly lookup = new SignedLookup();
  private errors = new Map<FieldName, FieldError>();
  /** Endpoint errors that belong to no field we show: summary only. */
  private otherErrors: string[] = [];
  /** A refusal with no errors listed (e.g. 403): its status, for a general message. */
  private refusedStatus?: number;
  private summaryShown = false;
  /** Fields that have shown an error since the last submit: these re-validate on change. */
  private shownErrors = new Set<FieldName>();
  /** The honeypot was filled: we said thank you and sent nothing. */
  private quietlyDropped = false;
  private seenState?: SenderState;
  view: View = 'form';
  /** The person submitted (or asked to try again) and the answer has not come yet. */
  private awaitingAnswer = false;

  constructor(private readonly host: SessionHost) {
    this.sender = new PledgeSender(host.element);
    host.element.addController(this);
  }

  /** Follows the sender before each update. */
  hostUpdate(): void {
    this.followSender();
  }

  /**
   * Points the sender at `target`. Answers with the draft saved for it, unless something was
   * typed meanwhile (`edited`), which is saved instead.
   */
  attach(target: PledgeTarget | undefined, edited: boolean): PledgeValues | undefined {
    this.sender.attach(target);
    this.clearErrors();
    this.quietlyDropped = false;
    if (!edited) return reviveValues(this.sender.readDraft());
    this.sender.saveDraft(this.host.values());
    return undefined;
  }

  get sending(): boolean {
    return this.sender.state.phase === 'sending';
  }

  errorText(field: FieldName): string | undefined {
    const error = this.errors.get(field);
    return error && (error.validator ? error.validator.message(this.host.values()) : error.text);
  }

  /** The person typed: save the draft, and say so if the organisation has already signed. */
  typed(values: PledgeValues, field: FieldName): void {
    this.sender.saveDraft(values);
    if (field === 'orgName' || field === 'registered' || field === 'regNumber') this.announceMatch();
  }

  announceMatch(): void {
    const feed = this.host.feed();
    const name = feed && this.lookup.newMatch(feed, this.host.values(), (match) => this.host.plainText(match.signatory.name));
    if (name) this.host.announce(this.host.inLocale(() => alreadySignedText(name)));
  }

  /** "Already signed?" after the field it matched on. */
  aside(feed: CompactFeed, by: 'name' | 'id', words: FeedText) {
    return this.lookup.render(feed, this.host.values(), by, words);
  }

  /** Once a field has shown an error, it (and the answers it depends on) re-validate on change. */
  changed(name: FieldName): void {
    const fields = [name, ...(DEPENDENTS.get(name) ?? [])].filter((f) => this.shownErrors.has(f));
    if (fields.length === 0) return;
    const errors = new Map(this.errors);
    for (const field of fields) {
      const failed = validateField(field, this.host.values());
      if (failed) errors.set(field, { validator: failed });
      else errors.delete(field);
    }
    this.errors = errors;
    this.host.element.requestUpdate();
  }

  submit(): void {
    const feed = this.host.feed();
    const phase = this.sender.state.phase;
    if (!feed || phase === 'sending' || phase === 'waiting') return; // a second click while sending
    const values = this.host.values();
    const failed = validateForm(values);
    this.otherErrors = [];
    this.refusedStatus = undefined;
    this.errors = new Map([...failed].map(([field, validator]) => [field, { validator }]));
    this.shownErrors = new Set(failed.keys());
    this.summaryShown = failed.size > 0;
    this.host.element.requestUpdate();
    if (failed.size > 0) {
      this.host.focusAfterUpdate('summary');
      const errors = [...failed].map(([field, validator]) => ({
        field: pathOf(field),
        message: this.host.inLocale(() => validator.message(values)),
      }));
      emit(this.host.element, 'compact-pledge-error', { kind: 'validation', errors });
      return;
    }
    if (this.host.honeypot()) {
      // A robot filled the hidden field: thank it and send nothing.
      this.sender.clearDraft();
      this.quietlyDropped = true;
      this.view = 'done';
      this.host.focusAfterUpdate('confirmation');
      return;
    }
    this.awaitingAnswer = this.sender.submit(toBody(values, feed.compact.id, this.host.locale()), this.host.notBefore());
  }

  /** The form was cleared: its draft and errors go. */
  cleared(): void {
    this.sender.clearDraft();
    this.lookup.forget();
    this.clearErrors();
  }

  private retryNow = (): void => {
    this.awaitingAnswer = true;
    this.sender.retryNow();
  };

  /** "Sign up another organisation": back to the form (another saved sign-up is sent next). */
  another(): void {
    this.sender.reset();
    this.lookup.forget();
    this.quietlyDropped = false;
  }

  renderSummary(): TemplateResult | typeof nothing {
    if (!this.summaryShown) return nothing;
    return renderErrorSummary({
      error: (field) => this.errorText(field),
      others: this.otherErrors,
      refusedStatus: this.refusedStatus,
      targetId: (field) => targetId(field, this.host.values()),
      onLink: (field) => this.host.focusField(field),
      heading: (title) => this.host.subheading(title, 'subheading error-summary-title'),
    });
  }

  /** The outbox or the confirmation, when one of them is showing. */
  renderView(feed: CompactFeed, words: FeedText, onAnother: () => void): TemplateResult | undefined {
    const state = this.sender.state;
    if (this.view === 'outbox') return renderOutbox(state, (title) => this.host.subheading(title, 'subheading notice-title'), this.retryNow);
    if (this.view !== 'done') return undefined;
    const done = state.phase === 'done' ? state : undefined;
    return renderConfirmation({
      status: done?.status,
      id: done?.id,
      body: done?.body,
      compactName: words.markup(feed.compact.name),
      heading: (title) => this.host.subheading(title, 'subheading panel-title'),
      onAnother,
    });
  }

  /** Reacts once to each new state of the sender: errors onto fields, focus, announcements. */
  private followSender(): void {
    const state = this.sender.state;
    if (state === this.seenState) return;
    const previous = this.seenState;
    this.seenState = state;
    const before = this.view;
    this.view = this.quietlyDropped || state.phase === 'done' ? 'done' : isOutbox(state) ? 'outbox' : 'form';
    // Focus follows the person's own action (in the widget, or a submit whose answer they await):
    // never from elsewhere on the page into a widget, e.g. when a saved sign-up is resent on load.
    const idle = !document.activeElement || document.activeElement === document.body;
    const focused = this.host.element.matches(':focus-within') || (this.awaitingAnswer && idle);
    if (state.phase !== 'sending') this.awaitingAnswer = false;
    const movedTo = this.view !== before && focused && this.view !== 'form' ? this.view : undefined;
    if (movedTo) this.host.focusAfterUpdate(movedTo === 'done' ? 'confirmation' : 'outbox');
    switch (state.phase) {
      case 'rejected':
        this.showServerErrors(state);
        if (focused) this.host.focusAfterUpdate('summary');
        break;
      case 'waiting':
        // The outbox takes focus and is read as it does: "Sending your sign-up…" must not stay behind.
        if (movedTo === 'outbox') this.host.announce('');
        else if (previous?.phase !== 'waiting' || previous.reason !== state.reason) {
          this.host.announce(this.host.inLocale(() => waitingText(state.reason, state.retryInMs)));
        }
        break;
      case 'sending':
        if (!state.resumed) this.host.announce(this.host.inLocale(() => msg('Sending your sign-up…', { id: 'pledge-form.sending' })));
        break;
      case 'done':
        this.host.announce('');
        this.clearErrors();
        break;
    }
  }

  private showServerErrors({ errors, httpStatus }: { errors: PledgeFieldError[]; httpStatus: number }): void {
    const { placed, others } = placeServerErrors(errors, this.host.values());
    this.errors = new Map([...placed].map(([field, text]) => [field, { text }]));
    this.otherErrors = others;
    this.refusedStatus = errors.length === 0 ? httpStatus : undefined;
    this.shownErrors = new Set(placed.keys());
    this.summaryShown = true;
  }

  private clearErrors(): void {
    this.errors = new Map();
    this.otherErrors = [];
    this.refusedStatus = undefined;
    this.shownErrors = new Set();
    this.summaryShown = false;
  }
}

/** A sign-up that has left the form: waiting, or being sent again. */
function isOutbox(state: SenderState): boolean {
  return state.phase === 'waiting' || (state.phase === 'sending' && state.resumed);
}

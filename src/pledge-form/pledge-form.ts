import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { heading, headingLevel, type HeadingLevel } from '../core/heading.js';
import { baseStyles } from '../core/styles.js';
import { emit } from '../events.js';
import { TYPES_BY_SECTOR, type CompactFeed, type Sector } from '../feed/types.js';
import { FeedText, withoutBidiControls } from '../i18n/feed-text.js';
import { countText, CountAnnouncer } from './character-count.js';
import { checkEndpoint, hasSaved, type PledgeTarget } from './endpoint.js';
import { renderFields, targetId, type FieldContext } from './fields.js';
import { pledgeFormStyles } from './pledge-form.styles.js';
import type { FocusTarget, FormSession, SessionHost } from './pledge-interactive.js';
import { EMPTY_VALUES, isFieldName, type FieldName, type PledgeValues } from './values.js';

/** The code loaded on first interaction (or to resume what is saved): see pledge-interactive.ts. */
type Interactive = typeof import('./pledge-interactive.js');

/** The fields an "already signed" notice can follow, and what they match on. */
const MATCHED_BY: ReadonlyMap<FieldName, 'name' | 'id'> = new Map([
  ['orgName', 'name'],
  ['regNumber', 'id'],
]);

/**
 * A sign-up form for organisations joining the compact. It posts to the feed's `pledge.endpoint`
 * under the contract in feed-spec.md, keeps every answer on the device until the endpoint has
 * confirmed it (a reload, a closed tab or being offline loses nothing), and follows the GOV.UK
 * Design System's form patterns (error summary, inline errors, character count, confirmation panel).
 *
 * First paint downloads only the questions. The rest (checking, sending, the outbox, the error
 * summary, the confirmation, "already signed?") comes on the first focus, keystroke or submit, or
 * at once when a sign-up or a draft is saved on this device for this endpoint.
 *
 * @attr {number} [heading-level=2] - Level of the form's heading, 2–6. The headings inside it (what
 *   signing means, the form's sections, the error summary, the outbox message and the confirmation
 *   panel) are one level below, never beyond h6. Choose one level below the heading above the element on
 *   your page. Values above 6 count as `6`; below 2, or not a whole number, as `2`.
 * @prop minFillMs - Shortest time in ms from first showing the form to sending it; an earlier
 *   submission is held until then (a spam check that never loses a quick person).
 * @fires compact-pledge-received - The endpoint said, in the contract's words, that it has the pledge. `detail`: `{id?, status: 'pending' | 'accepted' | 'duplicate', body}` (`duplicate`: a 409).
 * @fires compact-pledge-retrying - Not sent yet: kept on the device and sent again by itself. `detail`: `{retryInMs, reason}`;
 *   `reason`: `offline`, `unavailable`, `busy`, or `misdirected` (a redirect) and `unconfirmed` (an answer that
 *   is not a receipt), which the webmaster must fix.
 * @fires compact-pledge-error - Cannot be sent as it is. `detail`: `{kind: 'validation' | 'rejected' | 'config', errors?, status?}`
 *   (`errors`: `{field, message}` with the body's dotted paths; `status`: the HTTP status of a refusal).
 *   Deprecated since 0.2.0, removed in 0.3.0: also fired with `kind: 'retrying'`, `retryInMs` and `reason` after each `compact-pledge-retrying`.
 * @fires compact-pledge-submit - Deprecated since 0.2.0 (removed in 0.3.0): the old name of `compact-pledge-received`,
 *   fired after it. It never meant "submitted". `detail`: the same as `compact-pledge-received`'s.
 * @slot heading - Replaces the heading text ("Sign up to the compact"). Use an inline element: `<span slot="heading">`.
 * @slot intro - Replaces the introduction under the heading.
 * @csspart notice - The loading, error, empty, saved-copy and configuration messages.
 * @csspart heading - The heading.
 * @csspart statement - "What signing means": the pledge statement or the commitments.
 * @csspart form - The form.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart submit - The "Sign up" button.
 * @csspart outbox - The message shown while a sign-up waits on this device to be sent.
 * @csspart confirmation - The confirmation panel.
 * @cssprop [--compact-input-border-colour=#0b0c0c] - Border of text boxes.
 * @cssprop [--compact-field-max-width=30rem] - Widest text box (the pledge box is 1.5 times as wide).
 * @cssprop [--compact-panel-colour=#00703c] - Confirmation panel background (by default `--compact-success-colour`).
 * @cssprop [--compact-panel-text-colour=#ffffff] - Confirmation panel text.
 * @cssprop [--compact-heading-size=1.5rem] - Size of the heading.
 */
export class CompactPledgeForm extends CompactElement {
  static override styles = [baseStyles, ...pledgeFormStyles];

  /**
   * How the form loads its code beyond first paint; replaceable so that tests can count the loads
   * or make one fail.
   * @internal
   */
  static loadInteractive: () => Promise<Interactive> = () => import('./pledge-interactive.js');

  @property({ attribute: false }) minFillMs = 3000;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private values: PledgeValues = { ...EMPTY_VALUES };
  /** A submit found that the rest of the form's code could not be loaded. */
  @state() private loadFailed = false;

  /** The behaviour beyond first paint (checking, sending, errors), once loaded. */
  private session?: FormSession;
  private loading?: Promise<FormSession>;
  /** Work begun outside an update that `updateComplete` also waits for. */
  private waiting?: Promise<unknown>;
  /** The target the session's sender was last pointed at. */
  private attachedKey?: string;
  private readonly count = new CountAnnouncer(this, (length) => {
    this.announcement = this.inLocale(() => countText(length));
  });
  private targetKey?: string;
  /** Something was typed (or cleared) since the target was set: a draft read later must not replace it. */
  private edited = false;
  private focusNext?: FocusTarget;
  private formShownAt?: number;
  private configReported?: CompactFeed;

  protected override isEmpty(feed: CompactFeed): boolean {
    return !feed.pledge;
  }

  protected override renderEmpty(feed: CompactFeed): TemplateResult {
    return html`${this.renderHeading()}
      <div class="notice" part="notice">
        <p>${msg('This compact is not taking pledges online.', { id: 'pledge-form.empty' })}</p>
        ${this.renderContact(feed)}
      </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.syncTarget();
  }

  protected override updated(): void {
    const feed = this.currentFeed;
    const check = feed?.pledge ? checkEndpoint(feed.pledge.endpoint) : undefined;
    if (feed && check && !check.ok && this.configReported !== feed) {
      this.configReported = feed;
      console.warn(
        `compact-widgets: <compact-pledge-form> will not send to "${feed.pledge!.endpoint}": ` +
          'a pledge endpoint must be an https: address (http: only on localhost).',
      );
      emit(this, 'compact-pledge-error', { kind: 'config' });
    }
    if ((this.session?.view ?? 'form') === 'form' && this.formShownAt === undefined && this.renderRoot.querySelector('form')) {
      this.formShownAt = Date.now();
    }
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus === 'first') this.focusField('orgName');
    else if (focus) this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  /**
   * Also waits for work begun outside an update (the code beyond first paint loading, a submit
   * waiting for it), so that `await el.updateComplete` after a submit sees its outcome.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.waiting) {
      const waiting = this.waiting;
      await waiting.catch(() => {});
      if (this.waiting === waiting) this.waiting = undefined;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  // ---------------------------------------------------------------------------------------------
  // Loading the rest

  /** Loads the code beyond first paint (once; again after a failure). Resolves once it is wired in. */
  private interactive(): Promise<FormSession> {
    this.loading ??= CompactPledgeForm.loadInteractive().then(
      (lib) => {
        adoptStyles(this.renderRoot as ShadowRoot, [...CompactPledgeForm.elementStyles, lib.interactiveStyles]);
        const session = new lib.FormSession(this.sessionHost());
        this.session = session;
        this.syncTarget(); // the sender is pointed at the endpoint before anything can be submitted
        session.announceMatch();
        this.requestUpdate();
        return session;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Starts loading without waiting: a failure here is met again, and shown, on submit. */
  private preload = (): void => {
    if (this.session) return;
    const loading = this.interactive();
    this.waiting ??= loading;
    loading.catch(() => {});
  };

  private sessionHost(): SessionHost {
    return {
      element: this,
      values: () => this.values,
      feed: () => this.currentFeed,
      locale: () => this.language.locale,
      inLocale: (fn) => this.inLocale(fn),
      plainText: (text) => withoutBidiControls(this.text(text)),
      announce: (text) => {
        this.announcement = text;
      },
      focusAfterUpdate: (target) => {
        this.focusNext = target;
      },
      focusField: (field) => this.focusField(field),
      notBefore: () => (this.formShownAt ?? Date.now()) + this.minFillMs,
      honeypot: () => this.renderRoot.querySelector<HTMLInputElement>('#hp-extra')?.value ?? '',
      subheading: (content, className) => this.subheading(content, className),
    };
  }

  private target(): PledgeTarget | undefined {
    const feed = this.currentFeed;
    const check = feed?.pledge ? checkEndpoint(feed.pledge.endpoint) : undefined;
    return feed && check?.ok ? { compactId: feed.compact.id, endpoint: check.url } : undefined;
  }

  /** A new feed or endpoint starts a new form; the sender follows it, and brings its draft back. */
  private syncTarget(): void {
    const target = this.target();
    const key = target ? `${target.compactId}\n${target.endpoint}` : '';
    if (key !== this.targetKey) {
      this.targetKey = key;
      this.values = { ...EMPTY_VALUES };
      this.edited = false;
      // A sign-up saved on this device must be sent now, and a draft come back, with no one acting.
      if (target && hasSaved(target)) this.preload();
    }
    if (!this.session || this.attachedKey === key) return;
    this.attachedKey = key;
    this.values = this.session.attach(target, this.edited) ?? this.values;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const body = checkEndpoint(feed.pledge?.endpoint).ok
      ? (this.session?.renderView(feed, this.words(feed), this.signAnother) ?? this.renderForm(feed))
      : this.renderConfigError(feed);
    return html`${this.renderHeading()}${body}`;
  }

  /** The heading's level from `heading-level`, `offset` levels below it. */
  private level(offset = 0): HeadingLevel {
    return headingLevel(this.headingLevel, 2, offset);
  }

  private renderHeading(): TemplateResult {
    const content = html`<slot name="heading">${msg('Sign up to the compact', { id: 'pledge-form.heading' })}</slot>`;
    return heading(this.level(), { class: 'heading', part: 'heading' }, content);
  }

  /** A heading one level below the form's own. */
  private subheading(content: unknown, className = 'subheading'): TemplateResult {
    return heading(this.level(1), { class: className }, content);
  }

  private renderContact(feed: CompactFeed): TemplateResult | typeof nothing {
    const email = feed.compact.contact?.email;
    const address = this.words(feed).markup(email);
    return email ? html`<p>${msg(html`You can email ${address} instead.`, { id: 'pledge-form.contactEmail' })}</p>` : nothing;
  }

  private renderConfigError(feed: CompactFeed): TemplateResult {
    return html`<div class="notice error" part="notice">
      <p>${msg('Online sign-up is not working at the moment.', { id: 'pledge-form.config' })}</p>
      ${this.renderContact(feed)}
    </div>`;
  }

  private renderStatement(feed: CompactFeed): TemplateResult | typeof nothing {
    const words = this.words(feed);
    const statement = words.choose(feed.pledge?.statement).text;
    const commitments = feed.compact.commitments.filter((c) => c.by === 'voluntary' || c.by === 'joint');
    if (!statement && commitments.length === 0) return nothing;
    return html`<div class="statement" part="statement">
      ${this.subheading(msg('What signing means', { id: 'pledge-form.statement.heading' }))}
      ${statement
        ? html`<p class="statement-text">${words.markup(feed.pledge?.statement)}</p>`
        : html`<p>${msg('By signing, your organisation agrees to:', { id: 'pledge-form.statement.commitments' })}</p>
            <ul>
              ${commitments.map((c) => html`<li>${words.markup(c.text)}</li>`)}
            </ul>`}
    </div>`;
  }

  private renderForm(feed: CompactFeed): TemplateResult {
    const session = this.session;
    const words = this.words(feed);
    const name = words.markup(feed.compact.name);
    const fields: FieldContext = {
      values: this.values,
      feed,
      words,
      error: (field) => session?.errorText(field),
      aside: (field) => {
        const by = MATCHED_BY.get(field);
        return by && session?.aside(feed, by, words);
      },
      subheading: (content) => this.subheading(content),
    };
    const sending = !!session?.sending;
    return html`<div class="intro">
        <slot name="intro">
          <p>${msg(html`Use this form to add your organisation to the signatories of ${name}.`, { id: 'pledge-form.intro' })}</p>
        </slot>
      </div>
      ${this.renderStatement(feed)}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange} @focusin=${this.preload}>
        ${session?.renderSummary() ?? nothing} ${renderFields(fields)}
        <div class="visually-hidden" aria-hidden="true">
          <label for="hp-extra">${msg('Leave this field empty', { id: 'pledge-form.honeypot' })}</label>
          <input id="hp-extra" name="hp-extra" type="text" tabindex="-1" autocomplete="off" />
        </div>
        ${this.loadFailed
          ? html`<p class="error-message" role="alert">
              ${msg('Your sign-up could not be sent: part of this form did not load. Check your connection, then try again.', {
                id: 'pledge-form.loadFailed',
              })}
            </p>`
          : nothing}
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? msg('Sending…', { id: 'pledge-form.submit.sending' }) : msg('Sign up', { id: 'pledge-form.submit' })}
          </button>
          <button class="link-button" type="button" @click=${this.clearForm}>${msg('Clear the form', { id: 'pledge-form.clear' })}</button>
        </div>
      </form>`;
  }

  /** Feed text for this render: isolated, in its own language when that differs from the form's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  // ---------------------------------------------------------------------------------------------
  // Behaviour

  private onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = input.name;
    if (!isFieldName(name)) return; // the honeypot is never saved
    const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    const next = { ...this.values, [name]: value } as PledgeValues;
    if (name === 'sector' && !(TYPES_BY_SECTOR[next.sector as Sector] ?? []).includes(next.type)) next.type = '';
    this.values = next;
    this.edited = true;
    if (name === 'pledge') this.count.changed(next.pledge);
    // Not loaded yet: the session saves the draft, and looks the name up, once it is.
    if (this.session) this.session.typed(next, name);
    else this.preload();
  };

  private onChange = (event: Event): void => {
    const name = (event.target as HTMLInputElement).name;
    if (isFieldName(name)) this.session?.changed(name);
  };

  /** Waits for the rest of the form's code if it has not come yet: a submit is never lost to it. */
  private onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.session) {
      this.session.submit();
      return;
    }
    this.waiting = this.interactive().then(
      (session) => {
        this.loadFailed = false;
        session.submit();
      },
      () => {
        this.loadFailed = true; // the answers stay as they are, for another try
      },
    );
  };

  private focusField(field: FieldName): void {
    const input = this.renderRoot.querySelector<HTMLElement>(`#${targetId(field, this.values)}`);
    if (!input) return;
    // Bring the question into view (the legend of a group, else the label), then focus the control.
    const legend = input.matches('[type=radio]') ? input.closest('fieldset')?.querySelector('legend') : undefined;
    const label = legend ?? this.renderRoot.querySelector(`label[for="${input.id}"]`);
    label?.scrollIntoView?.();
    input.focus({ preventScroll: !!label });
  }

  private clearForm = (): void => {
    this.values = { ...EMPTY_VALUES };
    this.edited = true; // a draft still on its way in must not bring the answers back
    this.session?.cleared();
    this.announcement = this.inLocale(() => msg('The form has been cleared.', { id: 'pledge-form.cleared' }));
  };

  private signAnother = (): void => {
    this.session?.another();
    this.values = { ...EMPTY_VALUES };
    this.formShownAt = undefined;
    this.focusNext = 'first';
  };
}

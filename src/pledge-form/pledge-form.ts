import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { baseStyles } from '../core/styles.js';
import { TYPES_BY_SECTOR, type CompactFeed, type Sector } from '../feed/types.js';
import { safeHttpUrl } from '../feed/url.js';
import { plural } from '../i18n/plural.js';
import { formatDuration } from '../i18n/dates.js';
import { sectorText, typeName } from '../i18n/labels.js';
import { FeedText, withoutBidiControls } from '../i18n/feed-text.js';
import { findSignatory, REGISTER_KINDS, type RegisterKind } from './identifier.js';
import {
  checkEndpoint,
  PledgeSender,
  type PledgeErrorDetail,
  type PledgeFieldError,
  type SenderState,
  type WaitReason,
} from './pledge-sender.js';
import { pledgeFormStyles } from './pledge-form.styles.js';
import { characters, MAX_PLEDGE, validateField, validateForm, type Validator } from './validators.js';
import {
  EMPTY_VALUES,
  FIELD_ORDER,
  FIELD_PATHS,
  isFieldName,
  orgIdOf,
  reviveValues,
  toBody,
  type FieldName,
  type PledgeValues,
} from './values.js';

/** An error shown at a field: one of ours (re-localised on render) or the endpoint's own words. */
type FieldError = { validator: Validator; text?: undefined } | { validator?: undefined; text: string };

type SignatoryMatch = ReturnType<typeof findSignatory>;

/** Which of the form's three faces is showing. */
type View = 'form' | 'outbox' | 'done';

/** Answers that make another answer right or wrong: re-checked together on change. */
const DEPENDENTS: ReadonlyMap<FieldName, FieldName[]> = new Map<FieldName, FieldName[]>([
  ['registered', ['regNumber']],
  ['sector', ['type']],
  ['championRole', ['championName']],
]);

/** Each field's dotted path in the body, for the `compact-pledge-error` event. */
const PATH_OF: ReadonlyMap<FieldName, string> = new Map<FieldName, string>([
  ...[...FIELD_PATHS].map(([path, field]) => [field, path] as [FieldName, string]),
  ['registered', 'organisation.id'],
]);

/**
 * A heading of `level` (2–6). Each tag is written out so that no markup is built from strings
 * (no `unsafeStatic`), as in <compact-consultation-countdown>.
 */
function heading(level: number, content: unknown, className: string, part?: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 class=${className} part=${ifDefined(part)}>${content}</h3>`;
    case 4:
      return html`<h4 class=${className} part=${ifDefined(part)}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className} part=${ifDefined(part)}>${content}</h5>`;
    case 6:
      return html`<h6 class=${className} part=${ifDefined(part)}>${content}</h6>`;
    default:
      return html`<h2 class=${className} part=${ifDefined(part)}>${content}</h2>`;
  }
}

/** After the last keystroke, how long before the character count is spoken (as GOV.UK). */
const COUNT_ANNOUNCE_DELAY = 1000;

/**
 * A sign-up form for organisations joining the compact. It posts to the feed's `pledge.endpoint`
 * under the contract in feed-spec.md, keeps every answer on the device until the endpoint has
 * confirmed it (a reload, a closed tab or being offline loses nothing), and follows the GOV.UK
 * Design System's form patterns (error summary, inline errors, character count, confirmation panel).
 *
 * @attr src - URL of the compact feed (JSON). Relative URLs resolve against the page.
 * @attr timeout - Milliseconds to wait for the feed before showing the error state (default 15000).
 * @attr lang - Language of the widget (`en`, `cy`, `gd`); inherited from the page when absent.
 * @attr heading-level - Level of the form's heading, 2–6 (default 2). The headings inside it (what
 *   signing means, the form's sections, the error summary, the outbox message and the confirmation
 *   panel) are one level below, never beyond h6.
 * @prop feed - A feed object (or JSON text) to show instead of fetching `src`.
 * @prop minFillMs - Shortest time in ms from first showing the form to sending it (default 3000);
 *   an earlier submission is held until then (a spam check that never loses a quick person).
 * @fires compact-feed-load - The feed was read. `detail`: `{feed, problems, staleBecause?, fetchedAt}`.
 * @fires compact-feed-error - The feed could not be read. `detail`: `{failure: {code, message}}`.
 * @fires compact-pledge-submit - The endpoint confirmed a pledge. `detail`: `{id, status: 'pending' | 'accepted' | 'duplicate', body}`.
 * @fires compact-pledge-error - Not sent (yet). `detail`: `{kind: 'validation' | 'rejected' | 'retrying' | 'config', errors?, retryInMs?, reason?, status?}`
 *   (`reason`, with `retrying`: `offline`, `unavailable`, `busy`, or `misdirected` (a redirect) and
 *   `unconfirmed` (an answer that is not a receipt), which the webmaster must fix).
 * @slot heading - Replaces the heading text ("Sign up to the compact"). Use an inline element: `<span slot="heading">`.
 * @slot intro - Replaces the introduction under the heading.
 * @csspart base - The element's outer wrapper.
 * @csspart notice - The loading, error, empty, saved-copy and configuration messages.
 * @csspart retry - The "Try again" button of the feed's error state.
 * @csspart heading - The heading.
 * @csspart statement - "What signing means": the pledge statement or the commitments.
 * @csspart form - The form.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart submit - The "Sign up" button.
 * @csspart outbox - The message shown while a sign-up waits on this device to be sent.
 * @csspart confirmation - The confirmation panel.
 * @cssprop --compact-input-border-colour - Border of text boxes (default #0b0c0c).
 * @cssprop --compact-field-max-width - Widest text box (default 30rem; the pledge box 1.5×).
 * @cssprop --compact-panel-colour - Confirmation panel background (default the success colour).
 * @cssprop --compact-panel-text-colour - Confirmation panel text (default #ffffff).
 * @cssprop --compact-heading-size - Size of the heading (default 1.5rem).
 */
export class CompactPledgeForm extends CompactElement {
  static override styles = [baseStyles, pledgeFormStyles];

  @property({ attribute: false }) minFillMs = 3000;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private values: PledgeValues = { ...EMPTY_VALUES };
  @state() private errors = new Map<FieldName, FieldError>();
  /** Endpoint errors that belong to no field we show: summary only. */
  @state() private otherErrors: string[] = [];
  /** A refusal with no errors listed (e.g. 403): its status, for a general message. */
  @state() private refusedStatus?: number;
  @state() private summaryShown = false;
  /** The honeypot was filled: we said thank you and sent nothing. */
  @state() private quietlyDropped = false;

  private readonly sender = new PledgeSender(this);
  /** Fields that have shown an error since the last submit: these re-validate on change. */
  private shownErrors = new Set<FieldName>();
  private targetKey?: string;
  private seenState?: SenderState;
  private view: View = 'form';
  private focusNext?: 'summary' | 'outbox' | 'confirmation' | 'first';
  private formShownAt?: number;
  private countTimer?: ReturnType<typeof setTimeout>;
  private lastMatch = '';
  private matchMemo?: { feed: CompactFeed; values: PledgeValues; result: SignatoryMatch };
  private configReported?: CompactFeed;
  /** The person submitted (or asked to try again) and the answer has not come yet. */
  private awaitingAnswer = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

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
    this.followSender();
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
      this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'config' });
    }
    if (this.view === 'form' && this.formShownAt === undefined && this.renderRoot.querySelector('form')) {
      this.formShownAt = this.sender.now();
    }
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus === 'first') this.focusField('orgName');
    else if (focus) this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  /** Points the sender at this feed's endpoint and restores that endpoint's draft. */
  private syncTarget(): void {
    const feed = this.currentFeed;
    const check = feed?.pledge ? checkEndpoint(feed.pledge.endpoint) : undefined;
    const target = feed && check?.ok ? { compactId: feed.compact.id, endpoint: check.url } : undefined;
    const key = target ? `${target.compactId}\n${target.endpoint}` : '';
    if (key === this.targetKey) return;
    this.targetKey = key;
    this.sender.attach(target);
    this.values = reviveValues(this.sender.readDraft()) ?? { ...EMPTY_VALUES };
    this.clearErrors();
    this.quietlyDropped = false;
  }

  /** Reacts once to each new state of the sender: errors onto fields, focus, announcements. */
  private followSender(): void {
    const state = this.sender.state;
    if (state === this.seenState) return;
    const previous = this.seenState;
    this.seenState = state;
    const before = this.view;
    this.view = this.quietlyDropped || state.phase === 'done' ? 'done' : this.isOutbox(state) ? 'outbox' : 'form';
    // Focus follows the person's own action (in the widget, or a submit whose answer they await):
    // never from elsewhere on the page into a widget, e.g. when a saved sign-up is resent on load.
    const idle = !document.activeElement || document.activeElement === document.body;
    const focused = this.matches(':focus-within') || (this.awaitingAnswer && idle);
    if (state.phase !== 'sending') this.awaitingAnswer = false;
    if (this.view !== before && focused && this.view !== 'form') this.focusNext = this.view === 'done' ? 'confirmation' : 'outbox';
    switch (state.phase) {
      case 'rejected':
        this.showServerErrors(state.errors, state.httpStatus);
        if (focused) this.focusNext = 'summary';
        break;
      case 'waiting':
        if (this.focusNext !== 'outbox' && (previous?.phase !== 'waiting' || previous.reason !== state.reason)) {
          this.announcement = this.inLocale(() => this.waitingText(state.reason, state.retryInMs));
        }
        break;
      case 'sending':
        if (!state.resumed) this.announcement = this.inLocale(() => msg('Sending your sign-up…', { id: 'pledge-form.sending' }));
        break;
      case 'done':
        this.announcement = '';
        this.clearErrors();
        break;
    }
  }

  /** A sign-up that has left the form: waiting, or being sent again. */
  private isOutbox(state: SenderState): boolean {
    return state.phase === 'waiting' || (state.phase === 'sending' && state.resumed);
  }

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const check = checkEndpoint(feed.pledge?.endpoint);
    let body: TemplateResult;
    if (!check.ok) body = this.renderConfigError(feed);
    else if (this.view === 'done') body = this.renderConfirmation(feed);
    else if (this.view === 'outbox') body = this.renderOutbox();
    else body = this.renderForm(feed);
    return html`${this.renderHeading()}${body}`;
  }

  /** The heading's level from `heading-level` (2–6, else 2), plus `offset`, at most 6. */
  private level(offset = 0): number {
    const base = Number.isInteger(this.headingLevel) ? Math.min(Math.max(this.headingLevel, 2), 6) : 2;
    return Math.min(base + offset, 6);
  }

  private renderHeading(): TemplateResult {
    const content = html`<slot name="heading">${msg('Sign up to the compact', { id: 'pledge-form.heading' })}</slot>`;
    return heading(this.level(), content, 'heading', 'heading');
  }

  /** A heading one level below the form's own. */
  private subheading(content: unknown, className = 'subheading'): TemplateResult {
    return heading(this.level(1), content, className);
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
    const sending = this.sender.state.phase === 'sending';
    const name = this.words(feed).markup(feed.compact.name);
    return html`<div class="intro">
        <slot name="intro">
          <p>
            ${msg(html`Use this form to add your organisation to the signatories of ${name}.`, { id: 'pledge-form.intro' })}
          </p>
        </slot>
      </div>
      ${this.renderStatement(feed)}
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange}>
        ${this.renderSummary()}
        ${this.subheading(msg('Your organisation', { id: 'pledge-form.section.organisation' }))}
        ${this.textField('orgName', {
          label: msg('Name of your organisation', { id: 'pledge-form.orgName.label' }),
          autocomplete: 'organization',
          after: this.renderAlreadySigned(feed, 'name'),
        })}
        ${this.renderRegistered(feed)} ${this.renderSector(feed)}
        ${this.textField('website', {
          label: msg('Website (optional)', { id: 'pledge-form.website.label' }),
          hint: msg('For example, www.example.org', { id: 'pledge-form.website.hint' }),
          autocomplete: 'url',
          type: 'url',
        })}
        ${this.subheading(msg('Your details', { id: 'pledge-form.section.contact' }))}
        ${this.textField('contactName', {
          label: msg('Full name', { id: 'pledge-form.contactName.label' }),
          autocomplete: 'name',
          spellcheck: false,
        })}
        ${this.textField('contactEmail', {
          label: msg('Email address', { id: 'pledge-form.contactEmail.label' }),
          autocomplete: 'email',
          type: 'email',
          spellcheck: false,
        })}
        ${this.textField('contactRole', {
          label: msg('Your role in the organisation (optional)', { id: 'pledge-form.contactRole.label' }),
          hint: msg('For example, chair or volunteer coordinator', { id: 'pledge-form.contactRole.hint' }),
          autocomplete: 'organization-title',
        })}
        ${this.renderChampion()} ${this.renderPledge()} ${this.renderConsent(feed)}
        <div class="honeypot" aria-hidden="true">
          <label for="hp-extra">${msg('Leave this field empty', { id: 'pledge-form.honeypot' })}</label>
          <input id="hp-extra" name="hp-extra" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <div class="actions">
          <button class="button" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? msg('Sending…', { id: 'pledge-form.submit.sending' }) : msg('Sign up', { id: 'pledge-form.submit' })}
          </button>
          <button class="link-button" type="button" @click=${this.clearForm}>
            ${msg('Clear the form', { id: 'pledge-form.clear' })}
          </button>
        </div>
      </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const fields = FIELD_ORDER.filter((f) => this.errors.has(f));
    const others = [...this.otherErrors];
    if (this.refusedStatus !== undefined) {
      const status = this.refusedStatus;
      others.push(
        msg(str`The sign-up could not be accepted (the server answered ${status}). Please contact the compact officer.`, {
          id: 'pledge-form.error.refused',
        }),
      );
    }
    if (!this.summaryShown || fields.length + others.length === 0) return nothing;
    return html`<div class="error-summary" id="summary" part="error-summary" tabindex="-1">
      <div role="alert">
        ${this.subheading(msg('There is a problem', { id: 'pledge-form.summary.title' }), 'subheading error-summary-title')}
        <ul class="error-list">
          ${fields.map(
            (field) =>
              html`<li>
                <a href="#${this.targetId(field)}" @click=${(e: Event) => this.onSummaryLink(e, field)}>${this.errorText(field)}</a>
              </li>`,
          )}
          ${others.map((text) => html`<li>${text}</li>`)}
        </ul>
      </div>
    </div>`;
  }

  private errorText(field: FieldName): string {
    const error = this.errors.get(field);
    return error?.validator ? error.validator.message(this.values) : (error?.text ?? '');
  }

  private renderFieldError(field: FieldName): TemplateResult | typeof nothing {
    if (!this.errors.has(field)) return nothing;
    return html`<p class="error-message" id="${field}-error">
      <span class="visually-hidden">${msg('Error:', { id: 'pledge-form.error.prefix' })}</span> ${this.errorText(field)}
    </p>`;
  }

  private describedBy(...ids: (string | false | undefined)[]): string | undefined {
    return ids.filter(Boolean).join(' ') || undefined;
  }

  private textField(
    name: FieldName,
    options: {
      label: string;
      hint?: string;
      autocomplete: string;
      type?: 'text' | 'email' | 'url';
      spellcheck?: boolean;
      narrow?: boolean;
      after?: { id: string; content: TemplateResult } | typeof nothing;
    },
  ): TemplateResult {
    const { label, hint, autocomplete, type = 'text', spellcheck, after = nothing } = options;
    const invalid = this.errors.has(name);
    return html`<div class="field ${invalid ? 'field-error' : ''}">
      <label class="label" for=${name}>${label}</label>
      ${hint ? html`<div class="hint" id="${name}-hint">${hint}</div>` : nothing} ${this.renderFieldError(name)}
      <input
        class="input ${options.narrow ? 'narrow' : ''}"
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        spellcheck=${ifDefined(spellcheck === undefined ? undefined : String(spellcheck))}
        aria-describedby=${ifDefined(
          this.describedBy(hint && `${name}-hint`, invalid && `${name}-error`, after !== nothing && after.id),
        )}
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        .value=${live(String(this.values[name]))}
      />
      ${after === nothing ? nothing : after.content}
    </div>`;
  }

  /** "Already signed?": said inline after the field that matched, before the rest is filled in. */
  private renderAlreadySigned(feed: CompactFeed, by: 'name' | 'id'): { id: string; content: TemplateResult } | typeof nothing {
    const match = this.match(feed);
    if (!match || match.by !== by) return nothing;
    const name = this.words(feed).markup(match.signatory.name);
    const own = safeHttpUrl(match.signatory.url);
    const href = own ?? safeHttpUrl(feed.compact.url);
    const id = `${by}-signed`;
    return {
      id,
      content: html`<div class="already" id=${id}>
        ${msg(html`${name} has already signed this compact. You do not need to sign up again.`, {
          id: 'pledge-form.already.shown',
        })}
        ${href
          ? html`<br /><a href=${href}
                >${own
                  ? msg(html`Visit the website of ${name}`, { id: 'pledge-form.already.website' })
                  : msg('See the compact and who has signed it', { id: 'pledge-form.already.compact' })}</a
              >`
          : nothing}
      </div>`,
    };
  }

  /** What a screen reader hears when a match appears (spoken, not shown: the shown sentence is isolated). */
  private alreadySignedText(name: string): string {
    return msg(str`${name} has already signed this compact. You do not need to sign up again.`, {
      id: 'pledge-form.already',
    });
  }

  /** Feed text for this render: isolated, in its own language when that differs from the form's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  /** The "already signed?" match, worked out once for each feed and set of answers. */
  private match(feed: CompactFeed): SignatoryMatch {
    const memo = this.matchMemo;
    if (memo?.feed === feed && memo.values === this.values) return memo.result;
    const result = findSignatory(feed, { name: this.values.orgName, orgId: orgIdOf(this.values) });
    this.matchMemo = { feed, values: this.values, result };
    return result;
  }

  private renderRegistered(feed: CompactFeed): TemplateResult {
    const labels: Record<RegisterKind | 'none', string> = {
      chc: msg('Registered charity in England and Wales', { id: 'pledge-form.registered.chc' }),
      sc: msg('Scottish charity (registered with OSCR)', { id: 'pledge-form.registered.sc' }),
      nic: msg('Charity in Northern Ireland', { id: 'pledge-form.registered.nic' }),
      coh: msg('Company registered with Companies House', { id: 'pledge-form.registered.coh' }),
      none: msg('Not registered (for example, a community group)', { id: 'pledge-form.registered.none' }),
    };
    const kind = this.values.registered;
    // Each register reveals the number box under itself (GOV.UK's conditional reveal); only the
    // chosen one holds it, so there is one "regNumber" field whichever is chosen.
    return this.radioGroup('registered', {
      legend: msg('Is your organisation registered?', { id: 'pledge-form.registered.legend' }),
      hint: msg('This helps us to avoid listing the same organisation twice.', { id: 'pledge-form.registered.hint' }),
      options: [
        ...REGISTER_KINDS.map((value) => ({
          value,
          label: labels[value],
          reveals: (kind === value ? this.renderNumber(feed, value) : nothing) as TemplateResult | typeof nothing,
        })),
        { value: 'none', label: labels.none },
      ],
    });
  }

  private renderNumber(feed: CompactFeed, kind: RegisterKind): TemplateResult {
    const label =
      kind === 'coh'
        ? msg('Company number', { id: 'pledge-form.regNumber.company' })
        : msg('Charity number', { id: 'pledge-form.regNumber.charity' });
    const hints: Record<RegisterKind, string> = {
      chc: msg('For example, 1234567', { id: 'pledge-form.regNumber.hint.chc' }),
      sc: msg('For example, SC012345', { id: 'pledge-form.regNumber.hint.sc' }),
      nic: msg('For example, 100001', { id: 'pledge-form.regNumber.hint.nic' }),
      coh: msg('For example, 01234567 or SC123456', { id: 'pledge-form.regNumber.hint.coh' }),
    };
    return html`${this.textField('regNumber', {
        label,
        hint: hints[kind],
        autocomplete: 'off',
        spellcheck: false,
        narrow: true,
        after: this.renderAlreadySigned(feed, 'id'),
      })}`;
  }

  private renderSector(feed: CompactFeed): TemplateResult {
    const words = this.words(feed);
    const sector = this.values.sector;
    return html`${this.radioGroup('sector', {
      legend: msg('Which sector is your organisation part of?', { id: 'pledge-form.sector.legend' }),
      options: (['voluntary', 'public'] as const).map((value) => ({ value, label: sectorText(feed, value, words) })),
    })}
    ${sector
      ? this.radioGroup('type', {
          legend: msg('What type of organisation is it?', { id: 'pledge-form.type.legend' }),
          options: (TYPES_BY_SECTOR[sector] ?? []).map((value) => ({ value, label: typeName(value) })),
        })
      : nothing}`;
  }

  private radioGroup(
    name: 'registered' | 'sector' | 'type',
    options: {
      legend: string;
      hint?: string;
      /** `reveals`: what choosing this option brings (present, even when empty, so aria-controls has a target). */
      options: { value: string; label: unknown; reveals?: TemplateResult | typeof nothing }[];
    },
  ): TemplateResult {
    const invalid = this.errors.has(name);
    const current = this.values[name];
    return html`<div class="field ${invalid ? 'field-error' : ''}">
      <fieldset aria-describedby=${ifDefined(this.describedBy(options.hint && `${name}-hint`, invalid && `${name}-error`))}>
        <legend>${options.legend}</legend>
        ${options.hint ? html`<div class="hint" id="${name}-hint">${options.hint}</div>` : nothing} ${this.renderFieldError(name)}
        <div class="choices">
          ${options.options.map(({ value, label, reveals }) => {
            const id = `${name}-${value}`;
            const chosen = current === value;
            // aria-controls as GOV.UK sets it; not aria-expanded, which ARIA does not allow on a radio
            // (axe: aria-allowed-attr): being checked already says the question below is open.
            const revealId = reveals === undefined ? undefined : `${id}-conditional`;
            return html`<div class="choice">
                <input
                  type="radio"
                  id=${id}
                  name=${name}
                  value=${value}
                  aria-controls=${ifDefined(revealId)}
                  .checked=${live(chosen)}
                />
                <label for=${id}>${label}</label>
              </div>
              ${revealId
                ? html`<div class="conditional ${chosen ? '' : 'conditional-hidden'}" id=${revealId}>${chosen ? reveals : nothing}</div>`
                : nothing}`;
          })}
        </div>
      </fieldset>
    </div>`;
  }

  private renderChampion(): TemplateResult {
    return html`${this.subheading(msg('Compact Champion (optional)', { id: 'pledge-form.section.champion' }))}
      <p class="hint" id="champion-hint">
        ${msg('A named person who promotes the compact in your organisation. You can add one later.', {
          id: 'pledge-form.champion.hint',
        })}
      </p>
      ${this.textField('championName', {
        label: msg('Champion’s full name', { id: 'pledge-form.championName.label' }),
        autocomplete: 'off',
        spellcheck: false,
      })}
      ${this.textField('championRole', {
        label: msg('Champion’s role', { id: 'pledge-form.championRole.label' }),
        autocomplete: 'off',
      })}`;
  }

  private renderPledge(): TemplateResult {
    const length = characters(this.values.pledge);
    const over = length > MAX_PLEDGE;
    const invalid = this.errors.has('pledge');
    return html`<div class="field ${invalid ? 'field-error' : ''}">
        <label class="label" for="pledge">${msg('Your pledge, in your own words (optional)', { id: 'pledge-form.pledge.label' })}</label>
        <div class="hint" id="pledge-hint">
          ${msg('What will your organisation do to support the compact? We may show this with your organisation’s name.', {
            id: 'pledge-form.pledge.hint',
          })}
        </div>
        ${this.renderFieldError('pledge')}
        <textarea
          class="textarea ${over ? 'over' : ''}"
          id="pledge"
          name="pledge"
          rows="5"
          aria-describedby=${this.describedBy('pledge-hint', 'pledge-limit', invalid && 'pledge-error')!}
          aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
          .value=${live(this.values.pledge)}
        ></textarea>
        <div class="visually-hidden" id="pledge-limit">${this.limitText()}</div>
        <div class="count ${over ? 'over' : 'secondary-text'}" aria-hidden="true">${this.countText(length)}</div>
      </div>`;
  }

  private renderConsent(feed: CompactFeed): TemplateResult {
    const privacy = safeHttpUrl(feed.pledge?.privacyNotice);
    const box = (name: 'consentPublish' | 'consentContact', label: string, hint: string) =>
      html`<div class="choice">
        <input type="checkbox" id=${name} name=${name} aria-describedby="${name}-hint" .checked=${live(this.values[name])} />
        <label for=${name}>${label}</label>
        <div class="hint" id="${name}-hint">${hint}</div>
      </div>`;
    return html`<div class="field">
        <fieldset aria-describedby="consent-hint">
          <legend>${msg('Publishing and contact', { id: 'pledge-form.consent.legend' })}</legend>
          <div class="hint" id="consent-hint">
            ${msg('Both are optional.', { id: 'pledge-form.consent.hint' })}
            ${privacy
              ? html`<a href=${privacy} target="_blank" rel="noopener noreferrer"
                  >${msg('Read the privacy notice (opens in new tab)', { id: 'pledge-form.consent.privacy' })}</a
                >`
              : nothing}
          </div>
          <div class="choices">
            ${box(
              'consentPublish',
              msg('Publish our organisation’s name in the list of signatories', { id: 'pledge-form.consentPublish.label' }),
              msg('If you leave this unticked, your organisation still signs up, but its name is not shown in the public list.', {
                id: 'pledge-form.consentPublish.hint',
              }),
            )}
            ${box(
              'consentContact',
              msg('You may contact us about the compact', { id: 'pledge-form.consentContact.label' }),
              msg('If you leave this unticked, we will only contact you about this sign-up.', {
                id: 'pledge-form.consentContact.hint',
              }),
            )}
          </div>
        </fieldset>
      </div>`;
  }

  private renderOutbox(): TemplateResult {
    const state = this.sender.state;
    const waiting = state.phase === 'waiting' ? state : undefined;
    return html`<div class="notice outbox" id="outbox" part="outbox" tabindex="-1">
      ${this.subheading(
        waiting
          ? msg('Your sign-up has not been sent yet', { id: 'pledge-form.outbox.title' })
          : msg('Sending your saved sign-up…', { id: 'pledge-form.outbox.sending' }),
        'subheading notice-title',
      )}
      ${waiting ? html`<p>${this.waitingText(waiting.reason, waiting.retryInMs)}</p>` : nothing}
      <p>
        ${msg('If you close this page, we will send it the next time you open it on this device.', {
          id: 'pledge-form.outbox.keep',
        })}
      </p>
      <button
        class="button secondary"
        type="button"
        aria-disabled=${waiting ? 'false' : 'true'}
        @click=${this.retryNow}
      >
        ${msg('Try again now', { id: 'pledge-form.outbox.retry' })}
      </button>
    </div>`;
  }

  private waitingText(reason: WaitReason, retryInMs: number): string {
    switch (reason) {
      case 'offline':
        return msg('Saved on this device. We’ll send it when you’re back online.', { id: 'pledge-form.waiting.offline' });
      case 'unavailable':
        return msg('Saved on this device. The sign-up service is not answering at the moment, so we’ll keep trying.', {
          id: 'pledge-form.waiting.unavailable',
        });
      case 'busy': {
        const wait = this.durationText(retryInMs);
        return msg(str`Saved on this device. The sign-up service is busy, so we’ll try again in ${wait}.`, {
          id: 'pledge-form.waiting.busy',
        });
      }
      case 'misdirected':
        return msg(
          'Saved on this device, but not sent: the sign-up service’s address on this website is set up wrongly. Please tell the compact officer. We’ll keep trying.',
          { id: 'pledge-form.waiting.misdirected' },
        );
      case 'unconfirmed':
        return msg(
          'Saved on this device, but not sent: the sign-up service did not confirm that it received your sign-up. If you use a Wi-Fi network that asks you to sign in, sign in first. We’ll keep trying.',
          { id: 'pledge-form.waiting.unconfirmed' },
        );
    }
  }

  private durationText(ms: number): string {
    const n = Math.max(1, Math.ceil(ms / 1000));
    if (n >= 60) return formatDuration(Math.round(n / 60), 'minute');
    return plural(n, {
      zero: () => msg(str`${n} seconds`, { id: 'pledge-form.seconds.zero' }),
      one: () => msg(str`${n} second`, { id: 'pledge-form.seconds.one' }),
      two: () => msg(str`${n} seconds`, { id: 'pledge-form.seconds.two' }),
      few: () => msg(str`${n} seconds`, { id: 'pledge-form.seconds.few' }),
      many: () => msg(str`${n} seconds`, { id: 'pledge-form.seconds.many' }),
      other: () => msg(str`${n} seconds`, { id: 'pledge-form.seconds.other' }),
    });
  }

  private limitText(): string {
    const n = MAX_PLEDGE;
    return plural(n, {
      zero: () => msg(str`You can enter up to ${n} characters`, { id: 'pledge-form.limit.zero' }),
      one: () => msg(str`You can enter up to ${n} character`, { id: 'pledge-form.limit.one' }),
      two: () => msg(str`You can enter up to ${n} characters`, { id: 'pledge-form.limit.two' }),
      few: () => msg(str`You can enter up to ${n} characters`, { id: 'pledge-form.limit.few' }),
      many: () => msg(str`You can enter up to ${n} characters`, { id: 'pledge-form.limit.many' }),
      other: () => msg(str`You can enter up to ${n} characters`, { id: 'pledge-form.limit.other' }),
    });
  }

  private countText(length: number): string {
    const left = MAX_PLEDGE - length;
    if (left >= 0) {
      return plural(left, {
        zero: () => msg(str`You have ${left} characters remaining`, { id: 'pledge-form.count.remaining.zero' }),
        one: () => msg(str`You have ${left} character remaining`, { id: 'pledge-form.count.remaining.one' }),
        two: () => msg(str`You have ${left} characters remaining`, { id: 'pledge-form.count.remaining.two' }),
        few: () => msg(str`You have ${left} characters remaining`, { id: 'pledge-form.count.remaining.few' }),
        many: () => msg(str`You have ${left} characters remaining`, { id: 'pledge-form.count.remaining.many' }),
        other: () => msg(str`You have ${left} characters remaining`, { id: 'pledge-form.count.remaining.other' }),
      });
    }
    const over = -left;
    return plural(over, {
      zero: () => msg(str`You have ${over} characters too many`, { id: 'pledge-form.count.over.zero' }),
      one: () => msg(str`You have ${over} character too many`, { id: 'pledge-form.count.over.one' }),
      two: () => msg(str`You have ${over} characters too many`, { id: 'pledge-form.count.over.two' }),
      few: () => msg(str`You have ${over} characters too many`, { id: 'pledge-form.count.over.few' }),
      many: () => msg(str`You have ${over} characters too many`, { id: 'pledge-form.count.over.many' }),
      other: () => msg(str`You have ${over} characters too many`, { id: 'pledge-form.count.over.other' }),
    });
  }

  private renderConfirmation(feed: CompactFeed): TemplateResult {
    const state = this.sender.state;
    const done = state.phase === 'done' ? state : undefined;
    const status = done?.status ?? 'pending';
    const compact = this.words(feed).markup(feed.compact.name);
    const title = {
      pending: () => msg('Sign-up received', { id: 'pledge-form.done.pending.title' }),
      accepted: () => msg('Your organisation has signed', { id: 'pledge-form.done.accepted.title' }),
      duplicate: () => msg('We already have this sign-up', { id: 'pledge-form.done.duplicate.title' }),
    }[status]();
    const text = {
      pending: () =>
        msg('Thank you. The compact officer will check your sign-up before your organisation is added to the list of signatories.', {
          id: 'pledge-form.done.pending.text',
        }),
      accepted: () => msg(html`Thank you. Your organisation is now a signatory of ${compact}.`, { id: 'pledge-form.done.accepted.text' }),
      duplicate: () =>
        msg('Your organisation’s sign-up had already reached us. You do not need to send it again.', {
          id: 'pledge-form.done.duplicate.text',
        }),
    }[status]();
    const reference = done?.id;
    return html`<div class="panel" id="confirmation" part="confirmation" tabindex="-1">
        ${this.subheading(title, 'subheading panel-title')}
        ${reference
          ? html`<p>${msg('Your reference', { id: 'pledge-form.done.reference' })}<br /><span class="reference">${reference}</span></p>`
          : nothing}
      </div>
      <p>${text}</p>
      ${done?.body?.consent?.publish === false
        ? html`<p>
            ${msg('As you asked, your organisation’s name will not be published in the list of signatories.', {
              id: 'pledge-form.done.unpublished',
            })}
          </p>`
        : nothing}
      <button class="button secondary" type="button" @click=${this.signAnother}>
        ${msg('Sign up another organisation', { id: 'pledge-form.done.another' })}
      </button>`;
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
    this.sender.saveDraft(next);
    if (name === 'pledge') this.announceCountLater();
    if (name === 'orgName' || name === 'registered' || name === 'regNumber') this.announceMatch();
  };

  /** Once a field has shown an error, it (and the answers it depends on) re-validate on change. */
  private onChange = (event: Event): void => {
    const name = (event.target as HTMLInputElement).name;
    if (!isFieldName(name)) return;
    const fields = [name, ...(DEPENDENTS.get(name) ?? [])].filter((f) => this.shownErrors.has(f));
    if (fields.length === 0) return;
    const errors = new Map(this.errors);
    for (const field of fields) {
      const failed = validateField(field, this.values);
      if (failed) errors.set(field, { validator: failed });
      else errors.delete(field);
    }
    this.errors = errors;
  };

  /** The count is visible at once; screen readers hear it after typing pauses, as GOV.UK does. */
  private announceCountLater(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const length = characters(this.values.pledge);
      this.announcement = this.inLocale(() => this.countText(length));
    }, COUNT_ANNOUNCE_DELAY);
  }

  private announceMatch(): void {
    const feed = this.currentFeed;
    const match = feed ? this.match(feed) : undefined;
    const key = match?.signatory.id ?? '';
    if (key === this.lastMatch) return;
    this.lastMatch = key;
    if (match) this.announcement = this.inLocale(() => this.alreadySignedText(withoutBidiControls(this.text(match.signatory.name))));
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    const feed = this.currentFeed;
    const phase = this.sender.state.phase;
    if (!feed || phase === 'sending' || phase === 'waiting') return; // a second click while sending
    const failed = validateForm(this.values);
    this.otherErrors = [];
    this.refusedStatus = undefined;
    this.errors = new Map([...failed].map(([field, validator]) => [field, { validator }]));
    this.shownErrors = new Set(failed.keys());
    this.summaryShown = failed.size > 0;
    if (failed.size > 0) {
      this.focusNext = 'summary';
      const errors = [...failed].map(([field, validator]) => ({
        field: PATH_OF.get(field)!,
        message: this.inLocale(() => validator.message(this.values)),
      }));
      this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'validation', errors });
      return;
    }
    const trap = this.renderRoot.querySelector<HTMLInputElement>('#hp-extra');
    if (trap?.value) {
      // A robot filled the hidden field: thank it and send nothing.
      this.sender.clearDraft();
      this.quietlyDropped = true;
      this.view = 'done';
      this.focusNext = 'confirmation';
      return;
    }
    const body = toBody(this.values, feed.compact.id, this.language.locale);
    this.awaitingAnswer = this.sender.submit(body, (this.formShownAt ?? this.sender.now()) + this.minFillMs);
  };

  private showServerErrors(errors: PledgeFieldError[], status: number): void {
    const placed = new Map<FieldName, FieldError>();
    const others: string[] = [];
    for (const error of errors) {
      let field = FIELD_PATHS.get(error.field);
      // An id error belongs to the number when one was given, else to the question before it.
      if (field === 'regNumber' && (!this.values.registered || this.values.registered === 'none')) field = 'registered';
      if (field && !placed.has(field)) placed.set(field, { text: error.message });
      else if (!field) others.push(error.message);
    }
    this.errors = placed;
    this.otherErrors = others;
    this.refusedStatus = errors.length === 0 ? status : undefined;
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

  /** The element a summary link moves focus to: the field, or a group's first choice. */
  private targetId(field: FieldName): string {
    switch (field) {
      case 'registered':
        return 'registered-chc';
      case 'sector':
        return 'sector-voluntary';
      case 'type':
        return `type-${(TYPES_BY_SECTOR[this.values.sector as Sector] ?? TYPES_BY_SECTOR.voluntary)[0]}`;
      default:
        return field;
    }
  }

  private onSummaryLink(event: Event, field: FieldName): void {
    // The link's #fragment cannot reach into a shadow root: move focus ourselves, as GOV.UK does.
    event.preventDefault();
    this.focusField(field);
  }

  private focusField(field: FieldName): void {
    const input = this.renderRoot.querySelector<HTMLElement>(`#${this.targetId(field)}`);
    if (!input) return;
    // Bring the question into view (the legend of a group, else the label), then focus the control.
    const legend = input.matches('[type=radio]') ? input.closest('fieldset')?.querySelector('legend') : undefined;
    const label = legend ?? this.renderRoot.querySelector(`label[for="${input.id}"]`);
    label?.scrollIntoView?.();
    input.focus({ preventScroll: !!label });
  }

  private retryNow = (): void => {
    this.awaitingAnswer = true;
    this.sender.retryNow();
  };

  private clearForm = (): void => {
    this.values = { ...EMPTY_VALUES };
    this.sender.clearDraft();
    this.clearErrors();
    this.lastMatch = '';
    this.announcement = this.inLocale(() => msg('The form has been cleared.', { id: 'pledge-form.cleared' }));
  };

  private signAnother = (): void => {
    this.sender.reset();
    this.quietlyDropped = false;
    this.values = { ...EMPTY_VALUES };
    this.formShownAt = undefined;
    this.lastMatch = '';
    this.focusNext = 'first';
  };

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

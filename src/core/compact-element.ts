import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { CompactFeed, FeedFailure, LocalizedText } from '../feed/types.js';
import { pickText } from '../feed/localized-text.js';
import { SOURCE_LOCALE, withLocale } from '../i18n/locale.js';
import { formatDateTime, formatRelative } from '../i18n/dates.js';
import { DEFAULT_TIMEOUT } from './feed-loader.js';
import { FeedController, type FeedState } from './feed-controller.js';
import { LocaleController } from './locale-controller.js';
import { baseStyles } from './styles.js';

/**
 * The thin base every feed-reading element extends. It owns what all of them must do the same way:
 * where the feed comes from (`src`, `.feed`, inline JSON), the language, and the loading, error,
 * saved-copy and empty states. A subclass renders only the feed itself.
 *
 * @attr {URL} src - URL of the compact feed (JSON). Relative URLs resolve against the page.
 * @attr {number} [timeout=15000] - Milliseconds to wait for the feed before showing the error state (1–600000).
 *   Anything else means the default.
 * @attr [lang=inherited] - Language of the widget (`en`, `cy`, `gd`); inherited from the nearest `lang` on the
 *   page when absent. Other languages show the widget's own words in English and the feed's text in that
 *   language when the feed has it.
 * @prop {object | string} feed - A feed object (or JSON text) to show instead of fetching `src`. Inline JSON in a
 *   `<script type="application/json">` child also works.
 * @fires compact-feed-load - The feed was read, before it is shown. `detail`: `{feed, problems, staleBecause?, fetchedAt, url?}`
 *   (`url`: where a feed from `src` really came from, after redirects). Cancelable: `preventDefault()` refuses the feed.
 * @fires compact-feed-error - The feed could not be read. `detail`: `{failure: {code, message}}`.
 * @csspart base - The element's outer wrapper. Its `lang` is the language of the widget's own words
 *   (`en-GB` when the page's language has no translation, or until the translation has loaded).
 * @csspart notice - The loading, error, empty and saved-copy messages.
 * @csspart retry - The "Try again" button.
 * @cssprop [--compact-text-colour=#0b0c0c] - Text.
 * @cssprop [--compact-secondary-text-colour=#505a5f] - Hints, dates and other secondary text.
 * @cssprop [--compact-link-colour=#1d70b8] - Links.
 * @cssprop [--compact-link-visited-colour=#4c2c92] - Visited links.
 * @cssprop [--compact-focus-colour=#ffdd00] - The keyboard focus highlight.
 * @cssprop [--compact-focus-text-colour=#0b0c0c] - Text on the focus highlight, and the bar beneath it.
 * @cssprop [--compact-border-colour=#b1b4b6] - Borders and the edge of notices.
 * @cssprop [--compact-surface-colour=#f3f2f1] - Notices, panels and secondary buttons.
 * @cssprop [--compact-background-colour=#ffffff] - Background of inputs and menus.
 * @cssprop [--compact-button-colour=#00703c] - Main buttons.
 * @cssprop [--compact-button-text-colour=#ffffff] - Text of main buttons.
 * @cssprop [--compact-error-colour=#d4351c] - Errors.
 * @cssprop [--compact-success-colour=#00703c] - Success.
 * @cssprop [--compact-radius=0] - Corner radius.
 * @cssprop [--compact-space=1rem] - The spacing unit.
 * @cssprop [--compact-line-height=1.5] - Line height.
 * @cssprop [--compact-loading-min-height=6rem] - Space kept for the loading message, so the page does not jump
 *   (the badge, being small, keeps none).
 */
export abstract class CompactElement extends LitElement {
  static styles = [baseStyles];

  @property() src?: string;
  @property({ attribute: false }) feed?: unknown;
  @property({ type: Number }) timeout: number = DEFAULT_TIMEOUT;

  protected readonly feedState = new FeedController(this);
  protected readonly language = new LocaleController(this);

  /** A polite message for screen readers, spoken once when it changes. */
  @state() protected announcement = '';

  /** Subclasses render the feed here. */
  protected abstract renderFeed(feed: CompactFeed): TemplateResult | typeof nothing;

  /** True when the feed has nothing for this element to show. */
  protected isEmpty(_feed: CompactFeed): boolean {
    return false;
  }

  protected renderEmpty(_feed: CompactFeed): TemplateResult {
    return html`<p class="notice" part="notice">${msg('There is nothing to show yet.', { id: 'state.empty' })}</p>`;
  }

  /**
   * Complete once a feed given as `.feed` or inline JSON is shown: one with problems is read by the
   * full validator, which is loaded on demand (so `el.feed = x; await el.updateComplete` finds it shown).
   */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.feedState.untilRead(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('feed')) this.feedState.sync();
  }

  /** Every `msg()` in render speaks this element's language. */
  protected override update(changed: PropertyValues<this>): void {
    withLocale(this.language.locale, () => super.update(changed));
  }

  /** For text made outside render (announcements, event details): in this element's language. */
  protected inLocale<T>(fn: () => T): T {
    return withLocale(this.language.locale, fn);
  }

  /** Feed text in this element's language, with the spec's fallbacks. */
  protected text(value: LocalizedText | undefined, feed?: CompactFeed): string {
    const fallback = feed?.compact.defaultLanguage ?? this.currentFeed?.compact.defaultLanguage ?? 'en';
    return pickText(value, this.language.lang, fallback);
  }

  protected get currentFeed(): CompactFeed | undefined {
    const state = this.feedState.state;
    return state.status === 'ready' ? state.feed : undefined;
  }

  /**
   * The language the widget's own words are in right now: its interface language once that
   * catalogue has loaded, English until then (and for languages we do not ship, e.g. a French page).
   */
  protected get interfaceLang(): string {
    return this.language.ready ? this.language.locale : SOURCE_LOCALE;
  }

  /**
   * Rendered before the widget's wrapper until a feed is ready (no feed, loading, error), e.g. a
   * `<slot>` for light-DOM fallback content. None by default.
   */
  protected renderFallback(): TemplateResult | typeof nothing {
    return nothing;
  }

  /**
   * A webmaster's mistake that no feed can put right (a required attribute missing), in this
   * element's language: shown as an error notice in place of whatever the feed does. None by default.
   */
  protected configurationProblem(): string | undefined {
    return undefined;
  }

  /** Where the feed stands: `idle` (no source), `loading`, `ready` or `error`. */
  protected get feedStatus(): FeedState['status'] {
    return this.feedState.state.status;
  }

  /** The base draws every state the same way; subclasses fill it through the hooks above. */
  protected override render(): TemplateResult {
    const state = this.feedState.state;
    const problem = this.configurationProblem();
    return html`${state.status === 'ready' ? nothing : this.renderFallback()}
      <div
        part="base"
        class="base"
        tabindex="-1"
        lang=${this.interfaceLang}
        aria-busy=${state.status === 'loading' && !problem ? 'true' : 'false'}
      >
        ${problem ? html`<p class="notice error" part="notice">${problem}</p>` : this.renderStateSafely(state)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  /**
   * A feed (or a saved copy from the host's storage) that the validator let through but a render
   * cannot cope with must not leave the element frozen on its last state ("Loading…" for ever):
   * it shows the error state instead, and the webmaster gets the reason in the console.
   */
  private renderStateSafely(state: FeedState): TemplateResult | typeof nothing {
    try {
      return this.renderState(state);
    } catch (error) {
      console.error(`compact-widgets: <${this.localName}> could not show its feed.`, error);
      return this.renderFailure({ code: 'not-object', message: 'The feed could not be shown.' });
    }
  }

  private renderState(state: FeedState): TemplateResult | typeof nothing {
    switch (state.status) {
      case 'idle':
        return html`<p class="notice" part="notice">
          ${msg('This widget has no compact feed to show.', { id: 'state.noFeed' })}
        </p>`;
      case 'loading':
        return html`<div class="loading" part="notice">
          <p>${msg('Loading…', { id: 'state.loading' })}</p>
          <div class="loading-bar" aria-hidden="true"></div>
        </div>`;
      case 'error':
        return this.renderFailure(state.failure);
      case 'ready':
        return html`${state.staleBecause ? this.renderSavedCopyNotice(state.fetchedAt ?? Date.now()) : nothing}
        ${this.isEmpty(state.feed) ? this.renderEmpty(state.feed) : this.renderFeed(state.feed)}`;
    }
  }

  private renderFailure(failure: FeedFailure): TemplateResult {
    return html`<div class="notice error" part="notice">
      <p class="notice-title">${msg('Sorry, this information is not available right now', { id: 'state.error.title' })}</p>
      <p>${failureMessage(failure)}</p>
      ${this.renderRetry()}
    </div>`;
  }

  private renderSavedCopyNotice(savedAt: number): TemplateResult {
    const zone = this.currentFeed?.compact.timeZone ?? 'Europe/London';
    // The loader checks saved times; this is the last line of defence against one it could not
    // (an absurd time would make the date formatters throw).
    const known = Number.isFinite(savedAt) && Math.abs(savedAt) <= MAX_TIME;
    const when = known ? formatDateTime(savedAt, zone) : '';
    const ago = known ? formatRelative(savedAt, Date.now()) : '';
    return html`<div class="notice" part="notice">
      <p>
        ${known
          ? msg(str`The latest version could not be loaded. You are seeing a copy saved ${ago} (${when}).`, {
              id: 'state.savedCopy',
            })
          : msg('The latest version could not be loaded. You are seeing a copy saved earlier.', {
              id: 'state.savedCopyUndated',
            })}
      </p>
      ${this.renderRetry()}
    </div>`;
  }

  /** The error state's and the saved copy's "Try again". */
  private renderRetry(): TemplateResult {
    return html`<button class="button secondary" part="retry" type="button" @click=${this.retry}>
      ${msg('Try again', { id: 'state.retry' })}
    </button>`;
  }

  /**
   * Asks the network again. The outcome, as the controller reports it, is announced politely, and
   * keyboard focus, which was on the "Try again" button that the loading state removes, goes to the
   * new "Try again" button or, when the feed arrives, to the widget itself.
   */
  retry = (): void => {
    const hadFocus = this.matches(':focus-within');
    const attempt = ++this.retries;
    this.announcement = '';
    void this.feedState.retry().then((state) => {
      // A later retry speaks for itself; a removed element says nothing.
      if (attempt !== this.retries || state.status === 'idle' || state.status === 'loading') return;
      // Still the saved copy: the network failed again, and saying "Loaded." would be untrue.
      const failure = state.status === 'error' ? state.failure : state.staleBecause;
      this.announcement = this.inLocale(() => (failure ? failureMessage(failure) : msg('Loaded.', { id: 'state.loaded' })));
      if (hadFocus) void this.updateComplete.then(() => this.focusAfterRetry());
    });
  };

  private retries = 0;

  private focusAfterRetry(): void {
    const retry = (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('[part="retry"]');
    if (retry) retry.focus();
    else this.focusWidget();
  }

  /** Keyboard focus to the widget itself, when what had it has gone. */
  protected focusWidget(): void {
    (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('.base')?.focus();
  }

}

/** The largest time a Date can hold (±100,000,000 days from 1970). */
const MAX_TIME = 8.64e15;

/** A webmaster-readable reason, in the current language. */
export function failureMessage(failure: FeedFailure): string {
  switch (failure.code) {
    case 'unsupported-version': {
      const version = failure.detail ?? '?';
      return msg(str`This feed is version ${version}; these widgets read version 1.x.`, { id: 'failure.version' });
    }
    case 'not-json':
      return msg('The compact feed is not valid JSON.', { id: 'failure.notJson' });
    case 'not-object':
    case 'no-compact':
      return msg('The compact feed is not in the expected format.', { id: 'failure.format' });
    case 'http-error': {
      const status = failure.detail ?? '';
      return msg(str`The compact feed could not be fetched (the server answered ${status}).`, { id: 'failure.http' });
    }
    case 'timeout':
      return msg('The compact feed took too long to arrive.', { id: 'failure.timeout' });
    case 'bad-src':
      return msg('The address of the compact feed is not a web address.', { id: 'failure.badSrc' });
    case 'network':
      return msg('The compact feed could not be loaded. Check your connection and try again.', { id: 'failure.network' });
    case 'refused':
      return msg('This page is not set up to show this compact feed.', { id: 'failure.refused' });
  }
}

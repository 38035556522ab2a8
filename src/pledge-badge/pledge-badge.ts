import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { baseStyles } from '../core/styles.js';
import type { CompactFeed, Signatory } from '../feed/types.js';
import { signatoryById } from '../feed/lookup.js';
import { safeHttpUrl } from '../feed/url.js';
import { formatMonthYear } from '../i18n/dates.js';
import { FeedText } from '../i18n/feed-text.js';
import { pledgeBadgeStyles } from './pledge-badge.styles.js';

/** A tick in a circle. Decorative: the words beside it say the same. */
const tick = svg`<circle cx="12" cy="12" r="11" class="mark-circle" /><path d="M6.5 12.5l3.5 3.5 7.5-8" class="mark-tick" />`;

/**
 * What an organisation puts on its own website to show it has signed the compact. It reads the
 * council's own feed, so it shows only what the council publishes: an organisation cannot make it
 * claim more.
 *
 * @attr src - URL of the compact feed (JSON), as the council publishes it.
 * @attr signatory - The organisation's id in the feed, e.g. `GB-CHC-1234567`. Required.
 * @attr variant - `inline` (default): one line. `card`: a box with the organisation's name and pledge.
 * @attr lang - Language of the widget (`en`, `cy`, `gd`); inherited from the page when absent.
 * @prop feed - A feed object (or JSON text) to show instead of fetching `src`.
 * @fires compact-feed-load - The feed was read. `detail`: `{feed, problems, staleBecause?, fetchedAt}`.
 * @fires compact-feed-error - The feed could not be read. `detail`: `{failure: {code, message}}`.
 * @csspart base - The element's outer wrapper.
 * @csspart notice - The loading, error, not-listed and missing-attribute messages.
 * @csspart retry - The "Try again" button.
 * @csspart badge - The badge itself.
 * @csspart mark - The tick.
 * @csspart compact - The compact's name (a link to the compact when the feed gives one).
 * @csspart since - "Signed since March 2015".
 * @csspart organisation - The organisation's name as the compact lists it (card only).
 * @csspart pledge - The organisation's own pledge (card only).
 * @cssprop --compact-badge-mark-colour - Colour of the tick (default: the success colour, #00703c).
 * @cssprop --compact-badge-background - Background of the badge (default: the surface colour, #f3f2f1).
 * @cssprop --compact-badge-border-colour - Border of the badge (default: the mark colour).
 * @cssprop --compact-badge-max-width - Widest the card grows (default 24rem).
 * @cssprop --compact-text-colour - Text colour (shared).
 * @cssprop --compact-link-colour - Link colour (shared).
 * @cssprop --compact-focus-colour - Focus highlight (shared).
 */
export class CompactPledgeBadge extends CompactElement {
  static override styles = [baseStyles, pledgeBadgeStyles];

  @property() signatory?: string;
  @property() variant = 'inline';

  private get signatoryId(): string {
    return (this.signatory ?? '').trim();
  }

  private get isCard(): boolean {
    return this.variant === 'card';
  }

  /** A webmaster's mistake, shown at once whatever the feed does. */
  protected override configurationProblem(): string | undefined {
    if (this.signatoryId) return undefined;
    return msg(
      'This badge needs a signatory attribute: the organisation’s identifier in the compact’s feed, for example signatory="GB-CHC-1234567".',
      { id: 'pledge-badge.missingSignatory' },
    );
  }

  /** Feed text for this render: isolated, in its own language when that differs from the badge's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  private find(feed: CompactFeed): Signatory | undefined {
    return signatoryById(feed, this.signatoryId);
  }

  /** Not listed is this badge's empty state: said plainly, no broken badge. */
  protected override isEmpty(feed: CompactFeed): boolean {
    return !this.find(feed);
  }

  protected override renderEmpty(feed: CompactFeed): TemplateResult {
    const name = this.words(feed).markup(feed.compact.name);
    return html`<p class="notice not-listed" part="notice">
      ${msg(html`${name} does not list this organisation as a signatory.`, { id: 'pledge-badge.notListed' })}
    </p>`;
  }

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const signatory = this.find(feed)!;
    const words = this.words(feed);
    const name = words.markup(feed.compact.name);
    const link = safeHttpUrl(feed.compact.url) ?? safeHttpUrl(feed.compact.document);
    const month = signatory.signed ? formatMonthYear(signatory.signed) : '';
    const pledge = this.isCard ? words.markup(signatory.pledge) : nothing;
    return html`<div class="badge ${this.isCard ? 'card' : 'inline'}" part="badge">
      <svg class="mark" part="mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${tick}</svg>
      <span class="words">
        ${this.isCard
          ? html`<span class="organisation" part="organisation">${words.markup(signatory.name)}</span>`
          : nothing}
        ${link
          ? html`<a class="compact" part="compact" href=${link}>${name}</a>`
          : html`<span class="compact" part="compact">${name}</span>`}
        <span class="since" part="since">
          ${month
            ? msg(str`Signed since ${month}`, { id: 'pledge-badge.signedSince' })
            : msg('Signed', { id: 'pledge-badge.signed' })}
        </span>
      </span>
      ${pledge !== nothing ? html`<blockquote class="pledge" part="pledge">${pledge}</blockquote>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compact-pledge-badge': CompactPledgeBadge;
  }
}

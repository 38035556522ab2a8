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
 * @attr {URL} src - URL of the compact feed (JSON), as the council publishes it. Relative URLs resolve against the page.
 * @attr signatory - The organisation's id in the feed, e.g. `GB-CHC-1234567`. Required.
 * @attr {'inline' | 'card'} [variant='inline'] - `inline` is one line that fits in a sentence or a footer, without
 *   the pledge. `card` is a box with the organisation's name and its pledge. Use the attribute: the host's display
 *   (inline-block or block) follows it.
 * @csspart notice - The loading, error, not-listed and missing-attribute messages.
 * @csspart badge - The badge itself.
 * @csspart mark - The tick.
 * @csspart compact - The compact's name (a link to the compact when the feed gives one).
 * @csspart since - "Signed since March 2015".
 * @csspart organisation - The organisation's name as the compact lists it (card only).
 * @csspart pledge - The organisation's own pledge (card only).
 * @cssprop [--compact-badge-mark-colour=#00703c] - The tick's circle (by default `--compact-success-colour`).
 * @cssprop [--compact-badge-background=#f3f2f1] - Background of the badge, and the tick inside the circle (by
 *   default `--compact-surface-colour`).
 * @cssprop [--compact-badge-border-colour=var(--compact-badge-mark-colour)] - Border of the badge.
 * @cssprop [--compact-badge-max-width=24rem] - Widest the card grows.
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

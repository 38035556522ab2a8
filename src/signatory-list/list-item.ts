/**
 * One signatory in the list: logo, name (a link to the organisation's site when it has one), sector,
 * type and date signed, and its Compact Champion. This template runs for every row of every page,
 * the first rows included: one template per row, nothing worked out that the index has not already.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CompactFeed } from '../feed/types.js';
import { safeHttpUrl } from '../feed/url.js';
import { formatIsoDate } from '../i18n/dates.js';
import { sectorText, typeName } from '../i18n/labels.js';
import type { FeedText } from '../i18n/feed-text.js';
import type { Entry } from './model.js';

/** `showSector`: false when the list is grouped by sector, whose heading says it already. */
export function renderItem(feed: CompactFeed, entry: Entry, words: FeedText, showSector: boolean): TemplateResult {
  const s = entry.signatory;
  const url = safeHttpUrl(s.url);
  const logo = safeHttpUrl(s.logo);
  const date = s.signed ? formatIsoDate(s.signed) : '';
  const champion = s.champion;
  const name = words.markup(s.name);
  const sector = showSector ? sectorText(feed, s.sector, words) : '';
  const type = entry.type ? typeName(entry.type) : '';
  const signed = date ? msg(str`Signed ${date}`, { id: 'signatory-list.signed' }) : '';
  // The three parts always in place (one template per row, not one per part): an empty one is
  // hidden, spaces between them so they are read as words, and the dots drawn by CSS.
  return html`<li class="item" part="item">
    ${logo
      ? // The name is right beside the logo, so the logo adds nothing for a screen reader: alt="".
        html`<img class="logo" part="logo" src=${logo} alt="" loading="lazy" decoding="async" width="48" height="48" @error=${hideImage} />`
      : nothing}
    <div class="item-body">
      <p class="name">${url ? html`<a part="name" href=${url}>${name}</a>` : html`<span part="name">${name}</span>`}</p>
      <p class="meta secondary-text" part="meta"><span ?hidden=${!sector}>${sector}</span> <span ?hidden=${!type}>${type}</span> <span ?hidden=${!signed}>${signed}</span></p>
      ${champion ? html`<p class="champion" part="champion">${championText(words.markup(champion.name), champion.role ? words.markup(champion.role) : undefined)}</p>` : nothing}
    </div>
  </li>`;
}

function championText(name: unknown, role: unknown): TemplateResult {
  return role
    ? msg(html`Compact Champion: ${name}, ${role}`, { id: 'signatory-list.championRole' })
    : msg(html`Compact Champion: ${name}`, { id: 'signatory-list.champion' });
}

/** A logo that fails to load would show a broken-image box: hide it; the name says it all. */
function hideImage(event: Event): void {
  (event.target as HTMLImageElement).hidden = true;
}

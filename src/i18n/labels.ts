/**
 * People's words for the feed's sector and signatory-type codes, the same in every element. Call
 * these while rendering (or inside `inLocale`): `msg()` answers in the language being rendered.
 */
import { msg } from '@lit/localize';
import { nothing, type TemplateResult } from 'lit';
import type { CompactFeed, Sector } from '../feed/types.js';
import { sectorLabel } from '../feed/lookup.js';
import { withoutBidiControls, type FeedText } from './feed-text.js';

/** The compact's own name for a sector ("Third sector", "Statutory organisations"), else ours. */
export function sectorName(feed: CompactFeed, sector: Sector, lang: string): string {
  return sectorLabel(feed, sector, lang) ?? ourSectorName(sector);
}

function ourSectorName(sector: Sector): string {
  return sector === 'public'
    ? msg('Public sector', { id: 'labels.sector.public' })
    : msg('Voluntary and community sector', { id: 'labels.sector.voluntary' });
}

/** `sectorName` for markup: the compact's own name is feed text (isolated, with its language). */
export function sectorText(feed: CompactFeed, sector: Sector, words: FeedText): TemplateResult | string {
  const own = feed.compact.sectors?.[sector];
  const shown = own === undefined ? undefined : words.markup(own);
  return shown && shown !== nothing ? shown : ourSectorName(sector);
}

/**
 * `sectorName` for plain text (an `<option>`): the compact's own name isolated, and the `lang` of the
 * element that holds it when that name is in another language.
 */
export function sectorPlain(feed: CompactFeed, sector: Sector, words: FeedText): { text: string; lang?: string } {
  const own = feed.compact.sectors?.[sector];
  const text = own === undefined ? '' : words.plain(own);
  return text ? { text, lang: words.langOf(own) } : { text: ourSectorName(sector) };
}

/** The spec's suggested types in words; any other type tidied ("housing-association" → "Housing association"). */
export function typeName(type: string): string {
  switch (type) {
    case 'local-authority': return msg('Local authority', { id: 'labels.type.local-authority' });
    case 'health': return msg('Health body', { id: 'labels.type.health' });
    case 'police': return msg('Police', { id: 'labels.type.police' });
    case 'fire-rescue': return msg('Fire and rescue', { id: 'labels.type.fire-rescue' });
    case 'other-public': return msg('Other public body', { id: 'labels.type.other-public' });
    case 'charity': return msg('Charity', { id: 'labels.type.charity' });
    case 'community-group': return msg('Community group', { id: 'labels.type.community-group' });
    case 'faith-group': return msg('Faith group', { id: 'labels.type.faith-group' });
    case 'bme-organisation':
      return msg('Black and minority ethnic organisation', { id: 'labels.type.bme-organisation' });
    case 'social-enterprise': return msg('Social enterprise', { id: 'labels.type.social-enterprise' });
    case 'infrastructure': return msg('Infrastructure organisation', { id: 'labels.type.infrastructure' });
    case 'other-voluntary':
      return msg('Other voluntary or community organisation', { id: 'labels.type.other-voluntary' });
    default: return tidy(type);
  }
}

/** A type of the feed's own: feed text, so without bidirectional controls (see feed-text.ts). */
function tidy(type: string): string {
  const words = withoutBidiControls(type).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * People's words for the feed's codes. Call these while rendering (or inside `inLocale`): `msg()`
 * answers in the language being rendered.
 */
import { msg, str } from '@lit/localize';
import type { CompactFeed, Sector } from '../feed/types.js';
import { sectorLabel } from '../feed/lookup.js';
import { plural } from '../i18n/plural.js';

/** The compact's own name for a sector ("Third sector", "Statutory organisations"), else ours. */
export function sectorName(feed: CompactFeed, sector: Sector, lang: string): string {
  return (
    sectorLabel(feed, sector, lang) ??
    (sector === 'public'
      ? msg('Public sector', { id: 'signatory-list.sector.public' })
      : msg('Voluntary and community sector', { id: 'signatory-list.sector.voluntary' }))
  );
}

/** The spec's suggested types in words; any other type tidied ("housing-association" → "Housing association"). */
export function typeName(type: string): string {
  switch (type) {
    case 'local-authority': return msg('Local authority', { id: 'signatory-list.type.local-authority' });
    case 'health': return msg('Health body', { id: 'signatory-list.type.health' });
    case 'police': return msg('Police', { id: 'signatory-list.type.police' });
    case 'fire-rescue': return msg('Fire and rescue', { id: 'signatory-list.type.fire-rescue' });
    case 'other-public': return msg('Other public body', { id: 'signatory-list.type.other-public' });
    case 'charity': return msg('Charity', { id: 'signatory-list.type.charity' });
    case 'community-group': return msg('Community group', { id: 'signatory-list.type.community-group' });
    case 'faith-group': return msg('Faith group', { id: 'signatory-list.type.faith-group' });
    case 'bme-organisation':
      return msg('Black and minority ethnic organisation', { id: 'signatory-list.type.bme-organisation' });
    case 'social-enterprise': return msg('Social enterprise', { id: 'signatory-list.type.social-enterprise' });
    case 'infrastructure': return msg('Infrastructure organisation', { id: 'signatory-list.type.infrastructure' });
    case 'other-voluntary': return msg('Other voluntary organisation', { id: 'signatory-list.type.other-voluntary' });
    default: return tidy(type);
  }
}

function tidy(type: string): string {
  const words = type.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const numbers = new Intl.NumberFormat('en-GB');

/** 3,201: the same digits and separators in English, Welsh and Gaelic. */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "25 organisations have signed", with each language's plural forms. */
export function signedSummary(n: number): string {
  const count = formatCount(n);
  return plural(n, {
    zero: () => msg(str`${count} organisations have signed`, { id: 'signatory-list.summary.zero' }),
    one: () => msg(str`${count} organisation has signed`, { id: 'signatory-list.summary.one' }),
    two: () => msg(str`${count} organisations have signed`, { id: 'signatory-list.summary.two' }),
    few: () => msg(str`${count} organisations have signed`, { id: 'signatory-list.summary.few' }),
    many: () => msg(str`${count} organisations have signed`, { id: 'signatory-list.summary.many' }),
    other: () => msg(str`${count} organisations have signed`, { id: 'signatory-list.summary.other' }),
  });
}

/** "12 organisations found": what a screen reader hears once typing pauses. */
export function foundMessage(n: number): string {
  const count = formatCount(n);
  return plural(n, {
    zero: () => msg(str`${count} organisations found`, { id: 'signatory-list.found.zero' }),
    one: () => msg(str`${count} organisation found`, { id: 'signatory-list.found.one' }),
    two: () => msg(str`${count} organisations found`, { id: 'signatory-list.found.two' }),
    few: () => msg(str`${count} organisations found`, { id: 'signatory-list.found.few' }),
    many: () => msg(str`${count} organisations found`, { id: 'signatory-list.found.many' }),
    other: () => msg(str`${count} organisations found`, { id: 'signatory-list.found.other' }),
  });
}

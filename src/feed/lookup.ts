import type { CompactFeed, Signatory } from './types.js';
import { pickText } from './localized-text.js';

/** Signatories by id, built once per feed object. */
const indexes = new WeakMap<CompactFeed, Map<string, Signatory>>();

export function signatoryById(feed: CompactFeed, id: string): Signatory | undefined {
  let index = indexes.get(feed);
  if (!index) {
    index = new Map(feed.signatories.map((s) => [s.id, s]));
    indexes.set(feed, index);
  }
  return index.get(id);
}

/**
 * A lead or owner as people should read it: fields like `lead` and `owner` hold either a
 * signatory id (shown as that organisation's name) or a plain name (shown as written).
 */
export function partyName(feed: CompactFeed, idOrName: string, lang: string): string {
  const signatory = signatoryById(feed, idOrName);
  return signatory ? pickText(signatory.name, lang, feed.compact.defaultLanguage) : idOrName;
}

/** The compact's own name for a sector ("Third sector" in Scotland), or undefined for the default. */
export function sectorLabel(feed: CompactFeed, sector: 'public' | 'voluntary', lang: string): string | undefined {
  const text = feed.compact.sectors?.[sector];
  return text === undefined ? undefined : pickText(text, lang, feed.compact.defaultLanguage);
}

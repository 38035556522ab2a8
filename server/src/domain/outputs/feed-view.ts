/**
 * How every output reads a compact: the document `buildFeed()` returned (as the feed cache holds it),
 * normalised by the widgets' own validator, so the page, the calendar, the updates feed and the
 * widgets can never disagree about what a feed says (a Date `closes` is 23:59:59 in the compact's
 * zone in all of them, because `checkFeed` works out `closesAt` once, for all of them).
 */
import { checkFeed, pickText, type CompactFeed, type LocalizedText } from 'compact-widgets/feed';
import type { Locale } from '../../i18n/locale.js';
import { toLocale } from '../../i18n/locale.js';

export type { CompactFeed };

/** The normalised model of a feed this server built. Throws if it is not one (it always is). */
export function readFeed(raw: unknown): CompactFeed {
  const check = checkFeed(raw);
  if (!check.feed) throw new Error(`buildFeed() gave a feed the widgets cannot read: ${check.failure?.code ?? 'unknown'}`);
  return check.feed;
}

/** Text in one language, with the language it is really in (feed text may fall back to another). */
export interface Text {
  text: string;
  /** The entry's language tag when it is not the page's language (for a `lang` attribute), else undefined. */
  lang?: string;
}

function baseOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** `pickText`, plus which entry it took, so markup can say `lang="cy"` on English-page Welsh text. */
export function localText(value: LocalizedText | undefined, locale: string, feed: CompactFeed): Text {
  if (value === undefined) return { text: '' };
  const text = pickText(value, locale, feed.compact.defaultLanguage);
  const tag = typeof value === 'string' ? feed.compact.defaultLanguage : (Object.keys(value).find((key) => value[key] === text) ?? feed.compact.defaultLanguage);
  return baseOf(tag) === baseOf(locale) ? { text } : { text, lang: tag };
}

/** The language the compact's own outputs (calendar, updates feed) speak: its default, if we speak it. */
export function compactLocale(feed: CompactFeed): Locale {
  return toLocale(feed.compact.defaultLanguage);
}

/** Text in the compact's default language (for outputs that have no page language). */
export function defaultText(value: LocalizedText | undefined, feed: CompactFeed): string {
  return value === undefined ? '' : pickText(value, feed.compact.defaultLanguage, feed.compact.defaultLanguage);
}

/** A lead or owner: a signatory id shown as its name, or a plain name as written. */
export function partyText(idOrName: string, locale: string, feed: CompactFeed): Text {
  const signatory = feed.signatories.find((s) => s.id === idOrName);
  return signatory ? localText(signatory.name, locale, feed) : { text: idOrName };
}

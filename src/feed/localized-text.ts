import type { LocalizedText } from './types.js';
import { isLanguageTag } from './clean-feed.js';

/** `cy-GB` → `cy` (lower case). */
function baseOf(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The entry of a LocalizedText for one language, falling back as feed-spec.md says:
 * exact tag (case-insensitive) → base language (`cy-GB` → `cy`) → `defaultLanguage` (then its
 * base) → the first entry. `''` for undefined or an empty object.
 *
 * One addition inside the "base language" step: when no entry is exactly the base language, an
 * entry for another variant of it is used (`en` finds `en-GB`), so that a feed written with
 * regional tags never falls through to a different language.
 */
export function pickText(
  text: LocalizedText | undefined,
  lang: string,
  defaultLanguage = 'en',
): string {
  // The common case without finding its language: a list reads ten thousand names this way.
  if (typeof text === 'string') return text;
  return chooseText(text, lang, defaultLanguage).text;
}

/** A piece of feed text and the language it is in, as `chooseText` found it. */
export interface ChosenText {
  text: string;
  /**
   * The tag of the entry chosen (as the feed spells it), or `defaultLanguage` for a plain string.
   * `''` when the feed's tag is not a language tag at all (the language is unknown); undefined for
   * no text.
   */
  lang?: string;
}

/** A tag of the feed contract's shape (`cy`, `en-GB`, `gd-Latn-GB`); anything else is "unknown". */
const tagOrUnknown = (tag: string): string => (isLanguageTag(tag) ? tag : '');

/**
 * `pickText`, also saying which language it chose, so that an element can mark feed text whose
 * language differs from its own words (`lang`): English sector names on a Welsh page, a Welsh-only
 * pledge on an English one. A plain string is taken to be in `defaultLanguage`.
 */
export function chooseText(text: LocalizedText | undefined, lang: string, defaultLanguage = 'en'): ChosenText {
  if (text === undefined || text === null) return { text: '' };
  if (typeof text === 'string') return { text, lang: tagOrUnknown(defaultLanguage || 'en') };
  if (typeof text !== 'object') return { text: '' };
  const entries = Object.entries(text).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (entries.length === 0) return { text: '' };
  const [tag, chosen] = lookup(entries, lang) ?? lookup(entries, defaultLanguage) ?? entries[0]!;
  return { text: chosen, lang: tagOrUnknown(tag.replace(/_/g, '-')) };
}

function lookup(entries: [string, string][], lang: string): [string, string] | undefined {
  if (typeof lang !== 'string' || lang === '') return undefined;
  const want = lang.toLowerCase().replace(/_/g, '-');
  const base = baseOf(want);
  return (
    entries.find(([k]) => k.toLowerCase().replace(/_/g, '-') === want) ??
    entries.find(([k]) => k.toLowerCase() === base) ??
    entries.find(([k]) => baseOf(k) === base)
  );
}

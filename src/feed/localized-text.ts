import type { LocalizedText } from './types.js';

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
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  if (typeof text !== 'object') return '';
  const entries = Object.entries(text).filter(
    (e): e is [string, string] => typeof e[1] === 'string',
  );
  if (entries.length === 0) return '';
  return lookup(entries, lang) ?? lookup(entries, defaultLanguage) ?? entries[0]![1];
}

function lookup(entries: [string, string][], lang: string): string | undefined {
  if (typeof lang !== 'string' || lang === '') return undefined;
  const want = lang.toLowerCase().replace(/_/g, '-');
  const base = baseOf(want);
  return (
    entries.find(([k]) => k.toLowerCase() === want)?.[1] ??
    entries.find(([k]) => k.toLowerCase() === base)?.[1] ??
    entries.find(([k]) => baseOf(k) === base)?.[1]
  );
}

/**
 * A compact's languages and its LocalizedText fields as form fields: one box per language, side by
 * side when the compact has more than one. A compact in one language keeps plain strings.
 */
import type { CompactDocument } from '../compacts.js';
import { isLanguageTag } from 'compact-widgets/feed';
import { paragraphs } from '../text.js';

/** More than this many languages in one compact is not a real case; the form stays usable. */
const MAX_LANGUAGES = 4;

export type Localized = string | Record<string, string>;

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A tag Intl knows as a language: a key like `url` or `by` in a plain object is not one. */
function isLanguage(key: string): boolean {
  if (!isLanguageTag(key)) return false;
  try {
    return names.of(key) !== undefined;
  } catch {
    return false;
  }
}

/** The default language first, then every other language any text of the compact is written in. */
export function compactLanguages(document: CompactDocument): string[] {
  const found = new Set<string>([String(document.compact.defaultLanguage ?? 'en')]);
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const entries = Object.entries(value as Record<string, unknown>);
    const looksLocalized = entries.length > 0 && entries.every(([k, v]) => isLanguage(k) && typeof v === 'string');
    if (looksLocalized) for (const [k] of entries) found.add(k);
    // The contact's fields are plain strings, never text in languages ({url: …} is not a language).
    else for (const [k, v] of entries) if (k !== 'contact') visit(v, depth + 1);
  };
  visit(document.compact, 0);
  visit(document.actionPlan, 0);
  visit(document.consultations, 0);
  return [...found].slice(0, MAX_LANGUAGES);
}

/** The languages one stored text is written in: an object's language keys; none for a plain string. */
/**
 * One text's boxes (language → what was typed), each cleaned by `clean`, the empty ones left out;
 * `tooLong(lang)` is thrown for a box over `max` characters (not UTF-16 units). The signatory's page
 * and the approval read their boxes with it, each with its own words for the error.
 */
export function cleanedTexts(given: Record<string, unknown>, max: number, clean: (value: unknown) => string | undefined, tooLong: (lang: string) => Error): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [lang, raw] of Object.entries(given)) {
    const text = clean(raw);
    if (!text) continue;
    if ([...text].length > max) throw tooLong(lang);
    texts[lang] = text;
  }
  return texts;
}

export function languagesOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter(isLanguage) : [];
}

/** A language's name for a label ("Welsh (cy)"). */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The text in one language: exactly that entry (an editor edits what is there, no fallback). */
export function textIn(value: unknown, lang: string, languages: string[]): string {
  if (typeof value === 'string') return lang === languages[0] ? value : '';
  if (value && typeof value === 'object' && Object.hasOwn(value, lang)) return String((value as Record<string, unknown>)[lang] ?? '');
  return '';
}

export type Form = Record<string, unknown>;

/**
 * One field of a posted form (the last, when the name was sent more than once), cleaned as every
 * text the server keeps (text.ts): newlines kept, other control characters as spaces.
 */
export function formText(form: Form, name: string): string {
  const value = Object.hasOwn(form, name) ? form[name] : undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return paragraphs(last) ?? '';
}

/** Every value of a field sent more than once (checkboxes). */
export function formList(form: Form, name: string): string[] {
  const value = Object.hasOwn(form, name) ? form[name] : undefined;
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
}

/** The boxes `${name}-${lang}` as LocalizedText: a plain string for a one-language compact, undefined when all are empty. */
export function formLocalized(form: Form, name: string, languages: string[]): Localized | undefined {
  if (languages.length === 1) return formText(form, `${name}-${languages[0]}`) || undefined;
  const entries = languages.map((lang) => [lang, formText(form, `${name}-${lang}`)] as const).filter(([, v]) => v);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The form values of a LocalizedText: `${name}-${lang}` → text. */
export function localizedValues(value: unknown, name: string, languages: string[]): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [`${name}-${lang}`, textIn(value, lang, languages)]));
}

/** A compact's text in its default language, falling back to any (for headings and lists). */
export function plainText(value: unknown, languages: string[]): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const map = value as Record<string, string>;
    return map[languages[0]] ?? Object.values(map)[0] ?? '';
  }
  return '';
}

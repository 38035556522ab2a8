/** The languages the server answers in: the widgets' three. */
export const LOCALES = ['en', 'cy', 'gd'] as const;
export type Locale = (typeof LOCALES)[number];

/** `cy`, `cy-GB`, `CY` → `cy`; anything else (missing, `fr`, not text) → `en`. */
export function toLocale(value: unknown): Locale {
  if (typeof value !== 'string') return 'en';
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** A message in each language. `{max}`-style placeholders are filled by `format`. */
export type Translations = Record<Locale, string>;

export function format(message: Translations, locale: Locale, values: Record<string, string | number> = {}): string {
  return message[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

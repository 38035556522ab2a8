/**
 * One cache of `Intl` objects for the elements and their words, in the manner of
 * github/relative-time-element (the feed contract keeps its per-zone formatters in src/feed/time.ts:
 * it needs nothing of i18n). Each is built once per locale and options, because building one costs
 * far more than using it
 * (a collator sorting 10,000 names, a plural rule per count shown). Options are compared by their
 * JSON, so pass them in a fixed order.
 */
import { withoutInherited } from '../feed/options.js';

const cache = new Map<string, object>();

function cached<T extends object>(kind: string, locale: string | undefined, options: object | undefined, make: () => T): T {
  const key = `${kind} ${locale ?? ''} ${options ? JSON.stringify(options) : ''}`;
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Intl reads inherited options too (see feed/options.ts). */
const plain = <T extends object>(options: T | undefined): T | undefined => (options ? withoutInherited(options) : undefined);

export function collator(locale: string, options?: Intl.CollatorOptions): Intl.Collator {
  return cached('Collator', locale, options, () => new Intl.Collator(locale, plain(options)));
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('NumberFormat', locale, options, () => new Intl.NumberFormat(locale, plain(options)));
}

export function pluralRules(locale: string, options?: Intl.PluralRulesOptions): Intl.PluralRules {
  return cached('PluralRules', locale, options, () => new Intl.PluralRules(locale, plain(options)));
}

/** `locale` undefined: the visitor's own (e.g. to read their time zone). */
export function dateTimeFormat(locale: string | undefined, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('DateTimeFormat', locale, options, () => new Intl.DateTimeFormat(locale, plain(options)));
}

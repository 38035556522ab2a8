import { currentLocale } from './locale.js';
import { pluralRules } from './formatters.js';

/**
 * One message per plural category, because @lit/localize has no plural syntax. Every category is
 * required so that each language's translators get all six (Welsh uses all of them; Gaelic uses
 * one, two, few and other; English one and other).
 */
export interface PluralForms<T> {
  zero: () => T;
  one: () => T;
  two: () => T;
  few: () => T;
  many: () => T;
  other: () => T;
}

export function pluralCategory(n: number, locale: string = currentLocale()): Intl.LDMLPluralRule {
  return pluralRules(locale).select(n);
}

/** Picks the message for `n` in the current rendering locale. */
export function plural<T>(n: number, forms: PluralForms<T>): T {
  return forms[pluralCategory(n)]();
}

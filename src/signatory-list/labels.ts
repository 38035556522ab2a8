/**
 * The list's counts in words. Call these while rendering (or inside `inLocale`): `msg()` answers in
 * the language being rendered. Sector and type names are shared: src/i18n/labels.ts.
 */
import { msg, str } from '@lit/localize';
import { plural } from '../i18n/plural.js';
import { numberFormat } from '../i18n/formatters.js';

/**
 * 3,201: the same digits and separators in English, Welsh and Gaelic. Counts are whole numbers, so
 * the commas are put in here: the page's first Intl.NumberFormat costs some 20 ms (measured in
 * Chromium 156; Collator and PluralRules well under 1 ms), right in front of the first rows.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return numberFormat('en-GB').format(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
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

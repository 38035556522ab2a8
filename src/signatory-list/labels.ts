/**
 * The list's counts in words. Call these while rendering (or inside `inLocale`): `msg()` answers in
 * the language being rendered. Sector and type names are shared: src/i18n/labels.ts.
 */
import { msg } from '@lit/localize';
import { plural } from '../i18n/plural.js';
import { numberFormat } from '../i18n/formatters.js';

/**
 * 3,201: the same digits and separators in English, Welsh and Gaelic. Counts are whole numbers, so
 * the commas are put in here: the page's first Intl.NumberFormat costs some 20 ms (Chromium loads
 * its number data then), right in front of the first rows. The list needs only a collator, which
 * the script tag makes while the code downloads (src/bundle.ts).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return numberFormat('en-GB').format(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "25 organisations have signed", with each language's plural forms. */
export function signedSummary(n: number): string {
  const count = formatCount(n);
  return plural(
    n,
    msg('{count, plural, one {# organisation has signed} other {# organisations have signed}}', { id: 'signatory-list.summary' }),
    count,
  );
}

/** "12 organisations found": what a screen reader hears once typing pauses. */
export function foundMessage(n: number): string {
  const count = formatCount(n);
  return plural(
    n,
    msg('{count, plural, one {# organisation found} other {# organisations found}}', { id: 'signatory-list.found' }),
    count,
  );
}

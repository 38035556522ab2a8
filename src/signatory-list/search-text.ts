/**
 * Text for search as people type it: case, accents, punctuation and spacing do not matter, so
 * "cor" finds "Côr Meibion", "st johns" finds "St John's" and "gb-chc-1234567" finds "GB-CHC-1234567".
 *
 * Everything but letters and digits is dropped, spaces included, so a query matches across word
 * and punctuation boundaries the same way on both sides ("southend on sea" finds "Southend-on-Sea").
 */

/** Letters that NFD does not split into a base letter and a mark. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const MARKS = /\p{M}+/gu;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;
const FOLDABLE = /[ßæœøłđðþı]/g;

export function searchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLD[c] ?? c)
    .replace(NOT_ALPHANUMERIC, '');
}

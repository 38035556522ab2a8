/**
 * CSV as spreadsheets read it (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break), made safe to open: feed text is written by other people, and a cell that
 * starts with = + - @ (or a tab or carriage return) would run as a formula in Excel, LibreOffice or
 * Google Sheets. Such cells get a leading apostrophe, which spreadsheets show as text (OWASP "CSV
 * injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The whole file. It starts with a byte-order mark so that Excel reads it as UTF-8 (without one,
 * "Côr" opens as "CÃ´r").
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Spreadsheet files in and out: CSV (csv-stringify / csv-parse) and .xlsx (exceljs). Files are read
 * into plain rows of text, with the row numbers a person sees in Excel, before anything else looks
 * at them; every limit is checked before the work it protects.
 *
 * Formula injection (OWASP "CSV injection"): a cell we write that starts with = + - @, a tab or a
 * carriage return gets a leading apostrophe, in CSV and in .xlsx alike, so opening the file runs
 * nothing; reading a file back takes that apostrophe off again, so a round trip changes nothing.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { paragraphs } from '../text.js';

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** What a 2 MB .xlsx may unpack to: a "zip bomb" is refused before it is unpacked. */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 60;
export const MAX_CELL = 10_000;

export class SheetError extends Error {}

export interface SheetRow {
  /** The row's number in the spreadsheet (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

const RISKY = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return RISKY.test(value) ? `'${value}` : value;
}

function unsafeCell(value: string): string {
  return value.startsWith("'") && RISKY.test(value.slice(1)) ? value.slice(1) : value;
}

export function toCsv(headers: string[], rows: (string | number)[][]): string {
  const text = stringify([headers, ...rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : safeCell(v))))], { record_delimiter: '\r\n' });
  // A byte-order mark, so that Excel reads UTF-8 (Welsh and Gaelic) correctly.
  return `\uFEFF${text}`;
}

export async function toXlsx(sheetName: string, headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'compact-server';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'number' ? v : safeCell(v))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function tidy(value: string): string {
  if ([...value].length > MAX_CELL) throw new SheetError(`A cell has more than ${MAX_CELL} characters`);
  // As every text the server keeps (text.ts): newlines kept, other control characters as
  // spaces, so that a NUL in an id or a name cannot reach PostgreSQL, which refuses it.
  return unsafeCell(paragraphs(value) ?? '');
}

function toSheet(table: string[][], firstRow: number): Sheet {
  const [head = [], ...body] = table;
  const headers = head.map((h) => tidy(h).toLowerCase());
  if (!headers.some(Boolean)) throw new SheetError('The first row must name the columns');
  if (headers.length > MAX_COLUMNS) throw new SheetError(`The sheet has more than ${MAX_COLUMNS} columns`);
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h)) throw new SheetError(`The column “${h}” appears twice`);
    seen.add(h);
  }
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    const record: Record<string, string> = {};
    headers.forEach((h, c) => {
      if (h) record[h] = tidy(cells[c] ?? '');
    });
    // Rows left empty (Excel keeps some at the end) are not rows.
    if (Object.values(record).some(Boolean)) rows.push({ row: firstRow + 1 + i, cells: record });
  });
  if (rows.length > MAX_ROWS) throw new SheetError(`The sheet has more than ${MAX_ROWS} rows`);
  return { headers: headers.filter(Boolean), rows };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-16 (little-endian, as Excel writes it) says so with its byte-order mark, which csv-parse reads; anything else must be UTF-8. */
function isUtf8OrMarkedUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function readCsv(bytes: Buffer): Sheet {
  // Excel's plain "CSV" is Windows-1252: read as UTF-8, "Ynys Môn" would be kept as "Ynys M\uFFFDn".
  if (!isUtf8OrMarkedUtf16(bytes)) throw new SheetError('The file is not saved as UTF-8: in Excel, save it as “CSV UTF-8 (Comma delimited)”, or upload the .xlsx workbook');
  let table: string[][];
  try {
    table = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_CELL * MAX_COLUMNS }) as string[][];
  } catch (error) {
    throw new SheetError(`The file is not a CSV file that can be read: ${(error as Error).message.split('\n')[0]}`);
  }
  if (table.length > MAX_ROWS + 1) throw new SheetError(`The sheet has more than ${MAX_ROWS} rows`);
  return toSheet(table, 1);
}

/** The sum of the sizes a zip file says its entries unpack to, or undefined if it is not a zip we read. */
export function unpackedSize(bytes: Buffer): number | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return undefined; // ZIP64: not something Excel writes for a sheet this size
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'formula' in value) throw new SheetError(`Cell ${cell.address} holds a formula: type its value instead`);
  if (typeof value === 'object' && 'sharedFormula' in value) throw new SheetError(`Cell ${cell.address} holds a formula: type its value instead`);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return cell.text ?? '';
}

export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const size = unpackedSize(bytes);
  if (size === undefined) throw new SheetError('The file is not an Excel (.xlsx) workbook that can be read');
  if (size > MAX_UNPACKED_BYTES) throw new SheetError('The workbook is too large once unpacked');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('The file is not an Excel (.xlsx) workbook that can be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('The workbook has no sheet');
  if (sheet.rowCount > MAX_ROWS + 1) throw new SheetError(`The sheet has more than ${MAX_ROWS} rows`);
  if (sheet.columnCount > MAX_COLUMNS) throw new SheetError(`The sheet has more than ${MAX_COLUMNS} columns`);
  const table: string[][] = [];
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
    table.push(cells);
  }
  return toSheet(table, 1);
}

/** Reads an upload by its name and first bytes: .xlsx is a zip file, anything else is read as CSV. */
export async function readUpload(fileName: string, bytes: Buffer): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetError('The file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new SheetError('The file must be smaller than 2 MB');
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (zip) return readXlsx(bytes);
  if (/\.xlsx?$/i.test(fileName)) throw new SheetError('The file is not an Excel (.xlsx) workbook that can be read (an old .xls file must be saved as .xlsx or CSV)');
  return readCsv(bytes);
}

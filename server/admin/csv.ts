/**
 * CSV as RFC 4180 has it (comma, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF; quotes
 * doubled), made safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or CR, which some
 * spreadsheets skip before reading a formula) is prefixed with a single quote, so it is shown, never evaluated.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

import type { RowRejection } from './row-validator';

/**
 * CSV for every export (rejected rows, segment exports): RFC 4180 quoting, CRLF line ends, and cells that a
 * spreadsheet would run as formulas prefixed with `'` (OWASP "CSV injection").
 */

export type CsvCell = string | number | boolean | bigint | Date | null | undefined | Record<string, unknown>;

export interface CsvWriteOptions {
  delimiter?: ',' | ';' | '\t';
  /** Default true. Off only for machine consumers such as COPY, never for files people open. */
  neutraliseFormulas?: boolean;
}

const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/;

/** `=`, `+`, `-`, `@`, tab or CR first make Excel, Sheets or LibreOffice evaluate a cell; a plain `-12.5` stays. */
export function neutraliseFormula(text: string): string {
  const first = text.charCodeAt(0);
  const risky = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  if (!risky || (first === 45 && PLAIN_NEGATIVE_NUMBER.test(text))) return text;
  return `'${text}`;
}

export function formatCsvCell(cell: CsvCell, options: CsvWriteOptions = {}): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'bigint') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  let text = cell instanceof Date ? cell.toISOString() : typeof cell === 'string' ? cell : JSON.stringify(cell);
  if (options.neutraliseFormulas ?? true) text = neutraliseFormula(text);
  return needsQuotes(text, options.delimiter ?? ',') ? `"${text.replace(/"/g, '""')}"` : text;
}

function needsQuotes(text: string, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === d || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/** One row with its CRLF line end. */
export function formatCsvRow(cells: readonly CsvCell[], options: CsvWriteOptions = {}): string {
  let line = '';
  const delimiter = options.delimiter ?? ',';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : delimiter) + formatCsvCell(cells[i], options);
  return `${line}\r\n`;
}

const CHUNK_CHARS = 64 * 1024;

/**
 * Rows (sync or async, e.g. batches pulled from a database cursor) → CSV text in chunks of about 64 KiB,
 * for a streamed download response. A UTF-8 BOM first makes Excel read accents right.
 */
export async function* csvChunks(
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
  options: CsvWriteOptions & { header?: readonly string[]; bom?: boolean } = {},
): AsyncGenerator<string> {
  let chunk = (options.bom ?? true) ? '\uFEFF' : '';
  if (options.header) chunk += formatCsvRow(options.header, options);
  for await (const row of rows) {
    chunk += formatCsvRow(row, options);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The downloadable file of rejected rows: line, reason, then the row's values as read under the file's headers. */
export async function* rejectedRowsCsv(
  headers: readonly string[],
  rejections: AsyncIterable<RowRejection> | Iterable<RowRejection>,
): AsyncGenerator<string> {
  async function* cells(): AsyncGenerator<CsvCell[]> {
    for await (const rejection of rejections) yield [rejection.line, rejection.reason, ...rejection.raw];
  }
  yield* csvChunks(cells(), { header: ['Line', 'Reason', ...headers] });
}

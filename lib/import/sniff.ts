import { CsvReader, type CsvDelimiter, type CsvRecord } from './csv-reader';

/** How much text the app should hand to sniffCsv: enough rows for the delimiter vote and date-order detection. */
export const SNIFF_SAMPLE_CHARS = 64 * 1024;

export interface CsvSniffResult {
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** Column names as written (trimmed); "Column 1", "Column 2"… without a header row or for blank names. */
  headers: string[];
  /** The first data rows, for the preview in the mapping step. */
  previewRows: string[][];
  /** Every complete data row of the sample, to run detectDateOrder / detectDecimalSeparator on a column. */
  sampleRows: string[][];
  /** Why there is nothing to import, for the user; null when there are rows. */
  problem: string | null;
}

export interface SniffOptions {
  /** The sample is the whole file, so its last line is complete even without a line break. */
  complete?: boolean;
  /** The user's choice, overriding detection. */
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
}

const PREVIEW_ROWS = 20;
const ROWS_FOR_DELIMITER_VOTE = 50;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** Sniffs the first SNIFF_SAMPLE_CHARS of an upload: delimiter, header row, headers and a preview. */
export function sniffCsv(sample: string, options: SniffOptions = {}): CsvSniffResult {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const complete = options.complete ?? false;
  const delimiter = options.delimiter ?? detectDelimiter(text, complete);
  const records = readSample(text, delimiter, complete).filter((record) => record.error === undefined);
  const hasHeader = options.hasHeader ?? (records.length > 0 && looksLikeHeader(records[0].fields));
  const sampleRows = records.slice(hasHeader ? 1 : 0).map((record) => record.fields);
  const width = Math.max(0, ...records.map((record) => record.fields.length));
  const written = hasHeader ? records[0].fields : [];
  const headers = Array.from(
    { length: hasHeader ? written.length : width },
    (_, i) => written[i]?.trim() || `Column ${i + 1}`,
  );

  let problem: string | null = null;
  if (records.length === 0) problem = 'The file has no rows.';
  else if (sampleRows.length === 0) problem = 'The file has a header row but no data rows.';
  return { delimiter, hasHeader, headers, previewRows: sampleRows.slice(0, PREVIEW_ROWS), sampleRows, problem };
}

/** The sample's records; its last line is dropped unless the sample is the whole file, since it may be cut short. */
function readSample(text: string, delimiter: CsvDelimiter, complete: boolean): CsvRecord[] {
  const reader = new CsvReader({ delimiter });
  const records = reader.push(text);
  return complete || records.length === 0 ? reader.end(records) : records;
}

/**
 * The delimiter under which most rows have the same number of fields, that number being above one (quotes are
 * respected, so commas inside quoted text do not count). More columns break a tie. Comma when nothing splits.
 */
export function detectDelimiter(text: string, complete = false): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestConsistency = 0;
  let bestWidth = 1;
  for (const delimiter of DELIMITERS) {
    const widths = readSample(text, delimiter, complete)
      .slice(0, ROWS_FOR_DELIMITER_VOTE)
      .map((record) => record.fields.length);
    const frequency = new Map<number, number>();
    for (const width of widths) frequency.set(width, (frequency.get(width) ?? 0) + 1);
    let width = 1;
    let count = 0;
    for (const [candidate, seen] of frequency) {
      if (seen > count || (seen === count && candidate > width)) [width, count] = [candidate, seen];
    }
    const consistency = count / widths.length;
    if (width > 1 && (consistency > bestConsistency || (consistency === bestConsistency && width > bestWidth))) {
      [best, bestConsistency, bestWidth] = [delimiter, consistency, width];
    }
  }
  return best;
}

/** Numbers, dates, email addresses, booleans: what a data cell holds and a column name does not. */
const VALUE_PATTERNS = [
  /^[-+(]?\p{Sc}?\d[\d.,' ]*%?\)?$/u,
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/,
  /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  /^(?:true|false)$/i,
];

/** A header row names its columns: mostly filled, names distinct, and none of them a number, date or email. */
function looksLikeHeader(fields: string[]): boolean {
  const names = fields.map((field) => field.trim()).filter((field) => field.length > 0);
  if (names.length === 0 || names.length < fields.length / 2) return false;
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) return false;
  return !names.some((name) => VALUE_PATTERNS.some((pattern) => pattern.test(name)));
}

/**
 * Streaming RFC 4180 reader: feed string chunks split anywhere, get records with the physical line they start on.
 * Lenient where real exports are sloppy (a quote inside an unquoted field is literal, text after a closing quote is
 * kept), strict where memory is at stake (field and record length limits, see CsvReaderOptions).
 */

export type CsvDelimiter = ',' | ';' | '\t' | '|';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record could not be read whole; `fields` is then incomplete. */
  error?: string;
}

export interface CsvReaderOptions {
  delimiter?: CsvDelimiter;
  /** Characters; a longer field is dropped, its record gets an error and reading resumes after it. Default 64 KiB. */
  maxFieldLength?: number;
  /** Characters over all fields of one record, so a file without line breaks cannot fill memory. Default 1 MiB. */
  maxRecordLength?: number;
}

export const DEFAULT_MAX_FIELD_LENGTH = 64 * 1024;
export const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_CLOSING_QUOTE = 3;

export class CsvReader {
  private readonly delimiter: number;
  private readonly maxFieldLength: number;
  private readonly maxRecordLength: number;

  private state = FIELD_START;
  private fields: string[] = [];
  /** Start of the current field when it began in an earlier chunk. */
  private field = '';
  private fieldDropped = false;
  private recordLength = 0;
  private recordDropped = false;
  private error: string | undefined = undefined;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The last chunk ended with CR: an LF opening the next chunk completes that line break. */
  private pendingCR = false;
  /** The last chunk ended with CR inside a quoted field (same idea, for counting lines). */
  private pendingQuotedCR = false;

  constructor(options: CsvReaderOptions = {}) {
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
    this.maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
    this.maxRecordLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  }

  /** Reads one chunk; complete records are appended to `out` (returned). */
  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    const n = chunk.length;
    if (n === 0) return out;
    const d = this.delimiter;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.state === FIELD_START) {
        if (chunk.charCodeAt(i) === QUOTE) {
          this.state = QUOTED;
          this.quoteLine = this.line;
          i++;
          continue;
        }
        this.state = UNQUOTED;
      }

      if (this.state === UNQUOTED) {
        let j = i;
        let c = 0;
        for (; j < n; j++) {
          c = chunk.charCodeAt(j);
          if (c === d || (c <= CR && (c === LF || c === CR))) break;
        }
        if (j === n) {
          this.keepPartialField(chunk, i, n);
          break;
        }
        this.finishField(chunk, i, j);
        i = j + 1;
        if (c === d) this.state = FIELD_START;
        else i = this.finishRecord(chunk, i, c, out);
        continue;
      }

      if (this.state === QUOTED) {
        let j = i;
        let c = 0;
        let lineBreaks = 0;
        for (; j < n; j++) {
          c = chunk.charCodeAt(j);
          if (c === QUOTE) break;
          // CR, LF and CRLF each count as one physical line break.
          if (c <= CR && (c === CR || (c === LF && (j > i ? chunk.charCodeAt(j - 1) !== CR : !this.pendingQuotedCR)))) {
            lineBreaks++;
          }
        }
        this.line += lineBreaks;
        this.pendingQuotedCR = j === n && c === CR;
        this.keepPartialField(chunk, i, j);
        if (j === n) break;
        this.state = AFTER_CLOSING_QUOTE;
        i = j + 1;
        continue;
      }

      // AFTER_CLOSING_QUOTE
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        this.keepPartialField('"', 0, 1);
        this.pendingQuotedCR = false;
        this.state = QUOTED;
        i++;
      } else if (c === d) {
        this.finishField(chunk, i, i);
        this.state = FIELD_START;
        i++;
      } else if (c === LF || c === CR) {
        this.finishField(chunk, i, i);
        i = this.finishRecord(chunk, i + 1, c, out);
      } else {
        this.state = UNQUOTED;
      }
    }
    return out;
  }

  /** Ends the input; a last record without a line break is appended to `out` (returned). */
  end(out: CsvRecord[] = []): CsvRecord[] {
    this.pendingCR = false;
    if (this.state === QUOTED) {
      this.error = `unterminated quoted field starting on line ${this.quoteLine}`;
      this.finishField('', 0, 0);
    } else if (this.state !== FIELD_START || this.fields.length > 0) {
      this.finishField('', 0, 0);
    }
    if (this.fields.length > 0 || this.error !== undefined) this.emitRecord(out);
    this.state = FIELD_START;
    return out;
  }

  private keepPartialField(chunk: string, from: number, to: number): void {
    if (this.fieldDropped || from === to) return;
    if (this.field.length + (to - from) > this.maxFieldLength) {
      this.dropField();
      return;
    }
    this.field = this.field.length === 0 ? chunk.slice(from, to) : this.field + chunk.slice(from, to);
  }

  private dropField(): void {
    this.fieldDropped = true;
    this.field = '';
    this.error ??= `field longer than ${formatSize(this.maxFieldLength)}`;
  }

  private finishField(chunk: string, from: number, to: number): void {
    if (!this.fieldDropped && this.field.length + (to - from) > this.maxFieldLength) this.dropField();
    let value = '';
    if (this.fieldDropped) this.fieldDropped = false;
    else if (this.field.length === 0) value = chunk.slice(from, to);
    else {
      value = this.field + chunk.slice(from, to);
      this.field = '';
    }
    if (this.recordDropped) return;
    this.recordLength += value.length;
    if (this.recordLength > this.maxRecordLength) {
      this.recordDropped = true;
      this.fields = [];
      this.error ??= `record longer than ${formatSize(this.maxRecordLength)}`;
      return;
    }
    this.fields.push(value);
  }

  /** `c` is the line break just consumed before `i`; returns where the next record starts. */
  private finishRecord(chunk: string, i: number, c: number, out: CsvRecord[]): number {
    if (c === CR) {
      if (i === chunk.length) this.pendingCR = true;
      else if (chunk.charCodeAt(i) === LF) i++;
    }
    this.emitRecord(out);
    this.line++;
    this.recordLine = this.line;
    this.state = FIELD_START;
    return i;
  }

  private emitRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    if (this.error !== undefined || !allEmpty(fields)) {
      out.push({ line: this.recordLine, fields, error: this.error });
    }
    this.fields = [];
    this.error = undefined;
    this.recordLength = 0;
    this.recordDropped = false;
  }
}

/** Lines holding nothing but delimiters (Excel leaves them after formatted but empty rows) are skipped like blank ones. */
function allEmpty(fields: string[]): boolean {
  for (let k = 0; k < fields.length; k++) if (fields[k] !== '') return false;
  return true;
}

function formatSize(chars: number): string {
  if (chars % (1024 * 1024) === 0) return `${chars / (1024 * 1024)} MiB`;
  if (chars % 1024 === 0) return `${chars / 1024} KiB`;
  return `${chars} characters`;
}

/** Whole text at once: for tests, previews and small files. */
export function parseCsv(text: string, options?: CsvReaderOptions): CsvRecord[] {
  const reader = new CsvReader(options);
  return reader.end(reader.push(text));
}

/** Pulls text chunks and yields the records of each chunk as one batch (empty batches are skipped). */
export async function* readCsvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
  options?: CsvReaderOptions,
): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvReader(options);
  for await (const chunk of chunks) {
    const batch = reader.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = reader.end();
  if (last.length > 0) yield last;
}

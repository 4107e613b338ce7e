import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  countLineBreaks,
  detectFileKind,
  EMPTY_FILE_MESSAGE,
  firstInvalidUtf8Offset,
  notUtf8Message,
  type FileKind,
} from './file-kind';

/** A file the import cannot read at all; `message` is written for the user. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly kind: Exclude<FileKind['kind'], 'text' | 'gzip'> | 'damaged-gzip',
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const LF = 10;
const CR = 13;

/**
 * UTF-8 decoding chunk by chunk: multibyte sequences may straddle chunks, a leading BOM is dropped, and invalid
 * bytes throw an ImportFileError ('not-utf8') naming the physical line they are on.
 */
export class Utf8StreamDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lineBreaksBefore = 0;
  private endedWithCR = false;
  /** Bytes of a multibyte sequence cut by the previous chunk's end, to locate an error in the next one. */
  private cutSequence = new Uint8Array(0);

  decode(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.errorIn(bytes);
    }
    if (bytes.length > 0) {
      const crlfAcrossChunks = this.endedWithCR && bytes[0] === LF ? 1 : 0;
      this.lineBreaksBefore += countLineBreaks(bytes, 0, bytes.length) - crlfAcrossChunks;
      this.endedWithCR = bytes[bytes.length - 1] === CR;
      const lastBytes = concatBytes(this.cutSequence, bytes.subarray(Math.max(0, bytes.length - 3)));
      this.cutSequence = lastBytes.slice(lastBytes.length - cutSequenceLength(lastBytes));
    }
    return text;
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw notUtf8Error(this.lineBreaksBefore + 1);
    }
  }

  private errorIn(bytes: Uint8Array): ImportFileError {
    const withCut = concatBytes(this.cutSequence, bytes);
    const invalidAt = Math.max(0, firstInvalidUtf8Offset(withCut, 0, false) - this.cutSequence.length);
    return notUtf8Error(1 + this.lineBreaksBefore + countLineBreaks(bytes, 0, invalidAt));
  }
}

function notUtf8Error(line: number): ImportFileError {
  return new ImportFileError(notUtf8Message(line), 'not-utf8');
}

/** How many trailing bytes form a multibyte sequence that the end of `bytes` cuts short. */
function cutSequenceLength(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Enough bytes to recognise magic numbers, UTF-16 and stray NULs. */
const HEAD_BYTES = 512;

/**
 * The upload's bytes (a file stream, a request body) → its text in chunks, ready for CsvReader.
 * Gunzips .gz transparently (judged by content, not name); throws ImportFileError with a user-facing message
 * for empty, binary, UTF-16 and non-UTF-8 files, the last possibly mid-stream.
 */
export async function* decodeUploadText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let upload = await peekHead(bytes);
  let kind = detectFileKind(upload.head, { complete: upload.complete });
  if (kind.kind === 'gzip') {
    upload = await peekHead(gunzip(upload.all));
    kind = detectFileKind(upload.head, { complete: upload.complete });
    if (kind.kind === 'gzip') kind = { kind: 'binary', message: 'This looks like a compressed file inside a .gz file.' };
  }
  if (kind.kind !== 'text') throw new ImportFileError(kind.message, kind.kind);

  const decoder = new Utf8StreamDecoder();
  let sawText = false;
  for await (const chunk of upload.all) {
    const text = decoder.decode(chunk);
    if (text.length > 0) {
      sawText = true;
      yield text;
    }
  }
  const last = decoder.end();
  if (last.length > 0) yield last;
  else if (!sawText) throw new ImportFileError(EMPTY_FILE_MESSAGE, 'empty');
}

interface PeekedUpload {
  head: Uint8Array;
  complete: boolean;
  /** Every chunk again, the peeked ones first. */
  all: AsyncIterable<Uint8Array>;
}

async function peekHead(bytes: AsyncIterable<Uint8Array>): Promise<PeekedUpload> {
  const iterator = bytes[Symbol.asyncIterator]();
  const peeked: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    peeked.push(next.value);
    length += next.value.length;
  }
  const head = peeked.reduce<Uint8Array>((joined, chunk) => concatBytes(joined, chunk), new Uint8Array(0));
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, complete, all: all() };
}

async function* gunzip(compressed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflated = pipeline(Readable.from(compressed), createGunzip(), () => {});
  try {
    for await (const chunk of inflated) yield chunk as Uint8Array;
  } catch (error) {
    const isZlibError = String((error as { code?: unknown }).code).startsWith('Z_');
    if (!isZlibError) throw error;
    throw new ImportFileError('The compressed (.gz) file is damaged or incomplete.', 'damaged-gzip');
  }
}

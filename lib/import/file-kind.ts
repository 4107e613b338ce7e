/** What an upload is, judged from its first bytes before any CSV parsing, with the message the user should see. */
export type FileKind =
  | { kind: 'text'; bomLength: 0 | 3 }
  | { kind: 'gzip' }
  | { kind: 'empty'; message: string }
  | { kind: 'binary'; message: string }
  | { kind: 'not-utf8'; line: number; message: string };

export const EMPTY_FILE_MESSAGE = 'The file is empty.';

const SAVE_AS_CSV = 'Save it as "CSV UTF-8" and upload again.';

const EXCEL_ADVICE = ' In Excel, use File > Save As > "CSV UTF-8".';

const SIGNATURES: { bytes: number[]; what: string; advice?: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Excel 97-2003 workbook (.xls)', advice: EXCEL_ADVICE },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

/**
 * `head` is the first bytes of the upload (a few KB is plenty; more finds a wrong encoding earlier).
 * `complete` says `head` is the whole file, so a multibyte sequence cut at its end is an error rather than
 * the edge of the sample.
 */
export function detectFileKind(head: Uint8Array, options: { complete?: boolean } = {}): FileKind {
  if (head.length === 0) return { kind: 'empty', message: EMPTY_FILE_MESSAGE };
  if (startsWith(head, [0x1f, 0x8b])) return { kind: 'gzip' };

  for (const signature of SIGNATURES) {
    if (!startsWith(head, signature.bytes)) continue;
    const { what, advice = '' } = isXlsx(head) ? { what: 'an Excel workbook (.xlsx)', advice: EXCEL_ADVICE } : signature;
    return { kind: 'binary', message: `${binaryMessage(what)}${advice}` };
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || looksLikeUtf16(head)) {
    return { kind: 'not-utf8', line: 1, message: `The file is UTF-16 (Excel "Unicode Text"), not UTF-8. ${SAVE_AS_CSV}` };
  }
  if (head.indexOf(0) !== -1) return { kind: 'binary', message: binaryMessage('a binary file') };

  const bomLength = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (options.complete && head.length === bomLength) return { kind: 'empty', message: EMPTY_FILE_MESSAGE };
  const invalidAt = firstInvalidUtf8Offset(head, bomLength, options.complete ?? false);
  if (invalidAt !== -1) {
    const line = 1 + countLineBreaks(head, 0, invalidAt);
    return { kind: 'not-utf8', line, message: notUtf8Message(line) };
  }
  return { kind: 'text', bomLength };
}

export function notUtf8Message(line: number): string {
  return `The file is not UTF-8 (line ${line} looks like Latin-1/Windows-1252). ${SAVE_AS_CSV}`;
}

function binaryMessage(what: string): string {
  return `This looks like ${what}, not a CSV file.`;
}

/** An .xlsx workbook is a ZIP whose first entry names Excel's parts; saying "Excel" helps more than "ZIP". */
function isXlsx(head: Uint8Array): boolean {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return false;
  const firstEntryName = String.fromCharCode(...head.subarray(30, 80));
  return firstEntryName.startsWith('[Content_Types].xml') || firstEntryName.startsWith('xl/');
}

/** UTF-16 text without a BOM: ASCII characters leave a NUL in every other byte. */
function looksLikeUtf16(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  return Math.max(evenNuls, oddNuls) > pairs * 0.7 && Math.min(evenNuls, oddNuls) < pairs * 0.1;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** CR, LF and CRLF each count as one break, as in the CSV reader. */
export function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = bytes.indexOf(10, from); i !== -1 && i < to; i = bytes.indexOf(10, i + 1)) breaks++;
  for (let i = bytes.indexOf(13, from); i !== -1 && i < to; i = bytes.indexOf(13, i + 1)) {
    if (i + 1 >= to || bytes[i + 1] !== 10) breaks++;
  }
  return breaks;
}

/**
 * Offset of the first byte that is not valid UTF-8, or -1. A sequence cut off by `bytes`' end is valid unless
 * `complete`. Overlong forms and surrogates count as invalid, as in TextDecoder's fatal mode.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array, from = 0, complete = true): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return complete ? i : -1;
      const c = bytes[i + k];
      if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

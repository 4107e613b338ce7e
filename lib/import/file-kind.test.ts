import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { detectFileKind, firstInvalidUtf8Offset } from './file-kind';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('detectFileKind', () => {
  it('calls a 0-byte file empty', () => {
    expect(detectFileKind(new Uint8Array(0))).toEqual({ kind: 'empty', message: 'The file is empty.' });
  });

  it('calls a file holding only a BOM empty once it is known to be complete', () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    expect(detectFileKind(bom, { complete: true }).kind).toBe('empty');
    expect(detectFileKind(bom)).toEqual({ kind: 'text', bomLength: 3 });
  });

  it('rejects a PNG renamed .csv with a message naming what it is', () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(detectFileKind(png)).toEqual({ kind: 'binary', message: 'This looks like a PNG image, not a CSV file.' });
  });

  it('tells an .xlsx workbook from other ZIP archives', () => {
    const zipHeader = (entry: string) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), ...utf8(entry)]);
    const xlsx = detectFileKind(zipHeader('[Content_Types].xml'));
    expect(xlsx.kind === 'binary' && xlsx.message).toMatch(/^This looks like an Excel workbook \(\.xlsx\), not a CSV file\. In Excel/);
    const zip = detectFileKind(zipHeader('orders.csv'));
    expect(zip.kind === 'binary' && zip.message).toBe('This looks like a ZIP archive, not a CSV file.');
  });

  it('recognises gzip by its magic number', () => {
    expect(detectFileKind(gzipSync(utf8('id,email\n1,a@b.c\n')))).toEqual({ kind: 'gzip' });
  });

  it('accepts UTF-8 with and without a BOM', () => {
    expect(detectFileKind(utf8('\uFEFFid,name\n1,Zoë\n'))).toEqual({ kind: 'text', bomLength: 3 });
    expect(detectFileKind(utf8('id,name\n1,Zoë\n'))).toEqual({ kind: 'text', bomLength: 0 });
  });

  it('names the first line holding Latin-1 bytes', () => {
    expect(detectFileKind(latin1('id,name\r\n1,Anna\r\n2,Zoë\r\n3,Renée\r\n'))).toEqual({
      kind: 'not-utf8',
      line: 3,
      message: 'The file is not UTF-8 (line 3 looks like Latin-1/Windows-1252). Save it as "CSV UTF-8" and upload again.',
    });
  });

  it('counts lines of a classic Mac (CR only) file', () => {
    const kind = detectFileKind(latin1('id\r1\r2\r\xe9\r'));
    expect(kind.kind === 'not-utf8' && kind.line).toBe(4);
  });

  it('recognises UTF-16 with or without a BOM', () => {
    const utf16le = (text: string) => new Uint8Array(new Uint16Array(Array.from(text, (ch) => ch.charCodeAt(0))).buffer);
    for (const bytes of [Uint8Array.from([0xff, 0xfe, ...utf16le('id,name\n')]), utf16le('id,name\n1,Anna\n')]) {
      const kind = detectFileKind(bytes);
      expect(kind.kind === 'not-utf8' && kind.message).toMatch(/^The file is UTF-16/);
    }
  });

  it('calls text with NUL bytes binary', () => {
    expect(detectFileKind(utf8('id,name\n1,\0\0\0x\n')).kind).toBe('binary');
  });

  it('tolerates a multibyte character cut by the end of the sample, unless the sample is the whole file', () => {
    const cut = utf8('id,name\n1,Zoë').subarray(0, -1);
    expect(detectFileKind(cut).kind).toBe('text');
    expect(detectFileKind(cut, { complete: true }).kind).toBe('not-utf8');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('agrees with the fatal TextDecoder on valid and invalid sequences', () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc3, 0xa9], -1],
      [[0xf0, 0x9f, 0x98, 0x80], -1],
      [[0x61, 0xc0, 0xaf], 1],
      [[0xe0, 0x80, 0xaf], 0],
      [[0xed, 0xa0, 0x80], 0],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x61, 0x62, 0xff], 2],
      [[0xe9, 0x61], 0],
    ];
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const [bytes, expected] of cases) {
      expect(firstInvalidUtf8Offset(Uint8Array.from(bytes)), bytes.join(' ')).toBe(expected);
      if (expected === -1) expect(() => decoder.decode(Uint8Array.from(bytes))).not.toThrow();
      else expect(() => decoder.decode(Uint8Array.from(bytes))).toThrow();
    }
  });
});

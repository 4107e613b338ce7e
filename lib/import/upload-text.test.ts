import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeUploadText, ImportFileError, Utf8StreamDecoder } from './upload-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, size = 7): Promise<string> {
  let text = '';
  for await (const chunk of decodeUploadText(inChunks(bytes, size))) text += chunk;
  return text;
}

async function failure(bytes: Uint8Array, size = 7): Promise<ImportFileError> {
  try {
    await readAll(bytes, size);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the upload to be refused');
}

const csv = '\uFEFFid,name\n1,Zoë 😀\n2,Renée\n';

describe('decodeUploadText', () => {
  it('decodes UTF-8 split at every byte, dropping the BOM', async () => {
    expect(await readAll(utf8(csv), 1)).toBe(csv.slice(1));
  });

  it('gunzips a .csv.gz whatever its name', async () => {
    const big = `id,name\n${'1,Zoë\n'.repeat(50_000)}`;
    expect(await readAll(gzipSync(utf8(big)), 65536)).toBe(big);
  });

  it('refuses a 0-byte file and an empty .gz', async () => {
    expect((await failure(new Uint8Array(0))).message).toBe('The file is empty.');
    expect((await failure(gzipSync(new Uint8Array(0)))).kind).toBe('empty');
  });

  it('refuses a truncated .gz', async () => {
    const gz = gzipSync(utf8('id,name\n'.repeat(1000)));
    expect(await failure(gz.subarray(0, gz.length - 20))).toMatchObject({
      kind: 'damaged-gzip',
      message: 'The compressed (.gz) file is damaged or incomplete.',
    });
  });

  it('refuses a PNG', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    expect((await failure(png)).message).toBe('This looks like a PNG image, not a CSV file.');
  });

  it('names the line of Latin-1 bytes found far beyond the sniffed head', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i + 2},Anna`);
    const bytes = Uint8Array.from([...utf8(`id,name\r\n${lines.join('\r\n')}\r\n5002,Ren`), 0xe9, ...utf8('e\r\n')]);
    for (const size of [1, 3, 4096]) {
      expect((await failure(bytes, size)).message).toBe(
        'The file is not UTF-8 (line 5002 looks like Latin-1/Windows-1252). Save it as "CSV UTF-8" and upload again.',
      );
    }
  });
});

describe('Utf8StreamDecoder', () => {
  it('locates an invalid continuation byte of a sequence begun in the previous chunk', () => {
    const decoder = new Utf8StreamDecoder();
    expect(decoder.decode(Uint8Array.of(0x61, 0x0a, 0x62, 0x0a, 0xe2, 0x82))).toBe('a\nb\n');
    expect(() => decoder.decode(Uint8Array.of(0x41))).toThrow(/line 3 /);
  });

  it('refuses a multibyte character cut by the end of the file', () => {
    const decoder = new Utf8StreamDecoder();
    decoder.decode(Uint8Array.of(0x61, 0x0a, 0xc3));
    expect(() => decoder.end()).toThrow(/line 2 /);
  });
});

import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsv, readCsvRecords, type CsvRecord, type CsvReaderOptions } from './csv-reader';

function readInChunks(text: string, size: number, options?: CsvReaderOptions): CsvRecord[] {
  const reader = new CsvReader(options);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size), out);
  return reader.end(out);
}

const tricky =
  'id,note,amount\r\n' +
  '1,"Smith, John",10\r\n' +
  '2,"He said ""hi""",20\r\n' +
  '3,"two\r\nlines\nand\rthree",30\r\n' +
  '\r\n' +
  '4,"",\r' +
  '5,plain "quote" inside,50\n' +
  '6,"",60';

const trickyRecords = [
  { line: 1, fields: ['id', 'note', 'amount'] },
  { line: 2, fields: ['1', 'Smith, John', '10'] },
  { line: 3, fields: ['2', 'He said "hi"', '20'] },
  { line: 4, fields: ['3', 'two\r\nlines\nand\rthree', '30'] },
  { line: 9, fields: ['4', '', ''] },
  { line: 10, fields: ['5', 'plain "quote" inside', '50'] },
  { line: 11, fields: ['6', '', '60'] },
];

describe('CsvReader', () => {
  it('reads quoted delimiters, doubled quotes, embedded line breaks and mixed line endings', () => {
    expect(parseCsv(tricky)).toEqual(trickyRecords);
  });

  it('gives the same records for 1-character chunks', () => {
    expect(readInChunks(tricky, 1)).toEqual(trickyRecords);
  });

  it('gives the same records whatever the position of a single chunk boundary', () => {
    for (let cut = 0; cut <= tricky.length; cut++) {
      const reader = new CsvReader();
      const out = reader.push(tricky.slice(0, cut));
      reader.push(tricky.slice(cut), out);
      expect(reader.end(out), `cut at ${cut}`).toEqual(trickyRecords);
    }
  });

  it('skips blank lines and lines of bare delimiters but counts them', () => {
    expect(parseCsv('a,b\n\n,\n\r\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 5, fields: ['1', '2'] },
    ]);
  });

  it('reads semicolon and tab delimited text', () => {
    expect(parseCsv('a;b\n"x;y";2', { delimiter: ';' }).map((r) => r.fields)).toEqual([['a', 'b'], ['x;y', '2']]);
    expect(parseCsv('a\tb\n1,5\t2', { delimiter: '\t' }).map((r) => r.fields)).toEqual([['a', 'b'], ['1,5', '2']]);
  });

  it('keeps a trailing empty field and a last line without line break', () => {
    expect(parseCsv('a,b,\n1,2,').map((r) => r.fields)).toEqual([['a', 'b', ''], ['1', '2', '']]);
  });

  it('keeps text after a closing quote rather than failing the record', () => {
    expect(parseCsv('"abc"def,1').map((r) => r.fields)).toEqual([['abcdef', '1']]);
  });

  it('reads a semicolon file as one column when told the delimiter is a comma', () => {
    expect(parseCsv('id;email\n1;a@b.c').map((r) => r.fields)).toEqual([['id;email'], ['1;a@b.c']]);
  });

  it('reports an unterminated quote at the end on the line where it opened', () => {
    const records = parseCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(records[2]).toMatchObject({ line: 3, error: 'unterminated quoted field starting on line 3' });
  });

  it('drops a 1 MB field, marks its record and recovers at the next record', () => {
    const big = 'x'.repeat(1024 * 1024);
    for (const quoted of [false, true]) {
      const cell = quoted ? `"${big}\n${big}"` : big;
      const text = `id,note\n1,${cell}\n2,fine\n`;
      for (const size of [text.length, 4096, 65536]) {
        const records = readInChunks(text, size);
        expect(records).toHaveLength(3);
        expect(records[1]).toEqual({ line: 2, fields: ['1', ''], error: 'field longer than 64 KiB' });
        expect(records[2]).toEqual({ line: quoted ? 4 : 3, fields: ['2', 'fine'] });
      }
    }
  });

  it('holds no more than the limit of a field that never ends, however much text follows', () => {
    const reader = new CsvReader();
    reader.push('id,note\n1,"');
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 3000; i++) reader.push(`${i}${'x'.repeat(64 * 1024)}`);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(reader.end()[0]).toMatchObject({ line: 2, error: 'unterminated quoted field starting on line 2' });
  });

  it('bounds a record with too many fields instead of growing it without end', () => {
    const records = parseCsv(`${'1,'.repeat(100)}1\nok\n`, { maxRecordLength: 50 });
    expect(records[0]).toEqual({ line: 1, fields: [], error: 'record longer than 50 characters' });
    expect(records[1]).toEqual({ line: 2, fields: ['ok'] });
  });

  it('returns nothing for empty input', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\r\n')).toEqual([]);
  });

  it('yields one batch per chunk from an async source', async () => {
    async function* chunks() {
      yield 'a,b\n1,';
      yield '2\n3,4';
    }
    const batches: CsvRecord[][] = [];
    for await (const batch of readCsvRecords(chunks())) batches.push(batch);
    expect(batches.map((b) => b.map((r) => r.fields))).toEqual([[['a', 'b']], [['1', '2']], [['3', '4']]]);
  });
});

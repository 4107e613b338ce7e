import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-reader';
import { csvChunks, formatCsvCell, formatCsvRow, neutraliseFormula, rejectedRowsCsv } from './csv-writer';
import { RowValidator, type ImportRow } from './row-validator';

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe('formatCsvCell', () => {
  it('quotes delimiters, quotes and line breaks, and nothing else', () => {
    expect(formatCsvCell('plain text')).toBe('plain text');
    expect(formatCsvCell('Smith, John')).toBe('"Smith, John"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvCell('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(formatCsvCell('a;b')).toBe('a;b');
  });

  it('writes empty, numbers, booleans, dates and objects', () => {
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(undefined)).toBe('');
    expect(formatCsvCell(-12.5)).toBe('-12.5');
    expect(formatCsvCell(true)).toBe('true');
    expect(formatCsvCell(new Date('2024-01-05T10:00:00Z'))).toBe('2024-01-05T10:00:00.000Z');
    expect(formatCsvCell({ tier: 'Gold' })).toBe('"{""tier"":""Gold""}"');
  });
});

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would evaluate', () => {
    for (const text of ['=1+1', '+44 20 7946 0000', '-1+2', '@SUM(A1)', '\tx', '\rx', '-abc']) {
      expect(neutraliseFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it('leaves plain negative numbers and ordinary text alone', () => {
    for (const text of ['-12.5', '-12', '-12,5', '-1.5E+3', 'Anna', '12', 'a=b']) {
      expect(neutraliseFormula(text), text).toBe(text);
    }
  });

  it('can be turned off for machine consumers', () => {
    expect(formatCsvCell('=1+1', { neutraliseFormulas: false })).toBe('=1+1');
  });
});

describe('formula round trip', () => {
  it('imports =HYPERLINK as text and exports it neutralised, still reading back as that text', () => {
    const [record] = parseCsv('C1,"=HYPERLINK(""http://x"",""y"")"');
    const validator = new RowValidator('customers', ['id', 'name'], ['external_id', 'name']);
    const row = validator.validate(record) as ImportRow;
    expect(row[2]).toBe('=HYPERLINK("http://x","y")');

    const written = formatCsvRow([row[0], row[2]]);
    expect(written).toBe('C1,"\'=HYPERLINK(""http://x"",""y"")"\r\n');
    expect(parseCsv(written)[0].fields).toEqual(['C1', '\'=HYPERLINK("http://x","y")']);
  });
});

describe('csvChunks and rejectedRowsCsv', () => {
  it('streams a BOM, the header and the rows in chunks of about 64 KiB', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [i, `name ${i}`, i % 2 === 0]);
    const chunks = await collect(csvChunks(rows, { header: ['id', 'name', 'even'] }));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(64 * 1024 + 100);
    const text = chunks.join('');
    expect(text.startsWith('\uFEFFid,name,even\r\n0,name 0,true\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toHaveLength(20_001);
  });

  it('writes rejected rows with line and reason before the values', async () => {
    const rejections = [{ line: 3, reason: 'Column "Total": "abc" is not a number', raw: ['O3', '=cmd|x', 'abc'] }];
    const text = (await collect(rejectedRowsCsv(['Order ID', 'Note', 'Total'], rejections))).join('');
    expect(text).toBe(
      '\uFEFFLine,Reason,Order ID,Note,Total\r\n3,"Column ""Total"": ""abc"" is not a number",O3,\'=cmd|x,abc\r\n',
    );
  });
});

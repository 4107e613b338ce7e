import { describe, expect, it } from 'vitest';
import { mappingProblems, suggestMapping } from './column-mapping';
import { detectDelimiter, sniffCsv } from './sniff';

const orderLines = Array.from({ length: 30 }, (_, i) => `O${i + 1},C${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i + 0.5}`);
const ordersCsv = `order_id,customer_id,order_date,total\n${orderLines.join('\n')}\n`;

describe('sniffCsv', () => {
  it('finds delimiter, header, headers and a 20-row preview', () => {
    const sniff = sniffCsv(ordersCsv, { complete: true });
    expect(sniff).toMatchObject({
      delimiter: ',',
      hasHeader: true,
      headers: ['order_id', 'customer_id', 'order_date', 'total'],
      problem: null,
    });
    expect(sniff.previewRows).toHaveLength(20);
    expect(sniff.previewRows[0]).toEqual(['O1', 'C0', '2024-01-01', '0.5']);
    expect(sniff.sampleRows).toHaveLength(30);
  });

  it('prefers semicolons when commas are decimal separators', () => {
    const text = '\uFEFFKundennummer;Umsatz;Datum\nK1;12,50;05.01.2024\nK2;7,00;06.01.2024\nK3;3,10;07.01.2024\n';
    const sniff = sniffCsv(text, { complete: true });
    expect(sniff.delimiter).toBe(';');
    expect(sniff.headers).toEqual(['Kundennummer', 'Umsatz', 'Datum']);
  });

  it('ignores delimiters inside quotes when voting', () => {
    const text = 'id;name;city\n1;"Smith, John";"Paris, FR"\n2;"Doe, Jane";Rome\n3;Ann;"Oslo, NO"\n';
    expect(detectDelimiter(text, true)).toBe(';');
  });

  it('prefers the delimiter giving more columns when two split every row alike', () => {
    expect(detectDelimiter('a,b;c;d\n1,2;3;4\n5,6;7;8\n', true)).toBe(';');
  });

  it('recognises tab and pipe delimited files', () => {
    expect(detectDelimiter('id\temail\n1\ta@b.c\n2\td@e.f\n', true)).toBe('\t');
    expect(detectDelimiter('id|email\n1|a@b.c\n2|d@e.f\n', true)).toBe('|');
  });

  it('names the columns of a file without a header row', () => {
    const sniff = sniffCsv('1001,C001,2024-01-05,49.90\n1002,C002,2024-01-06,12.00\n', { complete: true });
    expect(sniff.hasHeader).toBe(false);
    expect(sniff.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(sniff.sampleRows).toHaveLength(2);
  });

  it('does not take a row of customer data for a header even when most cells are text', () => {
    expect(sniffCsv('C001,alice@example.com,Alice,FR\nC002,bob@example.com,Bob,DE\n', { complete: true }).hasHeader).toBe(false);
  });

  it('drops the cut-off last line of a sample but not of a whole file', () => {
    const cut = 'id,name\n1,Anna\n2,Ber';
    expect(sniffCsv(cut).sampleRows).toEqual([['1', 'Anna']]);
    expect(sniffCsv(cut, { complete: true }).sampleRows).toEqual([['1', 'Anna'], ['2', 'Ber']]);
  });

  it('explains an empty file and a header without rows', () => {
    expect(sniffCsv('', { complete: true }).problem).toBe('The file has no rows.');
    expect(sniffCsv('\r\n\r\n', { complete: true }).problem).toBe('The file has no rows.');
    expect(sniffCsv('id,email\n', { complete: true })).toMatchObject({
      headers: ['id', 'email'],
      sampleRows: [],
      problem: 'The file has a header row but no data rows.',
    });
  });

  it('leads a semicolon file read with commas to the delimiter hint of the mapping step', () => {
    const text = 'order_id;customer_id;order_date;total\nO1;C1;2024-01-05;10\n';
    const sniff = sniffCsv(text, { complete: true, delimiter: ',' });
    expect(sniff.headers).toEqual(['order_id;customer_id;order_date;total']);
    const problems = mappingProblems(sniff.headers, suggestMapping(sniff.headers, 'orders'), 'orders');
    expect(problems).toEqual([
      'Only one column was found, so the file probably uses another delimiter (such as ";" or tab). Choose the delimiter and try again.',
    ]);
    expect(sniffCsv(text, { complete: true }).delimiter).toBe(';');
  });
});

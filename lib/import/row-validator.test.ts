import { describe, expect, it } from 'vitest';
import { suggestMapping } from './column-mapping';
import { parseCsv } from './csv-reader';
import { isRejection, ROW_COLUMNS, RowValidator, type ImportRow, type RowRejection } from './row-validator';

const orderHeaders = ['Order ID', 'Customer ID', 'Order Date', 'Total', 'Cost', 'Currency', 'Category', 'Channel', 'Notes'];

function orderValidator(options?: ConstructorParameters<typeof RowValidator>[3]) {
  return new RowValidator('orders', orderHeaders, suggestMapping(orderHeaders, 'orders'), options);
}

function validateLine(validator: RowValidator, line: string): ImportRow | RowRejection {
  return validator.validate({ line: 7, fields: parseCsv(line)[0].fields });
}

describe('RowValidator for orders', () => {
  it('types a row in the fixed column order, ignoring unmapped columns', () => {
    const validator = orderValidator();
    expect(validator.columns).toEqual(ROW_COLUMNS.orders);
    expect(validateLine(validator, ' O1 ,C1,2024-01-05 10:00,"1,049.90",N/A,usd, Apparel ,web,free text')).toEqual([
      'O1', 'C1', '2024-01-05T10:00:00.000Z', 1049.9, null, 'USD', 'Apparel', 'web', false,
    ]);
  });

  it('keeps a negative revenue as a valid row flagged as a refund', () => {
    expect(validateLine(orderValidator(), 'O2,C1,2024-01-05,(12.50),,,,,')).toEqual([
      'O2', 'C1', '2024-01-05T00:00:00.000Z', -12.5, null, null, null, null, true,
    ]);
  });

  it('refuses text in a numeric column, naming the column and the value', () => {
    expect(validateLine(orderValidator(), 'O3,C1,2024-01-05,abc')).toEqual({
      line: 7,
      reason: 'Column "Total": "abc" is not a number',
      raw: ['O3', 'C1', '2024-01-05', 'abc'],
    });
  });

  it('refuses an impossible date', () => {
    const result = validateLine(orderValidator({ dateOrder: 'dmy' }), 'O4,C1,31/02/2024,10');
    expect(isRejection(result) && result.reason).toBe('Column "Order Date": 31/02/2024 is not a real date');
  });

  it('refuses a missing required value, also when the row is short', () => {
    const empty = validateLine(orderValidator(), 'O5, ,2024-01-05,10');
    expect(isRejection(empty) && empty.reason).toBe('Column "Customer ID" is empty (Customer ID is required).');
    const short = validateLine(orderValidator(), 'O5,C1,2024-01-05');
    expect(isRejection(short) && short.reason).toBe('Column "Total" is empty (Revenue is required).');
  });

  it('refuses a row with more values than headers, but not one with trailing empty cells', () => {
    const shifted = validateLine(orderValidator(), 'O6,C1,2024-01-05,10,1,USD,Home, Garden,web,,x');
    expect(isRejection(shifted) && shifted.reason).toMatch(/^The row has 11 values but the header has 9 columns/);
    expect(isRejection(validateLine(orderValidator(), 'O6,C1,2024-01-05,10,,,,,,,'))).toBe(false);
  });

  it('turns a record the reader could not read into a rejection', () => {
    const result = orderValidator().validate({ line: 3, fields: ['O7', ''], error: 'field longer than 64 KiB' });
    expect(result).toEqual({ line: 3, reason: 'The row could not be read: field longer than 64 KiB.', raw: ['O7', ''] });
  });

  it('follows the decimal separator and date order options', () => {
    const validator = orderValidator({ decimalSeparator: ',', dateOrder: 'mdy' });
    expect((validateLine(validator, 'O8,C1,01/05/2024 3:00 PM,"1.234,5",1,EUR') as ImportRow).slice(2, 5)).toEqual([
      '2024-01-05T15:00:00.000Z', 1234.5, 1,
    ]);
  });

  it('refuses an ID Excel turned into scientific notation', () => {
    const result = validateLine(orderValidator(), '1.23457E+11,C1,2024-01-05,10');
    expect(isRejection(result) && result.reason).toMatch(/^Column "Order ID": "1.23457E\+11" looks like an ID Excel/);
  });

  it('splits a batch into rows and rejections', () => {
    const records = parseCsv('O1,C1,2024-01-05,10\nO2,C1,2024-01-05,x\nO3,C2,2024-01-06,-1\n');
    const rows: ImportRow[] = [];
    const rejections: RowRejection[] = [];
    orderValidator().validateBatch(records, rows, rejections);
    expect(rows.map((row) => row[0])).toEqual(['O1', 'O3']);
    expect(rejections.map((rejection) => rejection.line)).toEqual([2]);
  });

  it('refuses to start with a mapping that misses a required field', () => {
    expect(() => new RowValidator('orders', ['Order ID', 'Total'], ['external_id', 'revenue'])).toThrow(
      'Choose a column for Customer ID and Order date: they are required.',
    );
  });
});

describe('RowValidator for customers', () => {
  const headers = ['Email', 'First Name', 'Last Name', 'Signup', 'Birth year', 'Accepts Marketing', 'Tier', 'Website'];
  const mapping = [...suggestMapping(headers, 'customers').slice(0, 6), 'custom:tier', 'custom:website'];

  it('joins name parts, copies an email used as ID, reads consent and keeps custom attributes', () => {
    const validator = new RowValidator('customers', headers, mapping, { dateOrder: 'dmy' });
    expect(validator.validate({ line: 2, fields: ['ann@example.com', 'Ann', ' Lee', '05/01/2024', '1985', 'unsubscribed', 'Gold', ''] })).toEqual([
      'ann@example.com', 'ann@example.com', 'Ann Lee', '2024-01-05', null, null, null, 1985, null, null, null, false,
      { tier: 'Gold' },
    ]);
  });

  it('stores a formula-looking value as plain text', () => {
    const validator = new RowValidator('customers', headers, mapping);
    const row = validator.validate({ line: 2, fields: ['x@y.z', '=HYPERLINK("http://x","y")', '', '', '', '', '', ''] });
    expect((row as ImportRow)[2]).toBe('=HYPERLINK("http://x","y")');
    expect((row as ImportRow)[12]).toBeNull();
  });

  it('refuses an implausible birth year and a consent it cannot read', () => {
    const validator = new RowValidator('customers', headers, mapping);
    const year = validator.validate({ line: 4, fields: ['x@y.z', 'A', 'B', '', '1785', ''] });
    expect(isRejection(year) && year.reason).toBe('Column "Birth year": "1785" is not a plausible birth year');
    const consent = validator.validate({ line: 5, fields: ['x@y.z', 'A', 'B', '', '', 'perhaps'] });
    expect(isRejection(consent) && consent.reason).toBe('Column "Accepts Marketing": "perhaps" is not yes/no');
  });

  it('refuses a malformed email address in the email column', () => {
    const validator = new RowValidator('customers', ['id', 'email'], ['external_id', 'email']);
    const result = validator.validate({ line: 2, fields: ['C1', 'ann at example.com'] });
    expect(isRejection(result) && result.reason).toBe('Column "email": "ann at example.com" is not an email address');
  });
});

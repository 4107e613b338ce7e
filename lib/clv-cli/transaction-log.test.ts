import { describe, expect, it } from 'vitest';
import { readTransactionLog } from './transaction-log';

const read = (text: string) => readTransactionLog([text]);

describe('readTransactionLog', () => {
  it('finds customer_id, date and amount in any order and case, ignoring other columns', async () => {
    const text = 'Amount,Note,DATE, Customer_ID \n12.50,first,2024-01-05,c1\n"1,234.5","a, b",2024-01-06,c2\n';
    expect(await read(text)).toEqual([
      { customerId: 'c1', date: '2024-01-05', amount: 12.5 },
      { customerId: 'c2', date: '2024-01-06', amount: 1234.5 },
    ]);
  });

  it('takes the date as written from ISO timestamps, whatever their zone', async () => {
    const text = 'customer_id,date,amount\na,2024-01-05T23:30:00-05:00,1\nb,2024-01-06 08:15:00,2\nc,2024-01-07T00:10:00Z,3\n';
    expect((await read(text)).map((t) => t.date)).toEqual(['2024-01-05', '2024-01-06', '2024-01-07']);
  });

  it('reads split chunks and a last line without a line break', async () => {
    const transactions = await readTransactionLog(['customer_id,da', 'te,amount\r\na,2024-0', '1-05,3.25\r\nb,2024-01-06,4']);
    expect(transactions).toEqual([
      { customerId: 'a', date: '2024-01-05', amount: 3.25 },
      { customerId: 'b', date: '2024-01-06', amount: 4 },
    ]);
  });

  it('names the line and the reason of an impossible date', async () => {
    const text = 'customer_id,date,amount\na,2024-02-28,1\nb,2024-02-31,2\n';
    await expect(read(text)).rejects.toThrow(/^line 3: date 2024-02-31 is not a real date$/);
  });

  it('refuses dates that are not ISO, since their day and month order is unknown', async () => {
    await expect(read('customer_id,date,amount\na,05/01/2024,1\n')).rejects.toThrow(
      'line 2: date "05/01/2024" is not an ISO date (YYYY-MM-DD)',
    );
    await expect(read('customer_id,date,amount\na,2024-01-05Tlunch,1\n')).rejects.toThrow(
      'line 2: date "2024-01-05Tlunch" is not a date',
    );
  });

  it('names the line of a text amount, counting the lines inside quoted fields', async () => {
    const text = 'customer_id,note,date,amount\na,"two\nlines",2024-01-05,1\nb,,2024-01-06,twelve\n';
    await expect(read(text)).rejects.toThrow(/^line 4: amount "twelve" is not a number$/);
  });

  it('names an empty cell', async () => {
    await expect(read('customer_id,date,amount\n ,2024-01-05,1\n')).rejects.toThrow('line 2: customer_id is empty');
    await expect(read('customer_id,date,amount\na,2024-01-05\n')).rejects.toThrow('line 2: amount is empty');
  });

  it('lists the missing columns and the header it found', async () => {
    await expect(read('id,Date,value,amount_usd\na,2024-01-05,1,1\n')).rejects.toThrow(
      'line 1: the header lacks "customer_id", "amount"; it must name the columns customer_id,date,amount ' +
        '(any order and case). Found: "id", "Date", "value", "amount_usd".',
    );
  });

  it('refuses a header naming a column twice, and a file without any row', async () => {
    await expect(read('customer_id,date,amount,Date\n')).rejects.toThrow('line 1: the header has a "date" column twice.');
    await expect(read('\n\n')).rejects.toThrow('The file has no header row; expected customer_id,date,amount.');
  });

  it('reports a row the CSV reader could not read whole', async () => {
    await expect(read('customer_id,date,amount\na,2024-01-05,"12\n')).rejects.toThrow(
      'line 2: the row could not be read: unterminated quoted field starting on line 2',
    );
  });
});

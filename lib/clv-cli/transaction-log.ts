import { readCsvRecords, type CsvRecord } from '@/lib/import/csv-reader';
import { parseDate } from '@/lib/import/dates';
import { parseDecimal } from '@/lib/import/numbers';
import { cleanText, InvalidValue, quoted } from '@/lib/import/values';
import type { Transaction } from '@/lib/models/customer-summary';

/** A transaction log the CLI cannot use; `message` names the line and the reason, for the user. */
export class TransactionLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransactionLogError';
  }
}

export const TRANSACTION_COLUMNS = ['customer_id', 'date', 'amount'] as const;

type ColumnIndexes = Record<(typeof TRANSACTION_COLUMNS)[number], number>;

/**
 * A `customer_id,date,amount` CSV (header names in any case and order, extra columns ignored) as text chunks →
 * its transactions. Stops at the first bad row with a TransactionLogError naming its line.
 */
export async function readTransactionLog(chunks: AsyncIterable<string> | Iterable<string>): Promise<Transaction[]> {
  const transactions: Transaction[] = [];
  let columns: ColumnIndexes | null = null;
  for await (const batch of readCsvRecords(chunks)) {
    for (const record of batch) {
      if (columns === null) columns = headerColumns(record);
      else transactions.push(parseTransaction(record, columns));
    }
  }
  if (columns === null) throw new TransactionLogError(`The file has no header row; expected ${TRANSACTION_COLUMNS.join(',')}.`);
  return transactions;
}

function headerColumns(header: CsvRecord): ColumnIndexes {
  if (header.error !== undefined) throw new TransactionLogError(`line ${header.line}: the header could not be read: ${header.error}.`);
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const indexes: Partial<ColumnIndexes> = {};
  const missing: string[] = [];
  for (const column of TRANSACTION_COLUMNS) {
    const index = names.indexOf(column);
    if (index === -1) missing.push(column);
    else if (names.indexOf(column, index + 1) !== -1) {
      throw new TransactionLogError(`line ${header.line}: the header has a "${column}" column twice.`);
    }
    indexes[column] = index;
  }
  if (missing.length > 0) {
    throw new TransactionLogError(
      `line ${header.line}: the header lacks ${missing.map((name) => `"${name}"`).join(', ')}; ` +
        `it must name the columns ${TRANSACTION_COLUMNS.join(',')} (any order and case). ` +
        `Found: ${header.fields.map((field) => quoted(field)).join(', ')}.`,
    );
  }
  return indexes as ColumnIndexes;
}

function parseTransaction(record: CsvRecord, columns: ColumnIndexes): Transaction {
  const fail = (reason: string): never => {
    throw new TransactionLogError(`line ${record.line}: ${reason}`);
  };
  if (record.error !== undefined) fail(`the row could not be read: ${record.error}`);
  const fields = record.fields;
  const customerId = cleanText(fields[columns.customer_id]) ?? fail('customer_id is empty');
  const dateText = cleanText(fields[columns.date]) ?? fail('date is empty');
  const amountText = cleanText(fields[columns.amount]) ?? fail('amount is empty');

  // parseDate also reads day-first and compact dates; the CLI takes ISO only, so no date order can be misread.
  if (!ISO_DATE_START.test(dateText)) fail(`date ${quoted(dateText)} is not an ISO date (YYYY-MM-DD)`);
  const date = parseDate(dateText, 'ymd');
  if (date instanceof InvalidValue) return fail(`date ${date.reason}`);
  const amount = parseDecimal(amountText, '.');
  if (amount instanceof InvalidValue) return fail(`amount ${amount.reason}`);
  return { customerId, date, amount };
}

const ISO_DATE_START = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;

import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { getDb, type Database } from '@/lib/db/client';
import { openCopy } from '@/lib/db/copy';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recordAuditEvent } from '@/lib/audit/events';
import type { ProgressReporter } from '@/lib/jobs/worker';
import { readCsvRecords } from './csv-reader';
import { formatCsvRow } from './csv-writer';
import { findImport, markImportFailed, markImportRunning, markImportSucceeded, storeRejects, type ImportCounts, type ImportOptions, type ImportRecord } from './imports-store';
import { OrderedKeys } from './ordered-keys';
import { isRejection, ROW_COLUMNS, RowValidator, type RowRejection } from './row-validator';
import { stagingColumns } from './staging-columns';
import { decodeUploadText, ImportFileError } from './upload-text';
import { rejectRepeatedIds, resolveUnknownCustomers, STAGING, STAGING_TABLE, upsertCustomers, upsertOrders } from './upsert';

/** Rejected rows kept for the download; any more are counted but not stored. */
export const STORED_REJECTS_LIMIT = 10_000;

export type ImportOutcome = { status: 'succeeded'; counts: ImportCounts } | { status: 'failed'; error: string };

// Small chunks keep each batch of parsed records short-lived: with 1 MiB chunks they outlive the young generation
// and garbage collection took more than half of the parse time.
const READ_CHUNK_BYTES = 64 * 1024;

async function* countingBytes(file: string, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    total += (chunk as Buffer).length;
    onBytes(total);
    yield chunk as Buffer;
  }
}

export type RunImportOptions = {
  /** Awaited after the file is staged and before its rows are saved; throwing an ImportInputError fails the import. */
  beforeSaving?: () => Promise<void>;
};

/**
 * Imports one uploaded file all-or-nothing: parse and validate as a stream, COPY valid rows into a temporary
 * staging table, then one set-based upsert into customers or orders keyed by (workspace, external ID) — in one
 * transaction together with the import's record. Re-importing the same file changes nothing. A failure leaves the
 * workspace as it was and the import marked failed with the reason.
 */
export async function runImport(
  tenant: Tenant,
  importId: number,
  reportProgress: ProgressReporter = async () => {},
  options: RunImportOptions = {},
): Promise<ImportOutcome> {
  const db = await getDb();
  const record = await findImport(db, tenant.orgId, importId);
  if (!record) throw new Error(`Import ${importId} not found.`);
  await markImportRunning(db, record);
  try {
    const counts = await withTenant(tenant, (tx) => importInTransaction(tx, record, reportProgress, options));
    return { status: 'succeeded', counts };
  } catch (error) {
    const message =
      error instanceof ImportFileError || error instanceof ImportInputError
        ? error.message
        : `The import stopped and nothing was saved: ${error instanceof Error ? error.message : String(error)}`;
    await markImportFailed(db, record, message);
    return { status: 'failed', error: message };
  }
}

export class ImportInputError extends Error {}

async function importInTransaction(tx: Database, record: ImportRecord, reportProgress: ProgressReporter, options: RunImportOptions): Promise<ImportCounts> {
  const fileOptions = record.options as ImportOptions;
  const validator = new RowValidator(record.entity, record.headers, record.mapping, {
    dateOrder: fileOptions.dateOrder,
    decimalSeparator: fileOptions.decimalSeparator,
  });
  await useAnalyticalSettings(tx);
  const columns = stagingColumns(record.entity);
  await tx.execute(sql`create temporary table ${STAGING} (${sql.raw(columns.map((c) => `${c.name} ${c.sqlType}`).join(', '))}) on commit drop`);
  const copy = await openCopy(tx, `${STAGING_TABLE} (${columns.map((c) => c.name).join(', ')})`);

  const rejects: RowRejection[] = [];
  const keys = new OrderedKeys();
  const keyColumn = ROW_COLUMNS[record.entity].indexOf('external_id');
  let rejected = 0;
  let rowsRead = 0;
  let bytesRead = 0;
  let lastReport = 0;
  try {
    const chunks = decodeUploadText(countingBytes(record.storedFile!, (bytes) => (bytesRead = bytes)));
    let headerSkipped = !fileOptions.hasHeader;
    for await (const batch of readCsvRecords(chunks, { delimiter: fileOptions.delimiter })) {
      let csv = '';
      for (const recordOfFile of batch) {
        if (!headerSkipped) {
          headerSkipped = true;
          continue;
        }
        rowsRead++;
        const result = validator.validate(recordOfFile);
        if (isRejection(result)) {
          rejected++;
          if (rejects.length < STORED_REJECTS_LIMIT) rejects.push(result);
        } else {
          keys.observe(result[keyColumn] as string);
          csv += formatCsvRow([recordOfFile.line, ...result], { neutraliseFormulas: false });
        }
      }
      if (csv) await copy.write(csv);
      if (Date.now() - lastReport > 250) {
        lastReport = Date.now();
        await reportProgress(`Reading rows: ${rowsRead.toLocaleString('en-US')} so far`, 0.8 * (bytesRead / Math.max(1, record.fileSize)));
      }
    }
    await copy.end();
  } catch (error) {
    await copy.abort(error as Error);
    throw error;
  }
  if (rowsRead === 0) {
    throw new ImportInputError(fileOptions.hasHeader ? 'The file has a header row but no data rows.' : 'The file has no rows.');
  }

  await options.beforeSaving?.();
  await reportProgress('Saving rows', 0.85);
  const laterRejects: { line: number; reason: string }[] = keys.provenUnique ? [] : [...(await rejectRepeatedIds(tx))];
  let customersCreated = 0;
  let refunds = 0;
  const mappedFields = new Set(record.mapping.filter((target): target is string => Boolean(target)));
  let upserted: { inserted: number; updated: number };
  if (record.entity === 'customers') {
    upserted = await upsertCustomers(tx, record.orgId, mappedFields, record.mapping.some((t) => t?.startsWith('custom:')));
  } else {
    const unknown = await resolveUnknownCustomers(tx, record.orgId, fileOptions.unknownCustomers);
    customersCreated = unknown.created;
    laterRejects.push(...unknown.rejects);
    [{ refunds }] = await queryRows<{ refunds: number }>(tx, sql`select count(*) filter (where is_refund)::int as refunds from ${STAGING}`);
    upserted = await upsertOrders(tx, record.orgId, mappedFields);
  }
  rejected += laterRejects.length;
  // Rows rejected after staging are named by their ID in the reason; their raw fields are not kept.
  for (const reject of laterRejects) if (rejects.length < STORED_REJECTS_LIMIT) rejects.push({ ...reject, raw: [] });
  await storeRejects(tx, record, rejects);

  const counts: ImportCounts = {
    rowsRead,
    rowsInserted: upserted.inserted,
    rowsUpdated: upserted.updated,
    rowsUnchanged: rowsRead - rejected - upserted.inserted - upserted.updated,
    rowsRejected: rejected,
    refunds,
    customersCreated,
  };
  await markImportSucceeded(tx, record, counts);
  await recordAuditEvent(tx, record.orgId, {
    actorId: record.createdBy,
    action: 'import.completed',
    target: `${record.entity}:${record.fileName}`,
    details: { importId: record.id, ...counts },
  });
  await reportProgress('Done', 1);
  return counts;
}

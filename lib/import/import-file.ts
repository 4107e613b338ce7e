import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '@/lib/db/client';
import type { Tenant } from '@/lib/db/tenant';
import type { ProgressReporter } from '@/lib/jobs/worker';
import { headerSignature } from './column-mapping';
import type { DateOrder } from './dates';
import type { ImportEntity } from './import-fields';
import { createImportRecord, saveMapping, type ImportOptions } from './imports-store';
import { inspectUpload } from './inspect-upload';
import { ImportInputError, runImport, type ImportOutcome, type RunImportOptions } from './run-import';

export type ImportFileRequest = RunImportOptions & {
  entity: ImportEntity;
  file: string;
  unknownCustomers?: ImportOptions['unknownCustomers'];
  dateOrder?: DateOrder;
  createdBy?: string | null;
};

/**
 * Imports a file with the mapping saved for its headers or suggested from them (the CLI's path; the imports page
 * lets the user confirm the mapping first). Returns the import's id and outcome.
 */
export async function importFile(db: Database, tenant: Tenant, request: ImportFileRequest, reportProgress?: ProgressReporter): Promise<{ importId: number } & ImportOutcome> {
  const inspection = await inspectUpload(db, tenant.orgId, request.entity, request.file);
  if (inspection.problems.length) throw new ImportInputError(inspection.problems.join(' '));
  const dateOrder = request.dateOrder ?? inspection.dateOrder;
  if (dateOrder === 'ambiguous') {
    throw new ImportInputError('The dates could be day-first or month-first (e.g. 05/01/2024): say which with --date-order dmy or mdy.');
  }
  const options: ImportOptions = {
    delimiter: inspection.sniff.delimiter,
    hasHeader: inspection.sniff.hasHeader,
    dateOrder,
    decimalSeparator: inspection.decimalSeparator === 'ambiguous' ? '.' : inspection.decimalSeparator,
    unknownCustomers: request.unknownCustomers ?? 'create',
  };
  const record = await createImportRecord(db, tenant.orgId, {
    entity: request.entity,
    fileName: path.basename(request.file),
    fileSize: fs.statSync(request.file).size,
    storedFile: request.file,
    headers: inspection.sniff.headers,
    mapping: inspection.mapping,
    options,
    createdBy: request.createdBy ?? null,
  });
  const outcome = await runImport(tenant, record.id, reportProgress, { beforeSaving: request.beforeSaving });
  if (outcome.status === 'succeeded') {
    await saveMapping(db, tenant.orgId, request.entity, headerSignature(inspection.sniff.headers), inspection.mapping, options);
  }
  return { importId: record.id, ...outcome };
}

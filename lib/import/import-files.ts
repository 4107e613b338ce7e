import type { Database } from '@/lib/db/client';
import type { Tenant } from '@/lib/db/tenant';
import { importFile, type ImportFileRequest } from './import-file';
import { ImportInputError, type ImportOutcome } from './run-import';

export type FileImportResult = ({ importId: number } & ImportOutcome) | { status: 'failed'; error: string };

export type ImportFilesResult = { customers?: FileImportResult; orders?: FileImportResult };

type SharedRequest = Omit<ImportFileRequest, 'entity' | 'file' | 'beforeSaving'>;

/**
 * Imports a customers file, then an orders file (either may be missing); when the customers fail, no orders are
 * saved. With `overlap` (PostgreSQL, where the two imports get connections of their own) the orders file is read,
 * checked and staged while the customers are saved, and its rows are saved once the customers have committed, so
 * that every order finds its customer. PGlite has a single connection: one file after the other.
 */
export async function importFiles(
  db: Database,
  tenant: Tenant,
  files: { customers?: string; orders?: string },
  request: SharedRequest & { overlap: boolean },
): Promise<ImportFilesResult> {
  const { overlap, ...shared } = request;
  const importOne = (entity: 'customers' | 'orders', file: string, beforeSaving?: () => Promise<void>): Promise<FileImportResult> =>
    importFile(db, tenant, { ...shared, entity, file, beforeSaving }).catch((error: Error) => ({ status: 'failed', error: error.message }));

  const customers = files.customers ? importOne('customers', files.customers) : undefined;
  if (!files.orders) return { customers: await customers };
  if (!overlap) {
    const customersResult = await customers;
    if (customersResult?.status === 'failed') return { customers: customersResult };
    return { customers: customersResult, orders: await importOne('orders', files.orders) };
  }
  const customersSaved = async () => {
    if ((await customers)?.status === 'failed') throw new ImportInputError('The customers file did not import, so these orders were not saved.');
  };
  const [customersResult, ordersResult] = await Promise.all([customers, importOne('orders', files.orders, customersSaved)]);
  return { customers: customersResult, orders: ordersResult };
}

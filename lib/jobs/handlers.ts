import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { tenantForJob, withTenant } from '@/lib/db/tenant';
import { findImport } from '@/lib/import/imports-store';
import { runImport } from '@/lib/import/run-import';
import { deleteStoredUpload } from '@/lib/import/uploads';
import { recordHoldoutCheck } from '@/lib/metrics/holdout-record';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { refreshSegments } from '@/lib/segments/refresh-membership';
import { enqueueJob } from './queue';
import { registerJobHandler } from './worker';

/** Every kind of background job, registered once per process before the worker starts. */
export function registerJobHandlers(): void {
  registerJobHandler('import', async (job, reportProgress) => {
    const tenant = tenantForJob(job);
    const importId = Number(job.payload.importId);
    const outcome = await runImport(tenant, importId, reportProgress);
    deleteStoredUpload((await findImport(await getDb(), tenant.orgId, importId))?.storedFile ?? null);
    if (outcome.status === 'failed') throw new Error(outcome.error);
    // New data: customer value is recomputed right after.
    await enqueueJob(await getDb(), tenant.orgId, 'recompute', { createdBy: job.createdBy });
    return { importId, ...outcome.counts };
  });
  registerJobHandler('recompute', async (job, reportProgress) => {
    const tenant = tenantForJob(job);
    const summary = await recomputeCustomerValue(tenant, reportProgress);
    // Fresh statistics for the rewritten table, or the planner keeps guessing a handful of rows. Maintenance, not
    // tenant data access: it runs outside the tenant role, which may not analyze.
    await (await getDb()).execute(sql`analyze customer_metrics`);
    await reportProgress('Checking predictions against a holdout period', 0.9);
    const holdout = await recordHoldoutCheck(tenant);
    await reportProgress('Refreshing segments', 0.95);
    const refreshed = await withTenant(tenant, (tx) => refreshSegments(tx, tenant.orgId));
    return { ...summary, holdoutError: holdout?.aggregateError ?? null, segmentsRefreshed: refreshed.segments };
  });
}

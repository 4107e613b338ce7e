import { tenantForJob } from '@/lib/db/tenant';
import { recordHoldoutCheck } from '@/lib/metrics/holdout-record';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { registerJobHandler } from './worker';

/** Every kind of background job, registered once per process before the worker starts. */
export function registerJobHandlers(): void {
  registerJobHandler('recompute', async (job, reportProgress) => {
    const tenant = tenantForJob(job);
    const summary = await recomputeCustomerValue(tenant, reportProgress);
    await reportProgress('Checking predictions against a holdout period', 0.9);
    const holdout = await recordHoldoutCheck(tenant);
    return { ...summary, holdoutError: holdout?.aggregateError ?? null };
  });
}

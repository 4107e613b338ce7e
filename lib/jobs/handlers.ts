import { tenantForJob } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { registerJobHandler } from './worker';

/** Every kind of background job, registered once per process before the worker starts. */
export function registerJobHandlers(): void {
  registerJobHandler('recompute', async (job, reportProgress) => recomputeCustomerValue(tenantForJob(job), reportProgress));
}

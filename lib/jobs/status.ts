import { getDb } from '@/lib/db/client';
import type { Tenant } from '@/lib/db/tenant';
import { latestJob, type JobKind } from './queue';
import { liveProgress } from './worker';

export type JobStatus = {
  id: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  stage: string | null;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
};

/** The newest job of a kind for the workspace, with the live progress of a job running in this process. */
export async function latestJobStatus(tenant: Tenant, kind: JobKind): Promise<JobStatus | null> {
  const job = await latestJob(await getDb(), tenant.orgId, kind);
  if (!job) return null;
  const live = job.status === 'running' ? liveProgress(job) : undefined;
  return {
    id: job.id,
    status: job.status,
    stage: live?.stage ?? job.stage,
    progress: live?.progress ?? job.progress,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.result ?? null,
  };
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { jobs } from '@/lib/db/schema';

export type Job = typeof jobs.$inferSelect;
export type JobKind = 'recompute' | 'import';

/** Queues a job unless one of the same kind is already waiting for the workspace (then returns that one). */
export async function enqueueJob(
  db: Database,
  orgId: string,
  kind: JobKind,
  options: { payload?: Record<string, unknown>; createdBy?: string | null } = {},
): Promise<Job> {
  const [waiting] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.kind, kind), eq(jobs.status, 'queued')))
    .limit(1);
  if (waiting && kind === 'recompute') return waiting;
  const [job] = await db
    .insert(jobs)
    .values({ orgId, kind, payload: options.payload ?? {}, createdBy: options.createdBy ?? null })
    .returning();
  return job;
}

/** Claims the oldest queued job of any workspace; concurrent workers never claim the same one. */
export async function claimNextJob(db: Database, kinds: readonly string[]): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const [claimed] = await queryRows<{ org_id: string; id: number }>(
    db,
    sql`update jobs set status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
        where (org_id, id) = (
          select org_id, id from jobs
          where status = 'queued' and kind in ${kinds}
          order by created_at, id
          for update skip locked
          limit 1)
        returning org_id, id`,
  );
  if (!claimed) return null;
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, claimed.org_id), eq(jobs.id, Number(claimed.id))));
  return job ?? null;
}

export async function recordProgress(db: Database, job: Pick<Job, 'orgId' | 'id'>, stage: string, progress: number) {
  await db
    .update(jobs)
    .set({ stage, progress, heartbeatAt: new Date() })
    .where(and(eq(jobs.orgId, job.orgId), eq(jobs.id, job.id)));
}

export async function finishJob(
  db: Database,
  job: Pick<Job, 'orgId' | 'id'>,
  outcome: { result: Record<string, unknown> } | { error: string },
) {
  await db
    .update(jobs)
    .set(
      'error' in outcome
        ? { status: 'failed', error: outcome.error, finishedAt: new Date() }
        : { status: 'succeeded', result: outcome.result, progress: 1, stage: 'done', finishedAt: new Date() },
    )
    .where(and(eq(jobs.orgId, job.orgId), eq(jobs.id, job.id)));
}

/** Jobs left 'running' by a server that stopped are marked failed, so nothing waits on them forever. */
export async function failAbandonedJobs(db: Database, staleAfterSeconds: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update jobs set status = 'failed', finished_at = now(),
               error = 'The server stopped while this job was running. Nothing it was writing was kept; run it again.'
        where status = 'running' and heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})
        returning id`,
  );
  return rows.length;
}

/** Imports left running by a server that stopped (their job failed or vanished): failed, nothing was kept. */
export async function failInterruptedImports(db: Database): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update imports set status = 'failed', finished_at = now(),
               error = 'The server stopped during this import. Nothing from the file was saved; import it again.'
        where status in ('queued', 'running')
          and not exists (select 1 from jobs j where j.org_id = imports.org_id and j.kind = 'import'
                          and j.status in ('queued', 'running') and (j.payload ->> 'importId')::bigint = imports.id)
        returning id`,
  );
  return rows.length;
}

export async function latestJob(db: Database, orgId: string, kind: JobKind): Promise<Job | null> {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.kind, kind)))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(1);
  return job ?? null;
}

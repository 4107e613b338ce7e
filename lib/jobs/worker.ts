import { databaseDriver, getDb } from '@/lib/db/client';
import { claimNextJob, failAbandonedJobs, failInterruptedImports, finishJob, recordProgress, type Job } from './queue';

export type ProgressReporter = (stage: string, progress: number) => Promise<void>;
export type JobHandler = (job: Job, reportProgress: ProgressReporter) => Promise<Record<string, unknown>>;

type LiveProgress = { stage: string; progress: number };

const state = globalThis as unknown as {
  segmentaJobHandlers?: Map<string, JobHandler>;
  segmentaLiveProgress?: Map<string, LiveProgress>;
  segmentaWorker?: { timer: NodeJS.Timeout; running: boolean; wake: () => void };
};
const handlers = (state.segmentaJobHandlers ??= new Map());
const live = (state.segmentaLiveProgress ??= new Map());

const key = (job: Pick<Job, 'orgId' | 'id'>) => `${job.orgId}:${job.id}`;

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** Progress of a job running in this process, fresher than the row (PGlite cannot write it mid-transaction). */
export function liveProgress(job: Pick<Job, 'orgId' | 'id'>): LiveProgress | undefined {
  return live.get(key(job));
}

async function runJob(job: Job): Promise<void> {
  const db = await getDb();
  const persistProgress = (await databaseDriver()) === 'postgres';
  const reportProgress: ProgressReporter = async (stage, progress) => {
    live.set(key(job), { stage, progress });
    // On Postgres progress goes through another pooled connection; PGlite has one connection, held by the job.
    if (persistProgress) await recordProgress(db, job, stage, progress);
  };
  // A job whose heartbeat stops (its server died) is failed by the next worker to start.
  const heartbeat = persistProgress
    ? setInterval(
        // A missed beat (the database briefly away) is harmless; left unhandled, it would end a CLI's process.
        () => recordProgress(db, job, live.get(key(job))?.stage ?? 'running', live.get(key(job))?.progress ?? 0).catch(() => {}),
        15_000,
      )
    : undefined;
  try {
    const handler = handlers.get(job.kind);
    if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}".`);
    await finishJob(db, job, { result: await handler(job, reportProgress) });
  } catch (error) {
    console.error(`[segmenta] job ${job.kind} #${job.id} failed`, error);
    await finishJob(db, job, { error: error instanceof Error ? error.message : String(error) });
  } finally {
    clearInterval(heartbeat);
    live.delete(key(job));
  }
}

/** Runs queued jobs one after another until none is left (the worker loop, tests and CLIs). */
export async function runQueuedJobs(): Promise<number> {
  const db = await getDb();
  let ran = 0;
  for (;;) {
    const job = await claimNextJob(db, [...handlers.keys()]);
    if (!job) return ran;
    await runJob(job);
    ran++;
  }
}

// On PostgreSQL a 'running' job without a heartbeat for this long died with its server or its connection.
const STALE_AFTER_SECONDS = 60;

/**
 * On PostgreSQL a job's outcome is lost when the database goes away under it (a restart, a failover): its row stays
 * 'running' and its workspace shows a recompute that never ends. Such jobs are failed while the server runs, not
 * only when the next one starts.
 */
async function failJobsLeftRunning(): Promise<void> {
  if ((await databaseDriver()) !== 'postgres') return;
  const db = await getDb();
  const failed = await failAbandonedJobs(db, STALE_AFTER_SECONDS);
  const imports = failed ? await failInterruptedImports(db) : 0;
  if (failed || imports) console.log(`[segmenta] marked ${failed} interrupted job(s) and ${imports} import(s) as failed`);
}

/** Starts the in-process worker once per process: polls for queued jobs, one at a time, and for stale ones. */
export function startWorker(pollMs = 2000, staleCheckMs = 60_000): void {
  if (state.segmentaWorker) return;
  let checkedAt = Date.now(); // the start below checks once
  const worker = {
    running: false,
    timer: undefined as unknown as NodeJS.Timeout,
    wake: () => {
      if (worker.running) return;
      worker.running = true;
      const staleCheck = Date.now() - checkedAt >= staleCheckMs ? ((checkedAt = Date.now()), failJobsLeftRunning()) : Promise.resolve();
      staleCheck
        .then(() => runQueuedJobs())
        .catch((error) => console.error('[segmenta] job worker', error))
        .finally(() => (worker.running = false));
    },
  };
  worker.timer = setInterval(worker.wake, pollMs);
  worker.timer.unref();
  state.segmentaWorker = worker;
  void (async () => {
    // PGlite belongs to this process alone, so anything still 'running' died with the previous one.
    const staleAfterSeconds = (await databaseDriver()) === 'pglite' ? 0 : STALE_AFTER_SECONDS;
    const failed = await failAbandonedJobs(await getDb(), staleAfterSeconds);
    const imports = await failInterruptedImports(await getDb());
    if (failed || imports) console.log(`[segmenta] marked ${failed} interrupted job(s) and ${imports} import(s) as failed`);
    worker.wake();
  })().catch((error) => console.error('[segmenta] job worker', error));
}

/** Stops this process's worker (tests); a job it is running finishes. */
export function stopWorker(): void {
  clearInterval(state.segmentaWorker?.timer);
  state.segmentaWorker = undefined;
}

/** Asks the worker to look for jobs now instead of at its next poll. */
export function wakeWorker(): void {
  state.segmentaWorker?.wake();
}

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import type { Tenant } from '@/lib/db/tenant';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { enqueueJob } from './queue';
import { startWorker, stopWorker } from './worker';

let test: TestDatabase;
let shop: Tenant;
beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Worker Shop', [{ customerId: 'c1', date: '2026-01-05', amount: 10 }]);
});
afterAll(async () => {
  stopWorker();
  await test?.drop();
});

// PGlite belongs to one process, so there a job left running is only ever failed at the next start.
describe.skipIf(!process.env.DATABASE_URL)('job worker on PostgreSQL', () => {
  it('fails a job left running by a database outage while the server keeps running', async () => {
    startWorker(50, 100);
    await new Promise((resolve) => setTimeout(resolve, 500)); // past the check every worker makes when it starts
    // The outage: the job was claimed, then its outcome could not be written and its heartbeat stopped.
    const stuck = await enqueueJob(test.db, shop.orgId, 'recompute');
    const fresh = await enqueueJob(test.db, shop.orgId, 'import');
    const running = (id: number, heartbeatSecondsAgo: number) =>
      test.db
        .update(jobs)
        .set({ status: 'running', heartbeatAt: sql`now() - make_interval(secs => ${heartbeatSecondsAgo})` })
        .where(and(eq(jobs.orgId, shop.orgId), eq(jobs.id, id)));
    await running(stuck.id, 120);
    await running(fresh.id, 5);

    const statusOf = async (id: number) =>
      (await test.db.select({ status: jobs.status }).from(jobs).where(and(eq(jobs.orgId, shop.orgId), eq(jobs.id, id))))[0].status;
    await expect.poll(() => statusOf(stuck.id), { timeout: 5000 }).toBe('failed');
    expect(await statusOf(fresh.id)).toBe('running');
  });
});

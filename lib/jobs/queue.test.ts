import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { imports, jobs } from '@/lib/db/schema';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import type { Tenant } from '@/lib/db/tenant';
import { claimNextJob, enqueueJob, failAbandonedJobs, failInterruptedImports, latestJob } from './queue';
import { registerJobHandler, runQueuedJobs } from './worker';

let test: TestDatabase;
let shop: Tenant;
beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Queue Shop', [{ customerId: 'c1', date: '2026-01-05', amount: 10 }]);
});
afterAll(() => test?.drop());

describe(`job queue (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('runs queued jobs through their handler and records the result or the error', async () => {
    const seen: number[] = [];
    registerJobHandler('recompute', async (job, reportProgress) => {
      await reportProgress('working', 0.5);
      seen.push(job.id);
      if (job.payload.fail) throw new Error('boom');
      return { ok: true };
    });
    const good = await enqueueJob(test.db, shop.orgId, 'recompute');
    expect(await runQueuedJobs()).toBe(1);
    const bad = await enqueueJob(test.db, shop.orgId, 'recompute', { payload: { fail: true } });
    expect(await runQueuedJobs()).toBe(1);
    expect(seen).toEqual([good.id, bad.id]);

    const [done] = await test.db.select().from(jobs).where(and(eq(jobs.orgId, shop.orgId), eq(jobs.id, good.id)));
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, result: { ok: true }, attempts: 1 });
    expect(await latestJob(test.db, shop.orgId, 'recompute')).toMatchObject({ id: bad.id, status: 'failed', error: 'boom' });
  });

  it('does not queue a second recompute while one is waiting', async () => {
    const first = await enqueueJob(test.db, shop.orgId, 'recompute');
    const second = await enqueueJob(test.db, shop.orgId, 'recompute');
    expect(second.id).toBe(first.id);
    await runQueuedJobs();
  });

  it('claims a job once, and fails jobs whose server stopped mid-run', async () => {
    await enqueueJob(test.db, shop.orgId, 'import');
    const claimed = await claimNextJob(test.db, ['import']);
    expect(claimed?.status).toBe('running');
    expect(await claimNextJob(test.db, ['import'])).toBeNull();

    expect(await failAbandonedJobs(test.db, 3600)).toBe(0);
    expect(await failAbandonedJobs(test.db, 0)).toBe(1);
    const [row] = await test.db.select().from(jobs).where(and(eq(jobs.orgId, shop.orgId), eq(jobs.id, claimed!.id)));
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/server stopped/);
  });
});

describe(`imports interrupted by a server stop (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('are failed with a clear reason unless their job is still queued or running', async () => {
    const { createImportRecord } = await import('@/lib/import/imports-store');
    const base = {
      entity: 'orders' as const, fileName: 'big.csv', fileSize: 10, storedFile: '/nowhere', headers: ['a'], mapping: ['external_id'],
      options: { delimiter: ',' as const, hasHeader: true, dateOrder: 'ymd' as const, decimalSeparator: '.' as const, unknownCustomers: 'create' as const },
      createdBy: null,
    };
    const orphan = await createImportRecord(test.db, shop.orgId, base);
    const waiting = await createImportRecord(test.db, shop.orgId, base);
    await test.db.update(imports).set({ status: 'running' }).where(and(eq(imports.orgId, shop.orgId), eq(imports.id, orphan.id)));
    await enqueueJob(test.db, shop.orgId, 'import', { payload: { importId: waiting.id } });

    expect(await failInterruptedImports(test.db)).toBe(1);
    const rows = await test.db.select().from(imports).where(eq(imports.orgId, shop.orgId));
    expect(rows.find((r) => r.id === orphan.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/server stopped.*import it again/) });
    expect(rows.find((r) => r.id === waiting.id)?.status).toBe('queued');
  });
});

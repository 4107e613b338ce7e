import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, jobs } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedWorkspaceData, type SeededWorkspace } from '@/lib/deletion/deletion-fixture';
import { valueEngineSettings } from '@/lib/metrics/settings';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveValueSettingsAction } = await import('./actions');

let test: TestDatabase;
let shop: SeededWorkspace;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const SETTINGS = { defaultMarginPct: '25', rfmBins: '4', clvHorizonMonths: '24', monthlyDiscountRatePct: '2', clvBasis: 'margin' };
const settingsEvents = () =>
  test.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, shop.tenant.orgId), eq(auditEvents.action, 'value_settings.changed')));
const queuedRecomputes = () =>
  test.db.select().from(jobs).where(and(eq(jobs.orgId, shop.tenant.orgId), eq(jobs.kind, 'recompute'), eq(jobs.status, 'queued')));

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Value Settings Shop', ['v1']);
  await test.db.delete(jobs);
});
afterAll(() => test?.drop());
beforeEach(() => {
  session.current = null;
});

describe(`saving the value settings (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is refused to a marketer and leaves no trace', async () => {
    session.current = { user: { id: shop.marketer.id } };
    expect(await saveValueSettingsAction(shop.workspace.slug, {}, form(SETTINGS))).toEqual({ error: 'This needs the Admin role; you are Marketer.' });
    expect((await valueEngineSettings(test.db, shop.tenant.orgId)).rfmBins).toBe(5);
    expect(await settingsEvents()).toEqual([]);
    expect(await queuedRecomputes()).toEqual([]);
  });

  it('stores an admin’s settings, records them before and after, and queues a recompute', async () => {
    session.current = { user: { id: shop.admin.id } };
    expect(await saveValueSettingsAction(shop.workspace.slug, {}, form(SETTINGS))).toMatchObject({ ok: true });
    expect(await valueEngineSettings(test.db, shop.tenant.orgId)).toEqual({
      defaultMarginPct: 25, rfmBins: 4, clvHorizonMonths: 24, monthlyDiscountRate: 0.02, clvBasis: 'margin',
    });
    const [event] = await settingsEvents();
    expect(event.actorId).toBe(shop.admin.id);
    expect(event.details).toMatchObject({ before: { rfmBins: 5, clvBasis: 'revenue' }, after: { rfmBins: 4, clvBasis: 'margin', monthlyDiscountRate: 0.02 } });
    expect(await queuedRecomputes()).toHaveLength(1);
  });
});

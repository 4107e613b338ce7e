import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type SignedInUser } from '@/lib/auth/users';
import { auditEvents, jobs, organizations } from '@/lib/db/schema';
import { queryRows } from '@/lib/db/rows';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import type { Tenant } from '@/lib/db/tenant';
import { DEFAULT_SEGMENT_NAMES, DEFAULT_SEGMENT_SCHEME, matchingSegments, toFivePointScale, type SegmentRule } from '@/lib/models/rfm';
import { CUSTOM_SCHEME, ordersAcrossTheGrid } from '@/lib/testing/rfm-schemes';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { recomputeCustomerValue } from './recompute';
import { isWorkspaceRfmSegment, saveWorkspaceSegmentScheme, workspaceSegmentScheme } from './segment-scheme-store';

let test: TestDatabase;
let shop: Tenant;
let admin: SignedInUser;

type ScoredRow = { recency_score: number; frequency_score: number; monetary_score: number; rfm_segment: string };

async function scoredCustomers(): Promise<ScoredRow[]> {
  return queryRows<ScoredRow>(
    test.db,
    sql`select recency_score, frequency_score, monetary_score, rfm_segment from customer_metrics
        where org_id = ${shop.orgId} and recency_score is not null`,
  );
}

/** Every scored customer's segment is the scheme's segment of their cell on the 5-point grid. */
function expectSegmentsOf(rows: ScoredRow[], scheme: readonly SegmentRule[], bins: number) {
  expect(rows.length).toBe(240);
  for (const row of rows) {
    const cell = {
      recency: toFivePointScale(row.recency_score, bins),
      frequency: toFivePointScale(row.frequency_score, bins),
      monetary: toFivePointScale(row.monetary_score, bins),
    };
    expect(row.rfm_segment, JSON.stringify(row)).toBe(matchingSegments(scheme, cell)[0]);
  }
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Scheme Shop', ordersAcrossTheGrid());
  admin = await createUser(test.db, { email: 'scheme.admin@example.com', name: 'Scheme Admin', password: 'a-long-password' });
}, 120_000);
afterAll(() => test?.drop());

describe(`a workspace's RFM segment scheme (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is the default grid until one is saved', async () => {
    expect(await workspaceSegmentScheme(test.db, shop.orgId)).toEqual({ segments: DEFAULT_SEGMENT_SCHEME, isDefault: true });
    await recomputeCustomerValue(shop);
    expectSegmentsOf(await scoredCustomers(), DEFAULT_SEGMENT_SCHEME, 5);
  });

  it('is stored with an audit event and a queued recompute, after which every customer has a segment of it', async () => {
    await saveWorkspaceSegmentScheme(shop, admin, CUSTOM_SCHEME);
    expect(await workspaceSegmentScheme(test.db, shop.orgId)).toEqual({ segments: CUSTOM_SCHEME, isDefault: false });
    expect(await isWorkspaceRfmSegment(test.db, shop.orgId, 'Dormant')).toBe(true);
    expect(await isWorkspaceRfmSegment(test.db, shop.orgId, 'Hibernating')).toBe(false);
    const [event] = await test.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, shop.orgId), eq(auditEvents.action, 'rfm_scheme.changed')));
    expect(event).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      target: 'custom RFM segments',
      details: { before: DEFAULT_SEGMENT_SCHEME.map((s) => s.name), after: CUSTOM_SCHEME.map((s) => s.name) },
    });
    const queued = await test.db.select().from(jobs).where(and(eq(jobs.orgId, shop.orgId), eq(jobs.kind, 'recompute'), eq(jobs.status, 'queued')));
    expect(queued).toHaveLength(1);
    expect(queued[0].createdBy).toBe(admin.id);

    await recomputeCustomerValue(shop);
    const rows = await scoredCustomers();
    expectSegmentsOf(rows, CUSTOM_SCHEME, 5);
    const names = new Set(rows.map((row) => row.rfm_segment));
    expect(names).toContain('Dormant');
    expect(names).toContain('Big Champions');
    expect(names).not.toContain('Hibernating');
  });

  it('scales other bin counts to the 5-point grid it is defined on', async () => {
    await test.db.update(organizations).set({ rfmBins: 4 }).where(eq(organizations.id, shop.orgId));
    await recomputeCustomerValue(shop);
    expectSegmentsOf(await scoredCustomers(), CUSTOM_SCHEME, 4);
    await test.db.update(organizations).set({ rfmBins: 5 }).where(eq(organizations.id, shop.orgId));
  });

  it('falls back to the default grid when what is stored no longer validates', async () => {
    await test.db.update(organizations).set({ rfmScheme: [{ name: 'Half', recency: [1, 2], frequency: [1, 5] }] }).where(eq(organizations.id, shop.orgId));
    await recomputeCustomerValue(shop);
    const rows = await scoredCustomers();
    expectSegmentsOf(rows, DEFAULT_SEGMENT_SCHEME, 5);
    expect(rows.every((row) => (DEFAULT_SEGMENT_NAMES as readonly string[]).includes(row.rfm_segment))).toBe(true);
  });

  it('stores the default grid as no scheme at all', async () => {
    await saveWorkspaceSegmentScheme(shop, admin, DEFAULT_SEGMENT_SCHEME);
    const [row] = await test.db.select({ scheme: organizations.rfmScheme }).from(organizations).where(eq(organizations.id, shop.orgId));
    expect(row.scheme).toBeNull();
    const events = await test.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, shop.orgId), eq(auditEvents.action, 'rfm_scheme.changed')));
    expect(events.map((event) => event.target).sort()).toEqual(['custom RFM segments', 'default RFM grid']);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { createUser, type SignedInUser } from '@/lib/auth/users';
import type { Database } from '@/lib/db/client';
import {
  columnMappings,
  customerMetrics,
  customers,
  importRejects,
  imports,
  jobs,
  modelFits,
  orders,
  segmentMemberChanges,
  segmentMembers,
  segments,
  segmentSnapshots,
} from '@/lib/db/schema';
import { queryRows } from '@/lib/db/rows';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { addMember, createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';

export type SeededWorkspace = {
  workspace: Workspace;
  tenant: Tenant;
  admin: SignedInUser;
  marketer: SignedInUser;
  viewer: SignedInUser;
  /** Internal id of each customer by external id. */
  customerIds: Record<string, number>;
};

/**
 * A workspace with an admin, a marketer and a viewer, and per customer: a name, an email, `ordersEach` orders
 * and a metrics row, membership of a static segment with a snapshot listing them as entered; plus one import with a rejected row, a saved column mapping, a model fit and a job. Tests only.
 */
export async function seedWorkspaceData(db: Database, name: string, customerExternalIds: string[], ordersEach = 2): Promise<SeededWorkspace> {
  const tag = name.toLowerCase().replace(/\W+/g, '-');
  const user = (role: string) => createUser(db, { email: `${role}@${tag}.test`, name: `${name} ${role}`, password: 'a-long-password' });
  const [admin, marketer, viewer] = [await user('admin'), await user('marketer'), await user('viewer')];
  const workspace = await createWorkspace(db, { name, currency: 'USD', ownerId: admin.id });
  await addMember(db, workspace.id, marketer.id, 'marketer');
  await addMember(db, workspace.id, viewer.id, 'viewer');
  const orgId = workspace.id;

  const customerIds: Record<string, number> = {};
  for (const externalId of customerExternalIds) {
    const [row] = await db
      .insert(customers)
      .values({ orgId, externalId, name: `Person ${externalId}`, email: `${externalId}@${tag}.test` })
      .returning({ id: customers.id });
    customerIds[externalId] = row.id;
    await db.insert(orders).values(
      Array.from({ length: ordersEach }, (_, i) => ({
        orgId, externalId: `${externalId}-order-${i + 1}`, customerId: row.id, orderedAt: new Date(Date.UTC(2025, 0, 1 + i)), revenue: '10.00',
      })),
    );
    await db.insert(customerMetrics).values({
      orgId, customerId: row.id, asOf: '2025-06-30', orders: ordersEach, purchaseDays: ordersEach, repeatPurchases: ordersEach - 1,
      revenue: 10 * ordersEach, margin: 3 * ordersEach, revenueLast90Days: 0, revenueLast365Days: 10 * ordersEach,
      revenuePrevious365Days: 0, historicalClv: 10 * ordersEach,
    });
  }
  const [record] = await db
    .insert(imports)
    .values({ orgId, entity: 'orders', fileName: 'orders.csv', fileSize: 100, headers: ['id'], mapping: ['external_id'], status: 'succeeded' })
    .returning({ id: imports.id });
  await db.insert(importRejects).values({ orgId, importId: record.id, line: 3, reason: 'No date.', raw: ['x', 'someone@example.com'] });
  await db.insert(columnMappings).values({ orgId, entity: 'orders', headerSignature: 'id', mapping: ['external_id'] });
  await db.insert(modelFits).values({ orgId, model: 'bgnbd', params: { r: 1 }, converged: true, iterations: 3, customers: 2, dataCutoff: '2025-06-30' });
  await db.insert(jobs).values({ orgId, kind: 'recompute', status: 'succeeded' });
  const [segment] = await db.insert(segments).values({ orgId, name: 'Everyone', kind: 'static' }).returning({ id: segments.id });
  const ids = Object.values(customerIds);
  await db.insert(segmentMembers).values(ids.map((customerId) => ({ orgId, segmentId: segment.id, customerId })));
  const [snapshot] = await db
    .insert(segmentSnapshots)
    .values({ orgId, segmentId: segment.id, customers: ids.length, totalCustomers: ids.length, revenue: 0, totalRevenue: 0, predictedClv: 0, entered: ids.length, departed: 0 })
    .returning({ id: segmentSnapshots.id });
  await db.insert(segmentMemberChanges).values(ids.map((customerId) => ({ orgId, snapshotId: snapshot.id, customerId, change: 'entered' as const })));
  return { workspace, tenant: tenantFromMembership(orgId), admin, marketer, viewer, customerIds };
}

const tenantTables = {
  customers,
  orders,
  customerMetrics,
  modelFits,
  imports,
  importRejects,
  columnMappings,
  jobs,
  segmentMembers,
  segmentSnapshots,
  segmentMemberChanges,
} as const;

/** Rows per tenant table of one workspace. */
export async function rowCounts(db: Database, orgId: string): Promise<Record<keyof typeof tenantTables, number>> {
  const counts = {} as Record<keyof typeof tenantTables, number>;
  for (const [key, table] of Object.entries(tenantTables) as [keyof typeof tenantTables, (typeof tenantTables)[keyof typeof tenantTables]][]) {
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table} where org_id = ${orgId}`);
    counts[key] = n;
  }
  return counts;
}

/** One customer's rows: the customer, their orders and their metrics row. */
export async function customerRowCounts(db: Database, orgId: string, customerId: number) {
  const count = async (query: Promise<unknown[]>) => (await query).length;
  return {
    customer: await count(db.select().from(customers).where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))),
    orders: await count(db.select().from(orders).where(and(eq(orders.orgId, orgId), eq(orders.customerId, customerId)))),
    metrics: await count(
      db.select().from(customerMetrics).where(and(eq(customerMetrics.orgId, orgId), eq(customerMetrics.customerId, customerId))),
    ),
    segmentRows:
      (await count(db.select().from(segmentMembers).where(and(eq(segmentMembers.orgId, orgId), eq(segmentMembers.customerId, customerId))))) +
      (await count(
        db.select().from(segmentMemberChanges).where(and(eq(segmentMemberChanges.orgId, orgId), eq(segmentMemberChanges.customerId, customerId))),
      )),
  };
}

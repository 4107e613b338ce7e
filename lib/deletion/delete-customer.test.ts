import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, jobs } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { customerRowCounts, rowCounts, seedWorkspaceData, type SeededWorkspace } from './deletion-fixture';
import { deleteCustomer } from './delete-customer';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { deleteCustomerAction } = await import('@/app/w/[slug]/customers/[customerId]/actions');

let test: TestDatabase;
let shop: SeededWorkspace;
let other: SeededWorkspace;

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Forget Shop', ['a1', 'a2', 'a3', 'a4'], 3);
  other = await seedWorkspaceData(test.db, 'Other Forget Shop', ['b1'], 2);
});
afterAll(() => test?.drop());
beforeEach(() => {
  session.current = null;
});

const auditOf = (orgId: string) => test.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId));

function formData(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, String(value));
  return data;
}

describe(`deleteCustomer (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('deletes exactly that customer’s orders, metrics row and record, and audits it without personal data', async () => {
    const before = await rowCounts(test.db, shop.tenant.orgId);
    const a1 = shop.customerIds.a1;
    expect(await customerRowCounts(test.db, shop.tenant.orgId, a1)).toEqual({ customer: 1, orders: 3, metrics: 1, segmentRows: 2 });

    expect(await deleteCustomer(shop.tenant, a1, shop.marketer)).toEqual({ externalId: 'a1', orders: 3 });

    expect(await customerRowCounts(test.db, shop.tenant.orgId, a1)).toEqual({ customer: 0, orders: 0, metrics: 0, segmentRows: 0 });
    expect(await rowCounts(test.db, shop.tenant.orgId)).toEqual({
      ...before,
      customers: before.customers - 1,
      orders: before.orders - 3,
      customerMetrics: before.customerMetrics - 1,
      segmentMembers: before.segmentMembers - 1,
      segmentMemberChanges: before.segmentMemberChanges - 1,
    });
    expect(await customerRowCounts(test.db, shop.tenant.orgId, shop.customerIds.a2)).toEqual({ customer: 1, orders: 3, metrics: 1, segmentRows: 2 });

    const events = await auditOf(shop.tenant.orgId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'customer.deleted',
      target: 'customer:a1',
      details: { orders: 3 },
      actorId: shop.marketer.id,
      actorEmail: shop.marketer.email,
    });
    const recorded = JSON.stringify({ target: events[0].target, details: events[0].details });
    expect(recorded).not.toContain('a1@forget-shop.test');
    expect(recorded).not.toContain('Person a1');
  });

  it('treats another workspace’s customer as not found and deletes nothing', async () => {
    const mine = await rowCounts(test.db, shop.tenant.orgId);
    const theirs = await rowCounts(test.db, other.tenant.orgId);
    const auditBefore = (await auditOf(shop.tenant.orgId)).length;

    expect(await deleteCustomer(shop.tenant, other.customerIds.b1, shop.admin)).toBeNull();
    expect(await deleteCustomer(shop.tenant, 987_654_321, shop.admin)).toBeNull();

    expect(await customerRowCounts(test.db, other.tenant.orgId, other.customerIds.b1)).toEqual({ customer: 1, orders: 2, metrics: 1, segmentRows: 2 });
    expect(await rowCounts(test.db, other.tenant.orgId)).toEqual(theirs);
    expect(await rowCounts(test.db, shop.tenant.orgId)).toEqual(mine);
    expect(await auditOf(shop.tenant.orgId)).toHaveLength(auditBefore);
    expect(await auditOf(other.tenant.orgId)).toHaveLength(0);
  });
});

describe('deleteCustomerAction', () => {
  it('needs the Marketer role', async () => {
    session.current = { user: { id: shop.viewer.id } };
    const result = await deleteCustomerAction(shop.workspace.slug, {}, formData({ customerId: shop.customerIds.a2, confirm: 'delete' }));
    expect(result.error).toBe('This needs the Marketer role; you are Viewer.');
    expect((await customerRowCounts(test.db, shop.tenant.orgId, shop.customerIds.a2)).customer).toBe(1);
  });

  it('needs the confirmation and a positive customer id', async () => {
    session.current = { user: { id: shop.marketer.id } };
    const unconfirmed = await deleteCustomerAction(shop.workspace.slug, {}, formData({ customerId: shop.customerIds.a2, confirm: 'yes' }));
    expect(unconfirmed.fieldErrors?.confirm).toBeDefined();
    const badId = await deleteCustomerAction(shop.workspace.slug, {}, formData({ customerId: '-3', confirm: 'delete' }));
    expect(badId.fieldErrors?.customerId).toBeDefined();
    expect((await customerRowCounts(test.db, shop.tenant.orgId, shop.customerIds.a2)).customer).toBe(1);
  });

  it('answers "not found" for a customer of another workspace, whose data stays', async () => {
    session.current = { user: { id: shop.admin.id } };
    const result = await deleteCustomerAction(shop.workspace.slug, {}, formData({ customerId: other.customerIds.b1, confirm: 'delete' }));
    expect(result).toEqual({ error: 'Customer not found.' });
    expect(await customerRowCounts(test.db, other.tenant.orgId, other.customerIds.b1)).toEqual({ customer: 1, orders: 2, metrics: 1, segmentRows: 2 });
  });

  it('deletes the customer, queues a recompute and returns to the customers list', async () => {
    session.current = { user: { id: shop.marketer.id } };
    await expect(
      deleteCustomerAction(shop.workspace.slug, {}, formData({ customerId: shop.customerIds.a3, confirm: 'delete' })),
    ).rejects.toMatchObject({ digest: expect.stringContaining(`/w/${shop.workspace.slug}/customers;`) });
    expect(await customerRowCounts(test.db, shop.tenant.orgId, shop.customerIds.a3)).toEqual({ customer: 0, orders: 0, metrics: 0, segmentRows: 0 });
    const queued = await test.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.orgId, shop.tenant.orgId), eq(jobs.kind, 'recompute'), eq(jobs.status, 'queued')));
    expect(queued).toHaveLength(1);
  });
});

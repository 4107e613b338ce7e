import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { customers, orders } from '@/lib/db/schema';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { createUser } from '@/lib/auth/users';
import { createWorkspace } from '@/lib/workspaces/workspaces';
import { getCustomer, listCustomers } from './queries';
import { monthlyActivity, overviewTotals } from '@/lib/overview/queries';

let test: TestDatabase;
let shopA: Tenant;
let shopB: Tenant;
let customerOfB: number;
let idsOfB: number[];

async function workspaceWith(name: string, ownerEmail: string, people: { id: string; name: string; orders: [string, number][] }[]) {
  const owner = await createUser(test.db, { email: ownerEmail, name, password: 'a-long-password' });
  const workspace = await createWorkspace(test.db, { name, currency: 'USD', ownerId: owner.id });
  const ids: number[] = [];
  for (const person of people) {
    const [row] = await test.db
      .insert(customers)
      .values({ orgId: workspace.id, externalId: person.id, name: person.name, email: `${person.id}@example.com` })
      .returning({ id: customers.id });
    ids.push(row.id);
    for (const [i, [at, revenue]] of person.orders.entries()) {
      await test.db.insert(orders).values({
        orgId: workspace.id, externalId: `${person.id}-${i}`, customerId: row.id, orderedAt: new Date(at), revenue: revenue.toFixed(2),
      });
    }
  }
  return { tenant: tenantFromMembership(workspace.id), ids };
}

beforeAll(async () => {
  test = await createTestDatabase();
  const thisMonth = new Date();
  const iso = (monthsAgo: number) =>
    new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - monthsAgo, 10)).toISOString();
  shopA = (
    await workspaceWith('Shop A', 'a@example.com', [
      { id: 'A1', name: 'Ann Alpha', orders: [[iso(2), 100], [iso(1), 50], [iso(0), 25]] },
      { id: 'A2', name: 'Bob Beta', orders: [[iso(1), 300]] },
      { id: 'A3', name: 'Cy Gamma', orders: [] },
    ])
  ).tenant;
  const b = await workspaceWith('Shop B', 'b@example.com', [
    { id: 'B1', name: 'Ann Other', orders: [[iso(0), 999]] },
    { id: 'B2', name: 'Zed', orders: [] },
    { id: 'B3', name: 'Yan', orders: [] },
    { id: 'B4', name: 'Xia', orders: [] },
  ]);
  shopB = b.tenant;
  customerOfB = b.ids[0];
  idsOfB = b.ids;
});
afterAll(() => test?.drop());

describe(`tenant-scoped customer queries (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('lists only the workspace’s own customers, with their order aggregates', async () => {
    const { rows, total } = await listCustomers(shopA, { sort: 'revenue', direction: 'desc', page: 1, pageSize: 25 });
    expect(total).toBe(3);
    expect(rows.map((r) => [r.externalId, r.orders, r.revenue])).toEqual([
      ['A2', 1, 300],
      ['A1', 3, 175],
      ['A3', 0, 0],
    ]);
  });

  it('searches name, email and id without leaking another workspace’s matches', async () => {
    const { rows } = await listCustomers(shopA, { search: 'ann', sort: 'name', direction: 'asc', page: 1, pageSize: 25 });
    expect(rows.map((r) => r.externalId)).toEqual(['A1']);
    const wildcard = await listCustomers(shopA, { search: '%', sort: 'name', direction: 'asc', page: 1, pageSize: 25 });
    expect(wildcard.total).toBe(0);
  });

  it('pages with a stable order, ties broken by customer id and empty values last', async () => {
    const page1 = await listCustomers(shopA, { sort: 'name', direction: 'asc', page: 1, pageSize: 2 });
    const page2 = await listCustomers(shopA, { sort: 'name', direction: 'asc', page: 2, pageSize: 2 });
    expect([...page1.rows, ...page2.rows].map((r) => r.externalId)).toEqual(['A1', 'A2', 'A3']);

    const byOrders = await listCustomers(shopA, { sort: 'orders', direction: 'asc', page: 1, pageSize: 25 });
    expect(byOrders.rows.map((r) => r.externalId)).toEqual(['A3', 'A2', 'A1']);
    const byLastOrder = await listCustomers(shopA, { sort: 'last_order', direction: 'asc', page: 1, pageSize: 25 });
    expect(byLastOrder.rows.at(-1)?.externalId).toBe('A3');
    const beyond = await listCustomers(shopA, { sort: 'name', direction: 'asc', page: 9, pageSize: 2 });
    expect(beyond).toEqual({ rows: [], total: 3 });
  });

  it('breaks ties by customer id so no customer appears on two pages', async () => {
    const pages = await Promise.all(
      [1, 2].map((page) => listCustomers(shopB, { sort: 'revenue', direction: 'desc', page, pageSize: 2 })),
    );
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(idsOfB);
  });

  it('does not return another workspace’s customer by id', async () => {
    expect(await getCustomer(shopA, customerOfB)).toBeNull();
    const found = await getCustomer(shopB, customerOfB);
    expect(found?.orders).toHaveLength(1);
    expect(found?.summary).toMatchObject({ orders: 1, revenue: 999, ordersWithoutCost: 1 });
  });

  it('computes overview totals and new vs returning buyers per month for the workspace only', async () => {
    expect(await overviewTotals(shopA)).toEqual({ customers: 3, orders: 4, revenue: 475, buyers: 2 });
    const months = await monthlyActivity(shopA, 24);
    expect(months).toHaveLength(24);
    const [twoAgo, oneAgo, current] = months.slice(-3);
    expect(twoAgo).toMatchObject({ revenue: 100, newCustomers: 1, returningCustomers: 0 });
    expect(oneAgo).toMatchObject({ revenue: 350, orders: 2, newCustomers: 1, returningCustomers: 1 });
    expect(current).toMatchObject({ revenue: 25, newCustomers: 0, returningCustomers: 1 });
  });
});

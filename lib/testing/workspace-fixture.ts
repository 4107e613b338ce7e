import { customers, orders } from '@/lib/db/schema';
import type { Database } from '@/lib/db/client';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { createUser } from '@/lib/auth/users';
import { createWorkspace } from '@/lib/workspaces/workspaces';

export type FixtureOrder = { customerId: string; date: string; amount: number; cost?: number | null };

/** A workspace with an admin and the given transactions as orders (customers created from their ids). Tests only. */
export async function workspaceWithOrders(db: Database, name: string, transactions: readonly FixtureOrder[]): Promise<Tenant> {
  const owner = await createUser(db, { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, name, password: 'fixture-password' });
  const workspace = await createWorkspace(db, { name, currency: 'USD', ownerId: owner.id });
  const externalIds = [...new Set(transactions.map((t) => t.customerId))];
  const idOf = new Map<string, number>();
  for (let i = 0; i < externalIds.length; i += 1000) {
    const rows = await db
      .insert(customers)
      .values(externalIds.slice(i, i + 1000).map((externalId) => ({ orgId: workspace.id, externalId })))
      .returning({ id: customers.id, externalId: customers.externalId });
    for (const row of rows) idOf.set(row.externalId, row.id);
  }
  const orderRows = transactions.map((t, i) => ({
    orgId: workspace.id,
    externalId: `order-${i + 1}`,
    customerId: idOf.get(t.customerId)!,
    orderedAt: new Date(`${t.date}T12:00:00Z`),
    revenue: t.amount.toFixed(2),
    cost: t.cost == null ? null : t.cost.toFixed(2),
  }));
  for (let i = 0; i < orderRows.length; i += 1000) await db.insert(orders).values(orderRows.slice(i, i + 1000));
  return tenantFromMembership(workspace.id);
}

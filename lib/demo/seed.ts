import { count, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { customers, orders, users } from '@/lib/db/schema';
import { createUser } from '@/lib/auth/users';
import { DEMO_PASSWORD, DEMO_WORKSPACE, demoLogins } from './accounts';
import { addMember, createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';
import { generateDemoData, type GeneratedCustomer, type GeneratedOrder } from './generator';


const BATCH = 1000;

async function insertBatch(db: Database, orgId: string, batch: { customer: GeneratedCustomer; orders: GeneratedOrder[] }[]) {
  const inserted = await db
    .insert(customers)
    .values(batch.map(({ customer }) => ({ orgId, ...customer })))
    .returning({ id: customers.id, externalId: customers.externalId });
  const idByExternalId = new Map(inserted.map((row) => [row.externalId, row.id]));
  const orderRows = batch.flatMap(({ orders: customerOrders }) =>
    customerOrders.map(({ customerExternalId, revenue, cost, orderedAt, ...order }) => ({
      orgId,
      ...order,
      customerId: idByExternalId.get(customerExternalId)!,
      orderedAt: new Date(orderedAt),
      revenue: revenue.toFixed(2),
      cost: cost === null ? null : cost.toFixed(2),
    })),
  );
  for (let i = 0; i < orderRows.length; i += BATCH) await db.insert(orders).values(orderRows.slice(i, i + BATCH));
}

/** Seeds the demo workspace (all or nothing) and its three users when the database has no users yet. */
export async function seedDemoIfEmpty(db: Database, options: { customers?: number; endDate?: string } = {}): Promise<Workspace | null> {
  return db.transaction(async (tx) => {
    // Two processes starting on one empty database: the second waits here, then finds the users.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('segmenta:seed-demo'))`);
    const [{ users: userCount }] = await tx.select({ users: count() }).from(users);
    return userCount > 0 ? null : seedDemo(tx as unknown as Database, options);
  });
}

async function seedDemo(db: Database, options: { customers?: number; endDate?: string }): Promise<Workspace> {

  const [admin, ...others] = await Promise.all(
    demoLogins.map((login) => createUser(db, { email: login.email, name: login.name, password: DEMO_PASSWORD })),
  );
  const workspace = await createWorkspace(db, { ...DEMO_WORKSPACE, currency: 'USD', ownerId: admin.id, isDemo: true });
  await Promise.all(others.map((user, i) => addMember(db, workspace.id, user.id, demoLogins[i + 1].role)));

  // Ends yesterday (UTC) so no demo order lies in the future.
  const endDate = options.endDate ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  let batch: { customer: GeneratedCustomer; orders: GeneratedOrder[] }[] = [];
  for (const entry of generateDemoData({ customers: options.customers ?? 5000, seed: 20261123, endDate })) {
    batch.push(entry);
    if (batch.length === BATCH) {
      await insertBatch(db, workspace.id, batch);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(db, workspace.id, batch);
  return workspace;
}

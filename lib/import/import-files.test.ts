import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { customers, orders } from '@/lib/db/schema';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { importFiles } from './import-files';

let test: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-import-files-'));

function file(name: string, lines: string[]): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, lines.join('\n'));
  return full;
}

const CUSTOMERS = file('customers.csv', ['customer_id,email', 'k1,k1@example.com', 'k2,k2@example.com']);
const ORDERS = file('orders.csv', ['order_id,customer_id,ordered_at,revenue', 'q1,k1,2026-01-02,10', 'q2,k2,2026-01-03,20', 'q3,k1,2026-01-04,30']);
const BROKEN_CUSTOMERS = file('broken.csv', ['customer_id,email']);

async function count(orgId: string) {
  const [c, o] = await Promise.all([
    test.db.$count(customers, eq(customers.orgId, orgId)),
    test.db.$count(orders, eq(orders.orgId, orgId)),
  ]);
  return { customers: c, orders: o };
}

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Overlapping needs a connection per import: PostgreSQL only.
const modes = process.env.DATABASE_URL ? [false, true] : [false];

describe.each(modes)(`importFiles, overlap %s (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, (overlap) => {
  it('saves the orders after their customers, so none is created twice or left without its customer', async () => {
    const shop = await workspaceWithOrders(test.db, `Pair ${overlap}`, []);
    const result = await importFiles(test.db, shop, { customers: CUSTOMERS, orders: ORDERS }, { overlap });
    expect(result.customers).toMatchObject({ status: 'succeeded', counts: { rowsInserted: 2 } });
    expect(result.orders).toMatchObject({ status: 'succeeded', counts: { rowsInserted: 3, customersCreated: 0 } });
    expect(await count(shop.orgId)).toEqual({ customers: 2, orders: 3 });
  });

  it('saves no orders when the customers file fails', async () => {
    const shop = await workspaceWithOrders(test.db, `Broken pair ${overlap}`, []);
    const result = await importFiles(test.db, shop, { customers: BROKEN_CUSTOMERS, orders: ORDERS }, { overlap });
    expect(result.customers).toMatchObject({ status: 'failed', error: 'The file has a header row but no data rows.' });
    if (overlap) expect(result.orders).toMatchObject({ status: 'failed', error: 'The customers file did not import, so these orders were not saved.' });
    else expect(result.orders).toBeUndefined();
    expect(await count(shop.orgId)).toEqual({ customers: 0, orders: 0 });
  });

  it('imports an orders file alone', async () => {
    const shop = await workspaceWithOrders(test.db, `Orders only ${overlap}`, []);
    const result = await importFiles(test.db, shop, { orders: ORDERS }, { overlap });
    expect(result.customers).toBeUndefined();
    expect(result.orders).toMatchObject({ status: 'succeeded', counts: { rowsInserted: 3, customersCreated: 2 } });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { customers, importRejects, imports, orders } from '@/lib/db/schema';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import type { Tenant } from '@/lib/db/tenant';
import { importFile } from './import-file';

let test: TestDatabase;
let shop: Tenant;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-import-'));

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, content);
  return full;
}

async function snapshot() {
  const [c, o] = await Promise.all([
    test.db.select().from(customers).where(eq(customers.orgId, shop.orgId)).orderBy(asc(customers.externalId)),
    test.db.select().from(orders).where(eq(orders.orgId, shop.orgId)).orderBy(asc(orders.externalId)),
  ]);
  return JSON.stringify([c.map(({ updatedAt, ...rest }) => rest), o]);
}

const CUSTOMERS = `Customer ID,E-mail,First Name,Last Name,Country,Accepts Marketing,Birth year
c1,ann@example.com,Ann,Alpha,DE,yes,1980
c2,bob@example.com,Bob,"Beta, Jr.",US,no,1975
c3,cy@example.com,Cy,"The ""Great""",FR,yes,1990
`;
const ORDERS = `Order ID;Customer;Order Date;Total;Cost
o1;c1;2026-01-05;1.234,50;600,00
o2;c1;2026-02-05;20,00;
o3;c2;2026-02-07T10:00:00+02:00;-15,00;
o4;c9;2026-03-01;10,00;4,00
`;

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Import Shop', []);
});
afterAll(async () => {
  await test?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`CSV import (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('imports customers with unfamiliar headers, quoted fields and consent words', async () => {
    const result = await importFile(test.db, shop, { entity: 'customers', file: file('customers.csv', CUSTOMERS) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsRead: 3, rowsInserted: 3, rowsUpdated: 0, rowsRejected: 0 } });
    const rows = await test.db.select().from(customers).where(eq(customers.orgId, shop.orgId)).orderBy(asc(customers.externalId));
    expect(rows.map((r) => [r.externalId, r.name, r.email, r.country, r.marketingConsent, r.birthYear])).toEqual([
      ['c1', 'Ann Alpha', 'ann@example.com', 'DE', true, 1980],
      ['c2', 'Bob Beta, Jr.', 'bob@example.com', 'US', false, 1975],
      ['c3', 'Cy The "Great"', 'cy@example.com', 'FR', true, 1990],
    ]);
  });

  it('imports orders with ; and decimal commas, nets refunds, and creates unknown customers by default', async () => {
    const result = await importFile(test.db, shop, { entity: 'orders', file: file('orders.csv', ORDERS) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsRead: 4, rowsInserted: 4, refunds: 1, customersCreated: 1 } });
    const rows = await test.db.select().from(orders).where(eq(orders.orgId, shop.orgId)).orderBy(asc(orders.externalId));
    expect(rows.map((r) => [r.externalId, r.revenue, r.cost])).toEqual([
      ['o1', '1234.50', '600.00'], ['o2', '20.00', null], ['o3', '-15.00', null], ['o4', '10.00', '4.00'],
    ]);
    expect(rows[2].orderedAt.toISOString()).toBe('2026-02-07T08:00:00.000Z');
  });

  it('changes nothing when the same files are imported again, and updates only changed rows', async () => {
    const before = await snapshot();
    const again = await importFile(test.db, shop, { entity: 'orders', file: file('orders.csv', ORDERS) });
    expect(again).toMatchObject({ status: 'succeeded', counts: { rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4, customersCreated: 0 } });
    const customersAgain = await importFile(test.db, shop, { entity: 'customers', file: file('customers.csv', CUSTOMERS) });
    expect(customersAgain).toMatchObject({ counts: { rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 3 } });
    expect(await snapshot()).toBe(before);

    const changed = await importFile(test.db, shop, { entity: 'orders', file: file('orders2.csv', ORDERS.replace('20,00;', '25,00;')) });
    expect(changed).toMatchObject({ counts: { rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 3 } });
  });

  it('keeps columns a file does not map when it updates customers', async () => {
    const result = await importFile(test.db, shop, { entity: 'customers', file: file('countries.csv', 'customer_id,country\nc1,AT\n') });
    expect(result).toMatchObject({ counts: { rowsUpdated: 1 } });
    const [c1] = await test.db.select().from(customers).where(and(eq(customers.orgId, shop.orgId), eq(customers.externalId, 'c1')));
    expect([c1.country, c1.email, c1.name]).toEqual(['AT', 'ann@example.com', 'Ann Alpha']);
  });

  it('imports the valid rows and reports each bad one by line and reason', async () => {
    const csv = [
      'order_id,customer_id,ordered_at,revenue',
      'b1,c1,2024-02-31,10',
      'b2,c1,2024-03-01,abc',
      'b3,c1,2024-03-02,12.50',
      'b3,c2,2024-03-03,13.00',
      'b4,c2,2024-03-04,"=HYPERLINK(""http://x"",""y"")"',
      'b5,c2,2024-03-05,9.99',
    ].join('\n');
    const result = await importFile(test.db, shop, { entity: 'orders', file: file('bad.csv', csv) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsRead: 6, rowsInserted: 2, rowsRejected: 4 } });
    const rejects = await test.db
      .select({ line: importRejects.line, reason: importRejects.reason })
      .from(importRejects)
      .where(and(eq(importRejects.orgId, shop.orgId), eq(importRejects.importId, result.importId)))
      .orderBy(asc(importRejects.line));
    expect(rejects.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    expect(rejects[0].reason).toMatch(/2024-02-31.*not a real date/);
    expect(rejects[1].reason).toMatch(/"abc" is not a number/);
    expect(rejects[2].reason).toBe('ID b3 already appears on line 4; only the first row with an ID is imported');
  });

  it('finds a repeated ID far from its first row in a file sorted the other way round', async () => {
    const csv = ['order_id,customer_id,ordered_at,revenue', 'd9,c1,2024-04-09,9', 'd8,c1,2024-04-08,8', 'd7,c1,2024-04-07,7', 'd9,c2,2024-04-01,1'];
    const result = await importFile(test.db, shop, { entity: 'orders', file: file('descending.csv', csv.join('\n')) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsRead: 4, rowsInserted: 3, rowsRejected: 1 } });
    const [d9] = await test.db.select().from(orders).where(and(eq(orders.orgId, shop.orgId), eq(orders.externalId, 'd9')));
    expect(d9.revenue).toBe('9.00');
  });

  it('skips a row with a 1 MB field, naming the line, and imports the rest', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const result = await importFile(test.db, shop, {
      entity: 'customers',
      file: file('huge-field.csv', `customer_id,name\nh1,Short Name\nh2,"${huge}"\nh3,Another\n`),
    });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsRead: 3, rowsInserted: 2, rowsRejected: 1 } });
    const [reject] = await test.db
      .select()
      .from(importRejects)
      .where(and(eq(importRejects.orgId, shop.orgId), eq(importRejects.importId, result.importId)));
    expect(reject.line).toBe(3);
    expect(reject.reason).toMatch(/longer than 64 KiB/);
  });

  it('stores formula-like text as text', async () => {
    const result = await importFile(test.db, shop, {
      entity: 'customers',
      file: file('formula.csv', 'customer_id,name\nf1,"=HYPERLINK(""http://evil"",""x"")"\n'),
    });
    expect(result.status).toBe('succeeded');
    const [f1] = await test.db.select().from(customers).where(and(eq(customers.orgId, shop.orgId), eq(customers.externalId, 'f1')));
    expect(f1.name).toBe('=HYPERLINK("http://evil","x")');
  });

  it('rejects orders of unknown customers when asked to', async () => {
    const result = await importFile(test.db, shop, {
      entity: 'orders', unknownCustomers: 'reject', file: file('unknown.csv', 'order_id,customer_id,ordered_at,revenue\nu1,nobody,2026-01-01,5\nu2,c1,2026-01-02,6\n'),
    });
    expect(result).toMatchObject({ counts: { rowsInserted: 1, rowsRejected: 1, customersCreated: 0 } });
  });

  it.each([
    ['empty.csv', '', /empty/i],
    ['header-only.csv', 'order_id,customer_id,ordered_at,revenue\n', /header row but no data rows/],
    ['latin1.csv', Buffer.from('order_id,customer_id,ordered_at,revenue\nl1,c1,2026-01-01,5\nl2,Jos\xe9,2026-01-01,5\n', 'latin1'), /not UTF-8.*line 3/],
    ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    ['missing.csv', 'order_id,ordered_at,revenue\nm1,2026-01-01,5\n', /Customer ID/],
    ['ambiguous.csv', 'Order ID,Customer ID,Date,Amount\na1,c1,05/01/2024,5\n', /--date-order/],
  ])('%s fails with a clear message and changes nothing', async (name, content, message) => {
    const before = await snapshot();
    const run = importFile(test.db, shop, { entity: 'orders', file: file(name, content) });
    const outcome = await run.then(
      (result) => (result.status === 'failed' ? result.error : 'succeeded'),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('reads gzipped uploads', async () => {
    const gz = zlib.gzipSync('order_id,customer_id,ordered_at,revenue\ng1,c1,2026-04-01,7.00\n');
    const result = await importFile(test.db, shop, { entity: 'orders', file: file('orders.csv.gz', gz) });
    expect(result).toMatchObject({ status: 'succeeded', counts: { rowsInserted: 1 } });
  });

  it('records a failure midway — bad bytes after 50,000 good rows — and keeps none of the rows', async () => {
    const before = await snapshot();
    const good = Array.from({ length: 50_000 }, (_, i) => `late${i},c1,2026-05-01,1.00`).join('\n');
    const content = Buffer.concat([
      Buffer.from(`order_id,customer_id,ordered_at,revenue\n${good}\n`),
      Buffer.from('late-bad,Jos\xe9,2026-05-01,1.00\n', 'latin1'),
    ]);
    const result = await importFile(test.db, shop, { entity: 'orders', file: file('late-failure.csv', content) });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error).toMatch(/not UTF-8.*line 50002/);
    expect(await snapshot()).toBe(before);
    const [record] = await test.db.select().from(imports).where(and(eq(imports.orgId, shop.orgId), eq(imports.id, result.importId)));
    expect(record).toMatchObject({ status: 'failed', rowsInserted: 0 });
  });
});

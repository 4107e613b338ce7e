import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { queryRows } from './rows';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TENANT_ROLE, withTenant, type Tenant } from './tenant';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';

let test: TestDatabase;
let shop: Tenant;
let other: Tenant;

// Directory tables every member reads across workspaces; all other tables with an org_id hold tenant data.
const GLOBAL_TABLES_WITH_ORG_ID = ['memberships'];

const count = async (db: Pick<Database, 'execute'>, table: string) =>
  Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'RLS Shop', [
    { customerId: 's1', date: '2024-01-01', amount: 10 },
    { customerId: 's2', date: '2024-01-02', amount: 20 },
  ]);
  other = await workspaceWithOrders(test.db, 'RLS Other', [{ customerId: 'o1', date: '2024-01-03', amount: 30 }]);
});
afterAll(async () => {
  await test?.drop();
});

describe(`row-level security (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('guards every tenant table with the org policy', async () => {
    const tables = await queryRows<{ table_name: string; rls: boolean; policies: number }>(
      test.db,
      sql`select c.relname as table_name, c.relrowsecurity as rls,
                 (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname and p.policyname = 'tenant_isolation') as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
          order by 1`,
    );
    const tenantTables = tables.filter((t) => !GLOBAL_TABLES_WITH_ORG_ID.includes(t.table_name));
    expect(tenantTables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['customers', 'orders', 'customer_metrics', 'segments', 'segment_members']));
    for (const table of tenantTables) expect(table, table.table_name).toMatchObject({ rls: true, policies: 1 });
  });

  it('shows a tenant transaction only its own rows, even from a query without an org filter', async () => {
    expect(await withTenant(shop, (tx) => count(tx, 'customers'))).toBe(2);
    expect(await withTenant(other, (tx) => count(tx, 'customers'))).toBe(1);
    expect(await withTenant(shop, (tx) => count(tx, 'orders'))).toBe(2);
  });

  it('shows nothing to the tenant role when no org is set, and refuses writes into another org', async () => {
    const unscoped = await test.db.transaction(async (tx) => {
      await tx.execute(sql`set local role ${sql.raw(TENANT_ROLE)}`);
      return count(tx as unknown as Database, 'customers');
    });
    expect(unscoped).toBe(0);
    await expect(
      withTenant(shop, (tx) => tx.execute(sql`insert into customers (org_id, external_id) values (${other.orgId}, 'smuggled')`)),
    ).rejects.toThrow();
    expect(await withTenant(other, (tx) => count(tx, 'customers'))).toBe(1);
  });

  it('keeps the audit trail append-only for tenant transactions', async () => {
    await withTenant(shop, (tx) => tx.execute(sql`insert into audit_events (org_id, action) values (${shop.orgId}, 'test.appended')`));
    await expect(withTenant(shop, (tx) => tx.execute(sql`update audit_events set action = 'test.rewritten'`))).rejects.toThrow();
    await expect(withTenant(shop, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toThrow();
    expect(await withTenant(shop, (tx) => count(tx, 'audit_events'))).toBe(1);
  });
});

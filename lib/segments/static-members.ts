import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

/** The workspace's internal ids for the given external ids, and the external ids it does not know. */
export async function customerIdsByExternalId(tenant: Tenant, externalIds: string[]): Promise<{ ids: number[]; unknown: string[] }> {
  const rows = await withTenant(tenant, (tx) =>
    queryRows<{ id: number; external_id: string }>(
      tx,
      sql`select id::int as id, external_id from customers
          where org_id = ${tenant.orgId} and external_id = any(${sql.param(externalIds)}::text[])`,
    ),
  );
  const known = new Set(rows.map((row) => row.external_id));
  return { ids: rows.map((row) => Number(row.id)), unknown: externalIds.filter((id) => !known.has(id)) };
}

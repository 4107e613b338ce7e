import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { getDb } from './client';

declare const tenantBrand: unique symbol;

/** The org a request may touch. Only the member gate creates one, from the signed-in membership. */
export type Tenant = { readonly orgId: string; readonly [tenantBrand]: true };

export function tenantFromMembership(orgId: string): Tenant {
  return { orgId } as Tenant;
}

/** A background job's org: the gate checked membership and role when the job was queued. */
export function tenantForJob(job: { orgId: string }): Tenant {
  return { orgId: job.orgId } as Tenant;
}

/** The database role tenant transactions run as: row-level security shows it only the rows of `app.org_id`. */
export const TENANT_ROLE = 'segmenta_tenant';

/**
 * Runs tenant queries in one transaction that carries the org id and runs as the tenant role, so the row-level
 * security policies (drizzle/0008) hold even for a query that forgot its org filter.
 */
export async function withTenant<T>(tenant: Tenant, work: (tx: Database) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.org_id', ${tenant.orgId}, true)`);
    await tx.execute(sql.raw(`set local role ${TENANT_ROLE}`));
    return work(tx as unknown as Database);
  });
}

/** The org of a verified, unrevoked API key (lib/auth/api-key-gate). */
export function tenantForApiKey(key: { orgId: string }): Tenant {
  return { orgId: key.orgId } as Tenant;
}

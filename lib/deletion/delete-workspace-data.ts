import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { recordAuditEvent } from '@/lib/audit/events';
import type { SignedInUser } from '@/lib/auth/users';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
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
  segmentSnapshots,
} from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { deleteStoredUpload } from '@/lib/import/uploads';

export type WorkspaceDataCounts = {
  orders: number;
  customers: number;
  customerMetrics: number;
  modelFits: number;
  importRejects: number;
  imports: number;
  columnMappings: number;
  jobs: number;
  segmentMembers: number;
  segmentHistory: number;
};

/** Refused while a job writes to the workspace: a running import or recompute would put data back once it commits. */
export class WorkspaceBusyError extends Error {
  constructor() {
    super('An import or recompute is running in this workspace. Delete the data once it has finished.');
  }
}

// Same staleness as the worker's: a 'running' job without a heartbeat for this long died with its server.
const RUNNING_JOB_HEARTBEAT_SECONDS = 60;

async function deleteAll(tx: Database, table: PgTable, orgId: string): Promise<number> {
  const [{ deleted }] = await queryRows<{ deleted: number }>(
    tx,
    sql`with gone as (delete from ${table} where org_id = ${orgId} returning 1) select count(*)::int as deleted from gone`,
  );
  return deleted;
}

/**
 * Deletes every customer and order of the workspace and everything derived from them (metrics, model fits,
 * imports with their rejected rows, saved column mappings, jobs) in one transaction. The workspace, its members,
 * settings and audit trail stay; the deletion itself is recorded there with its counts.
 */
export async function deleteWorkspaceData(tenant: Tenant, actor: Pick<SignedInUser, 'id' | 'email'>): Promise<WorkspaceDataCounts> {
  const orgId = tenant.orgId;
  const { counts, storedFiles } = await withTenant(tenant, async (tx) => {
    const [{ running }] = await queryRows<{ running: number }>(
      tx,
      sql`select count(*)::int as running from jobs
          where org_id = ${orgId} and status = 'running'
            and heartbeat_at > now() - make_interval(secs => ${RUNNING_JOB_HEARTBEAT_SECONDS})`,
    );
    if (running > 0) throw new WorkspaceBusyError();
    // Files of imports still waiting to run (finished imports have already deleted theirs).
    const storedFiles = (
      await queryRows<{ file: string }>(tx, sql`select stored_file as file from imports where org_id = ${orgId} and stored_file is not null`)
    ).map((row) => row.file);
    const counts: WorkspaceDataCounts = {
      orders: await deleteAll(tx, orders, orgId),
      customers: await deleteAll(tx, customers, orgId),
      customerMetrics: await deleteAll(tx, customerMetrics, orgId),
      modelFits: await deleteAll(tx, modelFits, orgId),
      importRejects: await deleteAll(tx, importRejects, orgId),
      imports: await deleteAll(tx, imports, orgId),
      columnMappings: await deleteAll(tx, columnMappings, orgId),
      jobs: await deleteAll(tx, jobs, orgId),
      segmentMembers: await deleteAll(tx, segmentMembers, orgId),
      // Segment definitions stay (they are settings, not customer data) and refill with the next import.
      segmentHistory: (await deleteAll(tx, segmentMemberChanges, orgId)) + (await deleteAll(tx, segmentSnapshots, orgId)),
    };
    await tx.execute(sql`update segments set refreshed_at = null where org_id = ${orgId}`);
    await recordAuditEvent(tx, orgId, { actorId: actor.id, actorEmail: actor.email, action: 'workspace.data_deleted', details: counts });
    return { counts, storedFiles };
  });
  for (const file of storedFiles) deleteStoredUpload(file);
  return counts;
}

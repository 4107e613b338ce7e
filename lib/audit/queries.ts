import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { auditEvents, users } from '@/lib/db/schema';
import { containsPattern } from '@/lib/db/like';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export type AuditEventRow = {
  id: number;
  at: Date;
  /** The email recorded with the event, else the current email of its actor. */
  actorEmail: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

export type AuditEventQuery = {
  action?: string;
  /** Part of the actor's email, case-insensitive. */
  actor?: string;
  /** First and last day shown, YYYY-MM-DD in UTC, both inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

const actorEmail = sql<string | null>`coalesce(${auditEvents.actorEmail}, ${users.email})`;

function eventFilter(tenant: Tenant, query: AuditEventQuery): SQL | undefined {
  const conditions: SQL[] = [eq(auditEvents.orgId, tenant.orgId)];
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.actor) {
    const pattern = containsPattern(query.actor);
    conditions.push(ilike(actorEmail, pattern));
  }
  // Day bounds are computed in UTC whatever the session's time zone.
  if (query.from) conditions.push(sql`${auditEvents.at} >= ${query.from}::date::timestamp at time zone 'UTC'`);
  if (query.to) conditions.push(sql`${auditEvents.at} < (${query.to}::date + 1)::timestamp at time zone 'UTC'`);
  return and(...conditions);
}

/** One page of the workspace's audit trail, newest first, with the number of events matching the filters. */
export async function listAuditEvents(tenant: Tenant, query: AuditEventQuery): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where = eventFilter(tenant, query);
  return withTenant(tenant, async (tx) => {
    const [{ total }] = await tx
      .select({ total: count() })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where);
    const rows = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorEmail,
        action: auditEvents.action,
        target: auditEvents.target,
        details: auditEvents.details,
        ip: auditEvents.ip,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { rows, total };
  });
}

/** The distinct actions recorded in the workspace, for the filter's choices. */
export async function auditActions(tenant: Tenant): Promise<string[]> {
  return withTenant(tenant, async (tx) => {
    const rows = await tx
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.orgId, tenant.orgId))
      .orderBy(auditEvents.action);
    return rows.map((row) => row.action);
  });
}

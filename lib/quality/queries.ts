import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export const qualityCheckIds = [
  'missingEmail',
  'duplicateEmails',
  'zeroRevenueOrders',
  'refundOrders',
  'futureOrders',
  'customersWithoutOrders',
  'revenueOutliers',
] as const;
export type QualityCheckId = (typeof qualityCheckIds)[number];

/** What an example's value is: an email, an amount in the workspace currency, an ISO timestamp, or nothing. */
export type QualityValueKind = 'email' | 'money' | 'timestamp' | 'none';

export type QualityExample = { externalId: string; value: string | number | null };

export type QualityCheck = {
  id: QualityCheckId;
  entity: 'customer' | 'order';
  valueKind: QualityValueKind;
  count: number;
  examples: QualityExample[];
  /** Revenue outliers only: the 99.9th percentile of order revenue that the examples exceed. */
  threshold?: number;
};

export type DataQualityReport = { checks: QualityCheck[] };

export const QUALITY_EXAMPLES_LIMIT = 5;

type ExampleRow = { externalId: string; value: string | number | null; total: number; threshold?: number | null };
type CheckStatement = { entity: QualityCheck['entity']; valueKind: QualityValueKind; query: SQL };

/**
 * Each check is one statement returning its first examples; `count(*) over ()` is computed before the limit,
 * so every example row also carries the check's full count (and no row means a count of 0).
 */
function checkStatements(orgId: string): Record<QualityCheckId, CheckStatement> {
  const limit = QUALITY_EXAMPLES_LIMIT;
  const isoTimestamp = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  return {
    missingEmail: {
      entity: 'customer',
      valueKind: 'email',
      query: sql`select external_id as "externalId", email as value, count(*) over ()::int as total
                 from customers
                 where org_id = ${orgId} and nullif(btrim(email), '') is null
                 order by external_id limit ${limit}`,
    },
    duplicateEmails: {
      entity: 'customer',
      valueKind: 'email',
      query: sql`select external_id as "externalId", email as value, count(*) over ()::int as total
                 from (
                   select external_id, email, count(*) over (partition by lower(btrim(email))) as sharing
                   from customers
                   where org_id = ${orgId} and nullif(btrim(email), '') is not null
                 ) c
                 where sharing > 1
                 order by lower(btrim(email)), external_id limit ${limit}`,
    },
    zeroRevenueOrders: {
      entity: 'order',
      valueKind: 'money',
      query: sql`select external_id as "externalId", revenue::float8 as value, count(*) over ()::int as total
                 from orders
                 where org_id = ${orgId} and revenue = 0
                 order by ordered_at desc, external_id limit ${limit}`,
    },
    refundOrders: {
      entity: 'order',
      valueKind: 'money',
      query: sql`select external_id as "externalId", revenue::float8 as value, count(*) over ()::int as total
                 from orders
                 where org_id = ${orgId} and revenue < 0
                 order by revenue, external_id limit ${limit}`,
    },
    futureOrders: {
      entity: 'order',
      valueKind: 'timestamp',
      query: sql`select external_id as "externalId", ${isoTimestamp(sql`ordered_at`)} as value, count(*) over ()::int as total
                 from orders
                 where org_id = ${orgId} and ordered_at > now()
                 order by ordered_at desc, external_id limit ${limit}`,
    },
    customersWithoutOrders: {
      entity: 'customer',
      valueKind: 'none',
      query: sql`select c.external_id as "externalId", null as value, count(*) over ()::int as total
                 from customers c
                 where c.org_id = ${orgId}
                   and not exists (select 1 from orders o where o.org_id = c.org_id and o.customer_id = c.id)
                 order by c.external_id limit ${limit}`,
    },
    revenueOutliers: {
      entity: 'order',
      valueKind: 'money',
      // Over sales only: refunds and zero orders are checks of their own and would pull the percentile down.
      query: sql`with cutoff as (
                   select percentile_cont(0.999) within group (order by revenue) as threshold
                   from orders where org_id = ${orgId} and revenue > 0
                 )
                 select o.external_id as "externalId", o.revenue::float8 as value, count(*) over ()::int as total,
                        cutoff.threshold::float8 as threshold
                 from orders o, cutoff
                 where o.org_id = ${orgId} and o.revenue > cutoff.threshold
                 order by o.revenue desc, o.external_id limit ${limit}`,
    },
  };
}

async function runCheck(tx: Database, id: QualityCheckId, statement: CheckStatement): Promise<QualityCheck> {
  const rows = await queryRows<ExampleRow>(tx, statement.query);
  const check: QualityCheck = {
    id,
    entity: statement.entity,
    valueKind: statement.valueKind,
    count: rows[0]?.total ?? 0,
    examples: rows.map((row) => ({ externalId: row.externalId, value: row.value })),
  };
  if (rows[0]?.threshold != null) check.threshold = rows[0].threshold;
  return check;
}

/** The workspace's data-quality checks, each with its count and first examples, in `qualityCheckIds` order. */
export async function dataQualityReport(tenant: Tenant): Promise<DataQualityReport> {
  const statements = checkStatements(tenant.orgId);
  return withTenant(tenant, async (tx) => {
    const checks: QualityCheck[] = [];
    for (const id of qualityCheckIds) checks.push(await runCheck(tx, id, statements[id]));
    return { checks };
  });
}

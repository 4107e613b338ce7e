import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { compileLeaf, CUSTOMERS_WITH_METRICS } from './compile-conditions';
import type { SegmentGroup, SegmentRule } from './rule-schema';

function compileGroup(group: SegmentGroup, orgId: string): SQL {
  const parts = group.children.map((child) => (child.kind === 'group' ? compileGroup(child, orgId) : compileLeaf(child, orgId)));
  return sql`(${sql.join(parts, sql.raw(group.combinator === 'and' ? ' and ' : ' or '))})`;
}

/**
 * A boolean SQL expression over `c` (customers) and `m` (customer_metrics, left joined) that is true for the
 * rule's customers of the org. The org filter is part of the expression, so it never matches another workspace;
 * subqueries (orders, segment members, percentile ranks) are scoped to the same org.
 */
export function compileRule(rule: SegmentRule, orgId: string): SQL {
  return sql`(c.org_id = ${orgId} and ${compileGroup(rule.root, orgId)})`;
}

export type SegmentPreview = {
  customers: number;
  totalCustomers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  averagePredictedClv: number | null;
};

/** One row: matching customers and their share, their revenue and its share, their mean predicted CLV. */
export function segmentPreviewQuery(rule: SegmentRule, orgId: string): SQL {
  return sql`
    select count(*) filter (where matches)::int as customers,
           count(*)::int as total_customers,
           coalesce(count(*) filter (where matches)::float8 / nullif(count(*), 0), 0) as customer_share,
           coalesce(sum(revenue) filter (where matches), 0)::float8 as revenue,
           coalesce(sum(revenue) filter (where matches) / nullif(sum(revenue), 0), 0)::float8 as revenue_share,
           (avg(predicted_clv) filter (where matches))::float8 as average_predicted_clv
    from (select ${compileRule(rule, orgId)} as matches, m.revenue, m.predicted_clv
          from ${CUSTOMERS_WITH_METRICS} where c.org_id = ${orgId}) scoped`;
}

export type SegmentSampleCustomer = {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  country: string | null;
  revenue: number | null;
  predictedClv: number | null;
};

/** Up to `limit` (≤ 10) matching customers, most valuable first. */
export function segmentSampleQuery(rule: SegmentRule, orgId: string, limit = 10): SQL {
  const rows = Math.max(0, Math.min(10, Math.trunc(limit)));
  return sql`
    select c.id::int as id, c.external_id, c.name, c.email, c.country, m.revenue::float8 as revenue,
           m.predicted_clv::float8 as predicted_clv
    from ${CUSTOMERS_WITH_METRICS}
    where c.org_id = ${orgId} and ${compileRule(rule, orgId)}
    order by m.predicted_clv desc nulls last, c.id
    limit ${rows}`;
}

type PreviewRow = {
  customers: number;
  total_customers: number;
  customer_share: number;
  revenue: number;
  revenue_share: number;
  average_predicted_clv: number | null;
};
type SampleRow = {
  id: number;
  external_id: string;
  name: string | null;
  email: string | null;
  country: string | null;
  revenue: number | null;
  predicted_clv: number | null;
};

/** Runs the preview and sample queries; pass the transaction of `withTenant`. */
export async function previewSegment(
  db: Pick<Database, 'execute'>,
  rule: SegmentRule,
  orgId: string,
): Promise<{ preview: SegmentPreview; sample: SegmentSampleCustomer[] }> {
  const [row] = await queryRows<PreviewRow>(db, segmentPreviewQuery(rule, orgId));
  const samples = await queryRows<SampleRow>(db, segmentSampleQuery(rule, orgId));
  const num = (value: unknown) => (value == null ? null : Number(value));
  return {
    preview: {
      customers: Number(row.customers),
      totalCustomers: Number(row.total_customers),
      customerShare: Number(row.customer_share),
      revenue: Number(row.revenue),
      revenueShare: Number(row.revenue_share),
      averagePredictedClv: num(row.average_predicted_clv),
    },
    sample: samples.map((s) => ({
      id: Number(s.id),
      externalId: s.external_id,
      name: s.name,
      email: s.email,
      country: s.country,
      revenue: num(s.revenue),
      predictedClv: num(s.predicted_clv),
    })),
  };
}

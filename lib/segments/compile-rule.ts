import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { compileLeaf, CUSTOMERS_WITH_METRICS } from './compile-conditions';
import type { SegmentGroup, SegmentRule } from './rule-schema';

// AND and OR short-circuit left to right where the rule is evaluated per row (the preview's select list), and
// they commute, so per-customer subqueries go last: they then run only for customers the cheap conditions let through.
const EVALUATION_COST: Record<SegmentGroup['children'][number]['kind'], number> = { condition: 0, attribute: 0, group: 1, segment: 2, orders: 3 };

function compileGroup(group: SegmentGroup, orgId: string): SQL {
  const ordered = [...group.children].sort((a, b) => EVALUATION_COST[a.kind] - EVALUATION_COST[b.kind]);
  const cheapest = EVALUATION_COST[ordered[0].kind];
  const parts = ordered.map((child) => {
    if (child.kind === 'group') return compileGroup(child, orgId);
    const afterCheaperConditions = group.combinator === 'and' && EVALUATION_COST[child.kind] > cheapest;
    return compileLeaf(child, orgId, afterCheaperConditions);
  });
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

export type SegmentSampleCustomer = {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  country: string | null;
  revenue: number | null;
  predictedClv: number | null;
};

export const PREVIEW_SAMPLE_SIZE = 10;

/**
 * One row: matching customers and their share, their revenue and its share, their mean predicted CLV, and
 * `sample`, a JSON array of the most valuable matching customers. The rule is evaluated once per customer
 * (a materialised scan) for both the figures and the sample.
 */
export function segmentPreviewQuery(rule: SegmentRule, orgId: string): SQL {
  return sql`
    with scoped as materialized (
      select ${compileRule(rule, orgId)} as matches, c.id, m.revenue, m.predicted_clv
      from ${CUSTOMERS_WITH_METRICS} where c.org_id = ${orgId}
    )
    select count(*) filter (where matches)::int as customers,
           count(*)::int as total_customers,
           coalesce(count(*) filter (where matches)::float8 / nullif(count(*), 0), 0) as customer_share,
           coalesce(sum(revenue) filter (where matches), 0)::float8 as revenue,
           coalesce(sum(revenue) filter (where matches) / nullif(sum(revenue), 0), 0)::float8 as revenue_share,
           (avg(predicted_clv) filter (where matches))::float8 as average_predicted_clv,
           (select coalesce(json_agg(top order by top.predicted_clv desc nulls last, top.id), '[]'::json)
            from (select s.id::int as id, c.external_id, c.name, c.email, c.country, s.revenue::float8 as revenue,
                         s.predicted_clv::float8 as predicted_clv
                  from (select id, revenue, predicted_clv from scoped where matches
                        order by predicted_clv desc nulls last, id limit ${PREVIEW_SAMPLE_SIZE}) s
                  join customers c on c.org_id = ${orgId} and c.id = s.id) top) as sample
    from scoped`;
}

type PreviewRow = {
  customers: number;
  total_customers: number;
  customer_share: number;
  revenue: number;
  revenue_share: number;
  average_predicted_clv: number | null;
  sample: SampleRow[] | string;
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

/** Runs the preview query; pass the transaction of `withTenant`. */
export async function previewSegment(
  db: Pick<Database, 'execute'>,
  rule: SegmentRule,
  orgId: string,
): Promise<{ preview: SegmentPreview; sample: SegmentSampleCustomer[] }> {
  await useAnalyticalSettings(db);
  const [row] = await queryRows<PreviewRow>(db, segmentPreviewQuery(rule, orgId));
  const samples: SampleRow[] = typeof row.sample === 'string' ? JSON.parse(row.sample) : row.sample;
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

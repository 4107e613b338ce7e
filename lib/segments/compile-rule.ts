import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { containsPattern } from '@/lib/db/like';
import { queryRows } from '@/lib/db/rows';
import { SEGMENT_FIELDS } from './fields';
import type { SegmentCondition, SegmentGroup, SegmentRule } from './rule-schema';

/*
 * NULL semantics: a condition never matches a customer whose field is unknown (NULL), whatever the operator,
 * except `is_empty`, which matches NULL and blank text. So `country neq 'DE'` and `country not_in ['DE']` leave
 * out customers without a country, and metric conditions leave out customers without a metrics row. Each
 * condition is wrapped in coalesce(…, false) so the compiled expression is always true or false, never NULL.
 * Text `eq`/`in` compare exactly (case-sensitive); `contains` is a case-insensitive substring match.
 */

const COMPARISONS = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function compileCondition(condition: SegmentCondition): SQL {
  const field = SEGMENT_FIELDS[condition.field];
  // The only raw SQL: a whitelist entry chosen by a validated key. Every user value below is a bound parameter.
  const column = sql.raw(field.column);
  const number = (value: number) => sql`${value}::double precision`;
  const text = (value: string) => sql`${value}::text`;
  switch (condition.operator) {
    case 'eq':
    case 'neq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const value = typeof condition.value === 'number' ? number(condition.value) : text(condition.value as string);
      return sql`coalesce(${column} ${sql.raw(COMPARISONS[condition.operator])} ${value}, false)`;
    }
    case 'between':
      return sql`coalesce(${column} between ${number(condition.value[0])} and ${number(condition.value[1])}, false)`;
    case 'in':
      return sql`coalesce(${column} = any(${sql.param(condition.value)}::text[]), false)`;
    case 'not_in':
      return sql`coalesce(${column} <> all(${sql.param(condition.value)}::text[]), false)`;
    case 'contains':
      return sql`coalesce(${column} ilike ${containsPattern(condition.value)}::text, false)`;
    case 'is_empty':
      return sql`(${column} is null or btrim(${column}) = '')`;
    case 'is_true':
      return sql`(${column} is true)`;
    case 'is_false':
      return sql`(${column} is false)`;
  }
}

function compileGroup(group: SegmentGroup): SQL {
  const parts = group.children.map((child) => (child.kind === 'group' ? compileGroup(child) : compileCondition(child)));
  return sql`(${sql.join(parts, sql.raw(group.combinator === 'and' ? ' and ' : ' or '))})`;
}

/**
 * A boolean SQL expression over `c` (customers) and `m` (customer_metrics, left joined) that is true for the
 * rule's customers of the org. The org filter is part of the expression, so it never matches another workspace.
 */
export function compileRule(rule: SegmentRule, orgId: string): SQL {
  return sql`(c.org_id = ${orgId} and ${compileGroup(rule.root)})`;
}

const CUSTOMERS_WITH_METRICS = sql`customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id`;

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

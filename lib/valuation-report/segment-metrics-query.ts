import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { TRAILING_QUARTERS } from '@/lib/metrics/trailing-quarters';
import { CHURN_RISK_BAND_LIMITS, DAYS_PER_YEAR, MIN_TENURE_DAYS, type SegmentMetrics } from '@/lib/valuation/segment-metrics';
import type { SegmentKey } from './segment-keys';

/** Which segments to aggregate: the RFM segments and/or saved segments by id. */
export type SegmentSelection = { rfm: boolean; savedSegmentIds: readonly number[] };

/** Revenue and buying customers of a segment's current members in one of the last four quarters. */
export type QuarterFigures = { revenue: number; customers: number };

export type SegmentFigures = { metrics: SegmentMetrics; quarters: QuarterFigures[] };

export type SegmentFiguresByKey = {
  /** Every buyer of the workspace: the denominator of the shares. */
  population: SegmentFigures;
  segments: Map<SegmentKey, SegmentFigures>;
};

const POPULATION_KEY = '*';

/**
 * Additive sums over customer_metrics rows `m`, each read as lib/valuation's CustomerValuationRow: revenueAllTime =
 * revenue, revenueLast12Months = revenue_last_365_days, grossMargin = margin, orderCount = orders, tenureDays =
 * tenure_days, daysSinceLastOrder = recency_days. A missing model estimate (no converged BG/NBD fit) counts as no
 * predicted value and no evidence of churn: P(alive) 1. Being additive, the population's are sums of the groups'.
 */
const SUMS: Record<string, SQL> = {
  customers: sql`count(*)::float8`,
  revenue_all_time: sql`sum(m.revenue)`,
  revenue_last_12_months: sql`sum(m.revenue_last_365_days)`,
  gross_margin: sql`sum(m.margin)`,
  orders: sql`sum(m.orders)::float8`,
  customer_years: sql`sum(greatest(coalesce(m.tenure_days, 0), ${MIN_TENURE_DAYS}::float8)) / ${DAYS_PER_YEAR}::float8`,
  repeat_customers: sql`(count(*) filter (where m.orders >= 2))::float8`,
  tenure_days: sql`sum(coalesce(m.tenure_days, 0))::float8`,
  days_since_last_order: sql`sum(coalesce(m.recency_days, 0))::float8`,
  predicted_clv: sql`sum(coalesce(m.predicted_clv, 0))`,
  expected_purchases_90_days: sql`sum(coalesce(m.expected_purchases_90_days, 0))`,
  probability_alive: sql`sum(coalesce(m.probability_alive, 1))`,
  high_churn_risk_customers: sql`(count(*) filter (where 1 - coalesce(m.probability_alive, 1) > ${CHURN_RISK_BAND_LIMITS.highAbove}::float8))::float8`,
  revenue_at_risk: sql`sum(coalesce(m.predicted_clv, 0) * (1 - coalesce(m.probability_alive, 1)))`,
  ...Object.fromEntries(
    quarterIndexes().flatMap((q) => [
      [`quarter_${q}_revenue`, sql`sum(m.quarterly_revenue[${sql.raw(String(q))}])`],
      [`quarter_${q}_customers`, sql`(count(*) filter (where m.quarterly_orders[${sql.raw(String(q))}] > 0))::float8`],
    ]),
  ),
};

function quarterIndexes(): number[] {
  return Array.from({ length: TRAILING_QUARTERS }, (_, i) => i + 1);
}

const sumColumns = () => sql.join(Object.entries(SUMS).map(([name, sum]) => sql`${sum} as ${sql.identifier(name)}`), sql`, `);
const columnNames = (prefix = '') => sql.join(Object.keys(SUMS).map((name) => sql.raw(`${prefix}${name}`)), sql`, `);

/** `numerator / denominator`, 0 when the denominator is 0 (lib/valuation/ratio.ts). */
const ratio = (numerator: string, denominator: string) => sql.raw(`coalesce(${numerator} / nullif(${denominator}, 0), 0)`);

type MetricsRow = Record<keyof SegmentMetrics, number> & {
  segment_key: string;
  quarter_revenue: number[] | string;
  quarter_customers: number[] | string;
};

/**
 * Every chosen segment's SegmentMetrics (the formulas of lib/valuation/segment-metrics.ts) and quarterly trend, in
 * one set-based statement: sums per RFM segment in one pass over customer_metrics (their total is the population of
 * buyers), sums per saved segment through segment_members, then the ratios. Customers without orders are not valued.
 */
export async function segmentFigures(tx: Database, orgId: string, selection: SegmentSelection): Promise<SegmentFiguresByKey> {
  const savedIds = [...selection.savedSegmentIds];
  const quarterArray = (kind: 'revenue' | 'customers') =>
    sql.raw(`array[${quarterIndexes().map((q) => `s.quarter_${q}_${kind}`).join(', ')}]`);
  const rows = await queryRows<MetricsRow>(
    tx,
    sql`
      with by_rfm as (
        select m.rfm_segment, ${sumColumns()}
        from customer_metrics m
        where m.org_id = ${orgId} and m.orders > 0
        group by m.rfm_segment
      ),
      population as (
        select ${sql.join(Object.keys(SUMS).map((name) => sql.raw(`sum(${name}) as ${name}`)), sql`, `)} from by_rfm
      ),
      by_saved as (
        select sm.segment_id, ${sumColumns()}
        from segment_members sm
        join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
        where sm.org_id = ${orgId} and sm.segment_id = any(${sql.param(savedIds)}::bigint[]) and m.orders > 0
        group by sm.segment_id
      ),
      sums as (
        select 'rfm:' || rfm_segment as segment_key, ${columnNames()} from by_rfm where rfm_segment is not null and ${selection.rfm}::boolean
        union all
        select ${POPULATION_KEY}, ${columnNames()} from population where customers > 0
        union all
        select 'segment:' || segment_id, ${columnNames()} from by_saved
      )
      select s.segment_key,
             s.customers::int as "customers",
             ${ratio('s.customers', 'p.customers')} as "customerShare",
             s.revenue_all_time as "revenueAllTime",
             s.revenue_last_12_months as "revenueLast12Months",
             ${ratio('s.revenue_all_time', 'p.revenue_all_time')} as "revenueShare",
             ${ratio('s.revenue_last_12_months', 'p.revenue_last_12_months')} as "revenueLast12MonthsShare",
             s.gross_margin as "grossMargin",
             ${ratio('s.gross_margin', 's.revenue_all_time')} as "marginRate",
             s.orders as "orders",
             ${ratio('s.revenue_all_time', 's.orders')} as "averageOrderValue",
             s.customer_years as "customerYears",
             ${ratio('s.orders', 's.customer_years')} as "purchaseFrequency",
             ${ratio('s.repeat_customers', 's.customers')} as "repeatRate",
             ${ratio('s.tenure_days', 's.customers')} as "averageTenureDays",
             ${ratio('s.days_since_last_order', 's.customers')} as "averageDaysSinceLastOrder",
             ${ratio('s.gross_margin', 's.customers')} as "historicalClvPerCustomer",
             s.predicted_clv as "predictedClv",
             ${ratio('s.predicted_clv', 's.customers')} as "predictedClvPerCustomer",
             s.expected_purchases_90_days as "expectedPurchases90Days",
             ${ratio('s.probability_alive', 's.customers')} as "meanProbabilityAlive",
             ${ratio('s.high_churn_risk_customers', 's.customers')} as "highChurnRiskShare",
             s.revenue_at_risk as "revenueAtRisk",
             ${quarterArray('revenue')} as quarter_revenue,
             ${quarterArray('customers')}::int[] as quarter_customers
      from sums s
      cross join sums p
      where p.segment_key = ${POPULATION_KEY}`,
  );
  const figures = rows.map((row) => [row.segment_key, toFigures(row)] as const);
  const population = figures.find(([key]) => key === POPULATION_KEY)?.[1] ?? emptyFigures();
  return {
    population,
    segments: new Map(figures.filter(([key]) => key !== POPULATION_KEY) as [SegmentKey, SegmentFigures][]),
  };
}

// A record, so the compiler says when SegmentMetrics gains a field this statement does not select.
const METRIC_FIELD_SET: Record<keyof SegmentMetrics, true> = {
  customers: true, customerShare: true, revenueAllTime: true, revenueLast12Months: true, revenueShare: true,
  revenueLast12MonthsShare: true, grossMargin: true, marginRate: true, orders: true, averageOrderValue: true,
  customerYears: true, purchaseFrequency: true, repeatRate: true, averageTenureDays: true, averageDaysSinceLastOrder: true,
  historicalClvPerCustomer: true, predictedClv: true, predictedClvPerCustomer: true, expectedPurchases90Days: true,
  meanProbabilityAlive: true, highChurnRiskShare: true, revenueAtRisk: true,
};
const METRIC_FIELDS = Object.keys(METRIC_FIELD_SET) as (keyof SegmentMetrics)[];

function toFigures(row: MetricsRow): SegmentFigures {
  const metrics = Object.fromEntries(METRIC_FIELDS.map((field) => [field, Number(row[field] ?? 0)])) as unknown as SegmentMetrics;
  const arrayOf = (value: unknown) => (typeof value === 'string' ? value.slice(1, -1).split(',') : (value as unknown[]));
  const revenue = arrayOf(row.quarter_revenue).map(Number);
  const customers = arrayOf(row.quarter_customers).map(Number);
  return { metrics, quarters: revenue.map((amount, i) => ({ revenue: amount, customers: customers[i] })) };
}

/** A segment with no customers: every figure 0. */
export function emptyFigures(): SegmentFigures {
  const metrics = Object.fromEntries(METRIC_FIELDS.map((field) => [field, 0])) as unknown as SegmentMetrics;
  return { metrics, quarters: Array.from({ length: TRAILING_QUARTERS }, () => ({ revenue: 0, customers: 0 })) };
}

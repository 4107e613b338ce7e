import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { allCells, DEFAULT_SEGMENT_SCHEME, matchingSegments, type SegmentRule } from '@/lib/models/rfm';
import type { ValueEngineSettings } from './settings';
import { TRAILING_QUARTERS, trailingQuarterDays } from './trailing-quarters';

/** The temporary table a recompute stages every customer's figures in; dropped at commit. */
export const STAGE = sql.raw('recompute_customers');

/** The segment of every (R, F, M) cell on the 5-point scale, as SQL rows (a validated scheme has exactly one). */
function segmentCells(scheme: readonly SegmentRule[]) {
  const rows = allCells(5).map((cell) => {
    const [name] = matchingSegments(scheme, cell);
    return sql`(${cell.recency}::int, ${cell.frequency}::int, ${cell.monetary}::int, ${name}::text)`;
  });
  return sql.join(rows, sql`, `);
}

/** Revenue and orders of each of the last four quarters as two arrays, oldest first (null for non-buyers). */
function quarterlyColumns() {
  const quarters = Array.from({ length: TRAILING_QUARTERS }, (_, index) => trailingQuarterDays(TRAILING_QUARTERS - 1 - index));
  const inQuarter = ({ first, last }: { first: number; last: number }) =>
    sql`(select as_of from cutoff) - day between ${sql.raw(String(first))} and ${sql.raw(String(last))}`;
  const revenue = quarters.map((quarter) => sql`coalesce(sum(revenue) filter (where ${inQuarter(quarter)}), 0)`);
  const orders = quarters.map((quarter) => sql`(count(*) filter (where ${inQuarter(quarter)}))::int`);
  return sql`array[${sql.join(revenue, sql`, `)}]::float8[] as quarterly_revenue, array[${sql.join(orders, sql`, `)}] as quarterly_orders`;
}

/**
 * Stages every customer's aggregates and RFM scores in one set-based statement. Purchases on the same UTC day
 * count as one transaction (the BG/NBD unit); the as-of date is the workspace's last order day; orders without a
 * cost use the default margin. R, F and M are 1 + ⌊bins·(rank − 1)/buyers⌋ over the buyers, ties sharing the
 * lowest rank (lib/models/rfm.ts quantileScore), and the segment comes from the scheme's cell.
 */
export async function stageCustomerAggregates(
  tx: Database,
  orgId: string,
  settings: ValueEngineSettings,
  scheme: readonly SegmentRule[] = DEFAULT_SEGMENT_SCHEME,
): Promise<void> {
  const bins = settings.rfmBins;
  const score = (order: ReturnType<typeof sql>) =>
    sql`case when buyer then 1 + floor(${bins} * (rank() over (partition by buyer order by ${order}) - 1)::float8
                                  / count(*) over (partition by buyer))::int end`;
  await tx.execute(sql`
    create temporary table ${STAGE} on commit drop as
    with cutoff as (
      select coalesce(max(ordered_at)::date, current_date) as as_of from orders where org_id = ${orgId}
    ),
    -- One pass in index order (org_id, customer_id, ordered_at): a window for each customer's first day, then a
    -- group per customer; hashing (customer, day) pairs instead costs twice as much.
    per_customer as (
      select customer_id,
             min(ordered_at) as first_order_at,
             max(ordered_at) as last_order_at,
             min(day) as first_day,
             max(day) as last_day,
             count(*)::int as orders,
             count(distinct day)::int as purchase_days,
             sum(revenue) as revenue,
             sum(margin) as margin,
             (sum(revenue) - sum(revenue) filter (where day = first_day_of_customer)) / nullif(count(distinct day) - 1, 0)
               as average_repeat_value,
             coalesce(sum(revenue) filter (where day > (select as_of from cutoff) - 90), 0) as revenue_90,
             coalesce(sum(revenue) filter (where day > (select as_of from cutoff) - 365), 0) as revenue_365,
             coalesce(sum(revenue) filter (where day > (select as_of from cutoff) - 730 and day <= (select as_of from cutoff) - 365), 0)
               as revenue_prev_365,
             ${quarterlyColumns()}
      from (
        select customer_id, ordered_at, ordered_at::date as day, revenue::float8 as revenue,
               coalesce(revenue - cost, revenue * ${settings.defaultMarginPct / 100})::float8 as margin,
               first_value(ordered_at) over (partition by customer_id order by ordered_at)::date as first_day_of_customer
        from orders
        where org_id = ${orgId}
      ) customer_orders
      group by customer_id
    ),
    base as (
      select c.id as customer_id, cutoff.as_of, p.first_order_at, p.last_order_at,
             coalesce(p.orders, 0) as orders, coalesce(p.purchase_days, 0) as purchase_days,
             greatest(coalesce(p.purchase_days, 0) - 1, 0) as repeat_purchases,
             cutoff.as_of - p.last_day as recency_days, cutoff.as_of - p.first_day as tenure_days,
             p.last_day - p.first_day as repeat_span_days,
             coalesce(p.revenue, 0) as revenue, coalesce(p.margin, 0) as margin,
             p.revenue / nullif(p.orders, 0) as average_order_value, p.average_repeat_value,
             coalesce(p.revenue_90, 0) as revenue_last_90_days, coalesce(p.revenue_365, 0) as revenue_last_365_days,
             coalesce(p.revenue_prev_365, 0) as revenue_previous_365_days,
             coalesce(p.quarterly_revenue, '{0,0,0,0}') as quarterly_revenue, coalesce(p.quarterly_orders, '{0,0,0,0}') as quarterly_orders,
             coalesce(${settings.clvBasis === 'margin' ? sql`p.margin` : sql`p.revenue`}, 0) as historical_clv,
             p.customer_id is not null as buyer
      from customers c
      cross join cutoff
      left join per_customer p on p.customer_id = c.id
      where c.org_id = ${orgId}
    ),
    scored as (
      select base.*,
             ${score(sql`recency_days desc`)} as recency_score,
             ${score(sql`purchase_days`)} as frequency_score,
             ${score(sql`revenue`)} as monetary_score
      from base
    ),
    cells (r5, f5, m5, segment) as (values ${segmentCells(scheme)})
    select scored.*, cells.segment as rfm_segment
    from scored
    left join cells on cells.r5 = ceil(scored.recency_score * 5.0 / ${bins})
                   and cells.f5 = ceil(scored.frequency_score * 5.0 / ${bins})
                   and cells.m5 = ceil(scored.monetary_score * 5.0 / ${bins})`);
}

import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import type { ValueEngineSettings } from './settings';
import { TRAILING_QUARTERS, trailingQuarterDays } from './trailing-quarters';

/** The temporary table a recompute stages each buyer's aggregates in (customers with orders); dropped at commit. */
export const BUYERS = sql.raw('recompute_buyers');

/** Revenue and orders of each of the last four quarters as two arrays, oldest first. */
function quarterlyColumns() {
  const quarters = Array.from({ length: TRAILING_QUARTERS }, (_, index) => trailingQuarterDays(TRAILING_QUARTERS - 1 - index));
  const inQuarter = ({ first, last }: { first: number; last: number }) =>
    sql`days_ago between ${sql.raw(String(first))} and ${sql.raw(String(last))}`;
  const revenue = quarters.map((quarter) => sql`coalesce(sum(revenue) filter (where ${inQuarter(quarter)}), 0)`);
  const orders = quarters.map((quarter) => sql`(count(*) filter (where ${inQuarter(quarter)}))::int`);
  return sql`array[${sql.join(revenue, sql`, `)}]::float8[] as quarterly_revenue, array[${sql.join(orders, sql`, `)}] as quarterly_orders`;
}

/**
 * Stages every buyer's aggregates in one set-based statement, the one pass over the workspace's orders. Purchases
 * on the same UTC day count as one transaction (the BG/NBD unit); the as-of date is the workspace's last order day;
 * orders without a cost use the default margin. Times are in days.
 */
export async function stageBuyerAggregates(tx: Database, orgId: string, settings: ValueEngineSettings): Promise<void> {
  await tx.execute(sql`
    create temporary table ${BUYERS} on commit drop as
    with cutoff as (
      select coalesce(max(ordered_at)::date, current_date) as as_of from orders where org_id = ${orgId}
    ),
    -- In index order (org_id, customer_id, ordered_at): one window gives each order its customer's first day and
    -- whether it starts a new purchase day, then a group per customer. Hashing (customer, day) pairs costs twice
    -- as much, and count(distinct day) sorts every group.
    per_customer as (
      select customer_id,
             min(ordered_at) as first_order_at,
             max(ordered_at) as last_order_at,
             min(day) as first_day,
             max(day) as last_day,
             count(*)::int as orders,
             (count(*) filter (where new_day))::int as purchase_days,
             sum(revenue) as revenue,
             sum(margin) as margin,
             (sum(revenue) - sum(revenue) filter (where day = first_day_of_customer)) / nullif(count(*) filter (where new_day) - 1, 0)
               as average_repeat_value,
             coalesce(sum(revenue) filter (where days_ago < 90), 0) as revenue_last_90_days,
             coalesce(sum(revenue) filter (where days_ago < 365), 0) as revenue_last_365_days,
             coalesce(sum(revenue) filter (where days_ago >= 365 and days_ago < 730), 0) as revenue_previous_365_days,
             ${quarterlyColumns()}
      from (
        select customer_id, ordered_at, day, revenue, margin, (select as_of from cutoff) - day as days_ago,
               first_value(day) over customer_history as first_day_of_customer,
               day is distinct from lag(day) over customer_history as new_day
        from (
          select customer_id, ordered_at, ordered_at::date as day, revenue::float8 as revenue,
                 coalesce(revenue - cost, revenue * ${settings.defaultMarginPct / 100})::float8 as margin
          from orders
          where org_id = ${orgId}
        ) customer_orders
        window customer_history as (partition by customer_id order by ordered_at)
      ) dated_orders
      group by customer_id
    )
    select p.customer_id, cutoff.as_of, p.first_order_at, p.last_order_at, p.orders, p.purchase_days,
           p.purchase_days - 1 as repeat_purchases, cutoff.as_of - p.last_day as recency_days,
           cutoff.as_of - p.first_day as tenure_days, p.last_day - p.first_day as repeat_span_days, p.revenue, p.margin,
           p.revenue / p.orders as average_order_value, p.average_repeat_value, p.revenue_last_90_days,
           p.revenue_last_365_days, p.revenue_previous_365_days, p.quarterly_revenue, p.quarterly_orders
    from per_customer p
    cross join cutoff
    -- Orders count only for the workspace's customers.
    where exists (select from customers c where c.org_id = ${orgId} and c.id = p.customer_id)`);
}

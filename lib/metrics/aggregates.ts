import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import type { ValueEngineSettings } from './settings';

/**
 * Rewrites every customer's metrics row from their orders in one set-based statement. Purchases on the same
 * UTC day count as one transaction (the BG/NBD unit); the as-of date is the workspace's last order day.
 * Orders without a cost use the workspace's default margin.
 */
export async function refreshCustomerAggregates(tx: Database, orgId: string, settings: ValueEngineSettings): Promise<void> {
  await tx.execute(sql`delete from customer_metrics where org_id = ${orgId}`);
  await tx.execute(sql`
    insert into customer_metrics (
      org_id, customer_id, as_of, first_order_at, last_order_at, orders, purchase_days, repeat_purchases,
      recency_days, tenure_days, repeat_span_days, revenue, margin, average_order_value, average_repeat_value,
      revenue_last_90_days, revenue_last_365_days, revenue_previous_365_days, historical_clv)
    with cutoff as (
      select coalesce(max(ordered_at)::date, current_date) as as_of from orders where org_id = ${orgId}
    ),
    purchase_days as (
      select customer_id,
             ordered_at::date as day,
             min(ordered_at) as first_at,
             max(ordered_at) as last_at,
             count(*) as orders,
             sum(revenue)::float8 as revenue,
             sum(coalesce(revenue - cost, revenue * ${settings.defaultMarginPct / 100}))::float8 as margin,
             row_number() over (partition by customer_id order by ordered_at::date) as day_number
      from orders
      where org_id = ${orgId}
      group by customer_id, ordered_at::date
    ),
    per_customer as (
      select customer_id,
             min(first_at) as first_order_at,
             max(last_at) as last_order_at,
             min(day) as first_day,
             max(day) as last_day,
             sum(orders)::int as orders,
             count(*)::int as purchase_days,
             sum(revenue) as revenue,
             sum(margin) as margin,
             sum(revenue) filter (where day_number > 1) / nullif(count(*) - 1, 0) as average_repeat_value,
             coalesce(sum(revenue) filter (where day > cutoff.as_of - 90), 0) as revenue_90,
             coalesce(sum(revenue) filter (where day > cutoff.as_of - 365), 0) as revenue_365,
             coalesce(sum(revenue) filter (where day > cutoff.as_of - 730 and day <= cutoff.as_of - 365), 0) as revenue_prev_365
      from purchase_days cross join cutoff
      group by customer_id
    )
    select ${orgId}::uuid, c.id, cutoff.as_of, p.first_order_at, p.last_order_at,
           coalesce(p.orders, 0), coalesce(p.purchase_days, 0), greatest(coalesce(p.purchase_days, 0) - 1, 0),
           cutoff.as_of - p.last_day, cutoff.as_of - p.first_day, p.last_day - p.first_day,
           coalesce(p.revenue, 0), coalesce(p.margin, 0), p.revenue / nullif(p.orders, 0), p.average_repeat_value,
           coalesce(p.revenue_90, 0), coalesce(p.revenue_365, 0), coalesce(p.revenue_prev_365, 0),
           coalesce(${settings.clvBasis === 'margin' ? sql`p.margin` : sql`p.revenue`}, 0)
    from customers c
    cross join cutoff
    left join per_customer p on p.customer_id = c.id
    where c.org_id = ${orgId}`);
}

import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export type OverviewTotals = { customers: number; orders: number; revenue: number; buyers: number };
export type MonthlyActivity = { month: string; revenue: number; orders: number; newCustomers: number; returningCustomers: number };

export async function overviewTotals(tenant: Tenant): Promise<OverviewTotals> {
  return withTenant(tenant, async (tx) => {
    const [row] = await queryRows<OverviewTotals>(
      tx,
      sql`select
            (select count(*)::int from customers where org_id = ${tenant.orgId}) as customers,
            count(*)::int as orders,
            coalesce(sum(revenue), 0)::float8 as revenue,
            count(distinct customer_id)::int as buyers
          from orders where org_id = ${tenant.orgId}`,
    );
    return row;
  });
}

/** Revenue, orders and new vs returning buyers per calendar month (UTC) for the last `months` months. */
export async function monthlyActivity(tenant: Tenant, months = 24): Promise<MonthlyActivity[]> {
  return withTenant(tenant, (tx) =>
    queryRows<MonthlyActivity>(
      tx,
      sql`with months as (
            select generate_series(date_trunc('month', now()) - make_interval(months => ${months - 1}),
                                   date_trunc('month', now()), interval '1 month') as month
          ),
          first_orders as (
            select customer_id, date_trunc('month', min(ordered_at)) as first_month
            from orders where org_id = ${tenant.orgId} group by customer_id
          ),
          monthly as (
            select date_trunc('month', o.ordered_at) as month,
                   sum(o.revenue) as revenue,
                   count(*) as orders,
                   count(distinct o.customer_id) filter (where f.first_month = date_trunc('month', o.ordered_at)) as new_customers,
                   count(distinct o.customer_id) filter (where f.first_month < date_trunc('month', o.ordered_at)) as returning_customers
            from orders o join first_orders f on f.customer_id = o.customer_id
            where o.org_id = ${tenant.orgId}
              and o.ordered_at >= date_trunc('month', now()) - make_interval(months => ${months - 1})
            group by 1
          )
          select to_char(m.month, 'YYYY-MM') as month,
                 coalesce(monthly.revenue, 0)::float8 as revenue,
                 coalesce(monthly.orders, 0)::int as orders,
                 coalesce(monthly.new_customers, 0)::int as "newCustomers",
                 coalesce(monthly.returning_customers, 0)::int as "returningCustomers"
          from months m left join monthly on monthly.month = m.month
          order by m.month`,
    ),
  );
}

import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '@/lib/db/like';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export const customerSorts = ['name', 'orders', 'revenue', 'last_order', 'clv'] as const;
export type CustomerSort = (typeof customerSorts)[number];
export type SortDirection = 'asc' | 'desc';

export type CustomerListRow = {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  country: string | null;
  orders: number;
  revenue: number;
  lastOrderAt: string | null;
  rfmSegment: string | null;
  predictedClv: number | null;
  probabilityAlive: number | null;
};

/** Narrows the list to an RFM cell or named segment (click-through from the RFM grid). */
export type CustomerFilters = { recencyScore?: number; frequencyScore?: number; segment?: string };

export type CustomerListQuery = {
  search?: string;
  filters?: CustomerFilters;
  sort: CustomerSort;
  direction: SortDirection;
  page: number;
  pageSize: number;
};

const sortColumns: Record<CustomerSort, SQL> = {
  name: sql`coalesce(c.name, c.external_id)`,
  orders: sql`orders`,
  revenue: sql`revenue`,
  last_order: sql`"lastOrderAt"`,
  clv: sql`m.predicted_clv`,
};

function metricFilter(filters: CustomerFilters | undefined): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters?.recencyScore) conditions.push(sql`m.recency_score = ${filters.recencyScore}`);
  if (filters?.frequencyScore) conditions.push(sql`m.frequency_score = ${filters.frequencyScore}`);
  if (filters?.segment) conditions.push(sql`m.rfm_segment = ${filters.segment}`);
  return sql.join(conditions, sql` and `);
}

function searchFilter(search: string | undefined): SQL {
  if (!search?.trim()) return sql`true`;
  const pattern = containsPattern(search.trim());
  return sql`(c.name ilike ${pattern} or c.email ilike ${pattern} or c.external_id ilike ${pattern})`;
}

export async function listCustomers(tenant: Tenant, query: CustomerListQuery): Promise<{ rows: CustomerListRow[]; total: number }> {
  const direction = query.direction === 'asc' ? sql`asc` : sql`desc`;
  const filter = sql`${searchFilter(query.search)} and ${metricFilter(query.filters)}`;
  const metrics = sql`left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id`;
  return withTenant(tenant, async (tx) => {
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      sql`select count(*)::int as total from customers c ${metrics} where c.org_id = ${tenant.orgId} and ${filter}`,
    );
    const rows = await queryRows<CustomerListRow>(
      tx,
      sql`select c.id::float8 as id, c.external_id as "externalId", c.name, c.email, c.country,
                 coalesce(s.orders, 0)::int as orders, coalesce(s.revenue, 0)::float8 as revenue,
                 s.last_order_at as "lastOrderAt", m.rfm_segment as "rfmSegment", m.predicted_clv as "predictedClv",
                 m.probability_alive as "probabilityAlive"
          from customers c
          ${metrics}
          left join lateral (
            select count(*) as orders, sum(o.revenue) as revenue, max(o.ordered_at) as last_order_at
            from orders o where o.org_id = c.org_id and o.customer_id = c.id
          ) s on true
          where c.org_id = ${tenant.orgId} and ${filter}
          order by ${sortColumns[query.sort]} ${direction} nulls last, c.id
          limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    );
    return { rows, total };
  });
}

export type CustomerDetail = {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  signupDate: string | null;
  country: string | null;
  region: string | null;
  gender: string | null;
  birthYear: number | null;
  incomeBand: string | null;
  education: string | null;
  acquisitionChannel: string | null;
  marketingConsent: boolean;
  attributes: Record<string, string>;
};

export type CustomerOrder = {
  externalId: string;
  orderedAt: string;
  revenue: number;
  cost: number | null;
  currency: string | null;
  productCategory: string | null;
  channel: string | null;
};

export type CustomerOrderSummary = {
  orders: number;
  revenue: number;
  margin: number;
  ordersWithoutCost: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
};

export const ORDER_HISTORY_LIMIT = 500;

export async function getCustomer(
  tenant: Tenant,
  id: number,
): Promise<{ customer: CustomerDetail; summary: CustomerOrderSummary; orders: CustomerOrder[] } | null> {
  return withTenant(tenant, async (tx) => {
    const [customer] = await queryRows<CustomerDetail>(
      tx,
      sql`select id::float8 as id, external_id as "externalId", name, email, signup_date::text as "signupDate",
                 country, region, gender, birth_year as "birthYear", income_band as "incomeBand", education,
                 acquisition_channel as "acquisitionChannel", marketing_consent as "marketingConsent", attributes
          from customers where org_id = ${tenant.orgId} and id = ${id}`,
    );
    if (!customer) return null;
    const [summary] = await queryRows<CustomerOrderSummary>(
      tx,
      sql`select count(*)::int as orders, coalesce(sum(revenue), 0)::float8 as revenue,
                 coalesce(sum(revenue - cost), 0)::float8 as margin, count(*) filter (where cost is null)::int as "ordersWithoutCost",
                 min(ordered_at) as "firstOrderAt", max(ordered_at) as "lastOrderAt"
          from orders where org_id = ${tenant.orgId} and customer_id = ${id}`,
    );
    const orders = await queryRows<CustomerOrder>(
      tx,
      sql`select external_id as "externalId", ordered_at as "orderedAt", revenue::float8 as revenue,
                 cost::float8 as cost, currency, product_category as "productCategory", channel
          from orders where org_id = ${tenant.orgId} and customer_id = ${id}
          order by ordered_at desc, id desc
          limit ${ORDER_HISTORY_LIMIT}`,
    );
    return { customer, summary, orders };
  });
}

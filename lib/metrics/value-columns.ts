import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import type { CustomerValueColumns, CustomerValuePredictions } from '@/lib/models/customer-predictions';
import { STAGE } from './aggregates';

/** The model inputs of every staged buyer, as columns (ids alongside). */
export async function loadValueColumns(tx: Database): Promise<{ customerIds: number[]; columns: CustomerValueColumns }> {
  const rows = await queryRows<{ id: number; x: number; tx: number; t: number; zbar: number; aov: number; mr: number; r365: number }>(
    tx,
    sql`select customer_id::float8 as id, repeat_purchases::float8 as x, repeat_span_days::float8 as tx, tenure_days::float8 as t,
               coalesce(average_repeat_value, 0) as zbar, coalesce(average_order_value, 0) as aov,
               case when revenue > 0 then margin / revenue else 0 end as mr, revenue_last_365_days as r365
        from ${STAGE} where buyer
        order by customer_id`,
  );
  const column = (pick: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, pick);
  return {
    customerIds: rows.map((row) => row.id),
    columns: {
      frequency: column((r) => r.x),
      recency: column((r) => r.tx),
      T: column((r) => r.t),
      averageRepeatValue: column((r) => r.zbar),
      averageOrderValue: column((r) => r.aov),
      marginRate: column((r) => r.mr),
      revenueLast365Days: column((r) => r.r365),
    },
  };
}

const nullable = (values: Float64Array) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

/**
 * Replaces the workspace's metrics with the staged rows and their predictions in one insert: each row is written
 * once. The prediction arrays travel as single parameters, not one per value.
 */
export async function writeCustomerMetrics(
  tx: Database,
  orgId: string,
  customerIds: number[],
  predictions: CustomerValuePredictions,
): Promise<void> {
  await tx.execute(sql`delete from customer_metrics where org_id = ${orgId}`);
  await tx.execute(sql`
    insert into customer_metrics (
      org_id, customer_id, as_of, first_order_at, last_order_at, orders, purchase_days, repeat_purchases,
      recency_days, tenure_days, repeat_span_days, revenue, margin, average_order_value, average_repeat_value,
      revenue_last_90_days, revenue_last_365_days, revenue_previous_365_days, quarterly_revenue, quarterly_orders,
      recency_score, frequency_score, monetary_score, rfm_segment, probability_alive, expected_purchases_90_days, predicted_clv,
      historical_clv)
    select ${orgId}::uuid, s.customer_id, s.as_of, s.first_order_at, s.last_order_at, s.orders, s.purchase_days,
           s.repeat_purchases, s.recency_days, s.tenure_days, s.repeat_span_days, s.revenue, s.margin,
           s.average_order_value, s.average_repeat_value, s.revenue_last_90_days, s.revenue_last_365_days,
           s.revenue_previous_365_days, s.quarterly_revenue, s.quarterly_orders, s.recency_score, s.frequency_score,
           s.monetary_score, s.rfm_segment,
           p.alive, p.expected_90, p.clv, s.historical_clv
    from ${STAGE} s
    left join unnest(${sql.param(customerIds)}::bigint[], ${sql.param(nullable(predictions.probabilityAlive))}::float8[],
                     ${sql.param(nullable(predictions.expectedPurchases90Days))}::float8[],
                     ${sql.param(nullable(predictions.predictedClv))}::float8[]) as p(customer_id, alive, expected_90, clv)
           on p.customer_id = s.customer_id`);
}

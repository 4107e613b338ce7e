import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import type { CustomerValueColumns, CustomerValuePredictions } from '@/lib/models/customer-predictions';

/** The model inputs of every buyer, as columns (ids alongside). */
export async function loadValueColumns(tx: Database, orgId: string): Promise<{ customerIds: number[]; columns: CustomerValueColumns }> {
  const rows = await queryRows<{ id: number; x: number; tx: number; t: number; zbar: number; aov: number; mr: number; r365: number }>(
    tx,
    sql`select customer_id::float8 as id, repeat_purchases::float8 as x, repeat_span_days::float8 as tx, tenure_days::float8 as t,
               coalesce(average_repeat_value, 0) as zbar, coalesce(average_order_value, 0) as aov,
               case when revenue > 0 then margin / revenue else 0 end as mr, revenue_last_365_days as r365
        from customer_metrics where org_id = ${orgId} and orders > 0
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

/** Writes the predictions back in one statement; arrays travel as single parameters, not one per value. */
export async function writePredictions(
  tx: Database,
  orgId: string,
  customerIds: number[],
  predictions: CustomerValuePredictions,
): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.execute(sql`
    update customer_metrics cm
    set probability_alive = p.alive, expected_purchases_90_days = p.expected_90, predicted_clv = p.clv
    from unnest(${sql.param(customerIds)}::bigint[], ${sql.param(nullable(predictions.probabilityAlive))}::float8[],
                ${sql.param(nullable(predictions.expectedPurchases90Days))}::float8[],
                ${sql.param(nullable(predictions.predictedClv))}::float8[]) as p(customer_id, alive, expected_90, clv)
    where cm.org_id = ${orgId} and cm.customer_id = p.customer_id`);
}

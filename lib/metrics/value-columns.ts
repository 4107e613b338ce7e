import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import type {
  CustomerValueColumns,
  CustomerValuePredictions,
  FallbackColumns,
  RepeatPurchaseColumns,
} from '@/lib/models/customer-predictions';
import { BUYERS } from './aggregates';
import { STAGE } from './customer-stage';

/** How each column the models read is derived from a staged buyer (string_agg skips NULLs: none may be null). */
const COLUMNS: Record<keyof CustomerValueColumns, SQL> = {
  frequency: sql`repeat_purchases`,
  recency: sql`repeat_span_days`,
  T: sql`tenure_days`,
  averageRepeatValue: sql`coalesce(average_repeat_value, 0)`,
  averageOrderValue: sql`coalesce(average_order_value, 0)`,
  marginRate: sql`case when revenue > 0 then margin / revenue else 0 end`,
  revenueLast365Days: sql`revenue_last_365_days`,
};

/**
 * Columns of every staged buyer in customer id order: the order of `buyer_index` (customer-stage.ts). Each column
 * travels as one comma-separated text value: 100,000 rows, or arrays, take several times longer to format and parse.
 * The aggregates of one query see the rows in the same order.
 */
async function loadBuyerColumns<Name extends keyof CustomerValueColumns>(tx: Database, names: Name[]): Promise<Record<Name, Float64Array>> {
  const [staged] = await queryRows<Record<string, string | null>>(
    tx,
    sql`select string_agg(customer_id::text, ',') as id,
               ${sql.join(names.map((name) => sql`string_agg((${COLUMNS[name]})::text, ',') as ${sql.identifier(name)}`), sql`, `)}
        from ${BUYERS}`,
  );
  const order = ascendingOrder(numbers(staged.id));
  const columns = {} as Record<Name, Float64Array>;
  for (const name of names) {
    const values = numbers(staged[name]);
    if (values.length !== order.length) throw new Error(`${name}: ${values.length} values for ${order.length} buyers`);
    const ordered = (columns[name] = new Float64Array(order.length));
    for (let i = 0; i < order.length; i++) ordered[i] = values[order[i]];
  }
  return columns;
}

/** What the fits need of every staged buyer. */
export function loadRepeatPurchaseColumns(tx: Database): Promise<RepeatPurchaseColumns> {
  return loadBuyerColumns(tx, ['frequency', 'recency', 'T', 'averageRepeatValue']);
}

/** The fallback columns the predictions need (lib/models fallbackColumnsNeeded), usually none: no query then. */
export async function loadFallbackColumns(tx: Database, names: (keyof FallbackColumns)[]): Promise<Partial<FallbackColumns>> {
  return names.length > 0 ? loadBuyerColumns(tx, names) : {};
}

function numbers(text: string | null): Float64Array {
  const parts = text ? text.split(',') : [];
  const values = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) values[i] = Number(parts[i]);
  return values;
}

/** Row numbers in ascending order of the ids; the rows usually arrive in that order already. */
export function ascendingOrder(ids: Float64Array): Int32Array {
  const order = new Int32Array(ids.length);
  let sorted = true;
  for (let row = 0; row < ids.length; row++) {
    order[row] = row;
    if (row > 0 && !(ids[row - 1] < ids[row])) sorted = false;
  }
  return sorted ? order : Int32Array.from(Array.from(order).sort((a, b) => ids[a] - ids[b]));
}

/** A float8[] literal, NaN where there is no finite value (stored as NULL): one string formats far faster than an
 * array parameter. */
const float8Array = (values: Float64Array) => `{${values.map((v) => (Number.isFinite(v) ? v : NaN)).join(',')}}`;

/**
 * Replaces the workspace's metrics with the staged rows and their predictions in one insert: each row is written
 * once, in the stage's order, and takes its predictions by subscript (`buyer_index`) rather than by a join. The
 * materialized CTE parses each array once even under a generic plan.
 */
export async function writeCustomerMetrics(tx: Database, orgId: string, predictions: CustomerValuePredictions): Promise<void> {
  const predicted = (column: string) => sql`nullif(p.${sql.raw(column)}[s.buyer_index], 'NaN')`;
  await tx.execute(sql`delete from customer_metrics where org_id = ${orgId}`);
  await tx.execute(sql`
    with p as materialized (
      select ${float8Array(predictions.probabilityAlive)}::float8[] as alive,
             ${float8Array(predictions.expectedPurchases90Days)}::float8[] as expected_90,
             ${float8Array(predictions.predictedClv)}::float8[] as clv
    )
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
           s.monetary_score, s.rfm_segment, ${predicted('alive')}, ${predicted('expected_90')}, ${predicted('clv')}, s.historical_clv
    from ${STAGE} s cross join p`);
}

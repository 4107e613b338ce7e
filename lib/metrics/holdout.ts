import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';

export type CalibrationRows = {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  actualHoldoutPurchases: Float64Array;
};

/**
 * Per buyer who first purchased by `cutoff`: the calibration summary (x, t_x, T in days up to the cutoff) and the
 * purchase days they actually made in (cutoff, asOf] — the data of the BG/NBD paper's holdout check.
 */
export async function calibrationAndHoldout(tx: Database, orgId: string, cutoff: string, asOf: string): Promise<CalibrationRows> {
  const rows = await queryRows<{ x: number; tx: number; t: number; actual: number }>(
    tx,
    sql`with calibration_days as (
          select customer_id, ordered_at::date as day from orders
          where org_id = ${orgId} and ordered_at::date <= ${cutoff}::date
          group by customer_id, ordered_at::date
        ),
        calibration as (
          select customer_id, count(*) - 1 as x, max(day) - min(day) as tx, ${cutoff}::date - min(day) as t
          from calibration_days group by customer_id
        ),
        holdout as (
          select customer_id, count(distinct ordered_at::date) as actual from orders
          where org_id = ${orgId} and ordered_at::date > ${cutoff}::date and ordered_at::date <= ${asOf}::date
          group by customer_id
        )
        select c.x::float8 as x, c.tx::float8 as tx, c.t::float8 as t, coalesce(h.actual, 0)::float8 as actual
        from calibration c left join holdout h on h.customer_id = c.customer_id`,
  );
  const columns: CalibrationRows = {
    frequency: new Float64Array(rows.length),
    recency: new Float64Array(rows.length),
    T: new Float64Array(rows.length),
    actualHoldoutPurchases: new Float64Array(rows.length),
  };
  rows.forEach((row, i) => {
    columns.frequency[i] = row.x;
    columns.recency[i] = row.tx;
    columns.T[i] = row.t;
    columns.actualHoldoutPurchases[i] = row.actual;
  });
  return columns;
}

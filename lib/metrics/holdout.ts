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
    sql`select (count(distinct day) filter (where day <= ${cutoff}::date) - 1)::float8 as x,
               (max(day) filter (where day <= ${cutoff}::date) - min(day))::float8 as tx,
               (${cutoff}::date - min(day))::float8 as t,
               count(distinct day) filter (where day > ${cutoff}::date and day <= ${asOf}::date)::float8 as actual
        from (select customer_id, ordered_at::date as day from orders where org_id = ${orgId}) customer_days
        group by customer_id
        having min(day) <= ${cutoff}::date`,
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

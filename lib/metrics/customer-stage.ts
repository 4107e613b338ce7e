import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { allCells, DEFAULT_SEGMENT_SCHEME, matchingSegments, type SegmentRule } from '@/lib/models/rfm';
import { BUYERS } from './aggregates';
import type { ValueEngineSettings } from './settings';

/** The temporary table a recompute stages every customer's figures in; dropped at commit. */
export const STAGE = sql.raw('recompute_customers');
const SEGMENT_OF_CELL = sql.raw('recompute_segment_of_cell');

/** The segment of every (R, F, M) cell on the 5-point scale, in allCells order (a validated scheme has exactly one). */
function segmentOfCell(scheme: readonly SegmentRule[]): string[] {
  return allCells(5).map((cell) => matchingSegments(scheme, cell)[0]);
}

/**
 * Stages every customer of the workspace, with or without orders, from the staged buyer aggregates, with their RFM
 * scores in one set-based statement. R, F and M are 1 + ⌊bins·(rank − 1)/buyers⌋ over the buyers, ties sharing the
 * lowest rank (lib/models/rfm.ts quantileScore), and the segment comes from the scheme's cell. Each buyer also gets
 * `buyer_index`, its 1-based position in customer id order: where its predictions are (value-columns.ts).
 *
 * Resolves as soon as the server has the statement, so that the caller can fit the models meanwhile; `done` settles
 * when the stage is complete (await it: a failure surfaces there, never as an unhandled rejection).
 */
export async function stageCustomerAggregates(
  tx: Database,
  orgId: string,
  settings: ValueEngineSettings,
  scheme: readonly SegmentRule[] = DEFAULT_SEGMENT_SCHEME,
): Promise<{ done: Promise<unknown> }> {
  const bins = settings.rfmBins;
  const score = (order: ReturnType<typeof sql>) =>
    sql`1 + floor(${bins} * (rank() over (order by ${order}) - 1)::float8 / count(*) over ())::int`;
  // ⌈score·5/bins⌉ (lib/models/rfm.ts toFivePointScale) in integer arithmetic.
  const fivePoint = (score: string) => sql`(${sql.raw(score)} * 5 + ${bins}::int - 1) / ${bins}::int`;
  await tx.execute(sql`create temporary table ${SEGMENT_OF_CELL} on commit drop as select ${sql.param(segmentOfCell(scheme))}::text[] as segments`);
  // postgres.js sends a statement with parameters in two round trips (describe, then bind), the second only once
  // this thread is free again: with its few values inlined (an org id and integers) it leaves at once. (A drizzle
  // query runs on every then(): this one runs once.)
  const staged = tx.execute(sql`
    create temporary table ${STAGE} on commit drop as
    with cutoff as (
      -- The as-of date the buyers carry; with no buyers, any orders there are (of no customer) still set it.
      select coalesce((select as_of from ${BUYERS} limit 1),
                      (select max(ordered_at)::date from orders where org_id = ${orgId}), current_date) as as_of
    ),
    -- The rankings sort the buyers' ids and sort keys alone: sorting whole rows three times costs several times more.
    scores as (
      select customer_id,
             (row_number() over (order by customer_id))::int as buyer_index,
             ${score(sql`recency_days desc`)} as recency_score,
             ${score(sql`purchase_days`)} as frequency_score,
             ${score(sql`revenue`)} as monetary_score
      from ${BUYERS}
    )
    select c.id as customer_id, cutoff.as_of, b.first_order_at, b.last_order_at,
           coalesce(b.orders, 0) as orders, coalesce(b.purchase_days, 0) as purchase_days,
           coalesce(b.repeat_purchases, 0) as repeat_purchases, b.recency_days, b.tenure_days, b.repeat_span_days,
           coalesce(b.revenue, 0) as revenue, coalesce(b.margin, 0) as margin,
           b.average_order_value, b.average_repeat_value,
           coalesce(b.revenue_last_90_days, 0) as revenue_last_90_days,
           coalesce(b.revenue_last_365_days, 0) as revenue_last_365_days,
           coalesce(b.revenue_previous_365_days, 0) as revenue_previous_365_days,
           coalesce(b.quarterly_revenue, '{0,0,0,0}') as quarterly_revenue,
           coalesce(b.quarterly_orders, '{0,0,0,0}') as quarterly_orders,
           coalesce(${settings.clvBasis === 'margin' ? sql`b.margin` : sql`b.revenue`}, 0) as historical_clv,
           b.customer_id is not null as buyer,
           s.buyer_index, s.recency_score, s.frequency_score, s.monetary_score,
           -- The segment of 5-point cell (r, f, m): segments[(r − 1)·25 + (f − 1)·5 + m].
           (select segments from ${SEGMENT_OF_CELL})[(${fivePoint('s.recency_score')} - 1) * 25
                                                     + (${fivePoint('s.frequency_score')} - 1) * 5
                                                     + ${fivePoint('s.monetary_score')}] as rfm_segment
    from customers c
    cross join cutoff
    left join ${BUYERS} b on b.customer_id = c.id
    left join scores s on s.customer_id = c.id
    where c.org_id = ${orgId}
    order by c.id`.inlineParams()).then(() => undefined);
  staged.catch(() => {});
  await new Promise((resolve) => setImmediate(resolve));
  return { done: staged };
}

import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { allCells, DEFAULT_SEGMENT_SCHEME, matchingSegments, type SegmentRule } from '@/lib/models/rfm';

/** The segment of every (R, F, M) cell on the 5-point scale, as SQL rows (a validated scheme has exactly one). */
function segmentCells(scheme: readonly SegmentRule[]) {
  const rows = allCells(5).map((cell) => {
    const [name] = matchingSegments(scheme, cell);
    return sql`(${cell.recency}::int, ${cell.frequency}::int, ${cell.monetary}::int, ${name}::text)`;
  });
  return sql.join(rows, sql`, `);
}

/**
 * Scores R, F and M from 1 to `bins` by rank within the workspace's buyers — score = 1 + ⌊bins·(rank − 1)/n⌋,
 * ties sharing the lowest rank (as lib/models/rfm.ts quantileScore) — and names each customer's segment.
 * Customers without orders get no scores.
 */
export async function scoreRfm(
  tx: Database,
  orgId: string,
  bins: number,
  scheme: readonly SegmentRule[] = DEFAULT_SEGMENT_SCHEME,
): Promise<void> {
  await tx.execute(sql`
    with scored as (
      select customer_id,
             1 + floor(${bins} * (rank() over (order by recency_days desc) - 1)::float8 / count(*) over ())::int as r,
             1 + floor(${bins} * (rank() over (order by purchase_days) - 1)::float8 / count(*) over ())::int as f,
             1 + floor(${bins} * (rank() over (order by revenue) - 1)::float8 / count(*) over ())::int as m
      from customer_metrics
      where org_id = ${orgId} and orders > 0
    ),
    cells (r5, f5, m5, segment) as (values ${segmentCells(scheme)})
    update customer_metrics cm
    set recency_score = scored.r, frequency_score = scored.f, monetary_score = scored.m, rfm_segment = cells.segment
    from scored
    join cells on cells.r5 = ceil(scored.r * 5.0 / ${bins}) and cells.f5 = ceil(scored.f * 5.0 / ${bins})
              and cells.m5 = ceil(scored.m * 5.0 / ${bins})
    where cm.org_id = ${orgId} and cm.customer_id = scored.customer_id`);
}

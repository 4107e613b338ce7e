import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { compileRule } from './compile-rule';
import type { SegmentRule } from './rule-schema';
import { referencedSegmentIds, refreshOrder } from './segment-dependencies';
import { storedSegments } from './stored-rules';

type WorkspaceTotals = { customers: number; revenue: number };

export type RefreshSummary = { segments: number };

/** The customers a segment holds now: its rule's matches, or the frozen list of a static segment. */
function currentMembersQuery(orgId: string, segmentId: number, rule: SegmentRule | null): SQL {
  if (rule === null) {
    return sql`
      select sm.customer_id, m.revenue, m.predicted_clv
      from segment_members sm
      left join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
      where sm.org_id = ${orgId} and sm.segment_id = ${segmentId}`;
  }
  return sql`
    select c.id as customer_id, m.revenue, m.predicted_clv
    from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
    where c.org_id = ${orgId} and ${compileRule(rule, orgId)}`;
}

/**
 * Rewrites one segment's membership and records a snapshot in ONE statement: who entered and who departed
 * since the previous snapshot (none listed at the first, the baseline), size and value now.
 */
function refreshSegmentStatement(orgId: string, segmentId: number, rule: SegmentRule | null, totals: WorkspaceTotals): SQL {
  return sql`
    with current_members as (${currentMembersQuery(orgId, segmentId, rule)}),
    previous as (select customer_id from segment_members where org_id = ${orgId} and segment_id = ${segmentId}),
    baseline as (select exists (select 1 from segment_snapshots where org_id = ${orgId} and segment_id = ${segmentId}) as taken),
    entered as (
      insert into segment_members (org_id, segment_id, customer_id)
      select ${orgId}::uuid, ${segmentId}::bigint, cm.customer_id from current_members cm
      where not exists (select 1 from previous p where p.customer_id = cm.customer_id)
      returning customer_id
    ),
    departed as (
      delete from segment_members sm
      where sm.org_id = ${orgId} and sm.segment_id = ${segmentId}
        and not exists (select 1 from current_members cm where cm.customer_id = sm.customer_id)
      returning customer_id
    ),
    snapshot as (
      insert into segment_snapshots (org_id, segment_id, customers, total_customers, revenue, total_revenue,
                                     predicted_clv, average_predicted_clv, entered, departed)
      select ${orgId}::uuid, ${segmentId}::bigint, count(*), ${totals.customers}::int, coalesce(sum(revenue), 0), ${totals.revenue}::float8,
             coalesce(sum(predicted_clv), 0), avg(predicted_clv),
             (select count(*) from entered), (select count(*) from departed)
      from current_members
      returning id
    ),
    changes as (
      insert into segment_member_changes (org_id, snapshot_id, customer_id, change)
      select ${orgId}::uuid, s.id, e.customer_id, 'entered' from snapshot s, entered e where (select taken from baseline)
      union all
      select ${orgId}::uuid, s.id, d.customer_id, 'left' from snapshot s, departed d where (select taken from baseline)
    )
    update segments set refreshed_at = now() where org_id = ${orgId} and id = ${segmentId}`;
}

async function workspaceTotals(db: Pick<Database, 'execute'>, orgId: string): Promise<WorkspaceTotals> {
  const [row] = await queryRows<{ customers: number; revenue: number }>(
    db,
    sql`select count(*)::int as customers, coalesce(sum(m.revenue), 0)::float8 as revenue
        from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
        where c.org_id = ${orgId}`,
  );
  return { customers: Number(row.customers), revenue: Number(row.revenue) };
}

/**
 * Refreshes the workspace's segments (all, or `onlyIds` and the segments that depend on them) in dependency
 * order, so a segment defined by membership of another sees that one's fresh members. Pass `withTenant`'s
 * transaction: the refresh is all-or-nothing.
 */
export async function refreshSegments(db: Pick<Database, 'execute'>, orgId: string, onlyIds?: number[]): Promise<RefreshSummary> {
  await useAnalyticalSettings(db);
  const { rules } = await storedSegments(db, orgId, { lock: true });
  const order = refreshOrder(rules);
  const selected = onlyIds ? withDependents(new Set(onlyIds), rules, order) : new Set(order);
  const totals = await workspaceTotals(db, orgId);
  let refreshed = 0;
  for (const id of order) {
    if (!selected.has(id)) continue;
    await db.execute(refreshSegmentStatement(orgId, id, rules.get(id) ?? null, totals));
    refreshed += 1;
  }
  return { segments: refreshed };
}

function withDependents(ids: Set<number>, rules: Map<number, SegmentRule | null>, order: number[]): Set<number> {
  const selected = new Set(ids);
  for (const id of order) {
    const rule = rules.get(id);
    if (rule && referencedSegmentIds(rule).some((referenced) => selected.has(referenced))) selected.add(id);
  }
  return selected;
}

import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { schemeSegmentNames } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { unknownRfmSegmentWarnings } from './rfm-segment-names';
import { parseSegmentRule } from './rule-schema';
import { segmentWarnings, type PairOverlap, type SegmentWarning } from './segment-warnings';

export const TREND_SNAPSHOTS = 12;

export type SegmentSummary = {
  id: number;
  name: string;
  description: string;
  color: string;
  kind: 'rule' | 'static';
  source: string;
  refreshedAt: Date | null;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  averagePredictedClv: number | null;
  /** Customers at each of the last snapshots, oldest first. */
  trend: { takenAt: string; customers: number }[];
};

export type SegmentOverview = {
  segments: SegmentSummary[];
  totalCustomers: number;
  overlaps: PairOverlap[];
  warnings: SegmentWarning[];
};

type SummaryRow = {
  id: number;
  name: string;
  description: string;
  color: string;
  kind: 'rule' | 'static';
  rule: unknown;
  source: string;
  refreshed_at: Date | string | null;
  customers: number | null;
  total_customers: number | null;
  revenue: number | null;
  total_revenue: number | null;
  average_predicted_clv: number | null;
  trend: { takenAt: string; customers: number }[] | string | null;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Every segment with its latest snapshot, recent trend, pairwise overlaps, over-segmentation warnings and
 * warnings about rules naming RFM segments the workspace no longer has.
 */
export async function segmentOverview(tenant: Tenant): Promise<SegmentOverview> {
  return withTenant(tenant, async (tx) => {
    const rows = await queryRows<SummaryRow>(
      tx,
      sql`
        select s.id::int as id, s.name, s.description, s.color, s.kind, s.rule, s.source, s.refreshed_at,
               latest.customers, latest.total_customers, latest.revenue, latest.total_revenue, latest.average_predicted_clv,
               (select coalesce(json_agg(json_build_object('takenAt', t.taken_at, 'customers', t.customers) order by t.taken_at), '[]'::json)
                from (select taken_at, customers from segment_snapshots
                      where org_id = s.org_id and segment_id = s.id order by taken_at desc, id desc limit ${TREND_SNAPSHOTS}) t) as trend
        from segments s
        left join lateral (
          select customers, total_customers, revenue, total_revenue, average_predicted_clv from segment_snapshots
          where org_id = s.org_id and segment_id = s.id order by taken_at desc, id desc limit 1
        ) latest on true
        where s.org_id = ${tenant.orgId}
        order by s.name`,
    );
    const [totals] = await queryRows<{ customers: number }>(tx, sql`select count(*)::int as customers from customers where org_id = ${tenant.orgId}`);
    const overlaps = await queryRows<{ a: number; b: number; shared: number }>(
      tx,
      sql`
        select a.segment_id::int as a, b.segment_id::int as b, count(*)::int as shared
        from segment_members a
        join segment_members b on b.org_id = a.org_id and b.customer_id = a.customer_id and b.segment_id > a.segment_id
        where a.org_id = ${tenant.orgId}
        group by 1, 2`,
    );
    const segments = rows.map((row): SegmentSummary => {
      const customers = Number(row.customers ?? 0);
      const revenue = Number(row.revenue ?? 0);
      const trend = typeof row.trend === 'string' ? JSON.parse(row.trend) : (row.trend ?? []);
      return {
        id: Number(row.id),
        name: row.name,
        description: row.description,
        color: row.color,
        kind: row.kind,
        source: row.source,
        refreshedAt: row.refreshed_at == null ? null : new Date(row.refreshed_at),
        customers,
        customerShare: share(customers, Number(row.total_customers ?? 0)),
        revenue,
        revenueShare: share(revenue, Number(row.total_revenue ?? 0)),
        averagePredictedClv: row.average_predicted_clv == null ? null : Number(row.average_predicted_clv),
        trend: trend.map((point: { takenAt: string; customers: number }) => ({ takenAt: point.takenAt, customers: Number(point.customers) })),
      };
    });
    const pairs = overlaps.map((o) => ({ a: Number(o.a), b: Number(o.b), shared: Number(o.shared) }));
    const totalCustomers = Number(totals.customers);
    const schemeNames = new Set(schemeSegmentNames((await workspaceSegmentScheme(tx, tenant.orgId)).segments));
    const rules = rows.map((row) => {
      const parsed = row.kind === 'rule' ? parseSegmentRule(row.rule) : null;
      return { id: Number(row.id), rule: parsed?.success ? parsed.rule : null };
    });
    const warnings = [...segmentWarnings(segments, totalCustomers, pairs), ...unknownRfmSegmentWarnings(rules, schemeNames)];
    return { segments, totalCustomers, overlaps: pairs, warnings };
  });
}

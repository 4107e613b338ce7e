import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export type SegmentSnapshot = {
  takenAt: Date;
  customers: number;
  totalCustomers: number;
  revenue: number;
  predictedClv: number;
  averagePredictedClv: number | null;
  entered: number;
  departed: number;
};

export type SegmentMemberRow = {
  id: number;
  externalId: string;
  name: string | null;
  email: string | null;
  country: string | null;
  revenue: number | null;
  predictedClv: number | null;
  rfmSegment: string | null;
};

export type MigrationFlow = { segment: string; customers: number };

export type SegmentHistory = {
  snapshots: SegmentSnapshot[];
  /** Of the customers who entered at the latest snapshot: where they were in the RFM grid before (their current cell). */
  enteredFrom: MigrationFlow[];
  departedTo: MigrationFlow[];
};

export const HISTORY_SNAPSHOTS = 30;

/** The last snapshots of a segment (oldest first) and, for the latest, the RFM cells of who entered and departed. */
export async function segmentHistory(tenant: Tenant, segmentId: number): Promise<SegmentHistory> {
  return withTenant(tenant, async (tx) => {
    const rows = await queryRows<{
      id: number; taken_at: Date | string; customers: number; total_customers: number; revenue: number;
      predicted_clv: number; average_predicted_clv: number | null; entered: number; departed: number;
    }>(
      tx,
      sql`select * from (
            select id::int as id, taken_at, customers, total_customers, revenue, predicted_clv, average_predicted_clv, entered, departed
            from segment_snapshots where org_id = ${tenant.orgId} and segment_id = ${segmentId}
            order by taken_at desc, id desc limit ${HISTORY_SNAPSHOTS}) recent
          order by taken_at, id`,
    );
    const latest = rows.at(-1);
    const flows = latest
      ? await queryRows<{ change: 'entered' | 'left'; segment: string | null; customers: number }>(
          tx,
          sql`select ch.change, m.rfm_segment as segment, count(*)::int as customers
              from segment_member_changes ch
              left join customer_metrics m on m.org_id = ch.org_id and m.customer_id = ch.customer_id
              where ch.org_id = ${tenant.orgId} and ch.snapshot_id = ${latest.id}
              group by 1, 2 order by 3 desc`,
        )
      : [];
    const flow = (change: 'entered' | 'left') =>
      flows.filter((f) => f.change === change).map((f) => ({ segment: f.segment ?? 'Not scored', customers: Number(f.customers) }));
    return {
      snapshots: rows.map((row) => ({
        takenAt: new Date(row.taken_at),
        customers: Number(row.customers),
        totalCustomers: Number(row.total_customers),
        revenue: Number(row.revenue),
        predictedClv: Number(row.predicted_clv),
        averagePredictedClv: row.average_predicted_clv == null ? null : Number(row.average_predicted_clv),
        entered: Number(row.entered),
        departed: Number(row.departed),
      })),
      enteredFrom: flow('entered'),
      departedTo: flow('left'),
    };
  });
}

export const MEMBERS_PAGE_SIZE = 25;

/** A page of the segment's members, most valuable first. */
export async function segmentMembersPage(tenant: Tenant, segmentId: number, page: number): Promise<SegmentMemberRow[]> {
  return withTenant(tenant, async (tx) => {
    const rows = await queryRows<{
      id: number; external_id: string; name: string | null; email: string | null; country: string | null;
      revenue: number | null; predicted_clv: number | null; rfm_segment: string | null;
    }>(
      tx,
      sql`select c.id::int as id, c.external_id, c.name, c.email, c.country, m.revenue::float8 as revenue,
                 m.predicted_clv::float8 as predicted_clv, m.rfm_segment
          from segment_members sm
          join customers c on c.org_id = sm.org_id and c.id = sm.customer_id
          left join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
          where sm.org_id = ${tenant.orgId} and sm.segment_id = ${segmentId}
          order by m.predicted_clv desc nulls last, c.id
          limit ${MEMBERS_PAGE_SIZE} offset ${(page - 1) * MEMBERS_PAGE_SIZE}`,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      externalId: row.external_id,
      name: row.name,
      email: row.email,
      country: row.country,
      revenue: row.revenue == null ? null : Number(row.revenue),
      predictedClv: row.predicted_clv == null ? null : Number(row.predicted_clv),
      rfmSegment: row.rfm_segment,
    }));
  });
}

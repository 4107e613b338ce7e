import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export const API_PAGE_SIZE_MAX = 1000;

export type ApiMember = {
  customer_id: string;
  email: string | null;
  name: string | null;
  country: string | null;
  marketing_consent: boolean;
  rfm_segment: string | null;
  predicted_clv: number | null;
};

export type ApiMembersPage = {
  segment: { id: number; name: string; customers: number; as_of: string | null };
  data: ApiMember[];
  next_cursor: number | null;
};

/** One page of a segment's members for the public API (those with marketing consent unless told otherwise), or null when the segment is not the workspace's. */
export async function segmentMembersForApi(tenant: Tenant, segmentId: number, page: { limit: number; cursor: number; includeWithoutConsent: boolean }): Promise<ApiMembersPage | null> {
  return withTenant(tenant, async (tx) => {
    const [segment] = await queryRows<{ id: number; name: string; refreshed_at: Date | string | null; customers: number }>(
      tx,
      sql`select s.id::int as id, s.name, s.refreshed_at,
                 (select count(*)::int from segment_members sm where sm.org_id = s.org_id and sm.segment_id = s.id) as customers
          from segments s where s.org_id = ${tenant.orgId} and s.id = ${segmentId}`,
    );
    if (!segment) return null;
    const rows = await queryRows<ApiMember & { internal_id: number }>(
      tx,
      sql`select sm.customer_id::int as internal_id, c.external_id as customer_id, c.email, c.name, c.country, c.marketing_consent,
                 m.rfm_segment, round(m.predicted_clv::numeric, 2)::float8 as predicted_clv
          from segment_members sm
          join customers c on c.org_id = sm.org_id and c.id = sm.customer_id
          left join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
          where sm.org_id = ${tenant.orgId} and sm.segment_id = ${segmentId} and sm.customer_id > ${page.cursor}
            and (${page.includeWithoutConsent}::boolean or c.marketing_consent)
          order by sm.customer_id
          limit ${page.limit + 1}`,
    );
    const more = rows.length > page.limit;
    const data = rows.slice(0, page.limit);
    return {
      segment: {
        id: Number(segment.id),
        name: segment.name,
        customers: Number(segment.customers),
        as_of: segment.refreshed_at == null ? null : new Date(segment.refreshed_at).toISOString(),
      },
      data: data.map(({ internal_id: _internal, ...member }) => ({ ...member, predicted_clv: member.predicted_clv == null ? null : Number(member.predicted_clv) })),
      next_cursor: more ? Number(data.at(-1)!.internal_id) : null,
    };
  });
}

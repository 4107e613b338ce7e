import { sql } from 'drizzle-orm';
import { recordAuditEvent } from '@/lib/audit/events';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import type { CsvCell } from '@/lib/import/csv-writer';

/** The columns a segment export may hold: only these SQL snippets reach the query, chosen by key. */
export const EXPORT_COLUMNS = {
  external_id: { label: 'Customer ID', column: 'c.external_id' },
  email: { label: 'Email', column: 'c.email' },
  name: { label: 'Name', column: 'c.name' },
  country: { label: 'Country', column: 'c.country' },
  region: { label: 'Region', column: 'c.region' },
  marketing_consent: { label: 'Marketing consent', column: 'c.marketing_consent' },
  rfm_segment: { label: 'RFM segment', column: 'm.rfm_segment' },
  revenue: { label: 'Revenue', column: 'm.revenue' },
  orders: { label: 'Orders', column: 'm.orders' },
  last_order_at: { label: 'Last order', column: 'm.last_order_at' },
  predicted_clv: { label: 'Predicted CLV', column: 'round(m.predicted_clv::numeric, 2)' },
  probability_alive: { label: 'Probability alive', column: 'round(m.probability_alive::numeric, 4)' },
} as const;

export type ExportColumn = keyof typeof EXPORT_COLUMNS;
export const EXPORT_COLUMN_KEYS = Object.keys(EXPORT_COLUMNS) as ExportColumn[];
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['external_id', 'email', 'name', 'rfm_segment', 'predicted_clv'];

export type ExportRequest = { columns: ExportColumn[]; includeWithoutConsent: boolean };
export type ExportPlan = { segmentName: string; rows: number; excludedWithoutConsent: number };

const BATCH = 5000;

function consentFilter(includeWithoutConsent: boolean) {
  return includeWithoutConsent ? sql`true` : sql`c.marketing_consent`;
}

/**
 * Counts what an export will hold and records it in the audit trail (who, which segment, columns, how many
 * customers, how many left out for lack of consent) before any row leaves; null when the segment is not the
 * workspace's.
 */
export async function planSegmentExport(
  tenant: Tenant,
  segmentId: number,
  request: ExportRequest,
  actor: { id: string; email: string; ip: string | null },
): Promise<ExportPlan | null> {
  return withTenant(tenant, async (tx) => {
    const [row] = await queryRows<{ name: string; consenting: number; all: number }>(
      tx,
      sql`select s.name,
                 (select count(*)::int from segment_members sm join customers c on c.org_id = sm.org_id and c.id = sm.customer_id
                  where sm.org_id = s.org_id and sm.segment_id = s.id and c.marketing_consent) as consenting,
                 (select count(*)::int from segment_members sm where sm.org_id = s.org_id and sm.segment_id = s.id) as all
          from segments s where s.org_id = ${tenant.orgId} and s.id = ${segmentId}`,
    );
    if (!row) return null;
    const plan = {
      segmentName: row.name,
      rows: request.includeWithoutConsent ? Number(row.all) : Number(row.consenting),
      excludedWithoutConsent: request.includeWithoutConsent ? 0 : Number(row.all) - Number(row.consenting),
    };
    await recordAuditEvent(tx, tenant.orgId, {
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      action: 'export.created',
      target: `segment:${row.name}`,
      details: { segmentId, columns: request.columns, ...plan, includeWithoutConsent: request.includeWithoutConsent },
    });
    return plan;
  });
}

/** The export's rows in batches (keyset on the customer id), each batch its own short transaction. */
export async function* segmentExportRows(tenant: Tenant, segmentId: number, request: ExportRequest): AsyncGenerator<CsvCell[]> {
  const select = sql.join(
    request.columns.map((key) => sql.raw(`${EXPORT_COLUMNS[key].column} as "${key}"`)),
    sql`, `,
  );
  let after = 0;
  for (;;) {
    const rows = await withTenant(tenant, (tx) =>
      queryRows<Record<string, unknown>>(
        tx,
        sql`select c.id::int as __id, ${select}
            from segment_members sm
            join customers c on c.org_id = sm.org_id and c.id = sm.customer_id
            left join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
            where sm.org_id = ${tenant.orgId} and sm.segment_id = ${segmentId} and sm.customer_id > ${after}
              and ${consentFilter(request.includeWithoutConsent)}
            order by sm.customer_id
            limit ${BATCH}`,
      ),
    );
    for (const row of rows) yield request.columns.map((key) => row[key] as CsvCell);
    if (rows.length < BATCH) return;
    after = Number(rows.at(-1)!.__id);
  }
}

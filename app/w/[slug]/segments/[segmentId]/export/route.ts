import { notFound } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { csvResponse } from '@/lib/csv-response';
import { idParam } from '@/lib/id-param';
import { csvChunks } from '@/lib/import/csv-writer';
import { clientIp } from '@/lib/security/client-ip';
import { EXPORT_COLUMN_KEYS, EXPORT_COLUMNS, planSegmentExport, segmentExportRows } from '@/lib/segments/export-members';

const exportQuery = z.object({
  columns: z.array(z.enum(EXPORT_COLUMN_KEYS)).min(1, 'Choose at least one column.'),
  includeWithoutConsent: z.boolean(),
});

/**
 * GET ?column=email&column=name[&consent=include]: the segment's members as CSV (marketers and admins). Customers
 * without marketing consent are left out unless `consent=include`; the export is recorded before it streams.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/w/[slug]/segments/[segmentId]/export'>) {
  const { slug, segmentId } = await params;
  const member = await requireMember(slug);
  const id = idParam(segmentId);
  if (!id) notFound();
  if (!hasRole(member.role, 'marketer')) return NextResponse.json({ error: 'Exporting needs the Marketer role.' }, { status: 403 });
  const search = request.nextUrl.searchParams;
  const parsed = exportQuery.safeParse({
    columns: [...new Set(search.getAll('column'))],
    includeWithoutConsent: search.get('consent') === 'include',
  });
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0].message }, { status: 400 });
  const plan = await planSegmentExport(member.tenant, id, parsed.data, {
    id: member.user.id,
    email: member.user.email,
    ip: clientIp(request.headers),
  });
  if (!plan) notFound();
  const header = parsed.data.columns.map((key) => EXPORT_COLUMNS[key].label);
  const rows = segmentExportRows(member.tenant, id, parsed.data);
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csvChunks(rows, { header }), `${plan.segmentName}-${day}.csv`);
}

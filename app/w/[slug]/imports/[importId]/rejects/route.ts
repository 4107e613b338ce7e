import { notFound } from 'next/navigation';
import { idParam } from '@/lib/id-param';
import { requireMember } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { csvResponse } from '@/lib/csv-response';
import { csvChunks } from '@/lib/import/csv-writer';
import { findImport, rejectsOf } from '@/lib/import/imports-store';

/** The rows an import skipped, as CSV: line, reason, then the row's fields (formulas neutralised). */
export async function GET(_request: Request, { params }: RouteContext<'/w/[slug]/imports/[importId]/rejects'>) {
  const { slug, importId } = await params;
  const { tenant } = await requireMember(slug);
  const id = idParam(importId);
  if (!id) notFound();
  const db = await getDb();
  const record = await findImport(db, tenant.orgId, id);
  if (!record) notFound();
  const rejects = await rejectsOf(db, tenant.orgId, id);
  const rows = rejects.map((reject) => [reject.line, reject.reason, ...reject.raw]);
  const name = record.fileName.replace(/\.csv(\.gz)?$/i, '');
  return csvResponse(csvChunks(rows, { header: ['line', 'reason', ...record.headers] }), `${name}-rejected-rows.csv`);
}

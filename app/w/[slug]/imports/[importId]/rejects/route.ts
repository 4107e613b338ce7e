import { notFound } from 'next/navigation';
import { requireMember } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { csvChunks } from '@/lib/import/csv-writer';
import { findImport, rejectsOf } from '@/lib/import/imports-store';

/** The rows an import skipped, as CSV: line, reason, then the row's fields (formulas neutralised). */
export async function GET(_request: Request, { params }: RouteContext<'/w/[slug]/imports/[importId]/rejects'>) {
  const { slug, importId } = await params;
  const { tenant } = await requireMember(slug);
  const id = /^\d{1,15}$/.test(importId) ? Number(importId) : 0;
  const db = await getDb();
  const record = id ? await findImport(db, tenant.orgId, id) : null;
  if (!record) notFound();
  const rejects = await rejectsOf(db, tenant.orgId, id);
  const rows = rejects.map((reject) => [reject.line, reject.reason, ...reject.raw]);
  const encoder = new TextEncoder();
  const chunks = csvChunks(rows, { header: ['line', 'reason', ...record.headers] });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const name = record.fileName.replace(/\.csv(\.gz)?$/i, '').replace(/[^\w.-]+/g, '_');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-rejected-rows.csv"`,
    },
  });
}

import { notFound } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { requireMember } from '@/lib/auth/gate';
import { csvResponse } from '@/lib/csv-response';
import { idParam } from '@/lib/id-param';
import { csvChunks } from '@/lib/import/csv-writer';
import { allocationPlanCsv } from '@/lib/valuation-report/allocation-csv';
import { computeAllocationPlan, findPlan } from '@/lib/valuation-report/allocation-plans';
import { plannerInputsJson } from '@/lib/valuation-report/planner-inputs';

/** GET ?plan=ID: a saved plan as CSV (any member). */
export async function GET(request: NextRequest, { params }: RouteContext<'/w/[slug]/allocation/export'>) {
  const { slug } = await params;
  const { tenant } = await requireMember(slug);
  const id = idParam(request.nextUrl.searchParams.get('plan') ?? '');
  const saved = id ? await findPlan(tenant, id) : null;
  if (!saved) notFound();
  const { header, rows } = allocationPlanCsv(saved.inputs, saved.plan);
  return csvResponse(csvChunks(rows, { header }), `allocation-${saved.name}-${saved.createdAt.toISOString().slice(0, 10)}.csv`);
}

/**
 * POST inputs=<planner inputs JSON>: the planner's current (unsaved) plan as CSV, recomputed here from the inputs and
 * the segments' metrics, so the file never carries numbers the browser made up. Any member: it changes nothing.
 */
export async function POST(request: NextRequest, { params }: RouteContext<'/w/[slug]/allocation/export'>) {
  const { slug } = await params;
  const { tenant, workspace } = await requireMember(slug);
  const form = await request.formData().catch(() => null);
  const parsed = plannerInputsJson.safeParse(form?.get('inputs'));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0].message }, { status: 400 });
  const computed = await computeAllocationPlan(tenant, workspace.currency, parsed.data);
  if (!computed.ok) return NextResponse.json({ error: computed.error }, { status: 400 });
  const { header, rows } = allocationPlanCsv(parsed.data, computed.plan);
  return csvResponse(csvChunks(rows, { header }), `allocation-plan-${slug}-${new Date().toISOString().slice(0, 10)}.csv`);
}

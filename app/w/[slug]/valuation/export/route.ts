import type { NextRequest } from 'next/server';
import { requireMember } from '@/lib/auth/gate';
import { csvResponse } from '@/lib/csv-response';
import { csvChunks } from '@/lib/import/csv-writer';
import { parseSelection } from '@/lib/valuation-report/selection';
import { valuationCsv } from '@/lib/valuation-report/valuation-csv';
import { valuationReport } from '@/lib/valuation-report/valuation-report';
import { VALUE_SCORE_PRESETS, type ValueScorePresetId } from '@/lib/valuation/value-score';

/**
 * GET [?segment=ID…][&rfm=0][&preset=growth]: the valuation table as CSV, for any member (aggregates only, no
 * customer data). Scores use the workspace's weights unless a preset is named.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/w/[slug]/valuation/export'>) {
  const { slug } = await params;
  const { workspace, tenant } = await requireMember(slug);
  const search = request.nextUrl.searchParams;
  const report = await valuationReport(tenant, workspace.currency, parseSelection({ segment: search.getAll('segment'), rfm: search.getAll('rfm') }));
  const preset = search.get('preset');
  const weights = preset && Object.hasOwn(VALUE_SCORE_PRESETS, preset) ? VALUE_SCORE_PRESETS[preset as ValueScorePresetId].weights : report.weights.weights;
  const { header, rows } = valuationCsv(report, weights);
  return csvResponse(csvChunks(rows, { header }), `valuation-${slug}-${report.asOf ?? 'no-data'}.csv`);
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { NoValuationYet } from '@/components/valuation/no-valuation-yet';
import { PrintButton } from '@/components/valuation/print-button';
import { ScoreBreakdownChart } from '@/components/valuation/score-breakdown-chart';
import { MarketInputsTable, ValuationTables } from '@/components/valuation/valuation-tables';
import { ValueQuadrantChart } from '@/components/valuation/value-quadrant-chart';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { segmentValuationHref } from '@/lib/valuation-report/segment-keys';
import { parseSelection, selectionQuery } from '@/lib/valuation-report/selection';
import { segmentsToScore, valuationReport } from '@/lib/valuation-report/valuation-report';
import { weightsNote } from '@/lib/valuation-report/weights-note';
import { VALUE_QUADRANTS, scoreSegments } from '@/lib/valuation/value-score';

export const metadata: Metadata = { title: 'Valuation report' };

/** The valuation as a document: no controls but one print button, each section kept on one page where it fits. */
export default async function ValuationPrintPage({ params, searchParams }: PageProps<'/w/[slug]/valuation/print'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const report = await valuationReport(tenant, workspace.currency, parseSelection(await searchParams));
  const hrefOf = (segment: { key: Parameters<typeof segmentValuationHref>[1] }) => segmentValuationHref(slug, segment.key);
  if (report.asOf === null || report.population.customers === 0) {
    return <NoValuationYet slug={slug} canImport={hasRole(role, 'marketer')} computed={report.asOf !== null} />;
  }
  const scores = scoreSegments(segmentsToScore(report.segments), report.weights.weights).sort((a, b) => a.rank - b.rank);
  const byKey = new Map(report.segments.map((segment) => [segment.key as string, segment]));
  const names = Object.fromEntries(report.segments.map((segment) => [segment.key, segment.name]));
  const customers = Object.fromEntries(report.segments.map((segment) => [segment.key, segment.metrics.customers]));

  return (
    <article className="mx-auto max-w-6xl space-y-6 print:max-w-none print:space-y-4 print:text-[11px]">
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-gray-200 pb-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Segment valuation · {workspace.name}</h1>
          <p className="mt-1 text-sm text-gray-600">
            {formatNumber(report.population.customers)} buyers · figures as of {formatDate(report.asOf)} · {workspace.currency} · printed{' '}
            {formatDateTime(new Date())}
          </p>
          <p className="mt-1 text-sm text-gray-600">{weightsNote(report.weights)}</p>
        </div>
        <div className="flex items-center gap-3 print:hidden">
          <Link href={`/w/${slug}/valuation${selectionQuery(report.selection)}`} className="text-sm font-medium text-indigo-700">
            Back to Valuation
          </Link>
          <PrintButton />
        </div>
      </header>
      {report.overlappingCustomers > 0 && (
        <p className="text-sm text-amber-900">
          Note: {formatNumber(report.overlappingCustomers)} buyers belong to more than one of these segments; shares add up to more than 100 %.
        </p>
      )}

      <Card title="Ranking" className="break-inside-avoid">
        <table className="min-w-full text-sm">
          <thead className="text-left text-gray-900">
            <tr>
              <th scope="col" className="py-1 pr-3 font-semibold">Rank</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Segment</th>
              <th scope="col" className="py-1 pr-3 text-right font-semibold">Score</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Quadrant</th>
              <th scope="col" className="py-1 font-semibold">Recommended action</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {scores.map((score) => {
              const segment = byKey.get(score.segmentId)!;
              return (
                <tr key={score.segmentId}>
                  <td className="py-1 pr-3 tabular-nums">{score.rank}</td>
                  <td className="py-1 pr-3 font-medium">{segment.name}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{score.score.toFixed(0)}</td>
                  <td className="py-1 pr-3">{VALUE_QUADRANTS[score.quadrant].label}</td>
                  <td className="py-1">
                    <span className="font-medium">{segment.recommendation.label}</span>
                    <span className="text-gray-600"> — {segment.recommendation.reason}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Why each score" className="break-inside-avoid">
          <ScoreBreakdownChart scores={scores} names={names} />
        </Card>
        <Card title="Value quadrant" className="break-inside-avoid">
          <ValueQuadrantChart scores={scores} names={names} customers={customers} />
        </Card>
      </div>

      <ValuationTables report={report} hrefOf={hrefOf} />

      <Card title="What the data cannot know" className="break-inside-avoid">
        <MarketInputsTable segments={report.segments} hrefOf={hrefOf} canEdit={false} />
      </Card>
    </article>
  );
}

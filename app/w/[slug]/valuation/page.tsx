import type { Metadata } from 'next';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { NoValuationYet } from '@/components/valuation/no-valuation-yet';
import { ValuationExplorer } from '@/components/valuation/valuation-explorer';
import { MarketInputsTable, ValuationTables } from '@/components/valuation/valuation-tables';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatDate, formatNumber } from '@/lib/format';
import { segmentValuationHref } from '@/lib/valuation-report/segment-keys';
import { parseSelection, selectionQuery } from '@/lib/valuation-report/selection';
import { valuationReport } from '@/lib/valuation-report/valuation-report';
import { weightsNote } from '@/lib/valuation-report/weights-note';
import { saveWeightsAction } from './actions';
import { SegmentChooser } from '@/components/valuation/segment-chooser';

export const metadata: Metadata = { title: 'Valuation' };

export default async function ValuationPage({ params, searchParams }: PageProps<'/w/[slug]/valuation'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const report = await valuationReport(tenant, workspace.currency, parseSelection(await searchParams));
  const canEdit = hasRole(role, 'marketer');
  const base = `/w/${slug}/valuation`;
  const query = selectionQuery(report.selection);
  const hrefOf = (segment: { key: Parameters<typeof segmentValuationHref>[1] }) => segmentValuationHref(slug, segment.key);
  const hasFigures = report.asOf !== null && report.population.customers > 0;

  return (
    <>
      <PageHeader
        title="Valuation"
        description={
          hasFigures
            ? `What each segment is worth now and ahead · ${formatNumber(report.population.customers)} buyers · figures as of ${formatDate(report.asOf)} · ${workspace.currency}`
            : 'What each segment is worth now and ahead.'
        }
        actions={
          hasFigures && (
            <>
              <a href={`${base}/export${query}`} className={buttonClass('secondary')} download>
                Export CSV
              </a>
              <ButtonLink href={`${base}/print${query}`} variant="secondary">
                Print report
              </ButtonLink>
              <ButtonLink href={`/w/${slug}/allocation${query}`}>Plan a budget</ButtonLink>
            </>
          )
        }
      />
      {!hasFigures ? (
        <NoValuationYet slug={slug} canImport={canEdit} computed={report.asOf !== null} />
      ) : (
        <div className="space-y-6">
          <SegmentChooser action={base} selection={report.selection} saved={report.savedSegments} segmentsHref={`/w/${slug}/segments`} />
          {report.overlappingCustomers > 0 && (
            <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              These segments overlap: {formatNumber(report.overlappingCustomers)} buyers belong to more than one of them
              {report.selection.rfm ? ' (every buyer of a saved segment is also in an RFM segment)' : ''}, so shares add up to more than 100 %
              and totals across segments count them more than once.
            </p>
          )}
          <ValuationExplorer
            segments={report.segments.map((segment) => ({
              key: segment.key,
              name: segment.name,
              href: hrefOf(segment),
              metrics: segment.metrics,
              market: segment.market,
              actionLabel: segment.recommendation.label,
            }))}
            initialPreset={report.weights.preset}
            initialWeights={report.weights.weights}
            weightsNote={weightsNote(report.weights)}
            saveAction={canEdit ? saveWeightsAction.bind(null, slug) : undefined}
          />
          <ValuationTables report={report} hrefOf={hrefOf} />
          <Card
            title="What the data cannot know"
            description={
              canEdit
                ? 'Entered per segment by the team; they move the market-potential and competition parts of the score and the strategic weight.'
                : 'Entered per segment by the marketers of the workspace.'
            }
          >
            <MarketInputsTable segments={report.segments} hrefOf={hrefOf} canEdit={canEdit} />
          </Card>
        </div>
      )}
    </>
  );
}

import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { NoValuationYet } from '@/components/valuation/no-valuation-yet';
import { SegmentChooser } from '@/components/valuation/segment-chooser';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatDate } from '@/lib/format';
import { listPlans } from '@/lib/valuation-report/allocation-plans';
import { parseSelection, selectionQuery } from '@/lib/valuation-report/selection';
import { segmentValuations } from '@/lib/valuation-report/valuation-report';
import { allocationSegments, defaultPlannerSegment, suggestedBudget } from '@/lib/valuation/allocation-scenario';
import { deletePlanAction, savePlanAction } from './actions';
import { AllocationPlanner } from './allocation-planner';
import { SavedPlans } from './saved-plans';

export const metadata: Metadata = { title: 'Allocation' };

export default async function AllocationPage({ params, searchParams }: PageProps<'/w/[slug]/allocation'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const [valuations, plans] = await Promise.all([
    segmentValuations(tenant, workspace.currency, parseSelection(await searchParams)),
    listPlans(tenant),
  ]);
  const canEdit = hasRole(role, 'marketer');
  const base = `/w/${slug}/allocation`;
  const hasFigures = valuations.asOf !== null && valuations.population.customers > 0;
  const segments = valuations.segments.map((segment) => ({
    key: segment.key,
    name: segment.name,
    metrics: segment.metrics,
    recommendation: { action: segment.recommendation.action, label: segment.recommendation.label, reason: segment.recommendation.reason },
  }));
  const budget = hasFigures
    ? suggestedBudget(
        allocationSegments(
          { budget: 0, segments: valuations.segments.map((s) => defaultPlannerSegment(s.key, s.metrics, s.recommendation.action)) },
          new Map(valuations.segments.map((s) => [s.key as string, s.metrics])),
        ),
      )
    : 0;

  return (
    <>
      <PageHeader
        title="Allocation planner"
        description={
          hasFigures
            ? `Where the next marketing ${workspace.currency} earns most: a budget split across segments to maximise expected incremental margin · figures as of ${formatDate(valuations.asOf)}`
            : 'Where the next marketing dollar earns most.'
        }
        actions={
          hasFigures && (
            <ButtonLink href={`/w/${slug}/valuation${selectionQuery(valuations.selection)}`} variant="secondary">
              Valuation
            </ButtonLink>
          )
        }
      />
      {!hasFigures ? (
        <NoValuationYet slug={slug} canImport={canEdit} computed={valuations.asOf !== null} />
      ) : (
        <div className="space-y-6">
          <SegmentChooser action={base} selection={valuations.selection} saved={valuations.savedSegments} segmentsHref={`/w/${slug}/segments`} submitLabel="Plan for these" />
          {valuations.overlappingCustomers > 0 && (
            <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              Some of these segments share customers: a customer in two funded segments may be contacted twice, and the plan counts
              their response in each.
            </p>
          )}
          <AllocationPlanner
            segments={segments}
            currency={workspace.currency}
            suggestedBudget={budget}
            exportHref={`${base}/export`}
            saveAction={canEdit ? savePlanAction.bind(null, slug) : undefined}
          />
          <Card title="Saved plans" description="Each keeps its inputs and the figures it was computed on.">
            <SavedPlans plans={plans} base={base} currency={workspace.currency} deleteAction={canEdit ? deletePlanAction.bind(null, slug) : undefined} />
          </Card>
        </div>
      )}
    </>
  );
}

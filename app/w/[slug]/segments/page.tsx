import type { Metadata } from 'next';
import Link from 'next/link';
import { Sparkline } from '@/components/charts/sparkline';
import { segmentDotClass } from '@/components/segments/segment-color';
import { ActionForm } from '@/components/ui/action-form';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatCurrency, formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { segmentOverview } from '@/lib/segments/segment-list';
import type { SegmentWarning } from '@/lib/segments/segment-warnings';
import { createTemplateSegmentsAction, refreshSegmentsAction } from './actions';

export const metadata: Metadata = { title: 'Segments' };

const WARNING_BADGES: Record<SegmentWarning['kind'], string> = { tiny: 'small', overlap: 'overlaps', unknown_rfm_segment: 'RFM segment gone' };

export default async function SegmentsPage({ params }: PageProps<'/w/[slug]/segments'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const canEdit = hasRole(role, 'marketer');
  const overview = await segmentOverview(tenant);
  const base = `/w/${slug}/segments`;
  const warningsOf = (segmentId: number) => overview.warnings.filter((warning) => warning.segmentId === segmentId);
  const templateButtons = canEdit && (
    <div className="flex flex-wrap gap-2">
      <ActionForm action={createTemplateSegmentsAction.bind(null, slug)} submitLabel="Create RFM segments" pendingLabel="Creating…" variant="secondary">
        <input type="hidden" name="set" value="rfm" />
      </ActionForm>
      <ActionForm action={createTemplateSegmentsAction.bind(null, slug)} submitLabel="Create value templates" pendingLabel="Creating…" variant="secondary">
        <input type="hidden" name="set" value="value" />
      </ActionForm>
    </div>
  );

  return (
    <>
      <PageHeader
        title="Segments"
        description="Groups of customers by the value they bring, refreshed after every import and recompute."
        actions={
          <>
            <ButtonLink href={`${base}/suggestions`} variant="secondary">
              Suggestions
            </ButtonLink>
            {overview.segments.length > 1 && (
              <ButtonLink href={`${base}/overlap`} variant="secondary">
                Overlap
              </ButtonLink>
            )}
            {canEdit && <ButtonLink href={`${base}/new`}>New segment</ButtonLink>}
          </>
        }
      />

      {overview.segments.length === 0 ? (
        <EmptyState title="No segments yet" action={templateButtons || undefined}>
          <p>
            {canEdit
              ? 'Start from the RFM grid or the value templates (high CLV at risk, new customers, one-time buyers, lapsed VIPs) with one click, build your own rule, or let the suggestions cluster your customers.'
              : 'A marketer or admin of this workspace can create segments; they will appear here.'}
          </p>
        </EmptyState>
      ) : (
        <>
          {overview.warnings.length > 0 && (
            <section aria-labelledby="segment-warnings" className="mb-6 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
              <h2 id="segment-warnings" className="text-sm font-semibold text-amber-900">
                {overview.warnings.length === 1 ? '1 warning' : `${overview.warnings.length} warnings`}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
                {overview.warnings.map((warning) => {
                  const name = overview.segments.find((s) => s.id === warning.segmentId)?.name;
                  return (
                    <li key={`${warning.kind}-${warning.segmentId}-${warning.kind === 'overlap' ? warning.otherId : ''}`}>
                      {warning.kind === 'overlap' ? null : <strong>{name}: </strong>}
                      {warning.message}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Segments of {workspace.name}</caption>
              <thead className="bg-gray-50">
                <tr>
                  <th scope="col" className="px-4 py-3 text-left font-semibold text-gray-900">Segment</th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold text-gray-900">Customers</th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold text-gray-900">Revenue</th>
                  <th scope="col" className="px-4 py-3 text-right font-semibold text-gray-900">Avg predicted CLV</th>
                  <th scope="col" className="px-4 py-3 text-left font-semibold text-gray-900">Trend</th>
                  <th scope="col" className="px-4 py-3 text-left font-semibold text-gray-900">As of</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {overview.segments.map((segment) => {
                  const warnings = warningsOf(segment.id);
                  return (
                    <tr key={segment.id} className="hover:bg-gray-50" data-segment={segment.name}>
                      <td className="px-4 py-3">
                        <div className="flex items-center gap-2">
                          <span aria-hidden className={`h-2.5 w-2.5 shrink-0 rounded-full ${segmentDotClass(segment.color)}`} />
                          <Link href={`${base}/${segment.id}`} className="font-medium text-gray-900 hover:text-indigo-600">
                            {segment.name}
                          </Link>
                          {segment.kind === 'static' && <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600">static</span>}
                          {warnings.length > 0 && (
                            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" title={warnings.map((w) => w.message).join('\n')}>
                              {[...new Set(warnings.map((w) => WARNING_BADGES[w.kind]))].join(' · ')}
                            </span>
                          )}
                        </div>
                        {segment.description && <p className="mt-0.5 max-w-md truncate text-xs text-gray-500">{segment.description}</p>}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums" data-column="customers">
                        {formatNumber(segment.customers)}
                        <div className="text-xs text-gray-500">{formatPercent(segment.customerShare)}</div>
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {formatCurrency(segment.revenue, workspace.currency, { compact: true })}
                        <div className="text-xs text-gray-500">{formatPercent(segment.revenueShare)} of revenue</div>
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">
                        {segment.averagePredictedClv === null ? '—' : formatCurrency(segment.averagePredictedClv, workspace.currency)}
                      </td>
                      <td className="px-4 py-3">
                        <Sparkline
                          values={segment.trend.map((point) => point.customers)}
                          label={`Customers at the last ${segment.trend.length} refreshes: ${segment.trend.map((p) => p.customers).join(', ')}`}
                        />
                      </td>
                      <td className="px-4 py-3 text-gray-600" data-column="as-of">
                        {segment.refreshedAt ? formatDateTime(segment.refreshedAt) : 'not yet refreshed'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canEdit && (
            <Card title="More segments" className="mt-6" description="Templates skip the segments you already have; refreshing is automatic after imports and recomputes.">
              <div className="flex flex-wrap items-start gap-2">
                {templateButtons}
                <ActionForm action={refreshSegmentsAction.bind(null, slug)} submitLabel="Refresh all now" pendingLabel="Refreshing…" variant="ghost" />
              </div>
            </Card>
          )}
        </>
      )}
    </>
  );
}

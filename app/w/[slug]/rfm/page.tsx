import type { Metadata } from 'next';
import Link from 'next/link';
import { RankedBars } from '@/components/charts/bar-list';
import { RfmHeatMap } from '@/components/charts/rfm-heat-map';
import { RecomputeControl } from '@/components/jobs/recompute-control';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { formatCurrency, formatNumber, formatPercent } from '@/lib/format';
import { latestJobStatus } from '@/lib/jobs/status';
import { metricsAsOf, rfmCells, rfmSegmentFigures } from '@/lib/metrics/queries';
import { describeSegmentRanges } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { valueEngineSettings } from '@/lib/metrics/settings';
import { recomputeAction } from '../model/actions';

export const metadata: Metadata = { title: 'RFM' };

export default async function RfmPage({ params }: PageProps<'/w/[slug]/rfm'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const db = await getDb();
  const [cells, segments, asOf, job, scheme, settings] = await Promise.all([
    rfmCells(tenant),
    rfmSegmentFigures(tenant),
    metricsAsOf(tenant),
    latestJobStatus(tenant, 'recompute'),
    workspaceSegmentScheme(db, tenant.orgId),
    valueEngineSettings(db, tenant.orgId),
  ]);
  const schemeNames = new Set(scheme.segments.map((segment) => segment.name));
  const figuresPredateScheme = segments.some((segment) => !schemeNames.has(segment.segment));
  // The workspace's number of bins; scores above it are left from before a change the recompute has not applied yet.
  const bins = Math.max(settings.rfmBins, ...cells.map((c) => Math.max(c.recency, c.frequency)));
  const buyers = segments.reduce((sum, s) => sum + s.customers, 0);
  const revenue = segments.reduce((sum, s) => sum + s.revenue, 0);
  const customersHref = (query: Record<string, string | number>) =>
    `/w/${slug}/customers?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;

  return (
    <>
      <PageHeader
        title="RFM"
        description="Recency, frequency and monetary scores of every buyer, and the segments they form."
      />
      <RecomputeControl job={job} asOf={asOf} canRecompute={hasRole(role, 'marketer')} action={recomputeAction.bind(null, slug)} />
      {figuresPredateScheme && (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          The RFM segments changed since customer value was last computed: the figures below still use the previous
          segments until the next recompute.
        </p>
      )}
      {cells.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No RFM scores yet">
            <p>Scores appear once the workspace has orders and customer value has been computed.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 xl:grid-cols-5">
          <Card title="Recency × frequency" description="Customers and revenue per cell; select a cell to see its customers." className="xl:col-span-3">
            <RfmHeatMap cells={cells} bins={bins} currency={workspace.currency} scheme={scheme.segments} hrefForCell={(r, f) => customersHref({ r, f })} />
          </Card>
          <Card title="Revenue by segment" className="xl:col-span-2">
            <RankedBars
              label="Revenue by segment"
              currency={workspace.currency}
              items={segments.map((s) => ({ name: s.segment, value: s.revenue, href: customersHref({ segment: s.segment }) }))}
            />
          </Card>
          <Card title="Segments" className="xl:col-span-5">
            <table className="min-w-full text-sm">
              <thead className="text-left text-gray-900">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">Segment</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Customers</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Share</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Revenue</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Share of revenue</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Avg predicted CLV</th>
                  <th scope="col" className="py-2 text-right font-semibold">Avg P(alive)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {segments.map((s) => (
                  <tr key={s.segment}>
                    <td className="py-2 pr-4">
                      <Link className="font-medium text-indigo-700 hover:text-indigo-500" href={customersHref({ segment: s.segment })}>
                        {s.segment}
                      </Link>
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(s.customers)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(buyers ? s.customers / buyers : 0)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatCurrency(s.revenue, workspace.currency)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(revenue ? s.revenue / revenue : 0)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {s.averagePredictedClv === null ? '—' : formatCurrency(s.averagePredictedClv, workspace.currency)}
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {s.averageProbabilityAlive === null ? '—' : formatPercent(s.averageProbabilityAlive)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card title="How the scores are defined" className="xl:col-span-5">
            <ul className="list-disc space-y-1 pl-5 text-sm text-gray-700">
              <li>Only customers with at least one order are scored, each from 1 to {bins} by rank among the workspace&apos;s buyers: score = 1 + ⌊{bins} × (rank − 1) ÷ buyers⌋. Customers with equal values share a score.</li>
              <li><strong>R</strong>ecency: days from the last purchase to the data cut-off; the most recent buyers score highest.</li>
              <li><strong>F</strong>requency: the number of distinct days with a purchase (orders on the same day count once).</li>
              <li><strong>M</strong>onetary: total revenue, net of refunds.</li>
              <li>
                Segments come from {scheme.isDefault ? 'the default R × F grid' : 'this workspace’s own scheme'} on the 1–5 scale (admins
                change it in Settings): every R × F × M cell belongs to exactly one segment, shown in the grid; a cell split by M lists
                each of its segments.
              </li>
            </ul>
            <h3 className="mt-4 text-sm font-semibold text-gray-900">Segment definitions</h3>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="segment-definitions">
              {scheme.segments.map((segment) => (
                <div key={segment.name} className="flex justify-between gap-3 border-b border-gray-100 py-1">
                  <dt className="font-medium text-gray-900">{segment.name}</dt>
                  <dd className="tabular-nums text-gray-600">{describeSegmentRanges(segment)}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      )}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RankedBars } from '@/components/charts/bar-list';
import { Sparkline } from '@/components/charts/sparkline';
import { segmentDotClass } from '@/components/segments/segment-color';
import { ActionForm } from '@/components/ui/action-form';
import { ButtonLink } from '@/components/ui/button';
import { Card, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SegmentValuationCard } from '@/components/valuation/segment-valuation-card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { formatCurrency, formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { idParam } from '@/lib/id-param';
import { schemeSegmentNames } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { describeRule } from '@/lib/segments/describe-rule';
import { unknownRfmSegments, unknownRfmSegmentsMessage } from '@/lib/segments/rfm-segment-names';
import { segmentHistory, segmentMembersPage } from '@/lib/segments/segment-detail';
import { findSegment, listSegmentNames } from '@/lib/segments/segment-store';
import { deleteSegmentAction } from '../actions';
import { ExportForm } from './export-form';

export const metadata: Metadata = { title: 'Segment' };

export default async function SegmentPage({ params, searchParams }: PageProps<'/w/[slug]/segments/[segmentId]'>) {
  const { slug, segmentId } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const id = idParam(segmentId);
  const segment = id ? await findSegment(tenant, id) : null;
  if (!segment) notFound();
  const [history, members, names, scheme] = await Promise.all([
    segmentHistory(tenant, segment.id),
    segmentMembersPage(tenant, segment.id, 1),
    listSegmentNames(tenant),
    workspaceSegmentScheme(await getDb(), tenant.orgId),
  ]);
  const unknownRfm = segment.rule ? unknownRfmSegments(segment.rule, new Set(schemeSegmentNames(scheme.segments))) : [];
  const canEdit = hasRole(role, 'marketer');
  const latest = history.snapshots.at(-1);
  const unknownIds = Number((await searchParams).unknown) || 0;
  const currency = workspace.currency;
  const base = `/w/${slug}/segments`;

  return (
    <>
      <PageHeader
        title={segment.name}
        description={
          <span className="flex items-center gap-2">
            <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${segmentDotClass(segment.color)}`} />
            {segment.kind === 'static' ? 'Static list' : 'Rule-based'} · as of{' '}
            <span data-testid="as-of">{segment.refreshedAt ? formatDateTime(segment.refreshedAt) : 'not yet refreshed'}</span>
          </span>
        }
        actions={
          canEdit && (
            <ButtonLink href={`${base}/${segment.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
          )
        }
      />
      {unknownIds > 0 && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {formatNumber(unknownIds)} of the pasted ids are not customers of this workspace and were skipped.
        </p>
      )}
      {unknownRfm.length > 0 && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="unknown-rfm-segments">
          {unknownRfmSegmentsMessage(unknownRfm)}
        </p>
      )}
      {segment.description && <p className="mb-6 max-w-3xl text-sm text-gray-700">{segment.description}</p>}

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Customers" value={formatNumber(latest?.customers ?? 0)} detail={latest && `${formatPercent(latest.totalCustomers ? latest.customers / latest.totalCustomers : 0)} of all customers`} />
        <Stat label="Revenue to date" value={formatCurrency(latest?.revenue ?? 0, currency, { compact: true })} />
        <Stat label="Predicted CLV, total" value={formatCurrency(latest?.predictedClv ?? 0, currency, { compact: true })} />
        <Stat label="Predicted CLV, average" value={latest?.averagePredictedClv == null ? '—' : formatCurrency(latest.averagePredictedClv, currency)} />
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Who belongs">
          {segment.rule ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-gray-800" data-testid="rule-description">
              {describeRule(segment.rule, new Map(names.map((s) => [s.id, s.name]))).map((line, i) => (
                <li key={i} style={{ marginLeft: `${line.depth}rem` }}>
                  {line.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-700">A frozen list: members change only when customers are deleted.</p>
          )}
        </Card>
        <Card title="Size over time" description={history.snapshots.length ? `The last ${history.snapshots.length} refreshes` : undefined}>
          {history.snapshots.length === 0 ? (
            <p className="text-sm text-gray-600">No refresh yet.</p>
          ) : (
            <>
              <Sparkline
                width={480}
                height={64}
                values={history.snapshots.map((s) => s.customers)}
                label={`Customers at each refresh: ${history.snapshots.map((s) => s.customers).join(', ')}`}
              />
              <table className="mt-3 w-full text-sm">
                <caption className="sr-only">Refreshes of the segment, newest first</caption>
                <thead>
                  <tr className="text-left text-gray-500">
                    <th scope="col" className="py-1 font-medium">Refreshed</th>
                    <th scope="col" className="py-1 text-right font-medium">Customers</th>
                    <th scope="col" className="py-1 text-right font-medium">Entered</th>
                    <th scope="col" className="py-1 text-right font-medium">Left</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {history.snapshots
                    .slice(-5)
                    .reverse()
                    .map((snapshot) => (
                      <tr key={snapshot.takenAt.toISOString()}>
                        <td className="py-1 text-gray-700">{formatDateTime(snapshot.takenAt)}</td>
                        <td className="py-1 text-right tabular-nums">{formatNumber(snapshot.customers)}</td>
                        <td className="py-1 text-right tabular-nums text-emerald-700">+{formatNumber(snapshot.entered)}</td>
                        <td className="py-1 text-right tabular-nums text-rose-700">−{formatNumber(snapshot.departed)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )}
        </Card>
      </div>

      <SegmentValuationCard slug={slug} tenant={tenant} currency={currency} segmentId={segment.id} className="mt-6" />

      {(history.enteredFrom.length > 0 || history.departedTo.length > 0) && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Entered at the last refresh" description="By their RFM segment now">
            {history.enteredFrom.length ? <RankedBars label="Customers who entered, by RFM segment" items={history.enteredFrom.map((f) => ({ name: f.segment, value: f.customers }))} /> : <p className="text-sm text-gray-600">Nobody.</p>}
          </Card>
          <Card title="Left at the last refresh" description="By their RFM segment now">
            {history.departedTo.length ? <RankedBars label="Customers who left, by RFM segment" items={history.departedTo.map((f) => ({ name: f.segment, value: f.customers }))} /> : <p className="text-sm text-gray-600">Nobody.</p>}
          </Card>
        </div>
      )}

      <Card
        className="mt-6"
        title="Members"
        description={latest ? `The ${Math.min(members.length, latest.customers)} most valuable of ${formatNumber(latest.customers)}` : undefined}
      >
        {members.length === 0 ? (
          <EmptyState title="No members">
            <p>No customer matches this segment now. Members appear after the next import or when the rule changes.</p>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <thead>
                <tr className="text-left text-gray-900">
                  <th scope="col" className="px-2 py-2 font-semibold">Customer</th>
                  <th scope="col" className="px-2 py-2 font-semibold">RFM</th>
                  <th scope="col" className="px-2 py-2 text-right font-semibold">Revenue</th>
                  <th scope="col" className="px-2 py-2 text-right font-semibold">Predicted CLV</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {members.map((m) => (
                  <tr key={m.id}>
                    <td className="px-2 py-2">
                      <Link href={`/w/${slug}/customers/${m.id}`} className="font-medium text-gray-900 hover:text-indigo-600">
                        {m.name ?? m.externalId}
                      </Link>
                      <div className="text-xs text-gray-500">{[m.email, m.country, m.externalId].filter(Boolean).join(' · ')}</div>
                    </td>
                    <td className="px-2 py-2 text-gray-700">{m.rfmSegment ?? '—'}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{m.revenue == null ? '—' : formatCurrency(m.revenue, currency)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{m.predictedClv == null ? '—' : formatCurrency(m.predictedClv, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {canEdit && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Export members" description="A CSV for your email or ad tool. The export is recorded in the audit trail.">
            <ExportForm href={`${base}/${segment.id}/export`} />
          </Card>
          <Card title="Delete segment" description="Deletes the segment, its members list and its history. Customers are not affected.">
            <ActionForm action={deleteSegmentAction.bind(null, slug)} submitLabel="Delete segment" pendingLabel="Deleting…" variant="danger">
              <input type="hidden" name="id" value={segment.id} />
            </ActionForm>
          </Card>
        </div>
      )}
    </>
  );
}

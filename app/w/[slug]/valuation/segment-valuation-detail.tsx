import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BarChartFigure } from '@/components/charts/bar-chart-figure';
import { RankedBars } from '@/components/charts/bar-list';
import { ButtonLink } from '@/components/ui/button';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DemographicProfile } from '@/components/valuation/demographic-profile';
import { MarketInputsForm } from '@/components/valuation/market-inputs-form';
import { NoValuationYet } from '@/components/valuation/no-valuation-yet';
import { MarketInputsTable, formatTenure } from '@/components/valuation/valuation-tables';
import type { Member } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatCurrency, formatDate, formatNumber, formatPercent } from '@/lib/format';
import { demographicProfiles } from '@/lib/valuation-report/demographics';
import { parseSegmentKey, segmentValuationHref, type SegmentKey } from '@/lib/valuation-report/segment-keys';
import { segmentsToScore, valuationReport } from '@/lib/valuation-report/valuation-report';
import { SEGMENT_ACTIONS } from '@/lib/valuation/recommended-action';
import { VALUE_COMPONENTS, VALUE_QUADRANTS, scoreSegments } from '@/lib/valuation/value-score';
import { resetMarketInputsAction, saveMarketInputsAction } from './actions';

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** "Jul 25–Sep 25" */
function quarterLabel(quarter: { start: string; end: string } | undefined): string {
  return quarter ? `${monthYear.format(new Date(quarter.start))}–${monthYear.format(new Date(quarter.end))}` : '';
}

export type MemberRow = { id: number; name: string; detail: string; revenue: number | null; predictedClv: number | null };

/**
 * One segment's valuation page: its figures, score and why, the recommended action, quarterly trend, who its buyers
 * are, its market inputs (editable by marketers), migration flows and its most valuable members. An RFM segment is
 * scored among the RFM segments; a saved segment among them too, plus itself.
 */
export async function SegmentValuationDetail({ member, segmentKey, members, membersHref, flows, extraActions }: {
  member: Member;
  segmentKey: SegmentKey;
  members: MemberRow[];
  membersHref: string;
  /** A saved segment's flows at its last refresh, by RFM segment; null for RFM segments (no history kept). */
  flows: { enteredFrom: { segment: string; customers: number }[]; departedTo: { segment: string; customers: number }[] } | null;
  extraActions?: ReactNode;
}) {
  const { workspace, tenant, role } = member;
  const slug = workspace.slug;
  const ref = parseSegmentKey(segmentKey);
  if (!ref) notFound();
  const selection = { rfm: true, savedSegmentIds: ref.kind === 'segment' ? [ref.id] : [] };
  const [report, profiles] = await Promise.all([
    valuationReport(tenant, workspace.currency, selection),
    demographicProfiles(tenant, [segmentKey]),
  ]);
  const segment = report.segments.find((candidate) => candidate.key === segmentKey);
  if (!segment && ref.kind === 'segment') notFound();
  const canEdit = hasRole(role, 'marketer');
  const currency = workspace.currency;
  const money = (amount: number) => formatCurrency(amount, currency, { compact: true });
  const back = (
    <ButtonLink href={`/w/${slug}/valuation`} variant="secondary">
      All segments
    </ButtonLink>
  );

  if (!segment || report.asOf === null) {
    const name = ref.kind === 'rfm' ? ref.name : 'Segment';
    return (
      <>
        <PageHeader title={name} actions={back} />
        <NoValuationYet slug={slug} canImport={canEdit} computed={report.asOf !== null} />
      </>
    );
  }

  const { metrics, recommendation } = segment;
  const score = scoreSegments(segmentsToScore(report.segments), report.weights.weights).find((s) => s.segmentId === segmentKey)!;
  const peers = report.segments.length;
  const profile = profiles.get(segmentKey)!;
  const quarterData = segment.quarters.map((quarter, i) => ({
    quarter: quarterLabel(report.quarterDates[i]),
    Revenue: Math.round(quarter.revenue),
    'Buying customers': quarter.customers,
  }));

  return (
    <>
      <PageHeader
        title={segment.name}
        description={`${ref.kind === 'rfm' ? 'RFM segment' : 'Saved segment'} · figures as of ${formatDate(report.asOf)} · ${currency}`}
        actions={
          <>
            {extraActions}
            {back}
          </>
        }
      />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <Stat label="Customers" value={formatNumber(metrics.customers)} detail={`${formatPercent(metrics.customerShare)} of buyers`} />
        <Stat label="Revenue, 12 months" value={money(metrics.revenueLast12Months)} detail={`${formatPercent(metrics.revenueLast12MonthsShare)} of revenue`} />
        <Stat label="Predicted CLV" value={money(metrics.predictedClv)} detail={`${formatCurrency(metrics.predictedClvPerCustomer, currency)} per customer`} />
        <Stat label="Revenue at risk" value={money(metrics.revenueAtRisk)} detail={`${formatPercent(metrics.highChurnRiskShare)} at high churn risk`} />
        <Stat
          label="Value score"
          value={<span data-testid="segment-score">{score.score.toFixed(0)}</span>}
          detail={`Rank ${score.rank} of ${peers} · ${VALUE_QUADRANTS[score.quadrant].label}`}
        />
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title={`Recommended: ${recommendation.label}`} description={SEGMENT_ACTIONS[recommendation.action].description}>
          <p className="text-sm text-gray-800" data-testid="recommendation-reason">
            {recommendation.reason}.
          </p>
          <p className="mt-3 text-sm text-gray-600">
            Campaign defaults for this action: {formatCurrency(recommendation.assumptions.costPerContact, currency)} per contact,{' '}
            {formatPercent(recommendation.assumptions.upliftRate)} response,{' '}
            {formatCurrency(recommendation.assumptions.valuePerResponse, currency)} margin per response.{' '}
            <Link href={`/w/${slug}/allocation`} className="font-medium text-indigo-700 hover:text-indigo-500">
              Plan a budget
            </Link>
          </p>
        </Card>
        <Card title="Why this score" description={`Among ${peers} segments, with the workspace’s weights`}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="py-1 pr-3 font-semibold">Component</th>
                <th scope="col" className="py-1 pr-3 text-right font-semibold">Percentile</th>
                <th scope="col" className="py-1 pr-3 text-right font-semibold">Weight</th>
                <th scope="col" className="py-1 text-right font-semibold">Points</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {score.breakdown.map((part, i) => (
                <tr key={part.component}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal text-gray-800" title={VALUE_COMPONENTS[i].measure}>
                    {VALUE_COMPONENTS[i].label}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{part.normalised.toFixed(0)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatPercent(part.weight, 0)}</td>
                  <td className="py-1 text-right tabular-nums">{part.contribution.toFixed(1)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1 pr-3 text-left font-normal text-gray-800">Strategic weight {formatNumber(segment.market.strategicWeight, 2)}</th>
                <td colSpan={2} />
                <td className="py-1 text-right tabular-nums">{score.strategicAdjustment >= 0 ? '+' : ''}{score.strategicAdjustment.toFixed(1)}</td>
              </tr>
              <tr className="font-semibold">
                <th scope="row" className="py-1 pr-3 text-left">Score</th>
                <td colSpan={2} />
                <td className="py-1 text-right tabular-nums">{score.score.toFixed(1)}</td>
              </tr>
            </tbody>
          </table>
        </Card>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Last four quarters" description="Revenue and buying customers of today’s members, quarter by quarter">
          <BarChartFigure label="Revenue per quarter" data={quarterData} index="quarter" categories={['Revenue']} colors={['indigo']} valueFormat="currency" currency={currency} />
          <BarChartFigure label="Buying customers per quarter" data={quarterData} index="quarter" categories={['Buying customers']} colors={['sky']} valueFormat="number" />
        </Card>
        <Card title="Value and loyalty">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm">
            {[
              ['Revenue, all time', money(metrics.revenueAllTime)],
              ['Gross margin', `${money(metrics.grossMargin)} · ${formatPercent(metrics.marginRate)}`],
              ['Average order value', formatCurrency(metrics.averageOrderValue, currency)],
              ['Orders per customer per year', formatNumber(metrics.purchaseFrequency, 2)],
              ['Repeat rate', formatPercent(metrics.repeatRate)],
              ['Average tenure', formatTenure(metrics.averageTenureDays)],
              ['Historical CLV per customer', formatCurrency(metrics.historicalClvPerCustomer, currency)],
              ['Purchases expected, next 90 days', formatNumber(metrics.expectedPurchases90Days)],
              ['Mean P(alive)', formatPercent(metrics.meanProbabilityAlive)],
              ['Days since last order (mean)', formatNumber(metrics.averageDaysSinceLastOrder)],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-gray-500">{label}</dt>
                <dd className="font-medium tabular-nums text-gray-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>

      <Card className="mt-6" title="Who they are" description={`${formatNumber(profile.customers)} buyers, from their customer records`}>
        <DemographicProfile profile={profile} />
      </Card>

      <section id="market-inputs" className="mt-6 scroll-mt-6">
        <Card
          title="What the data cannot know"
          description={
            segment.marketSetBy
              ? `Set by ${segment.marketSetBy.name ?? 'a former member'} on ${formatDate(segment.marketSetBy.at)}`
              : 'Defaults: nobody has entered this segment’s market yet'
          }
        >
          {canEdit ? (
            <MarketInputsForm
              segmentKey={segmentKey}
              inputs={segment.market}
              customized={segment.marketSetBy !== null}
              saveAction={saveMarketInputsAction.bind(null, slug)}
              resetAction={resetMarketInputsAction.bind(null, slug)}
            />
          ) : (
            <MarketInputsTable segments={[segment]} hrefOf={(s) => segmentValuationHref(slug, s.key)} canEdit={false} />
          )}
        </Card>
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {flows ? (
          <>
            <Card title="Moved in at the last refresh" description={segment.migration ? `Since ${formatDate(segment.migration.since)}, by RFM segment now` : 'By RFM segment now'}>
              {flows.enteredFrom.length ? (
                <RankedBars label="Customers who entered, by RFM segment" items={flows.enteredFrom.map((f) => ({ name: f.segment, value: f.customers }))} />
              ) : (
                <p className="text-sm text-gray-600">Nobody.</p>
              )}
            </Card>
            <Card title="Moved out at the last refresh" description="By RFM segment now">
              {flows.departedTo.length ? (
                <RankedBars label="Customers who left, by RFM segment" items={flows.departedTo.map((f) => ({ name: f.segment, value: f.customers }))} />
              ) : (
                <p className="text-sm text-gray-600">Nobody.</p>
              )}
            </Card>
          </>
        ) : (
          <Card title="Migration" className="lg:col-span-2">
            <p className="text-sm text-gray-600">
              RFM segments are recomputed from scratch and keep no history, so moves in and out are not tracked. Save this group as a
              segment (Segments → Create RFM segments) to follow who enters and leaves at each refresh.
            </p>
          </Card>
        )}
      </div>

      <Card className="mt-6" title="Most valuable members" description="By predicted CLV" actions={<Link href={membersHref} className="text-sm font-medium text-indigo-700 hover:text-indigo-500">All members</Link>}>
        {members.length === 0 ? (
          <p className="text-sm text-gray-600">No members.</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="py-2 pr-3 font-semibold">Customer</th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">Revenue</th>
                <th scope="col" className="py-2 text-right font-semibold">Predicted CLV</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {members.map((row) => (
                <tr key={row.id}>
                  <td className="py-2 pr-3">
                    <Link href={`/w/${slug}/customers/${row.id}`} className="font-medium text-gray-900 hover:text-indigo-600">
                      {row.name}
                    </Link>
                    <div className="text-xs text-gray-500">{row.detail}</div>
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.revenue == null ? '—' : formatCurrency(row.revenue, currency)}</td>
                  <td className="py-2 text-right tabular-nums">{row.predictedClv == null ? '—' : formatCurrency(row.predictedClv, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { Tenant } from '@/lib/db/tenant';
import { formatCurrency, formatPercent } from '@/lib/format';
import { savedSegmentKey, segmentValuationHref } from '@/lib/valuation-report/segment-keys';
import { segmentsToScore, valuationReport } from '@/lib/valuation-report/valuation-report';
import { VALUE_QUADRANTS, scoreSegments } from '@/lib/valuation/value-score';

type Props = {
  slug: string;
  /** From the page's requireMember(slug). */
  tenant: Tenant;
  /** The workspace's currency (member.workspace.currency). */
  currency: string;
  segmentId: number;
  className?: string;
};

/**
 * A saved segment's valuation in one card, for its segment page: value score and rank (scored among the RFM
 * segments and itself, with the workspace's weights), value now and ahead, churn risk, and the recommended action
 * with its reason; links to the full valuation. A server component: it queries on render.
 */
export async function SegmentValuationCard({ slug, tenant, currency, segmentId, className = '' }: Props) {
  const key = savedSegmentKey(segmentId);
  const report = await valuationReport(tenant, currency, { rfm: true, savedSegmentIds: [segmentId] });
  const segment = report.segments.find((candidate) => candidate.key === key);
  const href = segmentValuationHref(slug, key);
  const title = 'Valuation';
  if (!segment || report.asOf === null || segment.metrics.customers === 0) {
    return (
      <Card title={title} className={className}>
        <p className="text-sm text-gray-600" data-testid="segment-valuation-empty">
          {report.asOf === null
            ? 'Valued once customer value has been computed for this workspace.'
            : 'No member of this segment has an order yet, so there is nothing to value.'}
        </p>
      </Card>
    );
  }
  const score = scoreSegments(segmentsToScore(report.segments), report.weights.weights).find((s) => s.segmentId === key)!;
  const { metrics, recommendation } = segment;
  const money = (amount: number) => formatCurrency(amount, currency, { compact: true });
  const figures: [string, string][] = [
    ['Value score', `${score.score.toFixed(0)} · rank ${score.rank} of ${report.segments.length}`],
    ['Quadrant', VALUE_QUADRANTS[score.quadrant].label],
    ['Revenue, 12 months', `${money(metrics.revenueLast12Months)} (${formatPercent(metrics.revenueLast12MonthsShare)} of all)`],
    ['Gross margin', `${money(metrics.grossMargin)} · ${formatPercent(metrics.marginRate)}`],
    ['Predicted CLV', `${money(metrics.predictedClv)} · ${formatCurrency(metrics.predictedClvPerCustomer, currency)} each`],
    ['Revenue at risk', `${money(metrics.revenueAtRisk)} · ${formatPercent(metrics.highChurnRiskShare)} at high risk`],
  ];
  return (
    <Card
      title={title}
      description="Scored among the RFM segments with the workspace’s weights"
      className={className}
      actions={
        <Link href={href} className="text-sm font-medium text-indigo-700 hover:text-indigo-500">
          Full valuation
        </Link>
      }
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm" data-testid="segment-valuation">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt className="text-gray-500">{label}</dt>
            <dd className="font-medium tabular-nums text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-gray-800">
        <span className="font-semibold">Recommended: {recommendation.label}.</span> {recommendation.reason}.
      </p>
    </Card>
  );
}

import type { CsvCell } from '@/lib/import/csv-writer';
import type { SegmentMetrics } from '@/lib/valuation/segment-metrics';
import { VALUE_QUADRANTS, scoreSegments, type ValueWeights } from '@/lib/valuation/value-score';
import type { QuarterFigures } from './segment-metrics-query';
import { segmentsToScore, type SegmentValuations, type ValuedSegment } from './valuation-report';

const money = (value: number) => Math.round(value * 100) / 100;
const share = (value: number) => Math.round(value * 1e6) / 1e6;
const decimal = (value: number) => Math.round(value * 1e4) / 1e4;

const METRIC_COLUMNS: [string, (m: SegmentMetrics) => number][] = [
  ['customers', (m) => m.customers],
  ['customer_share', (m) => share(m.customerShare)],
  ['revenue_all_time', (m) => money(m.revenueAllTime)],
  ['revenue_share', (m) => share(m.revenueShare)],
  ['revenue_last_12_months', (m) => money(m.revenueLast12Months)],
  ['revenue_last_12_months_share', (m) => share(m.revenueLast12MonthsShare)],
  ['gross_margin', (m) => money(m.grossMargin)],
  ['margin_rate', (m) => share(m.marginRate)],
  ['orders', (m) => m.orders],
  ['average_order_value', (m) => money(m.averageOrderValue)],
  ['orders_per_customer_per_year', (m) => decimal(m.purchaseFrequency)],
  ['repeat_rate', (m) => share(m.repeatRate)],
  ['average_tenure_days', (m) => decimal(m.averageTenureDays)],
  ['historical_clv_per_customer', (m) => money(m.historicalClvPerCustomer)],
  ['predicted_clv', (m) => money(m.predictedClv)],
  ['predicted_clv_per_customer', (m) => money(m.predictedClvPerCustomer)],
  ['expected_purchases_90_days', (m) => decimal(m.expectedPurchases90Days)],
  ['mean_probability_alive', (m) => share(m.meanProbabilityAlive)],
  ['high_churn_risk_share', (m) => share(m.highChurnRiskShare)],
  ['revenue_at_risk', (m) => money(m.revenueAtRisk)],
];

/** The valuation table as CSV rows (raw numbers, shares as fractions), one per segment and one for all buyers. */
export function valuationCsv(report: SegmentValuations, weights: ValueWeights): { header: string[]; rows: CsvCell[][] } {
  const quarters = report.quarterDates.map((q) => `${q.start}_to_${q.end}`);
  const header = [
    'segment', 'kind',
    ...METRIC_COLUMNS.map(([name]) => name),
    ...quarters.map((q) => `revenue_${q}`),
    ...quarters.map((q) => `buying_customers_${q}`),
    'net_migration_last_refresh',
    'addressable_market_size', 'expected_market_growth_pct', 'competitive_intensity', 'strategic_weight',
    'value_score', 'rank', 'quadrant', 'recommended_action', 'reason',
  ];
  const scores = new Map(
    (report.segments.length ? scoreSegments(segmentsToScore(report.segments), weights) : []).map((score) => [score.segmentId, score]),
  );
  const figures = (metrics: SegmentMetrics, quarterFigures: QuarterFigures[]) => [
    ...METRIC_COLUMNS.map(([, pick]) => pick(metrics)),
    ...quarterFigures.map((q) => money(q.revenue)),
    ...quarterFigures.map((q) => q.customers),
  ];
  const segmentRow = (segment: ValuedSegment): CsvCell[] => {
    const score = scores.get(segment.key);
    return [
      segment.name, segment.kind === 'rfm' ? 'RFM segment' : 'saved segment',
      ...figures(segment.metrics, segment.quarters),
      segment.migration?.net ?? null,
      segment.market.addressableMarketSize, segment.market.expectedMarketGrowthPct, segment.market.competitiveIntensity, segment.market.strategicWeight,
      score ? decimal(score.score) : null, score?.rank ?? null, score ? VALUE_QUADRANTS[score.quadrant].label : null,
      segment.recommendation.label, segment.recommendation.reason,
    ];
  };
  const population: CsvCell[] = ['All buyers', 'total', ...figures(report.population, report.populationQuarters), ...Array(10).fill(null)];
  return { header, rows: [...report.segments.map(segmentRow), population] };
}

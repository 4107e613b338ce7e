import Link from 'next/link';
import type { ReactNode } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { Card } from '@/components/ui/card';
import { formatCurrency, formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { QuarterFigures } from '@/lib/valuation-report/segment-metrics-query';
import type { SegmentValuations, ValuedSegment } from '@/lib/valuation-report/valuation-report';
import type { SegmentMetrics } from '@/lib/valuation/segment-metrics';

type Row = { key: string; name: string; href?: string; metrics: SegmentMetrics; quarters: QuarterFigures[]; segment?: ValuedSegment };

type Column = { label: string; title?: string; cell: (row: Row) => ReactNode };

const COMPETITION_LABELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

export function formatTenure(days: number): string {
  return days < 60 ? `${formatNumber(days)} days` : `${formatNumber(days / 365.25, 1)} years`;
}

/** Change from the first to the last of the quarters; null when the first is 0. */
export function quarterChange(values: number[]): number | null {
  const first = values[0] ?? 0;
  return first === 0 ? null : (values.at(-1)! - first) / Math.abs(first);
}

function Change({ values, label }: { values: number[]; label: string }) {
  const change = quarterChange(values);
  return (
    <span className="inline-flex items-center gap-2">
      <Sparkline values={values} label={`${label}: ${values.map((v) => formatNumber(v)).join(', ')}`} width={64} height={20} />
      <span className={`tabular-nums ${change === null ? 'text-gray-400' : change >= 0 ? 'text-emerald-700' : 'text-rose-700'}`}>
        {change === null ? '—' : `${change >= 0 ? '+' : ''}${formatPercent(change, 0)}`}
      </span>
    </span>
  );
}

function MetricsTable({ caption, rows, columns }: { caption: string; rows: Row[]; columns: Column[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-gray-900">
          <tr>
            <th scope="col" className="sticky left-0 bg-white py-2 pr-4 font-semibold">Segment</th>
            {columns.map((column) => (
              <th key={column.label} scope="col" title={column.title} className="whitespace-nowrap py-2 pr-4 text-right font-semibold">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.key} data-valuation-row={row.name} className={row.href ? '' : 'bg-gray-50 font-medium'}>
              <th scope="row" className={`sticky left-0 whitespace-nowrap py-2 pr-4 text-left font-medium ${row.href ? 'bg-white' : 'bg-gray-50'}`}>
                {row.href ? (
                  <Link href={row.href} className="text-indigo-700 hover:text-indigo-500">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </th>
              {columns.map((column) => (
                <td key={column.label} className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The valuation report as three tables (size and revenue, loyalty and value, risk and growth) with a total row
 * of every buyer, then the market inputs the team entered. Server-rendered and print-friendly.
 */
export function ValuationTables({ report, hrefOf }: { report: SegmentValuations; hrefOf: (segment: ValuedSegment) => string }) {
  const money = (amount: number) => formatCurrency(amount, report.currency, { compact: true });
  const exact = (amount: number) => formatCurrency(amount, report.currency);
  const rows: Row[] = [
    ...report.segments.map((segment) => ({ key: segment.key, name: segment.name, href: hrefOf(segment), metrics: segment.metrics, quarters: segment.quarters, segment })),
    { key: '*', name: 'All buyers', metrics: report.population, quarters: report.populationQuarters },
  ];
  const quarterTitle = report.quarterDates.map((q) => `${formatDate(q.start)} – ${formatDate(q.end)}`).join(', ');

  const sizeColumns: Column[] = [
    { label: 'Customers', cell: (r) => formatNumber(r.metrics.customers) },
    { label: 'Share of buyers', cell: (r) => formatPercent(r.metrics.customerShare) },
    { label: 'Revenue, all time', cell: (r) => money(r.metrics.revenueAllTime) },
    { label: 'Share of revenue', title: 'Share of all-time revenue', cell: (r) => formatPercent(r.metrics.revenueShare) },
    { label: 'Revenue, 12 months', cell: (r) => money(r.metrics.revenueLast12Months) },
    { label: 'Share of 12-month revenue', cell: (r) => formatPercent(r.metrics.revenueLast12MonthsShare) },
    { label: 'Gross margin', cell: (r) => money(r.metrics.grossMargin) },
    { label: 'Margin %', cell: (r) => formatPercent(r.metrics.marginRate) },
    { label: 'AOV', title: 'Average order value', cell: (r) => exact(r.metrics.averageOrderValue) },
    { label: 'Orders / customer / year', cell: (r) => formatNumber(r.metrics.purchaseFrequency, 2) },
  ];
  const valueColumns: Column[] = [
    { label: 'Repeat rate', title: 'Share with two or more orders', cell: (r) => formatPercent(r.metrics.repeatRate) },
    { label: 'Average tenure', title: 'Since the first order', cell: (r) => formatTenure(r.metrics.averageTenureDays) },
    { label: 'Historical CLV / customer', title: 'Gross margin to date per customer', cell: (r) => exact(r.metrics.historicalClvPerCustomer) },
    { label: 'Predicted CLV, total', cell: (r) => money(r.metrics.predictedClv) },
    { label: 'Predicted CLV / customer', cell: (r) => exact(r.metrics.predictedClvPerCustomer) },
    { label: 'Purchases next 90 days', title: 'Expected (BG/NBD)', cell: (r) => formatNumber(r.metrics.expectedPurchases90Days) },
  ];
  const riskColumns: Column[] = [
    { label: 'Mean P(alive)', cell: (r) => formatPercent(r.metrics.meanProbabilityAlive) },
    { label: 'High churn risk', title: 'Share with churn risk above 66 %', cell: (r) => formatPercent(r.metrics.highChurnRiskShare) },
    { label: 'Revenue at risk', title: 'Σ predicted CLV × (1 − P(alive))', cell: (r) => money(r.metrics.revenueAtRisk) },
    {
      label: 'Revenue, last 4 quarters',
      title: quarterTitle,
      cell: (r) => <Change values={r.quarters.map((q) => q.revenue)} label="Revenue per quarter" />,
    },
    {
      label: 'Buying customers, last 4 quarters',
      title: quarterTitle,
      cell: (r) => <Change values={r.quarters.map((q) => q.customers)} label="Buying customers per quarter" />,
    },
    {
      label: 'Net migration',
      title: 'Entered minus left at the last refresh of a saved segment',
      cell: (r) =>
        r.segment?.migration ? (
          <span title={`+${r.segment.migration.entered} / −${r.segment.migration.departed} since ${formatDate(r.segment.migration.since)}`}>
            {r.segment.migration.net >= 0 ? '+' : '−'}
            {formatNumber(Math.abs(r.segment.migration.net))}
          </span>
        ) : (
          <span className="text-gray-400">—</span>
        ),
    },
  ];

  return (
    <div className="space-y-6">
      <Card title="Size, revenue and margin" className="break-inside-avoid">
        <MetricsTable caption="Size, revenue and margin of each segment" rows={rows} columns={sizeColumns} />
      </Card>
      <Card title="Loyalty, current and future value" description="Historical CLV is margin earned to date; predicted CLV covers the workspace’s CLV horizon." className="break-inside-avoid">
        <MetricsTable caption="Loyalty and value of each segment" rows={rows} columns={valueColumns} />
      </Card>
      <Card
        title="Churn risk and growth"
        description="Trends follow today’s members back over the last four quarters. Net migration needs two refreshes of a saved segment; RFM segments keep no history."
        className="break-inside-avoid"
      >
        <MetricsTable caption="Churn risk and growth of each segment" rows={rows} columns={riskColumns} />
      </Card>
    </div>
  );
}

/** What the team entered per segment (or the defaults), with who set it and when. */
export function MarketInputsTable({ segments, hrefOf, canEdit }: {
  segments: ValuedSegment[];
  hrefOf: (segment: ValuedSegment) => string;
  canEdit: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Market inputs per segment</caption>
        <thead className="text-left text-gray-900">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">Segment</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Addressable market</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Market growth</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Competition</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Strategic weight</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Set by</th>
            {canEdit && <th scope="col" className="py-2 font-semibold"><span className="sr-only">Edit</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {segments.map((segment) => (
            <tr key={segment.key}>
              <th scope="row" className="py-2 pr-4 text-left font-medium text-gray-900">{segment.name}</th>
              <td className="py-2 pr-4 text-right tabular-nums">
                {segment.market.addressableMarketSize === null ? <span className="text-gray-500">Unknown</span> : formatNumber(segment.market.addressableMarketSize)}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(segment.market.expectedMarketGrowthPct / 100)}</td>
              <td className="py-2 pr-4">{COMPETITION_LABELS[segment.market.competitiveIntensity]}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(segment.market.strategicWeight, 2)}</td>
              <td className="py-2 pr-4 text-gray-600">
                {segment.marketSetBy ? `${segment.marketSetBy.name ?? 'A former member'}, ${formatDate(segment.marketSetBy.at)}` : 'Defaults'}
              </td>
              {canEdit && (
                <td className="py-2">
                  <Link href={`${hrefOf(segment)}#market-inputs`} className="font-medium text-indigo-700 hover:text-indigo-500">
                    Edit<span className="sr-only"> market inputs of {segment.name}</span>
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

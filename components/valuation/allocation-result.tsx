import { BarChartFigure } from '@/components/charts/bar-chart-figure';
import { formatCurrency, formatNumber, formatPercent } from '@/lib/format';
import type { AllocationPlan } from '@/lib/valuation/allocation-plan';
import type { ScenarioPlans } from '@/lib/valuation/allocation-scenario';
import { SEGMENT_ACTIONS, type SegmentAction } from '@/lib/valuation/recommended-action';

export type ResultSegmentNote = { name: string; recommendedLabel: string; reason: string };

type Props = {
  plans: ScenarioPlans;
  notes: Record<string, ResultSegmentNote>;
  /** The campaign action each segment's assumptions are for. */
  actions: Record<string, SegmentAction>;
  currency: string;
};

export const STRATEGY_LABELS = {
  optimal: 'Optimised plan',
  'equal-split': 'Equal split',
  'revenue-proportional': 'Proportional to revenue',
} as const;

function roiText(roi: number | null): string {
  return roi === null ? '—' : `${roi >= 0 ? '+' : ''}${formatPercent(roi, 0)}`;
}

function TotalCard({ plan, currency, best, optimalMargin }: { plan: AllocationPlan; currency: string; best: boolean; optimalMargin: number }) {
  const margin = plan.totals.expectedIncrementalMargin;
  const gap = optimalMargin - margin;
  return (
    <div
      className={`rounded-lg p-4 ring-1 ${best ? 'bg-indigo-50 ring-indigo-200' : 'bg-white ring-gray-200'}`}
      data-plan-total={plan.strategy}
      data-margin={margin.toFixed(2)}
      data-spend={plan.totals.spend.toFixed(2)}
    >
      <dt className="text-sm font-medium text-gray-600">{STRATEGY_LABELS[plan.strategy]}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-gray-900">{formatCurrency(margin, currency, { compact: true })}</dd>
      <dd className="text-xs text-gray-600">
        expected incremental margin · spend {formatCurrency(plan.totals.spend, currency, { compact: true })} · ROI {roiText(plan.totals.roi)}
      </dd>
      {!best && (
        <dd className="mt-1 text-xs font-medium text-gray-700">
          {gap > 0.005 ? `${formatCurrency(gap, currency, { compact: true })} less margin than the optimised plan` : 'as much margin as the optimised plan'}
        </dd>
      )}
    </div>
  );
}

/**
 * An allocation's outcome: the optimised plan against the equal split and the revenue-proportional baseline, then per
 * segment what it spends and earns with the recommended action and why. Plain markup: used by the planner (client)
 * and by saved-plan pages (server).
 */
export function AllocationResult({ plans, notes, actions, currency }: Props) {
  const { optimal, equalSplit, revenueProportional } = plans;
  const money = (amount: number) => formatCurrency(amount, currency, { compact: true });
  const byId = (plan: AllocationPlan) => new Map(plan.segments.map((segment) => [segment.segmentId, segment]));
  const [equalById, proportionalById] = [byId(equalSplit), byId(revenueProportional)];
  const chartData = optimal.segments.map((segment) => ({
    segment: notes[segment.segmentId]?.name ?? segment.segmentId,
    [STRATEGY_LABELS.optimal]: Math.round(segment.spend),
    [STRATEGY_LABELS['equal-split']]: Math.round(equalById.get(segment.segmentId)?.spend ?? 0),
    [STRATEGY_LABELS['revenue-proportional']]: Math.round(proportionalById.get(segment.segmentId)?.spend ?? 0),
  }));

  return (
    <div className="space-y-6">
      <dl className="grid gap-4 md:grid-cols-3" aria-label="Plan totals">
        <TotalCard plan={optimal} currency={currency} best optimalMargin={optimal.totals.expectedIncrementalMargin} />
        <TotalCard plan={equalSplit} currency={currency} best={false} optimalMargin={optimal.totals.expectedIncrementalMargin} />
        <TotalCard plan={revenueProportional} currency={currency} best={false} optimalMargin={optimal.totals.expectedIncrementalMargin} />
      </dl>
      <p className="text-sm text-gray-600">
        {optimal.unspent > 0.5
          ? `${money(optimal.unspent)} stays unspent: every segment is at its maximum or can return nothing more. `
          : ''}
        {optimal.marginalReturn !== null &&
          `The last ${formatCurrency(1, currency)} of this budget earns ${formatCurrency(optimal.marginalReturn, currency)} of margin in every segment that is not at a bound. `}
        Spending beyond {money(optimal.breakEvenBudget)} would earn less margin than it costs.
      </p>

      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="allocation-result">
          <caption className="sr-only">Optimised allocation per segment</caption>
          <thead className="text-left text-gray-900">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">Segment</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Spend</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Customers reached</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Incremental revenue</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">Incremental margin</th>
              <th scope="col" className="py-2 pr-4 text-right font-semibold">ROI</th>
              <th scope="col" className="py-2 font-semibold">Recommended action</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {optimal.segments.map((segment) => {
              const note = notes[segment.segmentId];
              const action = actions[segment.segmentId];
              return (
                <tr key={segment.segmentId} data-allocation-row={note?.name}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium text-gray-900">
                    {note?.name ?? segment.segmentId}
                    {(segment.atBound || segment.spend < 0.005) && (
                      <div className="text-xs font-normal text-gray-500">
                        {segment.spend < 0.005 ? 'not funded' : `at its ${segment.atBound === 'min' ? 'minimum' : 'maximum'}`}
                      </div>
                    )}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {money(segment.spend)}
                    <div className="text-xs text-gray-500">{formatPercent(optimal.budget ? segment.spend / optimal.budget : 0, 0)} of budget</div>
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(segment.customersReached)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{segment.expectedIncrementalRevenue === null ? '—' : money(segment.expectedIncrementalRevenue)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(segment.expectedIncrementalMargin)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{roiText(segment.roi)}</td>
                  <td className="max-w-md py-2 text-gray-700">
                    <span className="font-medium text-gray-900">{note?.recommendedLabel}</span>
                    {note && <span> — {note.reason}</span>}
                    {action && note && SEGMENT_ACTIONS[action].label !== note.recommendedLabel && (
                      <div className="text-xs text-gray-500">Campaign planned as: {SEGMENT_ACTIONS[action].label}</div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-gray-300 font-semibold">
            <tr>
              <th scope="row" className="py-2 pr-4 text-left">Total</th>
              <td className="py-2 pr-4 text-right tabular-nums">{money(optimal.totals.spend)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(optimal.totals.customersReached)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {optimal.totals.expectedIncrementalRevenue === null ? '—' : money(optimal.totals.expectedIncrementalRevenue)}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{money(optimal.totals.expectedIncrementalMargin)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{roiText(optimal.totals.roi)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      <BarChartFigure
        label="Spend per segment by plan"
        data={chartData}
        index="segment"
        categories={[STRATEGY_LABELS.optimal, STRATEGY_LABELS['equal-split'], STRATEGY_LABELS['revenue-proportional']]}
        colors={['indigo', 'gray', 'amber']}
        valueFormat="currency"
        currency={currency}
      />
    </div>
  );
}

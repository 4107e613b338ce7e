import type { CsvCell } from '@/lib/import/csv-writer';
import type { PlannerInputs } from '@/lib/valuation/allocation-scenario';
import { SEGMENT_ACTIONS } from '@/lib/valuation/recommended-action';
import type { ComputedPlan } from './allocation-plans';

const money = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const ratio = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

/**
 * A plan as CSV: one row per segment with its assumptions, the optimised spend and outcome, both baselines' spend
 * and margin, and the recommended action with its reason; then a total row per strategy.
 */
export function allocationPlanCsv(inputs: PlannerInputs, plan: ComputedPlan): { header: string[]; rows: CsvCell[][] } {
  const header = [
    'segment', 'campaign_action', 'cost_per_contact', 'response_rate', 'margin_per_response', 'min_spend', 'max_spend',
    'spend', 'customers_reached', 'expected_incremental_revenue', 'expected_incremental_margin', 'roi',
    'equal_split_spend', 'equal_split_margin', 'revenue_proportional_spend', 'revenue_proportional_margin',
    'recommended_action', 'reason',
  ];
  const byId = (segments: ComputedPlan['optimal']['segments']) => new Map(segments.map((segment) => [segment.segmentId, segment]));
  const [optimal, equal, proportional] = [byId(plan.optimal.segments), byId(plan.equalSplit.segments), byId(plan.revenueProportional.segments)];
  const rows: CsvCell[][] = inputs.segments.map((row) => {
    const o = optimal.get(row.segmentId)!;
    const note = plan.segments[row.segmentId];
    return [
      note?.name ?? row.segmentId, SEGMENT_ACTIONS[row.action].label, money(row.costPerContact), ratio(row.upliftRate), money(row.valuePerResponse),
      money(row.minSpend), money(row.maxSpend),
      money(o.spend), Math.round(o.customersReached), money(o.expectedIncrementalRevenue), money(o.expectedIncrementalMargin), ratio(o.roi),
      money(equal.get(row.segmentId)?.spend ?? 0), money(equal.get(row.segmentId)?.expectedIncrementalMargin ?? 0),
      money(proportional.get(row.segmentId)?.spend ?? 0), money(proportional.get(row.segmentId)?.expectedIncrementalMargin ?? 0),
      note?.recommendedLabel ?? null, note?.reason ?? null,
    ];
  });
  const total = (label: string, totals: ComputedPlan['optimal']['totals']): CsvCell[] => [
    label, null, null, null, null, null, null,
    money(totals.spend), Math.round(totals.customersReached), money(totals.expectedIncrementalRevenue), money(totals.expectedIncrementalMargin), ratio(totals.roi),
    null, null, null, null, null, null,
  ];
  return {
    header,
    rows: [
      ...rows,
      total(`Total: optimised (budget ${inputs.budget})`, plan.optimal.totals),
      total('Total: equal split', plan.equalSplit.totals),
      total('Total: proportional to revenue', plan.revenueProportional.totals),
    ],
  };
}

import { equalSplitAllocation, optimiseAllocation, revenueProportionalAllocation, type OptimalAllocationPlan } from './allocation';
import type { AllocationPlan } from './allocation-plan';
import { defaultCampaignAssumptions, toAllocationSegment } from './campaign-assumptions';
import type { SegmentAction } from './recommended-action';
import type { AllocationSegmentInput } from './response-curve';
import type { SegmentMetrics } from './segment-metrics';

/** One row of the allocation planner: the campaign's action, its (editable) assumptions and optional spend bounds. */
export interface PlannerSegment {
  segmentId: string;
  action: SegmentAction;
  costPerContact: number;
  /** 0–1. */
  upliftRate: number;
  valuePerResponse: number;
  minSpend: number | null;
  maxSpend: number | null;
}

export interface PlannerInputs {
  budget: number;
  segments: PlannerSegment[];
}

/** The optimal plan and the two baselines it is judged against, on the same inputs. */
export interface ScenarioPlans {
  optimal: OptimalAllocationPlan;
  equalSplit: AllocationPlan;
  revenueProportional: AllocationPlan;
}

/** A planner row with the action's default assumptions for this segment (lib/valuation/campaign-assumptions). */
export function defaultPlannerSegment(segmentId: string, metrics: SegmentMetrics, action: SegmentAction): PlannerSegment {
  return { segmentId, action, ...defaultCampaignAssumptions(action, metrics), minSpend: null, maxSpend: null };
}

/** The allocator's view of the planner rows; throws a RangeError for a row whose segment has no metrics. */
export function allocationSegments(
  inputs: PlannerInputs,
  metricsById: ReadonlyMap<string, SegmentMetrics>,
): AllocationSegmentInput[] {
  return inputs.segments.map((row) => {
    const metrics = metricsById.get(row.segmentId);
    if (!metrics) throw new RangeError(`Segment ${row.segmentId} is not part of this valuation.`);
    const { costPerContact, upliftRate, valuePerResponse } = row;
    return toAllocationSegment(
      row.segmentId,
      metrics,
      { costPerContact, upliftRate, valuePerResponse },
      { minSpend: row.minSpend ?? undefined, maxSpend: row.maxSpend ?? undefined },
    );
  });
}

/** Throws InfeasibleBudgetError when the minimums exceed the budget, RangeError for an unusable assumption. */
export function runAllocationScenario(
  inputs: PlannerInputs,
  metricsById: ReadonlyMap<string, SegmentMetrics>,
): ScenarioPlans {
  const segments = allocationSegments(inputs, metricsById);
  return {
    optimal: optimiseAllocation(segments, inputs.budget),
    equalSplit: equalSplitAllocation(segments, inputs.budget),
    revenueProportional: revenueProportionalAllocation(segments, inputs.budget),
  };
}

/** `value` rounded to `digits` significant digits (12 345 → 12 000 at 2). */
export function roundToSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  return Math.round(value / scale) * scale;
}

/**
 * A starting budget: half the break-even budget (where the next unit of spend would return just one unit of
 * margin), so every unit of it still earns more than it costs; 1 % of last-12-month revenue when no segment can
 * return anything. Rounded to two significant digits; spend bounds are ignored.
 */
export function suggestedBudget(segments: readonly AllocationSegmentInput[]): number {
  const unbounded = segments.map((segment) => ({ ...segment, minSpend: undefined, maxSpend: undefined }));
  const breakEven = unbounded.length ? optimiseAllocation(unbounded, 0).breakEvenBudget : 0;
  const revenue = segments.reduce((sum, segment) => sum + segment.revenueLast12Months, 0);
  return roundToSignificant(breakEven / 2, 2) || roundToSignificant(revenue / 100, 2) || 1000;
}

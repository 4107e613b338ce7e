import type { AllocationPlan } from './allocation-plan';

export interface SpendAndMargin {
  spend: number;
  margin: number;
}

/** Each delta is candidate − base. */
export interface PlanDelta {
  base: SpendAndMargin;
  candidate: SpendAndMargin;
  spendDelta: number;
  marginDelta: number;
}

export interface SegmentPlanDelta extends PlanDelta {
  segmentId: string;
}

export interface PlanComparison {
  /** Base plan's segments in order, then segments only the candidate funds; a missing segment counts as 0. */
  segments: SegmentPlanDelta[];
  totals: PlanDelta;
}

const NOTHING: SpendAndMargin = { spend: 0, margin: 0 };

function delta(base: SpendAndMargin, candidate: SpendAndMargin): PlanDelta {
  return { base, candidate, spendDelta: candidate.spend - base.spend, marginDelta: candidate.margin - base.margin };
}

function bySegment(plan: AllocationPlan): Map<string, SpendAndMargin> {
  return new Map(plan.segments.map((s) => [s.segmentId, { spend: s.spend, margin: s.expectedIncrementalMargin }]));
}

export function compareAllocationPlans(base: AllocationPlan, candidate: AllocationPlan): PlanComparison {
  const [baseSegments, candidateSegments] = [bySegment(base), bySegment(candidate)];
  const segmentIds = [...new Set([...baseSegments.keys(), ...candidateSegments.keys()])];
  return {
    segments: segmentIds.map((segmentId) => ({
      segmentId,
      ...delta(baseSegments.get(segmentId) ?? NOTHING, candidateSegments.get(segmentId) ?? NOTHING),
    })),
    totals: delta(
      { spend: base.totals.spend, margin: base.totals.expectedIncrementalMargin },
      { spend: candidate.totals.spend, margin: candidate.totals.expectedIncrementalMargin },
    ),
  };
}

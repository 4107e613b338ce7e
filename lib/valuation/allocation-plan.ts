import {
  coverage,
  incrementalMargin,
  marginalReturn,
  responseCurve,
  spendBounds,
  type AllocationSegmentInput,
} from './response-curve';

export type AllocationStrategy = 'optimal' | 'equal-split' | 'revenue-proportional';

export interface SegmentAllocation {
  segmentId: string;
  spend: number;
  /** spend / cost per contact. */
  contacts: number;
  /** Distinct customers reached: customers × (1 − e^(−spend/S)), never above customers. */
  customersReached: number;
  expectedIncrementalMargin: number;
  /** margin / margin rate; null when the margin rate is not above 0. */
  expectedIncrementalRevenue: number | null;
  /** (margin − spend) / spend; null at zero spend. */
  roi: number | null;
  /** Margin the next unit of spend would earn here. */
  marginalReturn: number;
  /** Which spend bound binds, if any. */
  atBound: 'min' | 'max' | null;
}

export interface AllocationTotals {
  spend: number;
  customersReached: number;
  expectedIncrementalMargin: number;
  /** null when any segment's revenue is unknown. */
  expectedIncrementalRevenue: number | null;
  roi: number | null;
}

export interface AllocationPlan {
  strategy: AllocationStrategy;
  budget: number;
  /** budget − spent: left over only when the segments cannot usefully absorb the whole budget. */
  unspent: number;
  segments: SegmentAllocation[];
  totals: AllocationTotals;
}

const BOUND_TOLERANCE = 1e-9;

function roi(margin: number, spend: number): number | null {
  return spend > 0 ? (margin - spend) / spend : null;
}

function boundReached(spend: number, min: number, max: number): SegmentAllocation['atBound'] {
  const tolerance = BOUND_TOLERANCE * Math.max(1, spend);
  if (spend - min <= tolerance) return 'min';
  return max - spend <= tolerance ? 'max' : null;
}

/** The outcome of spending `spends[i]` on `segments[i]`, read off each segment's response curve. */
export function evaluateAllocation(
  strategy: AllocationStrategy,
  segments: readonly AllocationSegmentInput[],
  spends: readonly number[],
  budget: number,
): AllocationPlan {
  const allocations = segments.map((segment, index): SegmentAllocation => {
    const spend = spends[index];
    const curve = responseCurve(segment);
    const margin = incrementalMargin(curve, spend);
    const { min, max } = spendBounds(segment);
    return {
      segmentId: segment.segmentId,
      spend,
      contacts: spend / segment.costPerContact,
      customersReached: segment.customers * coverage(curve, spend),
      expectedIncrementalMargin: margin,
      expectedIncrementalRevenue: segment.marginRate > 0 ? margin / segment.marginRate : null,
      roi: roi(margin, spend),
      marginalReturn: marginalReturn(curve, spend),
      atBound: boundReached(spend, min, max),
    };
  });
  const sum = (pick: (allocation: SegmentAllocation) => number) =>
    allocations.reduce((total, allocation) => total + pick(allocation), 0);
  const spend = sum((a) => a.spend);
  const margin = sum((a) => a.expectedIncrementalMargin);
  const revenueKnown = allocations.every((a) => a.expectedIncrementalRevenue !== null);
  return {
    strategy,
    budget,
    unspent: Math.max(0, budget - spend),
    segments: allocations,
    totals: {
      spend,
      customersReached: sum((a) => a.customersReached),
      expectedIncrementalMargin: margin,
      expectedIncrementalRevenue: revenueKnown ? sum((a) => a.expectedIncrementalRevenue ?? 0) : null,
      roi: roi(margin, spend),
    },
  };
}

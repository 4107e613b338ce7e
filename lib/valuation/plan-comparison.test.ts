import { describe, expect, it } from 'vitest';
import { evaluateAllocation } from './allocation-plan';
import { equalSplitAllocation, optimiseAllocation } from './allocation';
import { compareAllocationPlans } from './plan-comparison';
import type { AllocationSegmentInput } from './response-curve';

const segment = (segmentId: string, valuePerResponse: number): AllocationSegmentInput => ({
  segmentId,
  customers: 100,
  costPerContact: 10,
  upliftRate: 0.1,
  valuePerResponse,
  marginRate: 0.3,
  revenueLast12Months: 1000,
});

describe('compareAllocationPlans', () => {
  it('gives per-segment and total deltas, candidate minus base', () => {
    const segments = [segment('a', 500), segment('b', 200)];
    const equal = equalSplitAllocation(segments, 2000);
    const optimal = optimiseAllocation(segments, 2000);
    const comparison = compareAllocationPlans(equal, optimal);

    expect(comparison.segments.map((s) => s.segmentId)).toEqual(['a', 'b']);
    comparison.segments.forEach((row, i) => {
      expect(row.base.spend).toBe(equal.segments[i].spend);
      expect(row.candidate.margin).toBe(optimal.segments[i].expectedIncrementalMargin);
      expect(row.spendDelta).toBeCloseTo(optimal.segments[i].spend - equal.segments[i].spend, 9);
    });
    expect(comparison.segments[0].spendDelta).toBeGreaterThan(0); // the richer segment gets more
    expect(comparison.segments[0].spendDelta + comparison.segments[1].spendDelta).toBeCloseTo(0, 6);
    expect(comparison.totals.marginDelta).toBeCloseTo(
      optimal.totals.expectedIncrementalMargin - equal.totals.expectedIncrementalMargin,
      9,
    );
    expect(comparison.totals.marginDelta).toBeGreaterThan(0);
  });

  it('counts a segment missing from one plan as spending nothing', () => {
    const base = evaluateAllocation('optimal', [segment('a', 500)], [1000], 1000);
    const candidate = evaluateAllocation('optimal', [segment('b', 500)], [400], 1000);
    const { segments, totals } = compareAllocationPlans(base, candidate);
    expect(segments.map((s) => [s.segmentId, s.spendDelta])).toEqual([
      ['a', -1000],
      ['b', 400],
    ]);
    expect(segments[0].candidate).toEqual({ spend: 0, margin: 0 });
    expect(totals.spendDelta).toBe(-600);
  });
});

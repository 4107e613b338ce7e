import { describe, expect, it } from 'vitest';
import { InfeasibleBudgetError, optimiseAllocation } from './allocation';
import {
  allocationSegments,
  defaultPlannerSegment,
  roundToSignificant,
  runAllocationScenario,
  suggestedBudget,
  type PlannerInputs,
} from './allocation-scenario';
import { defaultCampaignAssumptions } from './campaign-assumptions';
import { populationTotals, segmentMetrics, type SegmentMetrics } from './segment-metrics';

function metrics(fields: Partial<SegmentMetrics> & { customers: number }): SegmentMetrics {
  const base = { ...segmentMetrics([], populationTotals([])), ...fields };
  return { ...base, predictedClvPerCustomer: base.customers ? base.predictedClv / base.customers : 0 };
}

const metricsById = new Map<string, SegmentMetrics>([
  ['rfm:Champions', metrics({ customers: 1000, predictedClv: 800_000, marginRate: 0.4, meanProbabilityAlive: 0.9, revenueLast12Months: 900_000 })],
  ['rfm:At Risk', metrics({ customers: 3000, predictedClv: 300_000, marginRate: 0.35, meanProbabilityAlive: 0.4, revenueLast12Months: 200_000 })],
  ['rfm:Hibernating', metrics({ customers: 5000, predictedClv: 50_000, marginRate: 0.3, meanProbabilityAlive: 0.2, revenueLast12Months: 40_000 })],
]);

const defaults = (budget: number): PlannerInputs => ({
  budget,
  segments: [
    defaultPlannerSegment('rfm:Champions', metricsById.get('rfm:Champions')!, 'maintain'),
    defaultPlannerSegment('rfm:At Risk', metricsById.get('rfm:At Risk')!, 'retain'),
    defaultPlannerSegment('rfm:Hibernating', metricsById.get('rfm:Hibernating')!, 'deprioritise'),
  ],
});

describe('defaultPlannerSegment', () => {
  it('takes the action’s default assumptions and leaves the spend unbounded', () => {
    const row = defaultPlannerSegment('rfm:At Risk', metricsById.get('rfm:At Risk')!, 'retain');
    expect(row).toEqual({
      segmentId: 'rfm:At Risk',
      action: 'retain',
      ...defaultCampaignAssumptions('retain', metricsById.get('rfm:At Risk')!),
      minSpend: null,
      maxSpend: null,
    });
  });
});

describe('runAllocationScenario', () => {
  it('spends the budget, beats both baselines and keeps the bounds', () => {
    const inputs = defaults(20_000);
    inputs.segments[2] = { ...inputs.segments[2], minSpend: 500 };
    inputs.segments[0] = { ...inputs.segments[0], maxSpend: 3_000 };
    const { optimal, equalSplit, revenueProportional } = runAllocationScenario(inputs, metricsById);
    expect(optimal.totals.spend).toBeCloseTo(20_000, 6);
    expect(optimal.totals.expectedIncrementalMargin).toBeGreaterThan(equalSplit.totals.expectedIncrementalMargin);
    expect(optimal.totals.expectedIncrementalMargin).toBeGreaterThan(revenueProportional.totals.expectedIncrementalMargin);
    expect(optimal.segments[2].spend).toBeGreaterThanOrEqual(500 - 1e-9);
    expect(optimal.segments[0].spend).toBeLessThanOrEqual(3_000 + 1e-9);
    expect(equalSplit.strategy).toBe('equal-split');
    expect(revenueProportional.strategy).toBe('revenue-proportional');
  });

  it('refuses minimums above the budget and segments it has no metrics for', () => {
    const inputs = defaults(100);
    inputs.segments[0] = { ...inputs.segments[0], minSpend: 200 };
    expect(() => runAllocationScenario(inputs, metricsById)).toThrow(InfeasibleBudgetError);
    const stranger = defaults(100);
    stranger.segments[0] = { ...stranger.segments[0], segmentId: 'segment:99' };
    expect(() => allocationSegments(stranger, metricsById)).toThrow(/segment:99/);
  });

  it('refuses an unusable assumption with the segment named', () => {
    const inputs = defaults(1000);
    inputs.segments[1] = { ...inputs.segments[1], costPerContact: 0 };
    expect(() => runAllocationScenario(inputs, metricsById)).toThrow(/At Risk: cost per contact must be > 0/);
  });
});

describe('suggestedBudget', () => {
  it('is half the break-even budget, to two significant digits', () => {
    const segments = allocationSegments(defaults(0), metricsById);
    const breakEven = optimiseAllocation(segments, 0).breakEvenBudget;
    expect(breakEven).toBeGreaterThan(0);
    expect(suggestedBudget(segments)).toBe(roundToSignificant(breakEven / 2, 2));
  });

  it('falls back to 1 % of last-12-month revenue when no segment can return anything', () => {
    const segments = allocationSegments(defaults(0), metricsById).map((segment) => ({ ...segment, upliftRate: 0 }));
    expect(suggestedBudget(segments)).toBe(11_000);
  });

  it('rounds to significant digits', () => {
    expect(roundToSignificant(12_345, 2)).toBe(12_000);
    expect(roundToSignificant(0.004567, 2)).toBeCloseTo(0.0046, 12);
    expect(roundToSignificant(0, 2)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { optimiseAllocation } from './allocation';
import { defaultCampaignAssumptions, toAllocationSegment } from './campaign-assumptions';
import { SEGMENT_ACTIONS, actionSignals, recommendAction, type SegmentAction } from './recommended-action';
import { populationTotals, segmentMetrics, type SegmentMetrics } from './segment-metrics';

/** Metrics from segment totals, with the per-customer figures derived from them. */
function metrics(fields: Partial<SegmentMetrics> & { customers: number }): SegmentMetrics {
  const base = { ...segmentMetrics([], populationTotals([])), ...fields };
  return { ...base, predictedClvPerCustomer: base.customers ? base.predictedClv / base.customers : 0 };
}

// Per customer: 500 revenue in the last 12 months, 2000 all time, 1000 predicted CLV; half are repeat buyers.
const population = metrics({
  customers: 1000, revenueLast12Months: 500_000, revenueAllTime: 2_000_000, predictedClv: 1_000_000, repeatRate: 0.5,
});

// Each with 100 customers; indices against the population in the comments.
const crafted: Record<SegmentAction, SegmentMetrics> = {
  // past 2125/2000 = 1.06, recent share 10k/212.5k = 4.7 %, P(alive) 0.2
  'win-back': metrics({
    customers: 100, revenueAllTime: 212_500, revenueLast12Months: 10_000, predictedClv: 5_000,
    meanProbabilityAlive: 0.2, highChurnRiskShare: 0.8, grossMargin: 60_000, customerYears: 300, marginRate: 0.3,
  }),
  // current 1000/500 = 2.0, 38 % at high risk
  retain: metrics({
    customers: 100, revenueAllTime: 400_000, revenueLast12Months: 100_000, predictedClv: 150_000,
    meanProbabilityAlive: 0.55, highChurnRiskShare: 0.38, revenueAtRisk: 1_200_000, marginRate: 0.3, repeatRate: 0.8,
  }),
  // current 0.6, future 1.5, repeat 0.7/0.5 = 1.4
  grow: metrics({
    customers: 100, revenueAllTime: 150_000, revenueLast12Months: 30_000, predictedClv: 150_000,
    meanProbabilityAlive: 0.9, highChurnRiskShare: 0.05, repeatRate: 0.7, marginRate: 0.4,
  }),
  // current 0.8, future 1.2, repeat 0.28/0.5 = 0.56
  nurture: metrics({
    customers: 100, revenueAllTime: 40_000, revenueLast12Months: 40_000, predictedClv: 120_000,
    meanProbabilityAlive: 0.8, highChurnRiskShare: 0.1, repeatRate: 0.28, marginRate: 0.35,
  }),
  // current 0.4, future 0.3
  deprioritise: metrics({
    customers: 100, revenueAllTime: 100_000, revenueLast12Months: 20_000, predictedClv: 30_000,
    meanProbabilityAlive: 0.6, highChurnRiskShare: 0.1, repeatRate: 0.3, marginRate: 0.2,
  }),
  // current 1.2, future 0.9, 8 % at high risk
  maintain: metrics({
    customers: 100, revenueAllTime: 250_000, revenueLast12Months: 60_000, predictedClv: 90_000,
    meanProbabilityAlive: 0.85, highChurnRiskShare: 0.08, repeatRate: 0.6, marginRate: 0.3,
  }),
};

describe('recommendAction', () => {
  it('recommends the crafted action for each segment, so every action is reachable', () => {
    for (const [action, segment] of Object.entries(crafted)) {
      expect(recommendAction(segment, population).action, action).toBe(action);
    }
    expect(Object.keys(crafted).sort()).toEqual(Object.keys(SEGMENT_ACTIONS).sort());
  });

  it('explains itself in one line with the figures behind it', () => {
    const reason = (action: SegmentAction) => recommendAction(crafted[action], population).reason;
    expect(reason('retain')).toBe('High-value customers drifting away: 38% at high churn risk, $1.2M revenue at risk');
    expect(reason('win-back')).toBe(
      'Lapsed buyers: only 5% of their $212.5K lifetime revenue came in the last 12 months, mean P(alive) 20%',
    );
    expect(reason('nurture')).toBe(
      'Promising newcomers: 72% have ordered only once, predicted CLV $1.2K per customer (1.2× the average)',
    );
    expect(reason('grow')).toMatch(/1\.5× .* only 0\.6×/);
    expect(reason('deprioritise')).toMatch(/0\.3× and last-12-month spend 0\.4×/);
    expect(reason('maintain')).toMatch(/^Steady: \$60(\.0)?K .*1\.2×.* 8% at high churn risk$/);
    for (const segment of Object.values(crafted)) expect(recommendAction(segment, population).reason).not.toMatch(/\n|NaN/);
  });

  it('lets win-back take a lapsed segment before retain looks at its churn risk', () => {
    const lapsedVips = { ...crafted['win-back'], revenueLast12Months: 20_000, revenueAllTime: 400_000 };
    expect(actionSignals(lapsedVips, population).highChurnRiskShare).toBeGreaterThan(0.25);
    expect(recommendAction(lapsedVips, population).action).toBe('win-back');
  });

  it('deprioritises an empty segment without NaN', () => {
    const result = recommendAction(segmentMetrics([], populationTotals([])), population);
    expect(result).toMatchObject({ action: 'deprioritise', reason: 'No customers in this segment yet' });
    for (const value of Object.values(result.assumptions)) expect(Number.isFinite(value)).toBe(true);
  });

  it('formats money in the workspace currency', () => {
    const reason = recommendAction(crafted.retain, population, 'EUR').reason;
    expect(reason).toContain('€1.2M revenue at risk');
  });
});

describe('defaultCampaignAssumptions', () => {
  it('derives cost and uplift from churn risk and CLV', () => {
    // value 1500 × 0.3 = 450; cost 2 + 5 % × 450 = 24.5; uplift 0.02 + 0.2 × (1 − 0.55) = 0.11
    const retain = defaultCampaignAssumptions('retain', crafted.retain);
    expect(retain.valuePerResponse).toBeCloseTo(450, 9);
    expect(retain.costPerContact).toBeCloseTo(24.5, 9);
    expect(retain.upliftRate).toBeCloseTo(0.11, 12);
    // value 60 000 margin / 300 customer-years = 200; cost 2 + 5 % × 200 = 12; uplift 0.03 + 0.02 × 0.8 = 0.046
    const winBack = defaultCampaignAssumptions('win-back', crafted['win-back']);
    expect(winBack).toEqual({ costPerContact: 12, upliftRate: expect.closeTo(0.046, 12), valuePerResponse: 200 });
  });

  it('feeds the allocator directly, with the user’s edits on top', () => {
    const segments = (['retain', 'grow'] as const).map((action) => {
      const edited = { ...recommendAction(crafted[action], population).assumptions, upliftRate: 0.1 };
      return toAllocationSegment(action, crafted[action], edited, { maxSpend: 5000 });
    });
    expect(segments[0]).toMatchObject({ segmentId: 'retain', customers: 100, upliftRate: 0.1, maxSpend: 5000, marginRate: 0.3 });
    const plan = optimiseAllocation(segments, 4000);
    expect(plan.totals.spend).toBeCloseTo(4000, 6);
  });
});

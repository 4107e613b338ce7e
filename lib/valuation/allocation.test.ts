import { describe, expect, it } from 'vitest';
import type { AllocationPlan } from './allocation-plan';
import {
  InfeasibleBudgetError,
  equalSplitAllocation,
  optimiseAllocation,
  revenueProportionalAllocation,
} from './allocation';
import {
  incrementalMargin,
  marginalReturn,
  responseCurve,
  spendBounds,
  type AllocationSegmentInput,
} from './response-curve';

function segment(segmentId: string, fields: Partial<AllocationSegmentInput> = {}): AllocationSegmentInput {
  return {
    segmentId,
    customers: 100,
    costPerContact: 10,
    upliftRate: 0.1,
    valuePerResponse: 500,
    marginRate: 0.25,
    revenueLast12Months: 1000,
    ...fields,
  };
}

/** mulberry32: a small seeded PRNG, so every random case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSegment(random: () => number, segmentId: string): AllocationSegmentInput {
  const customers = random() < 0.1 ? 0 : Math.round(10 + random() * 5000);
  const costPerContact = 0.5 + random() * 20;
  const fullCoverageSpend = customers * costPerContact;
  const minSpend = random() < 0.3 ? random() * 0.3 * fullCoverageSpend : undefined;
  const maxSpend = random() < 0.5 ? (minSpend ?? 0) + random() * 2 * fullCoverageSpend : undefined;
  return segment(segmentId, {
    customers,
    costPerContact,
    upliftRate: random() < 0.1 ? 0 : random() * 0.3,
    valuePerResponse: 10 + random() * 500,
    marginRate: 0.1 + random() * 0.6,
    revenueLast12Months: random() < 0.1 ? 0 : random() * 1e6,
    minSpend,
    maxSpend,
  });
}

function randomCase(random: () => number) {
  const count = 1 + Math.floor(random() * 8);
  const segments = Array.from({ length: count }, (_, i) => randomSegment(random, `s${i}`));
  const minimum = segments.reduce((sum, s) => sum + spendBounds(s).min, 0);
  const scale = segments.reduce((sum, s) => sum + s.customers * s.costPerContact, 0);
  return { segments, budget: minimum + random() * 1.5 * scale };
}

const totalMargin = (plan: AllocationPlan) => plan.totals.expectedIncrementalMargin;
const spendsOf = (plan: AllocationPlan) => plan.segments.map((s) => s.spend);

describe('optimiseAllocation', () => {
  it('solves a two-segment case by hand', () => {
    // Both inside their bounds, so (V1/S1)e^(−s1/S1) = (V2/S2)e^(−s2/S2) = λ and s1 + s2 = B.
    // With S1 = S2 = S = 10 × 100 = 1000: s1 − s2 = S·ln(V1/V2) = 1000·ln(e) = 1000, so s1 = 2000, s2 = 1000 for B = 3000.
    // V2 = 100 × 0.1 × 500 = 5000, so λ = (5000/1000)·e^(−1) = 5/e; M1 = 5000e(1 − e^(−2)), M2 = 5000(1 − e^(−1)).
    const plan = optimiseAllocation(
      [segment('a', { valuePerResponse: 500 * Math.E }), segment('b')],
      3000,
    );
    expect(spendsOf(plan)[0]).toBeCloseTo(2000, 6);
    expect(spendsOf(plan)[1]).toBeCloseTo(1000, 6);
    expect(plan.marginalReturn).toBeCloseTo(5 / Math.E, 9);
    expect(plan.segments[0].expectedIncrementalMargin).toBeCloseTo(5000 * Math.E * (1 - Math.exp(-2)), 6);
    expect(plan.segments[1].expectedIncrementalMargin).toBeCloseTo(5000 * (1 - Math.exp(-1)), 6);
    expect(plan.segments[1].marginalReturn).toBeCloseTo(5 / Math.E, 9);
    expect(plan.unspent).toBe(0);
  });

  it('matches the closed form ln λ = (S1·ln(V1/S1) + S2·ln(V2/S2) − B)/(S1 + S2) for unequal sizes', () => {
    const a = segment('a', { customers: 100 }); // S1 = 1000, V1 = 5000
    const b = segment('b', { customers: 300, valuePerResponse: 300 }); // S2 = 3000, V2 = 9000
    const budget = 2500;
    const logLambda = (1000 * Math.log(5) + 3000 * Math.log(3) - budget) / 4000;
    const plan = optimiseAllocation([a, b], budget);
    expect(Math.log(plan.marginalReturn!)).toBeCloseTo(logLambda, 9);
    expect(spendsOf(plan)[0]).toBeCloseTo(1000 * (Math.log(5) - logLambda), 6); // s = S·ln(V/(S·λ))
    expect(spendsOf(plan)[1]).toBeCloseTo(3000 * (Math.log(3) - logLambda), 6);
  });

  it('meets the KKT conditions on 200 random cases', () => {
    const random = seededRandom(20241123);
    let interiorSegmentsChecked = 0;
    for (let run = 0; run < 200; run++) {
      const { segments, budget } = randomCase(random);
      const plan = optimiseAllocation(segments, budget);
      const lambda = plan.marginalReturn;
      const spent = plan.totals.spend;
      expect(Math.abs(spent + plan.unspent - budget)).toBeLessThanOrEqual(1e-6 * Math.max(1, budget));

      segments.forEach((input, i) => {
        const { min, max } = spendBounds(input);
        const spend = plan.segments[i].spend;
        const tolerance = 1e-9 * Math.max(1, spend);
        expect(spend).toBeGreaterThanOrEqual(min - tolerance);
        expect(spend).toBeLessThanOrEqual(max + tolerance);
        const curve = responseCurve(input);
        if (curve.saturationMargin === 0) return expect(spend).toBeCloseTo(min, 9); // nothing to gain
        if (lambda === null) return expect(spend).toBe(max); // budget covers every useful maximum
        const slope = marginalReturn(curve, spend);
        const atMin = spend - min <= tolerance;
        const atMax = max - spend <= tolerance;
        if (!atMin && !atMax) {
          interiorSegmentsChecked += 1;
          expect(Math.abs(slope - lambda) / lambda).toBeLessThan(1e-6);
        }
        if (atMin && !atMax) expect(slope).toBeLessThanOrEqual(lambda * (1 + 1e-6));
        if (atMax && !atMin) expect(slope).toBeGreaterThanOrEqual(lambda * (1 - 1e-6));
      });
      // Spent to rounding when λ exists (1e-12 relative, well inside 1e-6); otherwise every useful maximum is spent.
      if (lambda !== null) expect(Math.abs(spent - budget)).toBeLessThanOrEqual(1e-12 * Math.max(1, budget));
      else expect(plan.unspent).toBeGreaterThanOrEqual(0);
    }
    expect(interiorSegmentsChecked).toBeGreaterThan(200);
  });

  it('is never worse than the equal split or the revenue-proportional split (200 random cases)', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 200; run++) {
      const { segments, budget } = randomCase(random);
      const optimal = totalMargin(optimiseAllocation(segments, budget));
      for (const baseline of [equalSplitAllocation(segments, budget), revenueProportionalAllocation(segments, budget)]) {
        expect(optimal).toBeGreaterThanOrEqual(totalMargin(baseline) - 1e-9 * Math.max(1, optimal));
      }
    }
  });

  it('beats every split of the budget in 1 % steps across three segments, and lands close to the best', () => {
    const random = seededRandom(99);
    for (let run = 0; run < 60; run++) {
      const budget = 1000 + random() * 50_000;
      const bounded = run % 2 === 1; // bounds on the 1 % grid, so the grid stays feasible around them
      const onGrid = (share: number) => Math.round(share * 100) * budget * 0.01;
      const segments = [0, 1, 2].map((i) => {
        const minSpend = bounded && random() < 0.4 ? onGrid(random() * 0.2) : undefined;
        const maxSpend = bounded && random() < 0.6 ? (minSpend ?? 0) + onGrid(random() * 0.6) : undefined;
        const customers = 100 + Math.round(random() * 3000);
        return { ...randomSegment(random, `s${i}`), customers, minSpend, maxSpend };
      });
      const minimum = segments.reduce((sum, s) => sum + (s.minSpend ?? 0), 0);
      const capacity = segments.reduce((sum, s) => sum + (s.maxSpend ?? Infinity), 0);
      if (minimum > budget || capacity < budget) continue;
      const plan = optimiseAllocation(segments, budget);
      const curves = segments.map(responseCurve);
      const step = budget / 100;
      let bestOnGrid = -Infinity;
      for (let i = 0; i <= 100; i++) {
        for (let j = 0; i + j <= 100; j++) {
          const spends = [i * step, j * step, (100 - i - j) * step];
          const feasible = spends.every((spend, k) => {
            const { min, max } = spendBounds(segments[k]);
            return spend >= min - 1e-9 * budget && spend <= max + 1e-9 * budget;
          });
          if (!feasible) continue;
          const margin = spends.reduce((sum, spend, k) => sum + incrementalMargin(curves[k], spend), 0);
          bestOnGrid = Math.max(bestOnGrid, margin);
        }
      }
      const optimal = totalMargin(plan);
      expect(optimal).toBeGreaterThanOrEqual(bestOnGrid - 1e-9 * Math.max(1, optimal));
      if (!bounded) {
        // First-order terms cancel at the optimum; the second-order loss of moving each spend ≤ 2 % of B is at most
        // ½·Σ max|M″|·δ² = ½·Σ (V/S²)(0.02·B)².
        const curvature = curves.reduce((sum, c) => sum + c.saturationMargin / c.fullCoverageSpend ** 2, 0);
        const slack = 0.5 * curvature * (0.02 * budget) ** 2;
        expect(optimal - bestOnGrid).toBeLessThanOrEqual(slack);
      }
    }
  });

  it('reports an infeasible budget when the minimums exceed it', () => {
    const segments = [segment('a', { minSpend: 600 }), segment('b', { minSpend: 500 })];
    expect(() => optimiseAllocation(segments, 1000)).toThrow(InfeasibleBudgetError);
    expect(() => equalSplitAllocation(segments, 1000)).toThrow(/add up to 1100, more than the budget of 1000/);
  });

  it('spends every maximum and reports the rest as unspent when the maximums fall short', () => {
    const plan = optimiseAllocation([segment('a', { maxSpend: 300 }), segment('b', { maxSpend: 200 })], 1000);
    expect(spendsOf(plan)).toEqual([300, 200]);
    expect(plan.unspent).toBe(500);
    expect(plan.marginalReturn).toBeNull();
    expect(plan.segments.map((s) => s.atBound)).toEqual(['max', 'max']);
  });

  it('gives a segment that cannot return anything only its minimum', () => {
    const plan = optimiseAllocation([segment('dead', { upliftRate: 0, minSpend: 50 }), segment('alive')], 1000);
    expect(spendsOf(plan)[0]).toBe(50);
    expect(spendsOf(plan)[1]).toBeCloseTo(950, 6);
    expect(plan.segments[0].expectedIncrementalMargin).toBe(0);
    expect(plan.segments[0].roi).toBe(-1);
    expect(plan.segments.map((s) => s.atBound)).toEqual(['min', null]);
  });

  it('leaves money unspent rather than waste it when no segment can return anything', () => {
    const plan = optimiseAllocation([segment('a', { valuePerResponse: 0 }), segment('empty', { customers: 0 })], 500);
    expect(spendsOf(plan)).toEqual([0, 0]);
    expect(plan.unspent).toBe(500);
  });

  it('handles a zero budget without NaN', () => {
    const plan = optimiseAllocation([segment('a'), segment('b', { customers: 300, costPerContact: 7 })], 0);
    expect(spendsOf(plan)).toEqual([0, 0]);
    expect(plan.totals).toEqual({
      spend: 0,
      customersReached: 0,
      expectedIncrementalMargin: 0,
      expectedIncrementalRevenue: 0,
      roi: null,
    });
    expect(plan.segments[0].roi).toBeNull();
  });

  it('gives a single segment the whole budget, and reads reach, revenue and ROI off its curve', () => {
    const plan = optimiseAllocation([segment('only', { marginRate: 0.25 })], 1000);
    const [only] = plan.segments;
    // S = 1000, V = 5000: M(1000) = 5000(1 − e^(−1)); reached 100(1 − e^(−1)); contacts 1000/10 = 100
    expect(only.spend).toBeCloseTo(1000, 9);
    expect(only.expectedIncrementalMargin).toBeCloseTo(5000 * (1 - Math.exp(-1)), 6);
    expect(only.customersReached).toBeCloseTo(100 * (1 - Math.exp(-1)), 6);
    expect(only.contacts).toBeCloseTo(100, 9);
    expect(only.expectedIncrementalRevenue).toBeCloseTo((5000 * (1 - Math.exp(-1))) / 0.25, 6);
    expect(only.roi).toBeCloseTo(5 * (1 - Math.exp(-1)) - 1, 9);
    expect(plan.marginalReturn).toBeCloseTo(5 * Math.exp(-1), 9);
  });

  it('reports the break-even budget, where the last unit of spend returns exactly one unit of margin', () => {
    const plan = optimiseAllocation([segment('only')], 100);
    expect(plan.breakEvenBudget).toBeCloseTo(1000 * Math.log(5), 6); // (5000/1000)·e^(−s/1000) = 1
  });

  it('leaves revenue unknown when a margin rate is not above 0', () => {
    const plan = optimiseAllocation([segment('a', { marginRate: 0 }), segment('b')], 1000);
    expect(plan.segments[0].expectedIncrementalRevenue).toBeNull();
    expect(plan.totals.expectedIncrementalRevenue).toBeNull();
  });

  it('rejects inputs it cannot use', () => {
    expect(() => optimiseAllocation([segment('a', { costPerContact: 0 })], 100)).toThrow(/a: cost per contact/);
    expect(() => optimiseAllocation([segment('a', { minSpend: 10, maxSpend: 5 })], 100)).toThrow(/maximum/);
    expect(() => optimiseAllocation([segment('a')], -1)).toThrow(/Budget/);
  });
});

describe('baselines', () => {
  it('splits equally, and shares what a capped segment cannot take among the others', () => {
    const plan = equalSplitAllocation([segment('a', { maxSpend: 50 }), segment('b'), segment('c')], 300);
    expect(spendsOf(plan)[0]).toBe(50);
    expect(spendsOf(plan)[1]).toBeCloseTo(125, 9);
    expect(spendsOf(plan)[2]).toBeCloseTo(125, 9);
  });

  it('splits by revenue, redistributing in proportion what the caps free', () => {
    const segments = [
      segment('a', { revenueLast12Months: 1 }),
      segment('b', { revenueLast12Months: 2 }),
      segment('c', { revenueLast12Months: 3, maxSpend: 150 }),
    ];
    // uncapped 100/200/300; c capped at 150, so t·1 + t·2 + 150 = 600 → t = 150
    const plan = revenueProportionalAllocation(segments, 600);
    expect(spendsOf(plan)[0]).toBeCloseTo(150, 9);
    expect(spendsOf(plan)[1]).toBeCloseTo(300, 9);
    expect(spendsOf(plan)[2]).toBe(150);
  });

  it('gives segments without revenue only their minimum in the revenue split', () => {
    const plan = revenueProportionalAllocation(
      [segment('a', { revenueLast12Months: 0, minSpend: 10 }), segment('b')],
      100,
    );
    expect(spendsOf(plan)[0]).toBe(10);
    expect(spendsOf(plan)[1]).toBeCloseTo(90, 9);
  });
});

import { evaluateAllocation, type AllocationPlan, type AllocationStrategy } from './allocation-plan';
import { assertValidSegment, responseCurve, spendBounds, type AllocationSegmentInput } from './response-curve';

export class InfeasibleBudgetError extends Error {
  constructor(
    readonly budget: number,
    readonly minimumSpend: number,
  ) {
    super(`The segments' minimum spends add up to ${minimumSpend}, more than the budget of ${budget}.`);
    this.name = 'InfeasibleBudgetError';
  }
}

export interface OptimalAllocationPlan extends AllocationPlan {
  strategy: 'optimal';
  /**
   * λ, the margin the last unit of budget earns, equal in every segment strictly inside its bounds;
   * null when the budget exceeds what the segments can use.
   */
  marginalReturn: number | null;
  /** The spend at which λ = 1: beyond it each extra unit of budget returns less than a unit of margin. */
  breakEvenBudget: number;
}

interface SpendRange {
  min: number;
  max: number;
}

interface FilledBudget {
  spends: number[];
  /** The x at which the spends sum to the budget; null when the budget covers every maximum. */
  level: number | null;
}

const MAX_BISECTIONS = 200;

const clamp = (value: number, { min, max }: SpendRange) => Math.min(max, Math.max(min, value));
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Spends clamp(desired_i(x), min_i, max_i) that sum to the budget, x found by bisection on [lo, hi] — every
 * desired_i must be non-decreasing in x, with Σ spends ≤ budget at lo and ≥ budget at hi.
 */
function fillBudget(
  budget: number,
  ranges: readonly SpendRange[],
  desired: (x: number) => number[],
  [lo, hi]: readonly [number, number],
): FilledBudget {
  const minimumSpend = sum(ranges.map((range) => range.min));
  if (minimumSpend > budget) throw new InfeasibleBudgetError(budget, minimumSpend);
  const capacity = sum(ranges.map((range) => range.max));
  if (capacity <= budget) return { spends: ranges.map((range) => range.max), level: null };

  const spendsAt = (x: number) => desired(x).map((spend, index) => clamp(spend, ranges[index]));
  for (let step = 0; step < MAX_BISECTIONS; step++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (sum(spendsAt(mid)) < budget) lo = mid;
    else hi = mid;
  }
  // Σ spends is linear between adjacent lo and hi: interpolate so they meet the budget to rounding (0 stays 0).
  const [below, above] = [spendsAt(lo), spendsAt(hi)];
  const gap = sum(above) - sum(below);
  const share = gap > 0 ? Math.min(1, Math.max(0, (budget - sum(below)) / gap)) : 1;
  return { spends: below.map((spend, i) => spend + share * (above[i] - spend)), level: lo + share * (hi - lo) };
}

function validate(segments: readonly AllocationSegmentInput[], budget: number): void {
  if (!(budget >= 0 && Number.isFinite(budget))) throw new RangeError(`Budget must be ≥ 0, got ${budget}`);
  segments.forEach(assertValidSegment);
}

/** A segment that cannot return anything (weight 0) keeps its minimum, so money it would waste stays unspent. */
function rangesFor(segments: readonly AllocationSegmentInput[], active: readonly boolean[]): SpendRange[] {
  return segments.map((segment, index) => {
    const { min, max } = spendBounds(segment);
    return { min, max: active[index] ? max : min };
  });
}

/**
 * The spends that maximise Σ M_i(s_i) subject to Σ s_i = budget and min_i ≤ s_i ≤ max_i. KKT: every segment
 * inside its bounds earns the same marginal return λ, so s_i = clamp(S_i·ln(V_i/(S_i·λ)), min_i, max_i),
 * with λ bisected (as x = −ln λ) until the spends meet the budget.
 */
export function optimiseAllocation(
  segments: readonly AllocationSegmentInput[],
  budget: number,
): OptimalAllocationPlan {
  validate(segments, budget);
  const curves = segments.map(responseCurve);
  const active = curves.map((curve) => curve.saturationMargin > 0);
  const ranges = rangesFor(segments, active);
  // With x = −ln λ, s_i = S_i·(ln(V_i/S_i) + x): each unclamped spend is a straight line in x.
  const logReturnAtZero = curves.map((c, i) => (active[i] ? Math.log(c.saturationMargin / c.fullCoverageSpend) : 0));
  const desired = (x: number) =>
    curves.map((curve, i) => (active[i] ? curve.fullCoverageSpend * (logReturnAtZero[i] + x) : 0));
  const levelAt = (i: number, spend: number) => spend / curves[i].fullCoverageSpend - logReturnAtZero[i];
  const activeIndices = segments.flatMap((_, i) => (active[i] ? [i] : []));
  const everyoneAtMin = Math.min(...activeIndices.map((i) => levelAt(i, ranges[i].min)));
  const budgetCovered = Math.max(...activeIndices.map((i) => levelAt(i, Math.min(ranges[i].max, budget))));

  const { spends, level } = fillBudget(budget, ranges, desired, [everyoneAtMin, budgetCovered]);
  return {
    ...evaluateAllocation('optimal', segments, spends, budget),
    strategy: 'optimal',
    marginalReturn: level === null ? null : Math.exp(-level),
    breakEvenBudget: sum(desired(0).map((spend, i) => clamp(spend, ranges[i]))),
  };
}

/** Spends proportional to the weights within the bounds: clamp(t·w_i, min_i, max_i), t set so they meet the budget. */
function proportionalAllocation(
  strategy: AllocationStrategy,
  segments: readonly AllocationSegmentInput[],
  budget: number,
  weights: readonly number[],
): AllocationPlan {
  validate(segments, budget);
  const ranges = rangesFor(segments, weights.map((weight) => weight > 0));
  const budgetCovered = Math.max(
    0,
    ...weights.flatMap((weight, i) => (weight > 0 ? [Math.min(ranges[i].max, budget) / weight] : [])),
  );
  const desired = (t: number) => weights.map((weight) => t * weight);
  const { spends } = fillBudget(budget, ranges, desired, [0, budgetCovered]);
  return evaluateAllocation(strategy, segments, spends, budget);
}

/** Baseline: the same amount for every segment, clipped to its bounds; what clipping frees goes to the rest. */
export function equalSplitAllocation(segments: readonly AllocationSegmentInput[], budget: number): AllocationPlan {
  return proportionalAllocation('equal-split', segments, budget, segments.map(() => 1));
}

/** Baseline: spend in proportion to last-12-month revenue, clipped and redistributed like the equal split. */
export function revenueProportionalAllocation(
  segments: readonly AllocationSegmentInput[],
  budget: number,
): AllocationPlan {
  return proportionalAllocation(
    'revenue-proportional',
    segments,
    budget,
    segments.map((segment) => segment.revenueLast12Months),
  );
}

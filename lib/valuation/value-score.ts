import { ratio } from './ratio';
import { DAYS_PER_YEAR, type SegmentMetrics } from './segment-metrics';

export type CompetitiveIntensity = 'low' | 'medium' | 'high';

/** What the team knows about a segment's market that the data cannot. */
export interface SegmentMarketInputs {
  /** Customers the segment could have in its market; null → its current customers (no headroom). */
  addressableMarketSize: number | null;
  /** Expected yearly market growth in percent (5 = +5 %). */
  expectedMarketGrowthPct: number;
  competitiveIntensity: CompetitiveIntensity;
  /** 0–2; 1 leaves the score alone, 2 lifts it to 100, 0 sinks it to 0. */
  strategicWeight: number;
}

export const DEFAULT_MARKET_INPUTS: SegmentMarketInputs = {
  addressableMarketSize: null,
  expectedMarketGrowthPct: 0,
  competitiveIntensity: 'medium',
  strategicWeight: 1,
};

export interface SegmentToScore {
  segmentId: string;
  metrics: SegmentMetrics;
  market: SegmentMarketInputs;
}

export const VALUE_COMPONENTS = [
  { id: 'currentValue', label: 'Current value', measure: 'Revenue in the last 12 months' },
  { id: 'futureValue', label: 'Future value', measure: 'Predicted CLV, summed over the segment' },
  { id: 'growth', label: 'Growth momentum', measure: 'Predicted vs historical yearly purchase rate' },
  { id: 'loyalty', label: 'Loyalty', measure: 'Mean of repeat rate and mean P(alive)' },
  { id: 'margin', label: 'Margin', measure: 'Gross margin / revenue' },
  { id: 'marketPotential', label: 'Market potential', measure: 'Addressable market next year / current customers − 1' },
  { id: 'competition', label: 'Competition', measure: 'Low competition scores high' },
] as const;

export type ValueComponent = (typeof VALUE_COMPONENTS)[number]['id'];
export type ValueWeights = Record<ValueComponent, number>;

export type ValueScorePresetId = 'balanced' | 'profit-now' | 'growth' | 'retention';

export interface ValueScorePreset {
  id: ValueScorePresetId;
  label: string;
  description: string;
  weights: ValueWeights;
}

export const DEFAULT_VALUE_SCORE_PRESET: ValueScorePresetId = 'balanced';

export const VALUE_SCORE_PRESETS: Record<ValueScorePresetId, ValueScorePreset> = {
  balanced: {
    id: 'balanced',
    label: 'Balanced',
    description: 'Today’s value and tomorrow’s, with loyalty, margin and the market in view.',
    weights: { currentValue: 20, futureValue: 20, growth: 10, loyalty: 15, margin: 15, marketPotential: 10, competition: 10 },
  },
  'profit-now': {
    id: 'profit-now',
    label: 'Profit now',
    description: 'Segments that earn the most margin this year.',
    weights: { currentValue: 40, futureValue: 10, growth: 5, loyalty: 10, margin: 30, marketPotential: 0, competition: 5 },
  },
  growth: {
    id: 'growth',
    label: 'Growth',
    description: 'Segments with the most room and momentum to grow.',
    weights: { currentValue: 5, futureValue: 25, growth: 25, loyalty: 5, margin: 5, marketPotential: 25, competition: 10 },
  },
  retention: {
    id: 'retention',
    label: 'Retention',
    description: 'Loyal segments worth keeping.',
    weights: { currentValue: 15, futureValue: 20, growth: 5, loyalty: 45, margin: 10, marketPotential: 0, competition: 5 },
  },
};

/** Current value vs future value, each split at the median segment (percentile rank ≥ 50 is high). */
export type ValueQuadrant = 'stars' | 'cash-cows' | 'rising' | 'low-priority';

export const VALUE_QUADRANTS: Record<ValueQuadrant, { label: string; description: string }> = {
  stars: { label: 'Stars', description: 'High value now and ahead' },
  'cash-cows': { label: 'Cash cows', description: 'High value now, less ahead' },
  rising: { label: 'Rising', description: 'Modest today, high value ahead' },
  'low-priority': { label: 'Low priority', description: 'Below the median now and ahead' },
};

export interface ValueComponentScore {
  component: ValueComponent;
  /** The component's own measure, before normalisation. */
  raw: number;
  /** 0–100 percentile rank among the segments compared. */
  normalised: number;
  /** Share of the score, the weights normalised to sum 1. */
  weight: number;
  /** weight × normalised; the contributions plus strategicAdjustment sum to the score. */
  contribution: number;
}

export interface SegmentValueScore {
  segmentId: string;
  /** 0–100. */
  score: number;
  /** 1 = best; equal scores share a rank (1, 1, 3). */
  rank: number;
  /** Σ contributions, before the strategic weight. */
  weightedScore: number;
  /** score − weightedScore. */
  strategicAdjustment: number;
  breakdown: ValueComponentScore[];
  quadrant: ValueQuadrant;
}

const COMPETITION_OPENNESS: Record<CompetitiveIntensity, number> = { low: 1, medium: 0.5, high: 0 };

const RAW_COMPONENT: Record<ValueComponent, (segment: SegmentToScore) => number> = {
  currentValue: ({ metrics }) => metrics.revenueLast12Months,
  futureValue: ({ metrics }) => metrics.predictedClv,
  growth: ({ metrics }) => purchaseMomentum(metrics),
  loyalty: ({ metrics }) => (metrics.repeatRate + metrics.meanProbabilityAlive) / 2,
  margin: ({ metrics }) => metrics.marginRate,
  marketPotential: ({ metrics, market }) => marketPotential(metrics.customers, market),
  competition: ({ market }) => COMPETITION_OPENNESS[market.competitiveIntensity],
};

const TIE_TOLERANCE = 1e-9;

/** Predicted yearly purchases (90-day forecast × 365.25/90) over the historical yearly rate, − 1; 0 with no history. */
export function purchaseMomentum(metrics: SegmentMetrics): number {
  const historicalYearlyOrders = metrics.purchaseFrequency * metrics.customers;
  const predictedYearlyOrders = (metrics.expectedPurchases90Days * DAYS_PER_YEAR) / 90;
  return historicalYearlyOrders === 0 ? 0 : predictedYearlyOrders / historicalYearlyOrders - 1;
}

/** Headroom: addressable market × (1 + growth) over current customers (at least 1), − 1. */
export function marketPotential(customers: number, market: SegmentMarketInputs): number {
  const addressable = market.addressableMarketSize ?? customers;
  return (addressable * (1 + market.expectedMarketGrowthPct / 100)) / Math.max(customers, 1) - 1;
}

/** Weights scaled to sum 1; throws on a negative or non-finite weight or when all are 0. */
export function normaliseWeights(weights: ValueWeights): ValueWeights {
  const entries = VALUE_COMPONENTS.map(({ id }) => [id, weights[id]] as const);
  for (const [id, weight] of entries) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`Weight of ${id} must be ≥ 0, got ${weight}`);
  }
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) throw new RangeError('At least one value-score weight must be above 0');
  return Object.fromEntries(entries.map(([id, weight]) => [id, weight / total])) as ValueWeights;
}

/** Percentile rank 0–100 with ties sharing their mid-rank; one value or all equal → 50. */
export function percentileRanks(values: readonly number[]): number[] {
  if (values.length < 2) return values.map(() => 50);
  return values.map((value) => {
    let below = 0;
    let equal = 0;
    for (const other of values) {
      if (Math.abs(other - value) <= TIE_TOLERANCE * Math.max(1, Math.abs(value))) equal += 1;
      else if (other < value) below += 1;
    }
    const midRank = below + (equal - 1) / 2;
    return (100 * midRank) / (values.length - 1);
  });
}

/** Strategic weight w pulls the score linearly toward 0 (w = 0) or 100 (w = 2); w = 1 leaves it. */
export function applyStrategicWeight(weightedScore: number, strategicWeight: number): number {
  if (!(strategicWeight >= 0 && strategicWeight <= 2)) {
    throw new RangeError(`Strategic weight must be between 0 and 2, got ${strategicWeight}`);
  }
  return strategicWeight >= 1
    ? weightedScore + (strategicWeight - 1) * (100 - weightedScore)
    : weightedScore * strategicWeight;
}

/** Shared ranks for equal values, best (highest) first: [90, 90, 70] → [1, 1, 3]. */
function competitionRanks(scores: readonly number[]): number[] {
  return scores.map(
    (score) => 1 + scores.filter((other) => other - score > TIE_TOLERANCE * Math.max(1, Math.abs(score))).length,
  );
}

/**
 * Value score 0–100 of each segment against the others: every component is turned into a percentile rank
 * (robust to one whale segment, which min–max would let squash the rest toward 0), weighted, summed, then
 * moved by the strategic weight.
 */
export function scoreSegments(
  segments: readonly SegmentToScore[],
  weights: ValueWeights = VALUE_SCORE_PRESETS[DEFAULT_VALUE_SCORE_PRESET].weights,
): SegmentValueScore[] {
  const shares = normaliseWeights(weights);
  const normalisedByComponent = new Map(
    VALUE_COMPONENTS.map(({ id }) => {
      const raw = segments.map(RAW_COMPONENT[id]);
      return [id, { raw, normalised: percentileRanks(raw) }] as const;
    }),
  );
  const scored = segments.map((segment, index) => {
    const breakdown = VALUE_COMPONENTS.map(({ id }): ValueComponentScore => {
      const { raw, normalised } = normalisedByComponent.get(id)!;
      return {
        component: id,
        raw: raw[index],
        normalised: normalised[index],
        weight: shares[id],
        contribution: shares[id] * normalised[index],
      };
    });
    const weightedScore = breakdown.reduce((sum, part) => sum + part.contribution, 0);
    const score = applyStrategicWeight(weightedScore, segment.market.strategicWeight);
    const isHigh = (id: ValueComponent) => normalisedByComponent.get(id)!.normalised[index] >= 50;
    return {
      segmentId: segment.segmentId,
      score,
      weightedScore,
      strategicAdjustment: score - weightedScore,
      breakdown,
      quadrant: quadrantOf(isHigh('currentValue'), isHigh('futureValue')),
    };
  });
  const ranks = competitionRanks(scored.map((segment) => segment.score));
  return scored.map((segment, index) => ({ ...segment, rank: ranks[index] }));
}

function quadrantOf(highCurrentValue: boolean, highFutureValue: boolean): ValueQuadrant {
  if (highCurrentValue) return highFutureValue ? 'stars' : 'cash-cows';
  return highFutureValue ? 'rising' : 'low-priority';
}

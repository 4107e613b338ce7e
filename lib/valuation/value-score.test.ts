import { describe, expect, it } from 'vitest';
import { populationTotals, segmentMetrics, type SegmentMetrics } from './segment-metrics';
import {
  DEFAULT_MARKET_INPUTS,
  VALUE_SCORE_PRESETS,
  applyStrategicWeight,
  marketPotential,
  normaliseWeights,
  percentileRanks,
  purchaseMomentum,
  scoreSegments,
  type SegmentMarketInputs,
  type SegmentToScore,
  type ValueWeights,
} from './value-score';

function segment(
  segmentId: string,
  metrics: Partial<SegmentMetrics>,
  market: Partial<SegmentMarketInputs> = {},
): SegmentToScore {
  return {
    segmentId,
    metrics: { ...segmentMetrics([], populationTotals([])), ...metrics },
    market: { ...DEFAULT_MARKET_INPUTS, ...market },
  };
}

// Each segment leads the components one preset cares about. Per component, the percentile ranks (0/50/100):
//                 current future growth loyalty margin market competition
//   whales          100     0      0     50     100     0       50
//   newcomers         0   100    100      0       0   100      100
//   regulars         50    50     50    100      50    50        0
const whales = segment(
  'whales',
  { customers: 1000, revenueLast12Months: 1_000_000, predictedClv: 300_000, marginRate: 0.5, repeatRate: 0.5,
    meanProbabilityAlive: 0.5, purchaseFrequency: 2, expectedPurchases90Days: 300 },
  { addressableMarketSize: 1000 },
);
const newcomers = segment(
  'newcomers',
  { customers: 2000, revenueLast12Months: 200_000, predictedClv: 800_000, marginRate: 0.2, repeatRate: 0.2,
    meanProbabilityAlive: 0.6, purchaseFrequency: 1, expectedPurchases90Days: 1000 },
  { addressableMarketSize: 20_000, expectedMarketGrowthPct: 10, competitiveIntensity: 'low' },
);
const regulars = segment(
  'regulars',
  { customers: 1000, revenueLast12Months: 500_000, predictedClv: 500_000, marginRate: 0.3, repeatRate: 0.9,
    meanProbabilityAlive: 0.9, purchaseFrequency: 3, expectedPurchases90Days: 600 },
  { addressableMarketSize: 1200, expectedMarketGrowthPct: 2, competitiveIntensity: 'high' },
);
const fixture = [whales, newcomers, regulars];

function scoresBy(weights: ValueWeights, segments = fixture) {
  return Object.fromEntries(scoreSegments(segments, weights).map((s) => [s.segmentId, s]));
}

describe('scoreSegments', () => {
  it('scores the crafted fixture as computed by hand for every preset', () => {
    // profit-now (40,10,5,10,30,0,5)%: whales 40+5+30+2.5 = 77.5, newcomers 10+5+5 = 20, regulars 20+5+2.5+10+15 = 52.5
    // growth (5,25,25,5,5,25,10)%: whales 5+2.5+5+5 = 17.5, newcomers 25+25+25+10 = 85, regulars 47.5
    // retention (15,20,5,45,10,0,5)%: whales 15+22.5+10+2.5 = 50, newcomers 20+5+5 = 30, regulars 7.5+10+2.5+45+5 = 70
    // balanced (20,20,10,15,15,10,10)%: whales 20+7.5+15+5 = 47.5, newcomers 20+10+10+10 = 50, regulars 52.5
    const expected = {
      'profit-now': { whales: 77.5, newcomers: 20, regulars: 52.5 },
      growth: { whales: 17.5, newcomers: 85, regulars: 47.5 },
      retention: { whales: 50, newcomers: 30, regulars: 70 },
      balanced: { whales: 47.5, newcomers: 50, regulars: 52.5 },
    };
    for (const [preset, byId] of Object.entries(expected)) {
      const scores = scoresBy(VALUE_SCORE_PRESETS[preset as keyof typeof expected].weights);
      for (const [id, score] of Object.entries(byId)) expect(scores[id].score, `${preset} ${id}`).toBeCloseTo(score, 9);
    }
  });

  it('reports each component\'s own measure and the quadrant, the median segment counting as high', () => {
    const regularsScore = scoreSegments(fixture).find((s) => s.segmentId === 'regulars')!;
    const raw = Object.fromEntries(regularsScore.breakdown.map((part) => [part.component, part.raw]));
    expect(raw).toEqual({
      currentValue: 500_000,
      futureValue: 500_000,
      growth: expect.closeTo((600 * 365.25) / 90 / 3000 - 1, 12),
      loyalty: 0.9, // (repeat 0.9 + P(alive) 0.9) / 2
      margin: 0.3,
      marketPotential: expect.closeTo((1200 * 1.02) / 1000 - 1, 12),
      competition: 0,
    });
    expect(scoreSegments([{ ...whales, metrics: { ...whales.metrics, repeatRate: 0.3 } }]).at(0)!.breakdown.find(
      (part) => part.component === 'loyalty',
    )!.raw).toBeCloseTo(0.4, 12); // (0.3 + 0.5) / 2
    expect(scoreSegments(fixture).map((s) => s.quadrant)).toEqual(['cash-cows', 'rising', 'stars']);
  });

  it('moves the ranking toward what each preset favours', () => {
    const leader = (weights: ValueWeights) =>
      scoreSegments(fixture, weights).find((s) => s.rank === 1)!.segmentId;
    expect(leader(VALUE_SCORE_PRESETS['profit-now'].weights)).toBe('whales');
    expect(leader(VALUE_SCORE_PRESETS.growth.weights)).toBe('newcomers');
    expect(leader(VALUE_SCORE_PRESETS.retention.weights)).toBe('regulars');
    const balanced = scoresBy(VALUE_SCORE_PRESETS.balanced.weights);
    const profitNow = scoresBy(VALUE_SCORE_PRESETS['profit-now'].weights);
    expect(profitNow.whales.rank).toBeLessThan(balanced.whales.rank);
  });

  it('has a breakdown that sums to the score, with and without a strategic weight', () => {
    const weighted = [whales, { ...newcomers, market: { ...newcomers.market, strategicWeight: 1.5 } }, regulars];
    for (const result of scoreSegments(weighted)) {
      const contributions = result.breakdown.reduce((sum, part) => sum + part.contribution, 0);
      expect(contributions).toBeCloseTo(result.weightedScore, 12);
      expect(contributions + result.strategicAdjustment).toBeCloseTo(result.score, 12);
      expect(result.breakdown.reduce((sum, part) => sum + part.weight, 0)).toBeCloseTo(1, 12);
    }
    // balanced 50 for newcomers, pulled half-way to 100 by weight 1.5
    expect(scoresBy(VALUE_SCORE_PRESETS.balanced.weights, weighted).newcomers.score).toBeCloseTo(75, 9);
  });

  it('gives equal segments equal scores and a shared rank', () => {
    const twin = { ...regulars, segmentId: 'regulars-twin' };
    const results = scoreSegments([whales, regulars, twin, newcomers], VALUE_SCORE_PRESETS.retention.weights);
    const byId = Object.fromEntries(results.map((s) => [s.segmentId, s]));
    expect(byId.regulars.score).toBe(byId['regulars-twin'].score);
    expect([byId.regulars.rank, byId['regulars-twin'].rank]).toEqual([1, 1]);
    expect(results.map((s) => s.rank).sort()).toEqual([1, 1, 3, 4]);
  });

  it('lowers the score of a segment facing high competition, all else equal', () => {
    const calm = segment('calm', { customers: 10 }, { competitiveIntensity: 'low' });
    const crowded = segment('crowded', { customers: 10 }, { competitiveIntensity: 'high' });
    const scores = scoresBy(VALUE_SCORE_PRESETS.balanced.weights, [calm, crowded]);
    expect(scores.calm.score).toBeGreaterThan(scores.crowded.score);
    expect(scores.calm.score - scores.crowded.score).toBeCloseTo(10, 9); // competition weight 10 % × 100 points
  });

  it('places segments in quadrants split at the median of current and future value', () => {
    const place = (id: string, revenueLast12Months: number, predictedClv: number) =>
      segment(id, { customers: 1, revenueLast12Months, predictedClv });
    const results = scoreSegments([
      place('star', 900, 900),
      place('cash-cow', 800, 100),
      place('riser', 100, 800),
      place('laggard', 50, 50),
    ]);
    expect(results.map((s) => s.quadrant)).toEqual(['stars', 'cash-cows', 'rising', 'low-priority']);
  });

  it('returns nothing for no segments', () => {
    expect(scoreSegments([])).toEqual([]);
  });
});

describe('normaliseWeights', () => {
  const weights = VALUE_SCORE_PRESETS.balanced.weights;

  it('scales weights to sum 1 and leaves scores unchanged by a common factor', () => {
    const normalised = normaliseWeights(weights);
    expect(Object.values(normalised).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(normalised.currentValue).toBeCloseTo(0.2, 12);
    const tenfold = Object.fromEntries(Object.entries(weights).map(([id, w]) => [id, w * 10])) as ValueWeights;
    const plain = scoreSegments(fixture, weights).map((s) => s.score);
    scoreSegments(fixture, tenfold).forEach((s, i) => expect(s.score).toBeCloseTo(plain[i], 12));
  });

  it('rejects all-zero and negative weights', () => {
    const zero = Object.fromEntries(Object.keys(weights).map((id) => [id, 0])) as ValueWeights;
    expect(() => normaliseWeights(zero)).toThrow(/at least one/i);
    expect(() => normaliseWeights({ ...weights, margin: -1 })).toThrow(/margin/);
    expect(() => scoreSegments(fixture, zero)).toThrow(RangeError);
  });
});

describe('component measures', () => {
  it('ranks with shared mid-ranks and resists outliers', () => {
    expect(percentileRanks([10, 10, 1])).toEqual([75, 75, 0]);
    expect(percentileRanks([3, 3, 3])).toEqual([50, 50, 50]);
    expect(percentileRanks([7])).toEqual([50]);
    expect(percentileRanks([1, 2, 1e9])).toEqual([0, 50, 100]);
  });

  it('measures market headroom against current customers', () => {
    const market = { ...DEFAULT_MARKET_INPUTS, addressableMarketSize: 20_000, expectedMarketGrowthPct: 10 };
    expect(marketPotential(2000, market)).toBeCloseTo(10, 12); // 20000 × 1.1 / 2000 − 1
    expect(marketPotential(100, { ...DEFAULT_MARKET_INPUTS, expectedMarketGrowthPct: 5 })).toBeCloseTo(0.05, 12);
    expect(marketPotential(0, { ...market, expectedMarketGrowthPct: 0 })).toBe(19_999);
  });

  it('measures purchase momentum as predicted over historical yearly orders', () => {
    // 300 × 365.25/90 = 1217.5 predicted vs 2 × 1000 = 2000 historical
    expect(purchaseMomentum(whales.metrics)).toBeCloseTo(1217.5 / 2000 - 1, 12);
    expect(purchaseMomentum(segment('empty', {}).metrics)).toBe(0);
  });

  it('pulls the score toward 0 or 100 with the strategic weight', () => {
    expect(applyStrategicWeight(60, 1)).toBe(60);
    expect(applyStrategicWeight(60, 2)).toBe(100);
    expect(applyStrategicWeight(60, 0)).toBe(0);
    expect(applyStrategicWeight(60, 0.5)).toBe(30);
    expect(() => applyStrategicWeight(60, 2.5)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  allCells,
  DEFAULT_SEGMENT_NAMES,
  DEFAULT_SEGMENT_SCHEME,
  defaultSegment,
  matchingSegments,
  quantileScore,
  rfmScores,
  toFivePointScale,
  validateSegmentScheme,
  type SegmentRule,
} from './rfm';

describe('quantileScore (mirror of the SQL RANK() scoring)', () => {
  it('scores 1 + floor(bins·(rank − 1)/n) over ascending values', () => {
    expect(quantileScore([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quantileScore([5, 1, 4, 2, 3])).toEqual([5, 1, 4, 2, 3]);
  });

  it('gives tied values the lowest rank of their group, so they share a score', () => {
    // Ranks: 1, 2, 2, 2, 5, 6 → floor(5·(rank−1)/6): 0, 0, 0, 0, 3, 4.
    expect(quantileScore([1, 2, 2, 2, 3, 4])).toEqual([1, 1, 1, 1, 4, 5]);
    expect(quantileScore([7, 7, 7, 7])).toEqual([1, 1, 1, 1]);
  });

  it('gives the most recent customers (fewest days since the last purchase) the highest recency score', () => {
    const daysSince = [1, 400, 30, 90, 200];
    expect(quantileScore(daysSince, { order: 'descending' })).toEqual([5, 1, 4, 3, 2]);
    // Ties under descending order share the lowest rank too: 400, 400 rank 1; 30, 30 rank 3.
    expect(quantileScore([30, 400, 30, 400], { order: 'descending' })).toEqual([3, 1, 3, 1]);
  });

  it('supports other bin counts and never leaves 1…bins', () => {
    const values = Array.from({ length: 101 }, (_, i) => (i * 37) % 101);
    for (const bins of [1, 3, 4, 10]) {
      const scores = quantileScore(values, { bins });
      expect(Math.min(...scores)).toBe(1);
      expect(Math.max(...scores)).toBe(bins);
    }
    expect(quantileScore([3, 1, 2], { bins: 10 })).toEqual([7, 1, 4]);
  });

  it('handles empty input and rejects NaN and bad bins', () => {
    expect(quantileScore([])).toEqual([]);
    expect(() => quantileScore([1, NaN])).toThrow(RangeError);
    expect(() => quantileScore([1], { bins: 0 })).toThrow(RangeError);
    expect(() => quantileScore([1], { bins: 2.5 })).toThrow(RangeError);
  });

  it('scores R descending and F, M ascending in rfmScores', () => {
    const scores = rfmScores({ daysSinceLastPurchase: [5, 50, 500], frequency: [1, 2, 3], monetary: [30, 20, 10] }, 3);
    expect(scores).toEqual({ recency: [3, 2, 1], frequency: [1, 2, 3], monetary: [3, 2, 1] });
  });
});

describe('default R × F segment grid', () => {
  it('puts every one of the 25 (R, F) cells, for every M, in exactly one segment', () => {
    const validation = validateSegmentScheme(DEFAULT_SEGMENT_SCHEME);
    expect(validation).toEqual({ valid: true, invalidRanges: [], uncovered: [], overlapping: [] });
    for (const cell of allCells()) expect(matchingSegments(DEFAULT_SEGMENT_SCHEME, cell)).toHaveLength(1);
    expect(new Set(DEFAULT_SEGMENT_SCHEME.map((rule) => rule.name))).toEqual(new Set(DEFAULT_SEGMENT_NAMES));
  });

  it('lays out the grid as specified', () => {
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => defaultSegment(r, f)));
    expect(grid).toEqual([
      ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
      ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
      ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
      ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
      ['New Customers', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
    ]);
  });

  it('maps other bin counts to the 5-point scale with ceil(score·5/bins)', () => {
    expect([1, 2, 3].map((s) => toFivePointScale(s, 3))).toEqual([2, 4, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => toFivePointScale(s, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(defaultSegment(3, 3, 3)).toBe('Champions');
    expect(defaultSegment(1, 1, 3)).toBe('Hibernating');
    expect(defaultSegment(10, 1, 10)).toBe('New Customers');
    expect(() => defaultSegment(6, 1)).toThrow(RangeError);
  });
});

describe('validateSegmentScheme', () => {
  it('reports gaps, overlaps and malformed ranges of a custom scheme', () => {
    const scheme: SegmentRule[] = [
      { name: 'Top', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] },
      { name: 'Rest', recency: [1, 4], frequency: [1, 5] },
      { name: 'Broken', recency: [3, 2], frequency: [0, 6] },
    ];
    const validation = validateSegmentScheme(scheme);
    expect(validation.valid).toBe(false);
    expect(validation.invalidRanges).toEqual(['Broken: recency [3, 2]', 'Broken: frequency [0, 6]']);
    // R = 5 outside F, M 4–5: 25 − 4 cells.
    expect(validation.uncovered).toHaveLength(21);
    // R = 4, F and M 4–5.
    expect(validation.overlapping).toHaveLength(4);
    expect(validation.overlapping[0]).toEqual({ cell: { recency: 4, frequency: 4, monetary: 4 }, segments: ['Top', 'Rest'] });
  });

  it('rejects the widely copied 11-segment R-F-M range table', () => {
    const table: SegmentRule[] = [
      { name: 'Champions', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] },
      { name: 'Loyal Customers', recency: [2, 5], frequency: [3, 5], monetary: [3, 5] },
      { name: 'Potential Loyalist', recency: [3, 5], frequency: [1, 3], monetary: [1, 3] },
      { name: 'New Customers', recency: [4, 5], frequency: [1, 1], monetary: [1, 1] },
      { name: 'Promising', recency: [3, 4], frequency: [1, 1], monetary: [1, 1] },
      { name: 'Need Attention', recency: [2, 3], frequency: [2, 3], monetary: [2, 3] },
      { name: 'About To Sleep', recency: [2, 3], frequency: [1, 2], monetary: [1, 2] },
      { name: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [2, 5] },
      { name: "Can't Lose Them", recency: [1, 1], frequency: [4, 5], monetary: [4, 5] },
      { name: 'Hibernating', recency: [1, 2], frequency: [1, 2], monetary: [1, 2] },
      { name: 'Lost', recency: [1, 2], frequency: [1, 2], monetary: [1, 2] },
    ];
    const validation = validateSegmentScheme(table);
    expect(validation.valid).toBe(false);
    expect(validation.invalidRanges).toEqual([]);
    expect(validation.uncovered).toHaveLength(36);
    expect(validation.overlapping).toHaveLength(42);

    const firstMatchCounts = new Map<string, number>();
    for (const cell of allCells()) {
      const first = matchingSegments(table, cell)[0];
      if (first) firstMatchCounts.set(first, (firstMatchCounts.get(first) ?? 0) + 1);
    }
    const neverAssigned = table.map((rule) => rule.name).filter((name) => !firstMatchCounts.has(name));
    expect(neverAssigned).toEqual(['New Customers', 'Promising', "Can't Lose Them", 'Lost']);
  });
});

import { describe, expect, it } from 'vitest';
import { percentileOfSorted } from './percentile';

describe('percentileOfSorted', () => {
  it('interpolates between order statistics like percentile_cont', () => {
    // Positions p·(n − 1) in [1, 2, 3, 4]: 0.5 → 1.5 → 2.5; 0.1 → 0.3 → 1.3; 0.9 → 2.7 → 3.7.
    const sorted = [1, 2, 3, 4];
    expect(percentileOfSorted(sorted, 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileOfSorted(sorted, 0.1)).toBeCloseTo(1.3, 12);
    expect(percentileOfSorted(sorted, 0.9)).toBeCloseTo(3.7, 12);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
    expect(percentileOfSorted(sorted, 1)).toBe(4);
    expect(percentileOfSorted([7], 0.3)).toBe(7);
  });

  it('refuses no values and p outside [0, 1]', () => {
    expect(() => percentileOfSorted([], 0.5)).toThrow(RangeError);
    expect(() => percentileOfSorted([1, 2], 1.5)).toThrow(RangeError);
  });
});

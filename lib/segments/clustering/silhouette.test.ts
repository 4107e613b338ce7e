import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@/lib/demo/random';
import { meanSilhouette, sampleIndices, silhouetteValues } from './silhouette';

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('silhouetteValues', () => {
  it('matches a hand computation in one dimension', () => {
    // x = 0, 1 | 4, 5. Every a = 1. b: x=0 → mean(4, 5) = 4.5, s = 3.5/4.5 = 7/9; x=1 → mean(3, 4) = 3.5,
    // s = 2.5/3.5 = 5/7; x=4 → mean(4, 3) = 3.5, s = 5/7; x=5 → mean(5, 4) = 4.5, s = 7/9. Mean 47/63.
    const matrix = Float64Array.from([0, 1, 4, 5]);
    const labels = [0, 0, 1, 1];
    const values = Array.from(silhouetteValues(matrix, 1, labels, 2, all(4)));
    [7 / 9, 5 / 7, 5 / 7, 7 / 9].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 12));
    expect(meanSilhouette(matrix, 1, labels, 2, all(4))).toBeCloseTo(47 / 63, 12);
  });

  it('uses Euclidean, not squared, distances', () => {
    // p0 (0,0), p1 (3,4) | p2 (6,8), p3 (6,0). d01 = 5, d02 = 10, d03 = 6, d12 = 5, d13 = 5, d23 = 8.
    // p0: a 5, b mean(10, 6) = 8 → 3/8. p1: a 5, b mean(5, 5) = 5 → 0. p2: a 8, b mean(10, 5) = 7.5 → −1/16.
    // p3: a 8, b mean(6, 5) = 5.5 → −5/16.
    const matrix = Float64Array.from([0, 0, 3, 4, 6, 8, 6, 0]);
    const values = Array.from(silhouetteValues(matrix, 2, [0, 0, 1, 1], 2, all(4)));
    [3 / 8, 0, -1 / 16, -5 / 16].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 12));
  });

  it('scores a point alone in its cluster 0 and takes the nearest other cluster as b', () => {
    // x = 0, 1 | 4, 5 | 10. x=10 is alone: 0. x=0: b = min(4.5, 10) → 7/9; x=1: min(3.5, 9) → 5/7;
    // x=4: min(3.5, 6) → 5/7; x=5: min(4.5, 5) → 7/9. Mean (14/9 + 10/7) / 5 = 188/315.
    const matrix = Float64Array.from([0, 1, 4, 5, 10]);
    expect(meanSilhouette(matrix, 1, [0, 0, 1, 1, 2], 3, all(5))).toBeCloseTo(188 / 315, 12);
  });

  it('counts only the listed points', () => {
    // Without x=10 the first example remains: 47/63.
    const matrix = Float64Array.from([0, 1, 4, 5, 10]);
    expect(meanSilhouette(matrix, 1, [0, 0, 1, 1, 2], 3, [0, 1, 2, 3])).toBeCloseTo(47 / 63, 12);
  });
});

describe('sampleIndices', () => {
  it('takes every index when the sample would not be smaller', () => {
    expect(Array.from(sampleIndices(5, 10, new SeededRandom(1)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws distinct ascending indices, the same for the same seed', () => {
    const sample = Array.from(sampleIndices(1000, 50, new SeededRandom(7)));
    expect(sample).toHaveLength(50);
    expect(new Set(sample).size).toBe(50);
    expect(sample).toEqual([...sample].sort((a, b) => a - b));
    expect(sample.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(Array.from(sampleIndices(1000, 50, new SeededRandom(7)))).toEqual(sample);
    expect(Array.from(sampleIndices(1000, 50, new SeededRandom(8)))).not.toEqual(sample);
  });
});

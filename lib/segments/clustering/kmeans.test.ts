import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@/lib/demo/random';
import { kMeans } from './kmeans';

function blobs(centres: [number, number][], sizes: number[], spread: number, seed: number): { matrix: Float64Array; truth: number[] } {
  const random = new SeededRandom(seed);
  const values: number[] = [];
  const truth: number[] = [];
  centres.forEach(([x, y], group) => {
    for (let i = 0; i < sizes[group]; i++) {
      values.push(x + spread * random.normal(), y + spread * random.normal());
      truth.push(group);
    }
  });
  return { matrix: Float64Array.from(values), truth };
}

describe('kMeans', () => {
  it('finds the hand-computable optimum of a tiny case', () => {
    // 0, 2 | 10, 12: centroids 1 and 11, inertia 1 + 1 + 1 + 1 = 4.
    const fit = kMeans(Float64Array.from([0, 2, 10, 12]), 1, 2, { random: new SeededRandom(3) });
    expect(Array.from(fit.labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(fit.centroids)).toEqual([1, 11]);
    expect(fit.inertia).toBe(4);
  });

  it('recovers separated groups and numbers clusters by size, largest first', () => {
    const { matrix, truth } = blobs([[0, 0], [10, 0], [0, 10]], [30, 50, 40], 0.5, 11);
    const fit = kMeans(matrix, 2, 3, { random: new SeededRandom(1) });
    // Group sizes 30, 50, 40 → cluster 0 is group 1 (50), cluster 1 group 2 (40), cluster 2 group 0 (30).
    const expectedLabel = [2, 0, 1];
    truth.forEach((group, i) => expect(fit.labels[i]).toBe(expectedLabel[group]));
  });

  it('ends on a fixed point: centres are member means and, run to the end, every point sits at its nearest centre', () => {
    // Overlapping groups so many points sit near a boundary, where wrong distance bounds would misassign them.
    const { matrix } = blobs([[0, 0], [2, 0], [1, 2], [3, 3]], [200, 200, 200, 200], 1, 5);
    const k = 4;
    const fit = kMeans(matrix, 2, k, { random: new SeededRandom(9), tolerance: 0, maxIterations: 1000 });
    const n = matrix.length / 2;
    const sums = new Float64Array(k * 2);
    const counts = new Array(k).fill(0);
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      const distances = Array.from({ length: k }, (_, c) => (matrix[2 * i] - fit.centroids[2 * c]) ** 2 + (matrix[2 * i + 1] - fit.centroids[2 * c + 1]) ** 2);
      expect(distances[fit.labels[i]]).toBeLessThanOrEqual(Math.min(...distances) + 1e-12);
      inertia += distances[fit.labels[i]];
      sums[2 * fit.labels[i]] += matrix[2 * i];
      sums[2 * fit.labels[i] + 1] += matrix[2 * i + 1];
      counts[fit.labels[i]]++;
    }
    for (let c = 0; c < k; c++) {
      expect(fit.centroids[2 * c]).toBeCloseTo(sums[2 * c] / counts[c], 10);
      expect(fit.centroids[2 * c + 1]).toBeCloseTo(sums[2 * c + 1] / counts[c], 10);
    }
    expect(fit.inertia).toBeCloseTo(inertia, 8);
  });

  it('keeps the start with the lowest inertia', () => {
    const { matrix } = blobs([[0, 0], [2, 0], [1, 2], [3, 3], [0, 4]], [100, 100, 100, 100, 100], 1, 8);
    const oneStart = [1, 2, 3, 4, 5, 6].map((seed) => kMeans(matrix, 2, 5, { random: new SeededRandom(seed), initialisations: 1 }).inertia);
    // Six draws from one stream are the six starts of a single call with the same seed.
    const sixStarts = kMeans(matrix, 2, 5, { random: new SeededRandom(1), initialisations: 6 }).inertia;
    const stream = new SeededRandom(1);
    const sameStream = Array.from({ length: 6 }, () => kMeans(matrix, 2, 5, { random: stream, initialisations: 1 }).inertia);
    expect(sixStarts).toBe(Math.min(...sameStream));
    expect(new Set(oneStart).size).toBeGreaterThan(1);
  });

  it('is deterministic for a seed', () => {
    const { matrix } = blobs([[0, 0], [2, 0], [1, 2]], [100, 100, 100], 1, 4);
    const first = kMeans(matrix, 2, 3, { random: new SeededRandom(21) });
    const second = kMeans(matrix, 2, 3, { random: new SeededRandom(21) });
    expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
    expect(Array.from(second.centroids)).toEqual(Array.from(first.centroids));
  });

  it('refuses more clusters than distinct points, and a k outside 1…n', () => {
    const twoDistinct = Float64Array.from([1, 1, 1, 5, 5]);
    expect(() => kMeans(twoDistinct, 1, 3, { random: new SeededRandom(1) })).toThrow(/3 distinct points/);
    expect(() => kMeans(twoDistinct, 1, 6, { random: new SeededRandom(1) })).toThrow(RangeError);
    expect(() => kMeans(twoDistinct, 1, 0, { random: new SeededRandom(1) })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { standardiseFeatures, transformFeature, type ClusterPoint } from './features';

const point = (customerId: number, recencyDays: number, frequency: number, monetary: number, predictedClv: number): ClusterPoint => ({
  customerId,
  recencyDays,
  frequency,
  monetary,
  predictedClv,
});

describe('transformFeature', () => {
  it('log-scales frequency, spend and CLV but not recency', () => {
    expect(transformFeature('monetary', Math.E - 1)).toBeCloseTo(1, 12);
    expect(transformFeature('frequency', 0)).toBe(0);
    expect(transformFeature('predictedClv', Math.E ** 2 - 1)).toBeCloseTo(2, 12);
    expect(transformFeature('recencyDays', 42)).toBe(42);
  });

  it('keeps a negative spend finite and negative', () => {
    expect(transformFeature('monetary', -(Math.E - 1))).toBeCloseTo(-1, 12);
  });
});

describe('standardiseFeatures', () => {
  it('z-scores each transformed column with the population standard deviation', () => {
    // recency 10, 30: mean 20, sd 10 → −1, 1. frequency e−1, e³−1 → logs 1, 3: mean 2, sd 1 → −1, 1.
    const { matrix, means, standardDeviations } = standardiseFeatures([
      point(1, 10, Math.E - 1, 5, 5),
      point(2, 30, Math.E ** 3 - 1, 5, 5),
    ]);
    expect(means.recencyDays).toBe(20);
    expect(standardDeviations.recencyDays).toBe(10);
    expect(matrix[0]).toBeCloseTo(-1, 12);
    expect(matrix[4]).toBeCloseTo(1, 12);
    expect(matrix[1]).toBeCloseTo(-1, 12);
    expect(matrix[5]).toBeCloseTo(1, 12);
  });

  it('turns a constant column into zeros instead of NaN', () => {
    const { matrix, standardDeviations } = standardiseFeatures([point(1, 10, 1, 0.1, 5), point(2, 30, 2, 0.1, 5), point(3, 50, 3, 0.1, 5)]);
    expect(standardDeviations.monetary).toBe(0);
    expect([matrix[2], matrix[6], matrix[10]]).toEqual([0, 0, 0]);
    expect([matrix[3], matrix[7], matrix[11]]).toEqual([0, 0, 0]);
  });

  it('names the customer and measure of a value that is not finite', () => {
    expect(() => standardiseFeatures([point(1, 10, 1, 5, 5), point(77, 10, 1, 5, Number.NaN)])).toThrow(/customer 77: predictedClv/);
    expect(() => standardiseFeatures([point(5, Infinity, 1, 5, 5)])).toThrow(RangeError);
  });
});

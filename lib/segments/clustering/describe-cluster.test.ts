import { describe, expect, it } from 'vitest';
import { describeCluster, nameClusters, type ClusterProfile } from './describe-cluster';
import type { FeatureValues } from './features';

const z = (recencyDays: number, frequency: number, monetary: number, predictedClv: number): FeatureValues => ({
  recencyDays,
  frequency,
  monetary,
  predictedClv,
});
const profile = (zCentroid: FeatureValues, medianFrequency = 4): ClusterProfile => ({
  zCentroid,
  medians: { recencyDays: 30, frequency: medianFrequency, monetary: 100, predictedClv: 100 },
});

describe('describeCluster', () => {
  it('names the measures beyond ±0.5, R, F, M, CLV in order, "very" beyond ±1.5', () => {
    expect(describeCluster(profile(z(-0.8, 0.9, 1.6, 0.3)))).toBe('recent, frequent, very high spend');
    expect(describeCluster(profile(z(1.7, -0.6, -0.5, -2.1)))).toBe('long lapsed, infrequent, low spend, very low predicted value');
  });

  it('calls low frequency "one-time" when the median customer bought on one day', () => {
    expect(describeCluster(profile(z(1.0, -0.9, -0.7, -0.2), 1))).toBe('lapsed, one-time, low spend');
    expect(describeCluster(profile(z(1.0, -0.9, -0.7, -0.2), 2))).toBe('lapsed, infrequent, low spend');
  });

  it('puts the thresholds at exactly 0.5 and 1.5', () => {
    expect(describeCluster(profile(z(-0.49, 0.5, 1.49, 1.5)))).toBe('frequent, high spend, very high predicted value');
  });

  it('says so when nothing stands out', () => {
    expect(describeCluster(profile(z(0.1, -0.2, 0.49, -0.49)))).toBe('close to average on every measure');
  });
});

describe('nameClusters', () => {
  it('builds a Title Case name from the strongest behaviour and the strongest value trait', () => {
    // Behaviour: recency −0.8 beats frequency 0.6; value: spend 1.2 beats CLV 0.3. Spend beyond 1.5 is "Top".
    expect(nameClusters([profile(z(-0.8, 0.6, 1.2, 0.3))])).toEqual(['Recent High Spenders']);
    expect(nameClusters([profile(z(-0.8, 0.6, 1.6, 0.3))])).toEqual(['Recent Top Spenders']);
    // Recency 1.2 and frequency −0.9 are both stronger than CLV −0.7, yet the name pairs one of each kind.
    expect(nameClusters([profile(z(1.2, -0.9, -0.2, -0.7), 1)])).toEqual(['Lapsed Low-Value Customers']);
    expect(nameClusters([profile(z(0.3, -0.9, -0.6, -0.7), 1)])).toEqual(['One-Time Low-Value Customers']);
    expect(nameClusters([profile(z(0, 0.2, 0.1, 0))])).toEqual(['Typical Customers']);
  });

  it('adds a trait to clusters whose names would collide, and numbers what still collides', () => {
    const names = nameClusters([
      profile(z(-1.0, 0.7, 1.2, 0)), // recent, high spend, frequent
      profile(z(-1.0, -0.7, 1.2, 0)), // recent, high spend, infrequent
      profile(z(0.9, 0, -0.2, -1.0)), // lapsed, low value: no collision
      profile(z(0.1, 0, 0, 0)),
      profile(z(0, 0.2, 0, 0)),
    ]);
    expect(names).toEqual([
      'Recent Frequent High Spenders',
      'Recent Occasional High Spenders',
      'Lapsed Low-Value Customers',
      'Typical Customers',
      'Typical Customers 2',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
});

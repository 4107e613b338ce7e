import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@/lib/demo/random';
import { parseSegmentRule } from '../rule-schema';
import { featureColumns, ruleAgreement } from './approximate-rule';
import { MIN_CUSTOMERS_FOR_SUGGESTIONS, suggestSegments, type ClusterPoint } from './suggest-segments';

/** Adjusted Rand index of two labelings (Hubert & Arabie 1985): 1 for the same partition, about 0 by chance. */
function adjustedRandIndex(truth: readonly number[], found: readonly number[]): number {
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  truth.forEach((t, i) => {
    cells.set(`${t}|${found[i]}`, (cells.get(`${t}|${found[i]}`) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    columns.set(found[i], (columns.get(found[i]) ?? 0) + 1);
  });
  const sum = (counts: Iterable<number>) => [...counts].reduce((total, count) => total + pairs(count), 0);
  const index = sum(cells.values());
  const rowPairs = sum(rows.values());
  const columnPairs = sum(columns.values());
  const expected = (rowPairs * columnPairs) / pairs(truth.length);
  return (index - expected) / ((rowPairs + columnPairs) / 2 - expected);
}

// Four customer groups, separated on the scale the clustering uses (recency in days, the rest in logs).
const GROUPS = [
  { size: 200, recencyDays: 10, frequency: 20, monetary: 3000, predictedClv: 4000 }, // recent, frequent, big spenders
  { size: 160, recencyDays: 500, frequency: 1, monetary: 20, predictedClv: 2 }, // lapsed one-time small spenders
  { size: 120, recencyDays: 15, frequency: 1, monetary: 200, predictedClv: 150 }, // recent first-timers
  { size: 90, recencyDays: 450, frequency: 10, monetary: 800, predictedClv: 40 }, // lapsed regulars
];

function groupedCustomers(seed: number): { points: ClusterPoint[]; truth: number[] } {
  const random = new SeededRandom(seed);
  const points: ClusterPoint[] = [];
  const truth: number[] = [];
  GROUPS.forEach((group, g) => {
    for (let i = 0; i < group.size; i++) {
      points.push({
        customerId: 1000 + points.length,
        recencyDays: Math.max(0, Math.round(group.recencyDays + group.recencyDays * 0.2 * random.normal())),
        frequency: group.frequency === 1 ? 1 : Math.max(2, Math.round(group.frequency * (1 + 0.1 * random.normal()))),
        monetary: Math.round(group.monetary * Math.exp(0.1 * random.normal()) * 100) / 100,
        predictedClv: Math.round(group.predictedClv * Math.exp(0.1 * random.normal()) * 100) / 100,
      });
      truth.push(g);
    }
  });
  return { points, truth };
}

describe('adjustedRandIndex (test helper)', () => {
  it('matches a hand computation', () => {
    // Truth 000111, found 001122. Cell pairs: C(2,2) + C(2,2) = 2; row pairs 3 + 3 = 6; column pairs 1 + 1 + 1 = 3;
    // expected 6·3/C(6,2) = 1.2; max (6 + 3)/2 = 4.5 → (2 − 1.2)/(4.5 − 1.2) = 8/33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 3, 3])).toBe(1);
  });
});

describe('suggestSegments', () => {
  const { points, truth } = groupedCustomers(17);
  const result = suggestSegments(points, { seed: 3 });

  it('chooses k = 4 for four separated groups, by the largest silhouette among 3…8', () => {
    expect(result.reason).toBeUndefined();
    expect(result.silhouetteByK.map((entry) => entry.k)).toEqual([3, 4, 5, 6, 7, 8]);
    const best = Math.max(...result.silhouetteByK.map((entry) => entry.silhouette));
    expect(result.silhouetteByK.find((entry) => entry.silhouette === best)?.k).toBe(4);
    expect(result.k).toBe(4);
    expect(result.clusters).toHaveLength(4);
  });

  it('recovers the groups', () => {
    const clusterOf = new Map(result.clusters.flatMap((cluster) => cluster.customerIds.map((id) => [id, cluster.index] as const)));
    expect(clusterOf.size).toBe(points.length);
    const found = points.map((point) => clusterOf.get(point.customerId)!);
    expect(adjustedRandIndex(truth, found)).toBeGreaterThanOrEqual(0.95);
  });

  it('reports sizes, shares, member means and medians in original units', () => {
    expect(result.clusters.map((cluster) => cluster.size)).toEqual([200, 160, 120, 90]);
    expect(result.clusters.map((cluster) => cluster.index)).toEqual([0, 1, 2, 3]);
    expect(result.clusters.reduce((sum, cluster) => sum + cluster.share, 0)).toBeCloseTo(1, 12);
    expect(result.clusters[3].share).toBeCloseTo(90 / 570, 12);
    const byId = new Map(points.map((point) => [point.customerId, point]));
    for (const cluster of result.clusters) {
      const members = cluster.customerIds.map((id) => byId.get(id)!);
      expect(cluster.size).toBe(members.length);
      const mean = members.reduce((sum, member) => sum + member.monetary, 0) / members.length;
      expect(cluster.centroid.monetary).toBeCloseTo(mean, 9);
      const sortedRecency = members.map((member) => member.recencyDays).sort((a, b) => a - b);
      const middle = sortedRecency.length / 2;
      const median = sortedRecency.length % 2 ? sortedRecency[Math.floor(middle)] : (sortedRecency[middle - 1] + sortedRecency[middle]) / 2;
      expect(cluster.medians.recencyDays).toBe(median);
    }
  });

  it('describes and names the clusters from their centroids', () => {
    const [bigSpenders, lapsedOneTime] = result.clusters;
    expect(bigSpenders.description).toMatch(/\brecent\b/);
    expect(bigSpenders.description).toMatch(/\bfrequent\b/);
    expect(bigSpenders.description).toMatch(/high spend/);
    expect(lapsedOneTime.description).toMatch(/^(long )?lapsed, one-time, (very )?low spend/);
    const names = result.clusters.map((cluster) => cluster.name);
    expect(new Set(names).size).toBe(4);
    names.forEach((name) => expect(name).toMatch(/^[A-Z][\w-]*( [A-Z][\w-]*)*$/));
  });

  it('gives each cluster a valid rule whose agreement is its true precision and recall', () => {
    const columns = featureColumns(points);
    for (const cluster of result.clusters) {
      expect(parseSegmentRule(cluster.approximateRule)).toEqual({ success: true, rule: cluster.approximateRule });
      const members = new Set(cluster.customerIds);
      const isMember = points.map((point) => members.has(point.customerId));
      expect(ruleAgreement(cluster.approximateRule, columns, isMember)).toEqual(cluster.ruleAgreement);
      // Groups this far apart are easy to describe with ranges.
      expect(cluster.ruleAgreement.precision).toBeGreaterThanOrEqual(0.95);
      expect(cluster.ruleAgreement.recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('is deterministic for a seed, also when the silhouette is sampled', () => {
    expect(suggestSegments(points, { seed: 3 })).toEqual(result);
    const sampled = suggestSegments(points, { seed: 5, silhouetteSampleSize: 150 });
    expect(suggestSegments(points, { seed: 5, silhouetteSampleSize: 150 })).toEqual(sampled);
    expect(sampled.k).toBe(4);
    // A 150-point sample gives other silhouettes than all 570 points.
    expect(sampled.silhouetteByK).not.toEqual(result.silhouetteByK);
  });

  it('can choose k on a sample and still cluster every customer', () => {
    const sampled = suggestSegments(points, { seed: 3, kSelectionSampleSize: 200, silhouetteSampleSize: 100 });
    expect(sampled.k).toBe(4);
    expect(sampled.silhouetteByK).not.toEqual(result.silhouetteByK);
    expect(sampled.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(points.length);
    const clusterOf = new Map(sampled.clusters.flatMap((cluster) => cluster.customerIds.map((id) => [id, cluster.index] as const)));
    expect(adjustedRandIndex(truth, points.map((point) => clusterOf.get(point.customerId)!))).toBeGreaterThanOrEqual(0.95);
    expect(suggestSegments(points, { seed: 3, kSelectionSampleSize: 200, silhouetteSampleSize: 100 })).toEqual(sampled);
  });

  it('takes the defaults for options passed as undefined', () => {
    expect(suggestSegments(points, { seed: 3, kMin: undefined, kMax: undefined })).toEqual(result);
  });

  it('respects kMin and kMax', () => {
    const narrow = suggestSegments(points, { kMin: 5, kMax: 6 });
    expect(narrow.silhouetteByK.map((entry) => entry.k)).toEqual([5, 6]);
    expect([5, 6]).toContain(narrow.k);
    expect(narrow.clusters).toHaveLength(narrow.k);
  });
});

describe('suggestSegments on too little to cluster', () => {
  const point = (customerId: number, recencyDays = 10, frequency = 2, monetary = 50, predictedClv = 60): ClusterPoint => ({
    customerId,
    recencyDays,
    frequency,
    monetary,
    predictedClv,
  });

  it(`returns no clusters and a reason below ${MIN_CUSTOMERS_FOR_SUGGESTIONS} customers`, () => {
    const few = Array.from({ length: MIN_CUSTOMERS_FOR_SUGGESTIONS - 1 }, (_, i) => point(i, i * 10, 1 + (i % 5), 10 * i, 5 * i));
    const result = suggestSegments(few);
    expect(result).toMatchObject({ k: 0, silhouetteByK: [], clusters: [] });
    expect(result.reason).toMatch(/at least 30 customers.*29/);
    expect(suggestSegments([])).toMatchObject({ k: 0, clusters: [] });
  });

  it('returns no clusters when every customer looks the same', () => {
    const result = suggestSegments(Array.from({ length: 50 }, (_, i) => point(i)));
    expect(result).toMatchObject({ k: 0, silhouetteByK: [], clusters: [] });
    expect(result.reason).toMatch(/same recency, frequency, spend and predicted CLV/);
  });

  it('returns no clusters with fewer distinct profiles than kMin', () => {
    const twoKinds = Array.from({ length: 40 }, (_, i) => (i % 2 ? point(i) : point(i, 300, 1, 5, 1)));
    const result = suggestSegments(twoKinds);
    expect(result).toMatchObject({ k: 0, clusters: [] });
    expect(result.reason).toMatch(/Only 2 distinct customer profiles.*at least 3/);
  });

  it('tries no k beyond the number of distinct profiles', () => {
    const threeKinds = Array.from({ length: 45 }, (_, i) => [point(i), point(i, 300, 1, 5, 1), point(i, 90, 8, 900, 400)][i % 3]);
    const result = suggestSegments(threeKinds);
    expect(result.silhouetteByK.map((entry) => entry.k)).toEqual([3]);
    expect(result.k).toBe(3);
    expect(result.clusters.map((cluster) => cluster.size)).toEqual([15, 15, 15]);
    // Identical members: no distance within a cluster, silhouette exactly 1.
    expect(result.silhouetteByK[0].silhouette).toBe(1);
  });

  it('chooses k on all customers when the sample misses rare profiles', () => {
    // 6 distinct profiles, 4 of them held by one customer each: a 20-customer sample sees too few of them.
    const rare = [point(1, 1, 1, 1, 1), point(2, 900, 30, 9000, 9000), point(3, 400, 9, 10, 3000), point(4, 50, 1, 5000, 1)];
    const mostlyTwoKinds = [...Array.from({ length: 296 }, (_, i) => (i % 2 ? point(100 + i) : point(100 + i, 300, 1, 5, 1))), ...rare];
    const result = suggestSegments(mostlyTwoKinds, { kSelectionSampleSize: 20 });
    expect(result.silhouetteByK.map((entry) => entry.k)).toEqual([3, 4, 5, 6]);
    expect(result.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(300);
  });

  it('refuses options that make no sense and values that are not numbers', () => {
    const fine = Array.from({ length: 40 }, (_, i) => point(i, i, 1 + (i % 4), 10 + i, 5 + i));
    expect(() => suggestSegments(fine, { kMin: 1 })).toThrow(RangeError);
    expect(() => suggestSegments(fine, { kMin: 5, kMax: 4 })).toThrow(/kMax/);
    expect(() => suggestSegments(fine, { silhouetteSampleSize: 1 })).toThrow(/silhouetteSampleSize/);
    expect(() => suggestSegments(fine, { kSelectionSampleSize: 5 })).toThrow(/kSelectionSampleSize/);
    expect(() => suggestSegments([...fine, point(99, Number.NaN)])).toThrow(/customer 99: recencyDays/);
  });
});

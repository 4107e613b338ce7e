import { SeededRandom } from '@/lib/demo/random';
import type { SegmentRule } from '../rule-schema';
import { approximateRule, featureColumns, type RuleAgreement } from './approximate-rule';
import { describeCluster, nameClusters, type ClusterProfile } from './describe-cluster';
import { CLUSTER_FEATURES, standardiseFeatures, type ClusterPoint, type FeatureValues } from './features';
import { kMeans, kMeansFrom, type KMeansFit } from './kmeans';
import { percentileOfSorted } from './percentile';
import { meanSilhouette, sampleIndices } from './silhouette';

export type { ClusterPoint } from './features';

export type SuggestedCluster = {
  /** 0…k−1, largest cluster first. */
  index: number;
  size: number;
  /** size / all customers clustered. */
  share: number;
  customerIds: number[];
  /** Mean of the members, in original units. */
  centroid: FeatureValues;
  medians: FeatureValues;
  description: string;
  name: string;
  /** A segment rule over recency_days, frequency, monetary and predicted_clv that approximates the cluster. */
  approximateRule: SegmentRule;
  ruleAgreement: RuleAgreement;
};

export type SegmentSuggestions = {
  /** Chosen number of clusters; 0 when there is nothing to suggest (see `reason`). */
  k: number;
  silhouetteByK: { k: number; silhouette: number }[];
  clusters: SuggestedCluster[];
  /** Why no clusters were suggested; absent when clusters were. */
  reason?: string;
};

export type SuggestSegmentsOptions = {
  kMin?: number;
  kMax?: number;
  seed?: number;
  /** Points the silhouette is computed on (its cost grows with the square of this). */
  silhouetteSampleSize?: number;
  /** Points each candidate k is fitted on; the chosen k is then fitted on all points. */
  kSelectionSampleSize?: number;
};

export const MIN_CUSTOMERS_FOR_SUGGESTIONS = 30;
const DEFAULTS = { kMin: 3, kMax: 8, seed: 1, silhouetteSampleSize: 2000, kSelectionSampleSize: 20_000 };

function checkedOptions(options: SuggestSegmentsOptions): Required<SuggestSegmentsOptions> {
  // `??` rather than a spread, so an option passed as undefined still takes its default.
  const kMin = options.kMin ?? DEFAULTS.kMin;
  const kMax = options.kMax ?? DEFAULTS.kMax;
  const seed = options.seed ?? DEFAULTS.seed;
  const silhouetteSampleSize = options.silhouetteSampleSize ?? DEFAULTS.silhouetteSampleSize;
  const kSelectionSampleSize = options.kSelectionSampleSize ?? DEFAULTS.kSelectionSampleSize;
  if (!(Number.isInteger(kMin) && kMin >= 2)) throw new RangeError(`kMin must be an integer of at least 2, got ${kMin}`);
  if (!(Number.isInteger(kMax) && kMax >= kMin)) throw new RangeError(`kMax must be an integer of at least kMin (${kMin}), got ${kMax}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(Number.isInteger(silhouetteSampleSize) && silhouetteSampleSize >= 2))
    throw new RangeError(`silhouetteSampleSize must be an integer of at least 2, got ${silhouetteSampleSize}`);
  if (!(Number.isInteger(kSelectionSampleSize) && kSelectionSampleSize >= kMax))
    throw new RangeError(`kSelectionSampleSize must be an integer of at least kMax (${kMax}), got ${kSelectionSampleSize}`);
  return { kMin, kMax, seed, silhouetteSampleSize, kSelectionSampleSize };
}

/** Distinct (recency, frequency, spend, CLV) combinations, counted up to `limit` + 1. */
function distinctProfiles(points: readonly ClusterPoint[], limit: number): number {
  const seen = new Set<string>();
  for (const point of points) {
    seen.add(CLUSTER_FEATURES.map((feature) => point[feature]).join('|'));
    if (seen.size > limit) break;
  }
  return seen.size;
}

function noSuggestions(reason: string): SegmentSuggestions {
  return { k: 0, silhouetteByK: [], clusters: [], reason };
}

// Independent streams per purpose and per k, so a k's fit does not depend on which other k were tried.
const streamSeed = (seed: number, stream: number) => (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;

function rowsOf(matrix: Float64Array, dimensions: number, rows: ArrayLike<number>): Float64Array {
  const subset = new Float64Array(rows.length * dimensions);
  for (let r = 0; r < rows.length; r++) subset.set(matrix.subarray(rows[r] * dimensions, (rows[r] + 1) * dimensions), r * dimensions);
  return subset;
}

/**
 * "Suggested segments": k-means on z-scored recency, log frequency, log spend and log CLV. Each k from kMin
 * to kMax is fitted (best of several k-means++ starts) on a fixed random sample of up to kSelectionSampleSize
 * customers, and scored by the mean silhouette of a smaller fixed sample of those; the best k (ties go to the
 * smaller) is then refitted on all customers from the sample's centres. Same points and seed → same result.
 * Too few customers or distinct profiles give k 0 and a reason instead of clusters.
 */
export function suggestSegments(points: readonly ClusterPoint[], options: SuggestSegmentsOptions = {}): SegmentSuggestions {
  const { kMin, kMax, seed, silhouetteSampleSize, kSelectionSampleSize } = checkedOptions(options);
  const n = points.length;
  if (n < MIN_CUSTOMERS_FOR_SUGGESTIONS)
    return noSuggestions(`Suggested segments need at least ${MIN_CUSTOMERS_FOR_SUGGESTIONS} customers with metrics; there are ${n}.`);
  const { matrix, dimensions } = standardiseFeatures(points);
  const distinct = distinctProfiles(points, kMax);
  if (distinct === 1) return noSuggestions('Every customer has the same recency, frequency, spend and predicted CLV, so there is nothing to split.');
  if (distinct < kMin)
    return noSuggestions(`Only ${distinct} distinct customer profiles (recency, frequency, spend, predicted CLV); at least ${kMin} are needed.`);

  const kLimit = Math.min(kMax, distinct);
  const sampled = sampleIndices(n, kSelectionSampleSize, new SeededRandom(streamSeed(seed, 0)));
  // A sample that misses rare profiles could not hold kLimit clusters: then k is chosen on all customers.
  const useSample = sampled.length < n && distinctProfiles(Array.from(sampled, (row) => points[row]), kMax) >= kLimit;
  const selection = useSample ? rowsOf(matrix, dimensions, sampled) : matrix;
  const silhouetteRows = sampleIndices(selection.length / dimensions, silhouetteSampleSize, new SeededRandom(streamSeed(seed, 1)));
  const centresByK = new Map<number, Float64Array>();
  const silhouetteByK: SegmentSuggestions['silhouetteByK'] = [];
  for (let k = kMin; k <= kLimit; k++) {
    const fit = kMeans(selection, dimensions, k, { random: new SeededRandom(streamSeed(seed, 2 + k)) });
    centresByK.set(k, fit.centroids);
    silhouetteByK.push({ k, silhouette: meanSilhouette(selection, dimensions, fit.labels, k, silhouetteRows) });
  }
  const best = silhouetteByK.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const fit = kMeansFrom(matrix, dimensions, centresByK.get(best.k)!);
  return { k: best.k, silhouetteByK, clusters: describeClusters(points, matrix, dimensions, fit, best.k) };
}

function describeClusters(points: readonly ClusterPoint[], matrix: Float64Array, dimensions: number, fit: KMeansFit, k: number): SuggestedCluster[] {
  const columns = featureColumns(points);
  const memberIndices = Array.from({ length: k }, () => [] as number[]);
  fit.labels.forEach((label, i) => memberIndices[label].push(i));
  const summaries = memberIndices.map((members) => {
    const centroid = {} as FeatureValues;
    const medians = {} as FeatureValues;
    const zCentroid = {} as FeatureValues;
    CLUSTER_FEATURES.forEach((feature, d) => {
      const values = Float64Array.from(members, (i) => columns[feature][i]);
      centroid[feature] = values.reduce((sum, value) => sum + value, 0) / members.length;
      medians[feature] = percentileOfSorted(values.sort(), 0.5);
      zCentroid[feature] = members.reduce((sum, i) => sum + matrix[i * dimensions + d], 0) / members.length;
    });
    return { members, centroid, medians, profile: { zCentroid, medians } satisfies ClusterProfile };
  });
  const names = nameClusters(summaries.map((summary) => summary.profile));
  return summaries.map(({ members, centroid, medians, profile }, index) => {
    const { rule, agreement } = approximateRule(columns, fit.labels.map((label) => (label === index ? 1 : 0)));
    return {
      index,
      size: members.length,
      share: members.length / points.length,
      customerIds: members.map((i) => points[i].customerId),
      centroid,
      medians,
      description: describeCluster(profile),
      name: names[index],
      approximateRule: rule,
      ruleAgreement: agreement,
    };
  });
}

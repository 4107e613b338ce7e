import type { SeededRandom } from '@/lib/demo/random';

export type KMeansOptions = {
  random: SeededRandom;
  /** Independent k-means++ starts; the fit with the lowest inertia is kept. */
  initialisations?: number;
  maxIterations?: number;
  /** Stop once the centroids move less than this in total (squared distance, in z-score units). */
  tolerance?: number;
};

const DEFAULT_MAX_ITERATIONS = 100;
// scikit-learn's default (1e-4 × the mean feature variance, which is 1 for z-scores).
const DEFAULT_TOLERANCE = 1e-4;

export type KMeansFit = {
  /** Cluster of each point, 0…k−1, clusters numbered by size (largest first), ties by first member. */
  labels: Int32Array;
  /** Row-major k × dimensions; each centroid is the mean of its members. */
  centroids: Float64Array;
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
  iterations: number;
};

function squaredDistance(matrix: Float64Array, i: number, centroids: Float64Array, c: number, dimensions: number): number {
  let sum = 0;
  for (let d = 0; d < dimensions; d++) {
    const diff = matrix[i * dimensions + d] - centroids[c * dimensions + d];
    sum += diff * diff;
  }
  return sum;
}

/** k-means++ seeding, Arthur & Vassilvitskii (2007), steps 1a–1c: each next centre drawn with probability ∝ D(x)². */
function kMeansPlusPlusSeeds(matrix: Float64Array, dimensions: number, k: number, random: SeededRandom): Float64Array {
  const n = matrix.length / dimensions;
  const centroids = new Float64Array(k * dimensions);
  const copyPoint = (i: number, c: number) => centroids.set(matrix.subarray(i * dimensions, (i + 1) * dimensions), c * dimensions);
  copyPoint(Math.floor(random.next() * n), 0);
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = squaredDistance(matrix, i, centroids, 0, dimensions);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += closest[i];
    let chosen = -1;
    let remaining = random.next() * total;
    for (let i = 0; i < n; i++) {
      if (closest[i] === 0) continue;
      chosen = i;
      if ((remaining -= closest[i]) < 0) break;
    }
    // Every point coincides with a centre: the caller asked for more clusters than distinct points.
    if (chosen < 0) throw new RangeError(`k-means++ needs ${k} distinct points`);
    copyPoint(chosen, c);
    for (let i = 0; i < n; i++) closest[i] = Math.min(closest[i], squaredDistance(matrix, i, centroids, c, dimensions));
  }
  return centroids;
}

/**
 * Lloyd's algorithm with Hamerly's bounds (Hamerly 2010, "Making k-means even faster", SIAM SDM):
 * the same assignments as plain Lloyd, but a point whose distance bounds prove its centre is still the
 * nearest skips the scan over all centres. Stops when no point changes cluster or the centres stop moving.
 */
function lloyd(matrix: Float64Array, dimensions: number, k: number, seeds: Float64Array, maxIterations: number, tolerance: number): KMeansFit {
  const n = matrix.length / dimensions;
  let centroids = seeds;
  const labels = new Int32Array(n);
  const counts = new Int32Array(k);
  // upper[i] ≥ distance to its own centre; lower[i] ≤ distance to any other centre (Euclidean, not squared).
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const halfGap = new Float64Array(k);
  const moved = new Float64Array(k);
  // Member sums per cluster, kept up to date as points move, so a centre update costs k·d, not n·d.
  const sums = new Float64Array(k * dimensions);
  const move = (i: number, from: number, to: number) => {
    for (let d = 0; d < dimensions; d++) {
      if (from >= 0) sums[from * dimensions + d] -= matrix[i * dimensions + d];
      sums[to * dimensions + d] += matrix[i * dimensions + d];
    }
    if (from >= 0) counts[from]--;
    counts[to]++;
  };

  const scan = (i: number) => {
    let best = 0;
    let bestDistance = Infinity;
    let secondDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const distance = squaredDistance(matrix, i, centroids, c, dimensions);
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = c;
      } else if (distance < secondDistance) secondDistance = distance;
    }
    labels[i] = best;
    upper[i] = Math.sqrt(bestDistance);
    lower[i] = Math.sqrt(secondDistance);
  };

  for (let i = 0; i < n; i++) {
    scan(i);
    move(i, -1, labels[i]);
  }
  let changed = true;
  let iterations = 1;
  for (; ; iterations++) {
    // An emptied cluster takes the point farthest (by its bound) from its own centre, from a cluster that can spare it.
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) continue;
      let worst = -1;
      for (let i = 0; i < n; i++) if (counts[labels[i]] > 1 && (worst < 0 || upper[i] > upper[worst])) worst = i;
      move(worst, labels[worst], c);
      labels[worst] = c;
      upper[worst] = 0;
      lower[worst] = 0;
      changed = true;
    }
    const next = sums.map((sum, j) => sum / counts[Math.floor(j / dimensions)]);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      let squared = 0;
      for (let d = 0; d < dimensions; d++) squared += (next[c * dimensions + d] - centroids[c * dimensions + d]) ** 2;
      moved[c] = Math.sqrt(squared);
      shift += squared;
    }
    centroids = next;
    if (!changed || shift <= tolerance || iterations >= maxIterations) break;

    let farthest = 0;
    for (let c = 1; c < k; c++) if (moved[c] > moved[farthest]) farthest = c;
    let secondFarthest = 0;
    for (let c = 0; c < k; c++) if (c !== farthest) secondFarthest = Math.max(secondFarthest, moved[c]);
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let other = 0; other < k; other++) {
        if (other !== c) nearest = Math.min(nearest, squaredDistance(centroids, c, centroids, other, dimensions));
      }
      halfGap[c] = Math.sqrt(nearest) / 2;
    }
    changed = false;
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      upper[i] += moved[own];
      lower[i] -= own === farthest ? secondFarthest : moved[farthest];
      const bound = Math.max(halfGap[own], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(matrix, i, centroids, own, dimensions));
      if (upper[i] <= bound) continue;
      scan(i);
      if (labels[i] !== own) {
        move(i, own, labels[i]);
        changed = true;
      }
    }
  }
  // Exact means of the final members, free of the rounding the running sums picked up.
  centroids = clusterMeans(matrix, dimensions, k, labels, counts);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(matrix, i, centroids, labels[i], dimensions);
  return { labels, centroids, inertia, iterations };
}

function clusterMeans(matrix: Float64Array, dimensions: number, k: number, labels: Int32Array, counts: Int32Array): Float64Array {
  const means = new Float64Array(k * dimensions);
  for (let i = 0; i < labels.length; i++) {
    for (let d = 0; d < dimensions; d++) means[labels[i] * dimensions + d] += matrix[i * dimensions + d];
  }
  for (let c = 0; c < k; c++) for (let d = 0; d < dimensions; d++) means[c * dimensions + d] /= counts[c];
  return means;
}

/** Renumbers clusters by size (largest first), ties by first member, so equal partitions print alike. */
function canonicalOrder(fit: KMeansFit, k: number, dimensions: number): KMeansFit {
  const sizes = new Int32Array(k);
  const firstMember = new Int32Array(k).fill(-1);
  fit.labels.forEach((label, i) => {
    sizes[label]++;
    if (firstMember[label] < 0) firstMember[label] = i;
  });
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || firstMember[a] - firstMember[b]);
  const renumber = new Int32Array(k);
  order.forEach((old, position) => (renumber[old] = position));
  const centroids = new Float64Array(k * dimensions);
  order.forEach((old, position) => centroids.set(fit.centroids.subarray(old * dimensions, (old + 1) * dimensions), position * dimensions));
  return { ...fit, labels: fit.labels.map((label) => renumber[label]), centroids };
}

/** Lloyd iterations from given centres (k = centres / dimensions), e.g. centres fitted on a sample of the points. */
export function kMeansFrom(
  matrix: Float64Array,
  dimensions: number,
  centroids: Float64Array,
  options: Pick<KMeansOptions, 'maxIterations' | 'tolerance'> = {},
): KMeansFit {
  const { maxIterations = DEFAULT_MAX_ITERATIONS, tolerance = DEFAULT_TOLERANCE } = options;
  const k = centroids.length / dimensions;
  if (!(Number.isInteger(k) && k >= 1 && k <= matrix.length / dimensions)) throw new RangeError(`cannot start ${k} clusters on ${matrix.length / dimensions} points`);
  return canonicalOrder(lloyd(matrix, dimensions, k, Float64Array.from(centroids), maxIterations, tolerance), k, dimensions);
}

/** k-means on a row-major matrix; needs at least k distinct rows. Same random state → same fit. */
export function kMeans(matrix: Float64Array, dimensions: number, k: number, options: KMeansOptions): KMeansFit {
  const { random, initialisations = 4, maxIterations = DEFAULT_MAX_ITERATIONS, tolerance = DEFAULT_TOLERANCE } = options;
  const n = matrix.length / dimensions;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new RangeError(`k must be an integer from 1 to ${n}, got ${k}`);
  let best: KMeansFit | null = null;
  for (let start = 0; start < initialisations; start++) {
    const fit = lloyd(matrix, dimensions, k, kMeansPlusPlusSeeds(matrix, dimensions, k, random), maxIterations, tolerance);
    if (best === null || fit.inertia < best.inertia) best = fit;
  }
  return canonicalOrder(best!, k, dimensions);
}

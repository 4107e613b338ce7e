import type { SeededRandom } from '@/lib/demo/random';

/**
 * Silhouette width of each listed point, s = (b − a) / max(a, b) with a the mean Euclidean distance to the
 * other members of its cluster and b the smallest mean distance to another cluster (Rousseeuw 1987,
 * J. Comput. Appl. Math. 20:53–65). Only the listed points take part, so the cost is O(m²) in their number m.
 * A point alone in its cluster, or in the only cluster present, scores 0.
 */
export function silhouetteValues(
  matrix: Float64Array,
  dimensions: number,
  labels: ArrayLike<number>,
  k: number,
  indices: ArrayLike<number>,
): Float64Array {
  const m = indices.length;
  const counts = new Int32Array(k);
  for (let p = 0; p < m; p++) counts[labels[indices[p]]]++;
  // distanceSums[p·k + c]: total distance from listed point p to the listed members of cluster c.
  const distanceSums = new Float64Array(m * k);
  for (let p = 0; p < m; p++) {
    const i = indices[p];
    for (let q = p + 1; q < m; q++) {
      const j = indices[q];
      let squared = 0;
      for (let d = 0; d < dimensions; d++) {
        const diff = matrix[i * dimensions + d] - matrix[j * dimensions + d];
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      distanceSums[p * k + labels[j]] += distance;
      distanceSums[q * k + labels[i]] += distance;
    }
  }
  const values = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const own = labels[indices[p]];
    if (counts[own] < 2) continue;
    const a = distanceSums[p * k + own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, distanceSums[p * k + c] / counts[c]);
    if (b === Infinity) continue;
    const larger = Math.max(a, b);
    values[p] = larger === 0 ? 0 : (b - a) / larger;
  }
  return values;
}

/** Mean silhouette width over the listed points. */
export function meanSilhouette(
  matrix: Float64Array,
  dimensions: number,
  labels: ArrayLike<number>,
  k: number,
  indices: ArrayLike<number>,
): number {
  const values = silhouetteValues(matrix, dimensions, labels, k, indices);
  let sum = 0;
  for (const value of values) sum += value;
  return values.length > 0 ? sum / values.length : 0;
}

/** `size` distinct indices from 0…n−1 drawn uniformly (partial Fisher–Yates), ascending; all of them when n ≤ size. */
export function sampleIndices(n: number, size: number, random: SeededRandom): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  if (n <= size) return pool;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size).sort();
}

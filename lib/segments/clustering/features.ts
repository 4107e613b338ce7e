/** The measures a suggested segment is clustered on, in the order of the feature matrix columns. */
export const CLUSTER_FEATURES = ['recencyDays', 'frequency', 'monetary', 'predictedClv'] as const;
export type ClusterFeature = (typeof CLUSTER_FEATURES)[number];
export type FeatureValues = Record<ClusterFeature, number>;

/**
 * One customer as the clustering sees it, in the units of the segment rule fields: `recencyDays` is
 * recency_days, `frequency` is purchase days (the `frequency` rule field), `monetary` is revenue and
 * `predictedClv` is predicted_clv. Customers without recency or CLV are left out by the caller.
 */
export type ClusterPoint = { customerId: number; recencyDays: number; frequency: number; monetary: number; predictedClv: number };

// Frequency, spend and CLV are right-skewed (a few large customers would own every distance): they are
// log-scaled. Sign-preserving so a net refund (negative revenue) stays finite instead of log1p(−2) = NaN.
const LOG_SCALED: Record<ClusterFeature, boolean> = { recencyDays: false, frequency: true, monetary: true, predictedClv: true };

export function transformFeature(feature: ClusterFeature, value: number): number {
  return LOG_SCALED[feature] ? Math.sign(value) * Math.log1p(Math.abs(value)) : value;
}

export type StandardisedFeatures = {
  /** Row-major, one row of `CLUSTER_FEATURES.length` z-scores per point. */
  matrix: Float64Array;
  dimensions: number;
  /** Mean and population standard deviation of each transformed feature; a standard deviation of 0 marks a constant column. */
  means: FeatureValues;
  standardDeviations: FeatureValues;
};

/** Transformed features as z-scores over all points; a constant feature becomes 0 everywhere rather than NaN. */
export function standardiseFeatures(points: readonly ClusterPoint[]): StandardisedFeatures {
  const n = points.length;
  const dimensions = CLUSTER_FEATURES.length;
  const matrix = new Float64Array(n * dimensions);
  for (let i = 0; i < n; i++) {
    CLUSTER_FEATURES.forEach((feature, d) => {
      const value = points[i][feature];
      if (!Number.isFinite(value)) throw new RangeError(`customer ${points[i].customerId}: ${feature} is ${value}, not a finite number`);
      matrix[i * dimensions + d] = transformFeature(feature, value);
    });
  }
  const means = {} as FeatureValues;
  const standardDeviations = {} as FeatureValues;
  CLUSTER_FEATURES.forEach((feature, d) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += matrix[i * dimensions + d];
    const mean = n > 0 ? sum / n : 0;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (matrix[i * dimensions + d] - mean) ** 2;
    let sd = n > 0 ? Math.sqrt(squares / n) : 0;
    // Rounding noise on a constant column (e.g. 1e-17) must not be blown up into ±1 z-scores.
    if (sd <= 1e-12 * Math.max(1, Math.abs(mean))) sd = 0;
    for (let i = 0; i < n; i++) matrix[i * dimensions + d] = sd === 0 ? 0 : (matrix[i * dimensions + d] - mean) / sd;
    means[feature] = mean;
    standardDeviations[feature] = sd;
  });
  return { matrix, dimensions, means, standardDeviations };
}

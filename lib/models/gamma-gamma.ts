import gammaln from '@stdlib/math-base-special-gammaln';
import {
  maximizeOverPositiveParameters,
  unfittable,
  type FitFailure,
  type FitOptions,
} from './maximum-likelihood';
import { collapseIdenticalRows, distinctIndex, gather, groupRows } from './weighted-rows';

/** Gamma-Gamma parameters: transaction value ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Per-customer columns: frequency x and mean repeat-transaction value (zbar). */
export interface MonetaryData {
  frequency: ArrayLike<number>;
  monetaryValue: ArrayLike<number>;
}

/**
 * When `converged` is false (see `failure`) the parameters are finite but not an estimate:
 * fall back to each customer's own mean spend (or the overall mean for customers without repeats).
 * `customersUsed` counts the customers with x > 0 and positive mean spend, the only ones fitted.
 */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  customersUsed: number;
  failure?: FitFailure;
}

/** Identical (x, zbar) customers collapsed into weighted rows, grouped by x as in bgnbd-likelihood.ts. */
interface CompressedData {
  xValues: Float64Array;
  groupStart: Int32Array;
  /** Σ weight and Σ weight·ln zbar over each x group: the parts of the likelihood that need no per-row work. */
  groupWeight: Float64Array;
  groupWeightedLogSpend: Float64Array;
  spend: Float64Array;
  weight: Float64Array;
}

// Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (Hardie note 025), eq. 1a: density of zbar with ν integrated out.
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: MonetaryData): number {
  return compressedLogLikelihood(params, compress(data));
}

// Fader & Hardie (2013), eq. 1a maximised over log-parameters, on customers with x > 0 and zbar > 0.
export function fitGammaGamma(data: MonetaryData, options: FitOptions & { start?: GammaGammaParams } = {}): GammaGammaFit {
  const compressed = compress(data);
  let customersUsed = 0;
  for (let i = 0; i < compressed.weight.length; i++) customersUsed += compressed.weight[i];

  const start = options.start ?? startingPoint(compressed);
  const startVector = [start.p, start.q, start.gamma];
  const toParams = (v: ArrayLike<number>): GammaGammaParams => ({ p: v[0], q: v[1], gamma: v[2] });
  const fit =
    customersUsed === 0
      ? unfittable(startVector, 0, 'no-repeat-customers')
      : maximizeOverPositiveParameters((v) => compressedLogLikelihood(toParams(v), compressed), startVector, options);
  // q ≤ 1 leaves the population mean spend p·γ/(q−1) undefined, so predictions for x = 0 would be meaningless.
  const usable = fit.converged && fit.params[1] > 1;
  return {
    ...fit,
    params: toParams(fit.params),
    customersUsed,
    converged: usable,
    ...(usable ? {} : { failure: fit.failure ?? 'not-identified' }),
  };
}

// Fader & Hardie (2013), eq. 5: E[M | p, q, γ, x, zbar], a weighted mean of the population and the customer's own mean.
export function conditionalExpectedAverageValue(params: GammaGammaParams, x: number, mbar: number): number {
  const { p, q, gamma } = params;
  if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : Infinity;
  return (p * (gamma + x * mbar)) / (p * x + q - 1);
}

function compress(data: MonetaryData): CompressedData {
  const n = data.frequency.length;
  if (data.monetaryValue.length !== n) throw new RangeError('frequency and monetaryValue must have the same length');

  const used: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    const m = data.monetaryValue[i];
    if (x > 0 && m > 0 && Number.isFinite(x) && Number.isFinite(m)) used.push(i);
  }
  const x = distinctIndex(gather(new Float64Array(used.length), data.frequency, used));
  const spendValues = gather(new Float64Array(used.length), data.monetaryValue, used);
  const spendOf = distinctIndex(spendValues);
  const spendCount = spendOf.values.length;
  const rows = collapseIdenticalRows(used.length, (i) => x.index[i] * spendCount + spendOf.index[i]);

  const rowCount = rows.weight.length;
  const { order, groupStart } = groupRows(gather(new Int32Array(rowCount), x.index, rows.representative), x.values.length);
  const spend = gather(new Float64Array(rowCount), spendValues, gather(new Int32Array(rowCount), rows.representative, order));
  const weight = gather(new Float64Array(rowCount), rows.weight, order);
  const groupWeight = new Float64Array(x.values.length);
  const groupWeightedLogSpend = new Float64Array(x.values.length);
  for (let k = 0; k < x.values.length; k++) {
    for (let i = groupStart[k]; i < groupStart[k + 1]; i++) {
      groupWeight[k] += weight[i];
      groupWeightedLogSpend[k] += weight[i] * Math.log(spend[i]);
    }
  }
  return { xValues: x.values, groupStart, groupWeight, groupWeightedLogSpend, spend, weight };
}

// Fader & Hardie (2013), eq. 1a, with the terms that depend on x only computed once per distinct x.
function compressedLogLikelihood(params: GammaGammaParams, data: CompressedData): number {
  const { p, q, gamma } = params;
  const { xValues, groupStart, groupWeight, groupWeightedLogSpend, spend, weight } = data;
  const shared = q * Math.log(gamma) - gammaln(q);
  let total = 0;
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    const px = p * x;
    // Σ ln(γ + x·zbar) over the group as the log of a running product, rescaled before it can overflow.
    let sumLogScale = 0;
    let product = 1;
    for (let i = groupStart[k]; i < groupStart[k + 1]; i++) {
      const scale = gamma + x * spend[i];
      if (weight[i] === 1 && scale > 1e-100 && scale < 1e100) {
        product *= scale;
        if (product > 1e200 || product < 1e-200) {
          sumLogScale += Math.log(product);
          product = 1;
        }
      } else {
        sumLogScale += weight[i] * Math.log(scale);
      }
    }
    sumLogScale += Math.log(product);
    total +=
      groupWeight[k] * (shared + gammaln(px + q) - gammaln(px) + px * Math.log(x)) +
      (px - 1) * groupWeightedLogSpend[k] -
      (px + q) * sumLogScale;
  }
  return total;
}

/** p = 1, q = 2 and γ matching the mean spend, since E[zbar] = p·γ/(q − 1). */
function startingPoint(data: CompressedData): GammaGammaParams {
  let total = 0;
  let count = 0;
  for (let i = 0; i < data.weight.length; i++) {
    total += data.weight[i] * data.spend[i];
    count += data.weight[i];
  }
  return { p: 1, q: 2, gamma: count > 0 ? total / count : 1 };
}

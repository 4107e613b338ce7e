import gammaln from '@stdlib/math-base-special-gammaln';
import { collapseIdenticalRows, distinctIndex, gather, groupRows } from './weighted-rows';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b). α is in the data's time unit. */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer columns: frequency x (repeat purchases), recency t_x and age T, in one time unit. */
export interface RepeatPurchaseData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

/**
 * Identical (x, t_x, T) customers collapsed into weighted rows, grouped by x: rows
 * groupStart[k] … groupStart[k+1]−1 have x = xValues[k]. T and t_x index their distinct values.
 */
export interface CompressedRepeatPurchaseData {
  xValues: Float64Array;
  groupStart: Int32Array;
  TValues: Float64Array;
  recencyValues: Float64Array;
  rowT: Int32Array;
  rowRecency: Int32Array;
  weight: Float64Array;
}

// Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), eq. 6 summed over customers.
export function bgNbdLogLikelihood(params: BgNbdParams, data: RepeatPurchaseData): number {
  return compressedBgNbdLogLikelihood(params, compressRepeatPurchaseData(data));
}

export function compressRepeatPurchaseData(data: RepeatPurchaseData): CompressedRepeatPurchaseData {
  const n = data.frequency.length;
  if (data.recency.length !== n || data.T.length !== n) {
    throw new RangeError('frequency, recency and T must have the same length');
  }
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    const tx = data.recency[i];
    const T = data.T[i];
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && tx <= T && Number.isFinite(T))) {
      throw new RangeError(`customer ${i}: need integer frequency ≥ 0 and 0 ≤ recency ≤ T, got (${x}, ${tx}, ${T})`);
    }
  }
  const x = distinctIndex(data.frequency);
  const T = distinctIndex(data.T);
  const recency = distinctIndex(data.recency);

  const nT = T.values.length;
  const nRecency = recency.values.length;
  // A numeric key is exact only while x·T·t_x combinations stay below 2^53; past that, fall back to a string.
  const numericKey = x.values.length * nT * nRecency <= Number.MAX_SAFE_INTEGER;
  const rows = collapseIdenticalRows(n, (i) =>
    numericKey
      ? (x.index[i] * nT + T.index[i]) * nRecency + recency.index[i]
      : `${x.index[i]},${T.index[i]},${recency.index[i]}`,
  );

  // Grouped by x so that each x's constants are computed once per group.
  const rowCount = rows.weight.length;
  const { order, groupStart } = groupRows(gather(new Int32Array(rowCount), x.index, rows.representative), x.values.length);
  const customers = gather(new Int32Array(rowCount), rows.representative, order);
  return {
    xValues: x.values,
    groupStart,
    TValues: T.values,
    recencyValues: recency.values,
    rowT: gather(new Int32Array(rowCount), T.index, customers),
    rowRecency: gather(new Int32Array(rowCount), recency.index, customers),
    weight: gather(new Float64Array(rowCount), rows.weight, order),
  };
}

// Fader, Hardie & Lee (2005), eq. 6, with every term that depends on one column only computed once per distinct value.
export function compressedBgNbdLogLikelihood(params: BgNbdParams, data: CompressedRepeatPurchaseData): number {
  const { r, alpha, a, b } = params;
  const { xValues, groupStart, TValues, recencyValues, rowT, rowRecency, weight } = data;
  const logAlphaT = TValues.map((T) => Math.log(alpha + T));
  const logAlphaRecency = recencyValues.map((tx) => Math.log(alpha + tx));
  const shared = r * Math.log(alpha) - gammaln(r) + gammaln(a + b) - gammaln(b);
  const logA = Math.log(a);

  let total = 0;
  // log(e^A3 + e^A4) = A3 + max(d, 0) + log(1 + e^−|d|) with d = A4 − A3; the last factors lie in (1, 2],
  // so they are multiplied up and logged once per few hundred rows instead of once per row.
  let product = 1;
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    const exponent = r + x;
    let groupWeight = 0;
    let weightedLogAT = 0;
    if (x === 0) {
      for (let i = groupStart[k]; i < groupStart[k + 1]; i++) {
        groupWeight += weight[i];
        weightedLogAT += weight[i] * logAlphaT[rowT[i]];
      }
    } else {
      const logDropRatio = logA - Math.log(b + x - 1);
      for (let i = groupStart[k]; i < groupStart[k + 1]; i++) {
        const w = weight[i];
        const logAT = logAlphaT[rowT[i]];
        const d = logDropRatio + exponent * (logAT - logAlphaRecency[rowRecency[i]]);
        const factor = 1 + Math.exp(-Math.abs(d));
        if (w === 1) {
          product *= factor;
          if (product > 1e200) {
            total += Math.log(product);
            product = 1;
          }
        } else {
          total += w * Math.log(factor);
        }
        groupWeight += w;
        weightedLogAT += w * logAT;
        total += w * Math.max(d, 0);
      }
    }
    total += groupWeight * (shared + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x)) - exponent * weightedLogAT;
  }
  return total + Math.log(product);
}

import { conditionalExpectedPurchases, fitBgNbd, type BgNbdParams } from '@/lib/models/bgnbd';
import type { CalibrationRows } from './holdout';

export type HoldoutBucket = { label: string; customers: number; actual: number; predicted: number };
export type HoldoutCheck = {
  cutoff: string;
  holdoutDays: number;
  calibrationParams: BgNbdParams;
  converged: boolean;
  buckets: HoldoutBucket[];
  actualTotal: number;
  predictedTotal: number;
  /** (predicted − actual) ÷ actual over all customers. */
  aggregateError: number;
};

const TOP_BUCKET = 7;

/**
 * Fits BG/NBD on the calibration period and compares mean predicted with mean actual repeat purchases in the holdout
 * period per calibration frequency x = 0…6, 7+ (Fader, Hardie & Lee 2005, figure 4).
 */
export function holdoutCheck(rows: CalibrationRows, cutoff: string, holdoutDays: number): HoldoutCheck {
  const fit = fitBgNbd(rows);
  const sums = Array.from({ length: TOP_BUCKET + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
  let actualTotal = 0;
  let predictedTotal = 0;
  for (let i = 0; i < rows.frequency.length; i++) {
    const x = rows.frequency[i];
    const predicted = conditionalExpectedPurchases(fit.params, holdoutDays, x, rows.recency[i], rows.T[i]);
    const bucket = sums[Math.min(x, TOP_BUCKET)];
    bucket.customers++;
    bucket.actual += rows.actualHoldoutPurchases[i];
    bucket.predicted += predicted;
    actualTotal += rows.actualHoldoutPurchases[i];
    predictedTotal += predicted;
  }
  return {
    cutoff,
    holdoutDays,
    calibrationParams: fit.params,
    converged: fit.converged,
    buckets: sums.map((sum, x) => ({
      label: x === TOP_BUCKET ? `${TOP_BUCKET}+` : String(x),
      customers: sum.customers,
      actual: sum.customers ? sum.actual / sum.customers : 0,
      predicted: sum.customers ? sum.predicted / sum.customers : 0,
    })),
    actualTotal,
    predictedTotal,
    aggregateError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : 0,
  };
}

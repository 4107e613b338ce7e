import { expectedPurchasesIfAlive, fitBgNbd, probabilityAlive, type BgNbdFit } from './bgnbd';
import { DAYS_PER_MONTH, discountedPurchasesIfAlive } from './clv';
import { conditionalExpectedAverageValue, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';

/** Per-customer columns the fits need, times in days: repeat purchases x, t_x, T and mean repeat spend. */
export interface RepeatPurchaseColumns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  averageRepeatValue: Float64Array;
}

/** Per-customer columns that only a fallback or the margin basis reads (see fallbackColumnsNeeded). */
export interface FallbackColumns {
  averageOrderValue: Float64Array;
  /** Margin ÷ revenue of the customer's history; used when CLV is on margin. */
  marginRate: Float64Array;
  revenueLast365Days: Float64Array;
}

export type CustomerValueColumns = RepeatPurchaseColumns & FallbackColumns;

export interface ValueModelFits {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

export interface PredictionOptions {
  horizonMonths: number;
  monthlyDiscountRate: number;
  basis: 'revenue' | 'margin';
}

/** 'models' when BG/NBD and Gamma-Gamma converged; otherwise which fallback is used. */
export type PredictionMethod = 'models' | 'bgnbd-with-observed-spend' | 'historical-run-rate';

/** NaN marks "no model estimate" (the caller stores it as NULL). */
export interface CustomerValuePredictions {
  expectedPurchases90Days: Float64Array;
  probabilityAlive: Float64Array;
  predictedClv: Float64Array;
  method: PredictionMethod;
}

export function fitValueModels(columns: RepeatPurchaseColumns): ValueModelFits {
  return {
    bgnbd: fitBgNbd(columns),
    gammaGamma: fitGammaGamma({ frequency: columns.frequency, monetaryValue: columns.averageRepeatValue }),
  };
}

export function predictionMethod(fits: ValueModelFits): PredictionMethod {
  if (!fits.bgnbd.converged) return 'historical-run-rate';
  return fits.gammaGamma.converged ? 'models' : 'bgnbd-with-observed-spend';
}

/** The fallback columns predictCustomerValue reads with these fits and options: the only ones a caller must load. */
export function fallbackColumnsNeeded(fits: ValueModelFits, options: PredictionOptions): (keyof FallbackColumns)[] {
  const method = predictionMethod(fits);
  const needed: (keyof FallbackColumns)[] = [];
  if (method === 'historical-run-rate') needed.push('revenueLast365Days');
  if (method === 'bgnbd-with-observed-spend') needed.push('averageOrderValue');
  if (options.basis === 'margin') needed.push('marginRate');
  return needed;
}

/**
 * P(alive), purchases expected in the next 90 days and discounted CLV over the horizon for every customer.
 * Without a converged BG/NBD fit, CLV falls back to the last year's revenue run-rate and the model columns stay
 * empty; without Gamma-Gamma, each customer's own average order value stands in for the expected spend.
 */
export function predictCustomerValue(
  columns: RepeatPurchaseColumns & Partial<FallbackColumns>,
  fits: ValueModelFits,
  options: PredictionOptions,
): CustomerValuePredictions {
  const missing = fallbackColumnsNeeded(fits, options).filter((name) => !columns[name]);
  if (missing.length > 0) throw new RangeError(`predictions need ${missing.join(', ')}`);
  const { marginRate, revenueLast365Days, averageOrderValue } = columns as CustomerValueColumns;
  const n = columns.frequency.length;
  const result: CustomerValuePredictions = {
    expectedPurchases90Days: new Float64Array(n).fill(NaN),
    probabilityAlive: new Float64Array(n).fill(NaN),
    predictedClv: new Float64Array(n),
    method: predictionMethod(fits),
  };
  const clvOptions = {
    modelUnit: 'days' as const,
    unitsPerMonth: DAYS_PER_MONTH,
    months: options.horizonMonths,
    monthlyDiscountRate: options.monthlyDiscountRate,
  };
  // The costly hypergeometric terms depend on (x, T) only: compute them once per distinct pair.
  const sharedByXT = new Map<number, { next90Days: number; discountedHorizon: number }>();
  for (let i = 0; i < n; i++) {
    const basisRate = options.basis === 'margin' ? marginRate[i] : 1;
    if (result.method === 'historical-run-rate') {
      result.predictedClv[i] = revenueLast365Days[i] * (options.horizonMonths / 12) * basisRate;
      continue;
    }
    const x = columns.frequency[i];
    const T = columns.T[i];
    const key = x * 1_000_000 + T;
    let shared = sharedByXT.get(key);
    if (!shared) {
      shared = {
        next90Days: expectedPurchasesIfAlive(fits.bgnbd.params, 90, x, T),
        discountedHorizon: discountedPurchasesIfAlive(fits.bgnbd.params, x, T, clvOptions),
      };
      sharedByXT.set(key, shared);
    }
    const spend =
      result.method === 'models'
        ? conditionalExpectedAverageValue(fits.gammaGamma.params, x, x > 0 ? Math.max(columns.averageRepeatValue[i], 0) : 0)
        : averageOrderValue[i];
    const alive = probabilityAlive(fits.bgnbd.params, x, columns.recency[i], T);
    result.probabilityAlive[i] = alive;
    result.expectedPurchases90Days[i] = shared.next90Days * alive;
    result.predictedClv[i] = shared.discountedHorizon * alive * spend * basisRate;
  }
  return result;
}

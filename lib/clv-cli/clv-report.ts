import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit } from '@/lib/models/bgnbd';
import { churnRisk, churnRiskBand, DAYS_PER_MONTH, predictedClv } from '@/lib/models/clv';
import {
  summarizeTransactions,
  summaryColumns,
  type CustomerSummary,
  type TimeUnit,
  type Transaction,
} from '@/lib/models/customer-summary';
import { conditionalExpectedAverageValue, fitGammaGamma, type GammaGammaFit } from '@/lib/models/gamma-gamma';
import type { FitFailure } from '@/lib/models/maximum-likelihood';
import type { CsvCell } from '@/lib/import/csv-writer';

export interface ClvFitOptions {
  /** Last day of the calibration period (inclusive), YYYY-MM-DD; later transactions are ignored. */
  calibrationEnd: string;
  unit: TimeUnit;
}

export interface ClvFits {
  options: ClvFitOptions;
  summaries: CustomerSummary[];
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/** The JSON the CLI prints. */
export interface ClvReport {
  bgnbd: {
    r: number;
    alpha: number;
    a: number;
    b: number;
    logLikelihood: number;
    converged: boolean;
    iterations: number;
    failure?: FitFailure;
    failureReason?: string;
  };
  gammaGamma: {
    p: number;
    q: number;
    gamma: number;
    logLikelihood: number;
    converged: boolean;
    iterations: number;
    customers: number;
    failure?: FitFailure;
    failureReason?: string;
  };
  customers: number;
  repeatCustomers: number;
  calibrationEnd: string;
  unit: TimeUnit;
}

export interface PredictionOptions {
  horizonMonths: number;
  monthlyDiscountRate: number;
  /** Horizon of expected_purchases_horizon in model units; default horizonMonths converted to the unit. */
  purchaseHorizon?: number;
}

export const PREDICTION_COLUMNS = [
  'customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'probability_alive', 'churn_risk', 'churn_risk_band',
  'expected_purchases_horizon', 'expected_average_value', 'predicted_clv',
] as const;

const FAILURE_REASONS: Record<FitFailure, string> = {
  'no-data': 'no customer bought on or before the calibration end',
  'no-repeat-customers': 'no customer bought on two different days before the calibration end',
  'not-identified': 'the data do not pin the parameters down (too few customers or repeat buyers)',
  'did-not-converge': 'the search ran out of iterations',
};

export function failureReason(failure: FitFailure | undefined): string {
  return failure ? FAILURE_REASONS[failure] : 'unknown reason';
}

export function fitClvModels(transactions: readonly Transaction[], options: ClvFitOptions): ClvFits {
  const summaries = summarizeTransactions(transactions, options);
  const columns = summaryColumns(summaries);
  return {
    options,
    summaries,
    bgnbd: fitBgNbd(columns),
    gammaGamma: fitGammaGamma({ frequency: columns.frequency, monetaryValue: columns.monetaryValue }),
  };
}

export function clvReport({ options, summaries, bgnbd, gammaGamma }: ClvFits): ClvReport {
  const whyNot = (fit: { converged: boolean; failure?: FitFailure }) =>
    fit.converged ? {} : { failure: fit.failure, failureReason: failureReason(fit.failure) };
  return {
    bgnbd: {
      ...bgnbd.params,
      logLikelihood: bgnbd.logLikelihood,
      converged: bgnbd.converged,
      iterations: bgnbd.iterations,
      ...whyNot(bgnbd),
    },
    gammaGamma: {
      ...gammaGamma.params,
      logLikelihood: gammaGamma.logLikelihood,
      converged: gammaGamma.converged,
      iterations: gammaGamma.iterations,
      customers: gammaGamma.customersUsed,
      ...whyNot(gammaGamma),
    },
    customers: summaries.length,
    repeatCustomers: summaries.filter((s) => s.frequency > 0).length,
    calibrationEnd: options.calibrationEnd,
    unit: options.unit,
  };
}

/** Repeat spend over repeat purchases: the expected spend when Gamma-Gamma did not converge and x = 0. */
export function meanRepeatPurchaseValue(summaries: readonly CustomerSummary[]): number {
  let spend = 0;
  let purchases = 0;
  for (const { frequency, monetaryValue } of summaries) {
    spend += frequency * monetaryValue;
    purchases += frequency;
  }
  return purchases > 0 ? Math.max(spend / purchases, 0) : 0;
}

/**
 * One PREDICTION_COLUMNS row per customer. Needs a converged BG/NBD fit; without a converged Gamma-Gamma fit the
 * expected spend is the customer's own mean repeat spend, or meanRepeatPurchaseValue for customers without repeats.
 */
export function* predictionRows(fits: ClvFits, options: PredictionOptions): Generator<CsvCell[]> {
  const { bgnbd, gammaGamma, summaries } = fits;
  if (!bgnbd.converged) throw new Error('predictionRows needs a converged BG/NBD fit');
  const unitsPerMonth = fits.options.unit === 'weeks' ? DAYS_PER_MONTH / 7 : DAYS_PER_MONTH;
  const purchaseHorizon = options.purchaseHorizon ?? options.horizonMonths * unitsPerMonth;
  const clvOptions = {
    modelUnit: fits.options.unit,
    unitsPerMonth,
    months: options.horizonMonths,
    monthlyDiscountRate: options.monthlyDiscountRate,
  };
  const fallbackSpend = gammaGamma.converged ? NaN : meanRepeatPurchaseValue(summaries);

  for (const s of summaries) {
    const x = s.frequency;
    // Gamma-Gamma is defined for positive spend only; refunds can leave a repeat customer's mean at or below 0.
    const observedSpend = Math.max(s.monetaryValue, 0);
    const spend = gammaGamma.converged
      ? conditionalExpectedAverageValue(gammaGamma.params, x, x > 0 ? observedSpend : 0)
      : x > 0
        ? observedSpend
        : fallbackSpend;
    const risk = churnRisk(bgnbd.params, s);
    yield [
      s.customerId,
      x,
      s.recency,
      s.T,
      s.monetaryValue,
      probabilityAlive(bgnbd.params, x, s.recency, s.T),
      risk,
      churnRiskBand(risk),
      conditionalExpectedPurchases(bgnbd.params, purchaseHorizon, x, s.recency, s.T),
      spend,
      predictedClv(bgnbd.params, s, spend, clvOptions),
    ];
  }
}

import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, type BgNbdFit } from '@/lib/models/bgnbd';
import { predictedClv } from '@/lib/models/clv';
import type { CustomerSummary } from '@/lib/models/customer-summary';
import type { GammaGammaFit } from '@/lib/models/gamma-gamma';
import { clvReport, meanRepeatPurchaseValue, PREDICTION_COLUMNS, predictionRows, type ClvFits } from './clv-report';

// Fader, Hardie & Lee (2005) weekly CDNOW estimates and Fader & Hardie (2013) Gamma-Gamma ones.
const weekly = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spendParams = { p: 6.25, q: 3.74, gamma: 15.44 };

const bgnbd = (converged: boolean, params = weekly): BgNbdFit => ({
  params,
  logLikelihood: -9582.4,
  converged,
  iterations: 200,
  ...(converged ? {} : { failure: 'not-identified' as const }),
});
const gammaGamma = (converged: boolean): GammaGammaFit => ({
  params: spendParams,
  logLikelihood: -4055.9,
  converged,
  iterations: 100,
  customersUsed: 2,
  ...(converged ? {} : { failure: 'did-not-converge' as const }),
});

const summaries: CustomerSummary[] = [
  { customerId: 'a', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
  { customerId: 'b', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 },
  { customerId: 'c', frequency: 6, recency: 36, T: 37, monetaryValue: 40 },
];

const fits = (bgnbdConverged: boolean, gammaGammaConverged: boolean): ClvFits => ({
  options: { calibrationEnd: '1997-09-30', unit: 'weeks' },
  summaries,
  bgnbd: bgnbd(bgnbdConverged),
  gammaGamma: gammaGamma(gammaGammaConverged),
});

const column = (name: (typeof PREDICTION_COLUMNS)[number]) => PREDICTION_COLUMNS.indexOf(name);
const options = { horizonMonths: 12, monthlyDiscountRate: 0.01 };

describe('clvReport', () => {
  it('counts customers and repeat customers, and explains only the fits that failed', () => {
    const report = clvReport(fits(true, false));
    expect(report.customers).toBe(3);
    expect(report.repeatCustomers).toBe(2);
    expect(report.bgnbd).toEqual({ ...weekly, logLikelihood: -9582.4, converged: true, iterations: 200 });
    expect(report.gammaGamma.failure).toBe('did-not-converge');
    expect(report.gammaGamma.failureReason).toBe('the search ran out of iterations');
    expect(report.gammaGamma.customers).toBe(2);
  });
});

describe('predictionRows', () => {
  it('predicts over the horizon in months converted to weeks (365.25 / 12 / 7 a month)', () => {
    const [row] = predictionRows(fits(true, true), options);
    const weeks = (12 * 365.25) / 12 / 7;
    expect(row[column('expected_purchases_horizon')]).toBeCloseTo(conditionalExpectedPurchases(weekly, weeks, 2, 30.43, 38.86), 12);
    expect(row[column('expected_average_value')]).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1), 12);
  });

  it('gives the same predictions in days as in weeks for the same model rescaled', () => {
    const inDays: ClvFits = {
      ...fits(true, true),
      options: { calibrationEnd: '1997-09-30', unit: 'days' },
      summaries: summaries.map((s) => ({ ...s, recency: s.recency * 7, T: s.T * 7 })),
      bgnbd: bgnbd(true, { ...weekly, alpha: weekly.alpha * 7 }),
    };
    const weekRows = [...predictionRows(fits(true, true), options)];
    const dayRows = [...predictionRows(inDays, options)];
    for (const name of ['probability_alive', 'expected_purchases_horizon', 'predicted_clv'] as const) {
      for (let i = 0; i < summaries.length; i++) {
        expect(dayRows[i][column(name)] as number).toBeCloseTo(weekRows[i][column(name)] as number, 9);
      }
    }
  });

  it('takes an exact purchase horizon in model units', () => {
    const [row] = predictionRows(fits(true, true), { ...options, purchaseHorizon: 39 });
    expect(Math.abs((row[column('expected_purchases_horizon')] as number) - 1.226)).toBeLessThan(0.001);
  });

  it('falls back to observed mean repeat spend when Gamma-Gamma did not converge', () => {
    const rows = [...predictionRows(fits(true, false), options)];
    const overallMean = (2 * 22.35 + 6 * 40) / 8;
    expect(meanRepeatPurchaseValue(summaries)).toBeCloseTo(overallMean, 12);
    expect(rows.map((row) => row[column('expected_average_value')])).toEqual([22.35, overallMean, 40]);
    const clv = predictedClv(weekly, summaries[1], overallMean, { modelUnit: 'weeks', months: 12, monthlyDiscountRate: 0.01 });
    expect(rows[1][column('predicted_clv')]).toBeCloseTo(clv, 9);
  });

  it('writes churn risk as 1 − P(alive) with its band', () => {
    const rows = [...predictionRows(fits(true, true), options)];
    for (const row of rows) {
      const risk = row[column('churn_risk')] as number;
      expect(risk).toBeCloseTo(1 - (row[column('probability_alive')] as number), 12);
      expect(row[column('churn_risk_band')]).toBe(risk < 0.33 ? 'low' : risk > 0.66 ? 'high' : 'medium');
    }
    expect(rows[1][column('churn_risk')]).toBe(0);
  });

  it('refuses to predict from a BG/NBD fit that did not converge', () => {
    expect(() => [...predictionRows(fits(false, true), options)]).toThrow('needs a converged BG/NBD fit');
  });
});

import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, probabilityAlive } from './bgnbd';
import { DAYS_PER_MONTH, predictedClv } from './clv';
import { conditionalExpectedAverageValue } from './gamma-gamma';
import { fallbackColumnsNeeded, fitValueModels, predictCustomerValue, type CustomerValueColumns } from './customer-predictions';
import { loadCdnowTransactions } from './fixtures/cdnow';
import { summarizeTransactions } from './customer-summary';

const summaries = summarizeTransactions(loadCdnowTransactions(), { calibrationEnd: '1997-09-30', unit: 'days' });
const columns: CustomerValueColumns = {
  frequency: Float64Array.from(summaries, (s) => s.frequency),
  recency: Float64Array.from(summaries, (s) => s.recency),
  T: Float64Array.from(summaries, (s) => s.T),
  averageRepeatValue: Float64Array.from(summaries, (s) => s.monetaryValue),
  averageOrderValue: Float64Array.from(summaries, () => 20),
  marginRate: Float64Array.from(summaries, () => 0.25),
  revenueLast365Days: Float64Array.from(summaries, () => 100),
};
const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, basis: 'revenue' as const };

describe('customer value predictions', () => {
  const fits = fitValueModels(columns);
  const predictions = predictCustomerValue(columns, fits, options);

  it('uses both models when they converge', () => {
    expect(fits.bgnbd.converged && fits.gammaGamma.converged).toBe(true);
    expect(predictions.method).toBe('models');
  });

  it('matches the per-customer formulas exactly, though it shares work between customers with equal x and T', () => {
    for (const i of [0, 1, 5, 17, 100, 999, summaries.length - 1]) {
      const x = columns.frequency[i];
      const customer = { frequency: x, recency: columns.recency[i], T: columns.T[i] };
      const spend = conditionalExpectedAverageValue(fits.gammaGamma.params, x, x > 0 ? columns.averageRepeatValue[i] : 0);
      const clv = predictedClv(fits.bgnbd.params, customer, spend, { modelUnit: 'days', unitsPerMonth: DAYS_PER_MONTH, months: 12 });
      expect(predictions.predictedClv[i]).toBeCloseTo(clv, 9);
      expect(predictions.expectedPurchases90Days[i]).toBeCloseTo(
        conditionalExpectedPurchases(fits.bgnbd.params, 90, x, customer.recency, customer.T),
        12,
      );
      expect(predictions.probabilityAlive[i]).toBe(probabilityAlive(fits.bgnbd.params, x, customer.recency, customer.T));
    }
  });

  it('scales CLV by each customer’s margin rate when CLV is on margin', () => {
    const onMargin = predictCustomerValue(columns, fits, { ...options, basis: 'margin' });
    expect(onMargin.predictedClv[3]).toBeCloseTo(predictions.predictedClv[3] * 0.25, 9);
  });

  it('falls back to the revenue run-rate, with no model columns, when BG/NBD did not converge', () => {
    const failed = { ...fits, bgnbd: { ...fits.bgnbd, converged: false } };
    const fallback = predictCustomerValue(columns, failed, { ...options, horizonMonths: 6 });
    expect(fallback.method).toBe('historical-run-rate');
    expect(fallback.predictedClv[0]).toBe(50);
    expect(Number.isNaN(fallback.probabilityAlive[0])).toBe(true);
  });

  it('uses the customer’s own average order value when only Gamma-Gamma failed', () => {
    const failed = { ...fits, gammaGamma: { ...fits.gammaGamma, converged: false } };
    const observed = predictCustomerValue(columns, failed, options);
    expect(observed.method).toBe('bgnbd-with-observed-spend');
    const i = 5;
    const customer = { frequency: columns.frequency[i], recency: columns.recency[i], T: columns.T[i] };
    expect(observed.predictedClv[i]).toBeCloseTo(
      predictedClv(fits.bgnbd.params, customer, 20, { modelUnit: 'days', unitsPerMonth: DAYS_PER_MONTH, months: 12 }),
      9,
    );
  });

  it('names the fallback columns it reads, and refuses to predict without them', () => {
    const { frequency, recency, T, averageRepeatValue } = columns;
    const repeatPurchases = { frequency, recency, T, averageRepeatValue };
    expect(fallbackColumnsNeeded(fits, options)).toEqual([]);
    expect(predictCustomerValue(repeatPurchases, fits, options).predictedClv).toEqual(predictions.predictedClv);
    const failed = { ...fits, gammaGamma: { ...fits.gammaGamma, converged: false } };
    expect(fallbackColumnsNeeded(failed, { ...options, basis: 'margin' })).toEqual(['averageOrderValue', 'marginRate']);
    expect(() => predictCustomerValue(repeatPurchases, failed, options)).toThrow(/averageOrderValue/);
  });
});

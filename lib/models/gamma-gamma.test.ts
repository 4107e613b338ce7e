import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import {
  conditionalExpectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  type GammaGammaParams,
} from './gamma-gamma';
import { summarizeTransactions, summaryColumns } from './customer-summary';
import { CDNOW_CALIBRATION_END, loadCdnowTransactions } from './fixtures/cdnow';

const published: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const summaries = summarizeTransactions(loadCdnowTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks' });
const data = summaryColumns(summaries);

/** Fader & Hardie (2013) eq. 1a per customer, as lifetimes writes it. */
function referenceLogLikelihood({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  return (
    gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + gamma)
  );
}

describe('Gamma-Gamma on CDNOW, fitted from the raw transaction log (Fader & Hardie 2013)', () => {
  const fit = fitGammaGamma(data);

  it('fits p, q, γ = 6.25, 3.74, 15.44 on the 946 repeat customers', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customersUsed).toBe(946);
    expect(Number(fit.params.p.toPrecision(3))).toBe(6.25);
    expect(Number(fit.params.q.toPrecision(3))).toBe(3.74);
    expect(Number(fit.params.gamma.toPrecision(3))).toBe(15.4);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
  });

  it("gives Hardie's E[M | x, zbar] for the first 10 customers with the published parameters", () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    summaries.slice(0, 10).forEach((customer, i) => {
      const value = conditionalExpectedAverageValue(published, customer.frequency, customer.monetaryValue);
      expect(Math.abs(value - expected[i])).toBeLessThan(0.1);
    });
  });

  it('computes the same likelihood as the per-customer formula, on repeat customers with positive spend only', () => {
    let reference = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      if (data.frequency[i] > 0 && data.monetaryValue[i] > 0) {
        reference += referenceLogLikelihood(published, data.frequency[i], data.monetaryValue[i]);
      }
    }
    expect(gammaGammaLogLikelihood(published, data)).toBeCloseTo(reference, 8);
    expect(fit.logLikelihood).toBeGreaterThan(reference);
  });
});

describe('conditionalExpectedAverageValue', () => {
  it('is the population mean p·γ/(q − 1) for x = 0 and moves towards the own mean as x grows', () => {
    const populationMean = (published.p * published.gamma) / (published.q - 1);
    expect(conditionalExpectedAverageValue(published, 0, 0)).toBeCloseTo(populationMean, 12);
    const few = conditionalExpectedAverageValue(published, 1, 100);
    const many = conditionalExpectedAverageValue(published, 1_000, 100);
    expect(few).toBeGreaterThan(populationMean);
    expect(few).toBeLessThan(many);
    expect(many).toBeCloseTo(100, 0);
    expect(Number.isFinite(conditionalExpectedAverageValue(published, 1e12, 1e6))).toBe(true);
  });

  it('returns Infinity for x = 0 when q ≤ 1 (the population mean does not exist)', () => {
    expect(conditionalExpectedAverageValue({ p: 2, q: 0.9, gamma: 10 }, 0, 0)).toBe(Infinity);
  });
});

describe('fitGammaGamma edge cases', () => {
  const isFiniteFit = (fit: ReturnType<typeof fitGammaGamma>) =>
    Number.isFinite(fit.logLikelihood) && Object.values(fit.params).every(Number.isFinite);

  it('ignores customers with zero-value repeat purchases', () => {
    const withZeros = {
      frequency: [...data.frequency, 3, 1, 0],
      monetaryValue: [...data.monetaryValue, 0, 0, 0],
    };
    const fit = fitGammaGamma(withZeros);
    expect(fit.customersUsed).toBe(946);
    expect(gammaGammaLogLikelihood(published, withZeros)).toBe(gammaGammaLogLikelihood(published, data));
  });

  it('reports no-repeat-customers, with finite numbers, when nobody repeats', () => {
    const fit = fitGammaGamma({ frequency: [0, 0, 0], monetaryValue: [0, 0, 0] });
    expect(fit).toMatchObject({ converged: false, failure: 'no-repeat-customers', customersUsed: 0 });
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('reports not-identified on 3 customers', () => {
    const fit = fitGammaGamma({ frequency: [1, 2, 4], monetaryValue: [10, 12, 11] });
    expect(fit.converged).toBe(false);
    expect(fit.failure).toBe('not-identified');
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('stays finite with very large frequencies and spends', () => {
    const fit = fitGammaGamma({
      frequency: [...data.frequency, 50_000, 1_000_000],
      monetaryValue: [...data.monetaryValue, 1e6, 25],
    });
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('rejects columns of different lengths', () => {
    expect(() => fitGammaGamma({ frequency: [1, 2], monetaryValue: [1] })).toThrow(RangeError);
  });
});

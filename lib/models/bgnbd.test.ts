import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import {
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  type BgNbdParams,
} from './bgnbd';
import { summarizeTransactions, summaryColumns } from './customer-summary';
import { CDNOW_CALIBRATION_END, loadCdnowTransactions } from './fixtures/cdnow';

const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function cdnow(unit: 'weeks' | 'days') {
  return summaryColumns(summarizeTransactions(loadCdnowTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END, unit }));
}

/** FHL (2005) eq. 6 written out per customer, as lifetimes does; the compressed likelihood must agree. */
function referenceLogLikelihood({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = Math.log(a) - Math.log(b + Math.max(x, 1) - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + Math.log(Math.exp(a3) + (x > 0 ? Math.exp(a4) : 0));
}

const significant = (value: number, digits: number) => Number(value.toPrecision(digits));

describe('BG/NBD on CDNOW, fitted from the raw transaction log (Fader, Hardie & Lee 2005)', () => {
  const data = cdnow('weeks');
  const fit = fitBgNbd(data);

  it('recovers r, α, a, b = 0.243, 4.414, 0.793, 2.426 and LL = −9582.4', () => {
    expect(fit.converged).toBe(true);
    expect(fit.failure).toBeUndefined();
    expect(significant(fit.params.r, 3)).toBe(0.243);
    expect(significant(fit.params.alpha, 3)).toBe(4.41);
    expect(significant(fit.params.a, 3)).toBe(0.793);
    expect(significant(fit.params.b, 3)).toBe(2.43);
    // Published to 3 decimals; the fit agrees to 1e-3 relative.
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
  });

  it('gives E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226 for customer 0001', () => {
    expect(Math.abs(conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.001);
  });

  it("reproduces Hardie's unconditional E[X(t)] to 3 decimals", () => {
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(expectedPurchases(fit.params, t)).toBeCloseTo(expected[i], 3));
  });

  it('is invariant to the time unit: days give α × 7, the same r, a, b, and LL − Σx·ln 7', () => {
    const daily = cdnow('days');
    const dailyFit = fitBgNbd(daily);
    const repeatPurchases = daily.frequency.reduce((sum, x) => sum + x, 0);
    expect(dailyFit.converged).toBe(true);
    expect(dailyFit.params.r).toBeCloseTo(fit.params.r, 4);
    expect(dailyFit.params.alpha / 7).toBeCloseTo(fit.params.alpha, 3);
    expect(dailyFit.params.a).toBeCloseTo(fit.params.a, 4);
    expect(dailyFit.params.b).toBeCloseTo(fit.params.b, 3);
    expect(dailyFit.logLikelihood).toBeCloseTo(fit.logLikelihood - repeatPurchases * Math.log(7), 3);
  });

  it('computes the same likelihood as the per-customer formula', () => {
    let reference = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      reference += referenceLogLikelihood(published, data.frequency[i], data.recency[i], data.T[i]);
    }
    expect(bgNbdLogLikelihood(published, data)).toBeCloseTo(reference, 8);
  });
});

describe('BG/NBD predictions', () => {
  it('gives P(X(39) = 0) = 0.5737864 with the published parameters (BTYD)', () => {
    expect(probabilityOfPurchases(published, 39, 0)).toBeCloseTo(0.5737864, 7);
  });

  it('gives a distribution over n whose total is 1 and whose mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(published, 39, n);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedPurchases(published, 39), 4);
    expect(probabilityOfPurchases(published, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(published, 0, 3)).toBe(0);
  });

  it('has P(alive) exactly 1 when x = 0, and below 1 for a lapsed repeat buyer', () => {
    expect(probabilityAlive(published, 0, 0, 38.86)).toBe(1);
    expect(probabilityAlive(published, 0, 0, 0)).toBe(1);
    const lapsed = probabilityAlive(published, 2, 5, 38.86);
    const recent = probabilityAlive(published, 2, 38, 38.86);
    expect(lapsed).toBeLessThan(recent);
    expect(recent).toBeLessThan(1);
  });

  it('matches the unconditional expectation for a new customer (x = t_x = T = 0) and is 0 at t = 0', () => {
    expect(conditionalExpectedPurchases(published, 39, 0, 0, 0)).toBe(expectedPurchases(published, 39));
    expect(conditionalExpectedPurchases(published, 0, 3, 20, 30)).toBe(0);
    expect(expectedPurchases(published, 0)).toBe(0);
  });

  it('grows with t and stays finite at long horizons', () => {
    let previous = 0;
    for (const t of [1, 10, 100, 1_000, 100_000]) {
      const value = conditionalExpectedPurchases(published, t, 3, 30, 38);
      expect(value).toBeGreaterThan(previous);
      expect(Number.isFinite(value)).toBe(true);
      previous = value;
    }
  });

  it('stays finite for very large frequencies, and the expectation follows the purchase rate', () => {
    for (const x of [1_000, 100_000, 10_000_000]) {
      const alive = probabilityAlive(published, x, 38, 39);
      const expected = conditionalExpectedPurchases(published, 39, x, 38, 39);
      expect(Number.isFinite(alive) && alive >= 0 && alive <= 1).toBe(true);
      expect(Number.isFinite(expected)).toBe(true);
    }
    // Lapsed heavy buyer: the dead-odds term overflows to certain death, not NaN.
    expect(probabilityAlive(published, 100_000, 1, 39)).toBe(0);
    expect(conditionalExpectedPurchases(published, 39, 100_000, 1, 39)).toBe(0);
    // Active heavy buyer: about x / (α + T) purchases per week for the next 39 weeks.
    const active = conditionalExpectedPurchases(published, 39, 10_000, 39, 39);
    expect(active / 39).toBeGreaterThan(0.5 * (10_000 / (published.alpha + 39)));
    expect(active / 39).toBeLessThan(10_000 / (published.alpha + 39));
  });

  it('handles a = 1, where eq. 10 is 0/0', () => {
    const atOne = { ...published, a: 1 };
    const value = expectedPurchases(atOne, 39);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(expectedPurchases({ ...published, a: 1.001 }, 39), 3);
  });
});

describe('fitBgNbd edge cases', () => {
  const isFiniteFit = (fit: ReturnType<typeof fitBgNbd>) =>
    Number.isFinite(fit.logLikelihood) && Object.values(fit.params).every(Number.isFinite);

  it('reports no-repeat-customers, with finite numbers, when nobody bought twice (all purchases on one day)', () => {
    const fit = fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 0] });
    expect(fit.converged).toBe(false);
    expect(fit.failure).toBe('no-repeat-customers');
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('reports not-identified on 3 customers', () => {
    const fit = fitBgNbd({ frequency: [1, 2, 0], recency: [5, 8, 0], T: [10, 20, 30] });
    expect(fit.converged).toBe(false);
    expect(fit.failure).toBe('not-identified');
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('reports no-data on an empty data set', () => {
    const fit = fitBgNbd({ frequency: [], recency: [], T: [] });
    expect(fit).toMatchObject({ converged: false, failure: 'no-data', iterations: 0 });
    expect(isFiniteFit(fit)).toBe(true);
  });

  it('fits data with T = 0 customers and very large frequencies without NaN', () => {
    const data = cdnow('weeks');
    const frequency = [...data.frequency, 0, 5_000, 20_000];
    const recency = [...data.recency, 0, 38, 38.5];
    const T = [...data.T, 0, 38.9, 38.9];
    const fit = fitBgNbd({ frequency, recency, T });
    expect(isFiniteFit(fit)).toBe(true);
    expect(fit.converged).toBe(true);
  });

  it('accepts Float64Arrays and plain arrays alike', () => {
    const data = cdnow('weeks');
    const plain = { frequency: Array.from(data.frequency), recency: Array.from(data.recency), T: Array.from(data.T) };
    expect(bgNbdLogLikelihood(published, plain)).toBe(bgNbdLogLikelihood(published, data));
  });

  it('rejects impossible rows', () => {
    expect(() => fitBgNbd({ frequency: [1.5], recency: [1], T: [2] })).toThrow(RangeError);
    expect(() => fitBgNbd({ frequency: [1], recency: [3], T: [2] })).toThrow(RangeError);
    expect(() => fitBgNbd({ frequency: [1, 2], recency: [1], T: [2] })).toThrow(RangeError);
  });
});

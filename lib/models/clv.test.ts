import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, type BgNbdParams } from './bgnbd';
import { churnRisk, churnRiskBand, DAYS_PER_MONTH, predictedClv } from './clv';

const weekly: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const daily: BgNbdParams = { ...weekly, alpha: weekly.alpha * 7 };
const customer0001 = { frequency: 2, recency: 30.43, T: 38.86 };

describe('predictedClv', () => {
  it('is expected purchases over the horizon × spend when nothing is discounted', () => {
    const clv = predictedClv(weekly, customer0001, 20, { modelUnit: 'weeks', monthlyDiscountRate: 0 });
    const purchases = conditionalExpectedPurchases(weekly, 12 * (DAYS_PER_MONTH / 7), 2, 30.43, 38.86);
    expect(clv).toBeCloseTo(purchases * 20, 10);
  });

  it("discounts each month's purchases by (1 + d)^month, as lifetimes' customer_lifetime_value", () => {
    let expected = 0;
    for (let month = 1; month <= 12; month++) {
      const increment =
        conditionalExpectedPurchases(daily, month * 30, 2, 213, 272) -
        conditionalExpectedPurchases(daily, (month - 1) * 30, 2, 213, 272);
      expected += (increment * 25) / 1.01 ** month;
    }
    const clv = predictedClv(daily, { frequency: 2, recency: 213, T: 272 }, 25, { modelUnit: 'days', unitsPerMonth: 30 });
    expect(clv).toBeCloseTo(expected, 10);
  });

  it('gives the same value whether the model was fitted in days or weeks', () => {
    const inWeeks = predictedClv(weekly, customer0001, 30, { modelUnit: 'weeks', months: 24 });
    const inDays = predictedClv(
      daily,
      { frequency: 2, recency: customer0001.recency * 7, T: customer0001.T * 7 },
      30,
      { modelUnit: 'days', months: 24 },
    );
    expect(inDays).toBeCloseTo(inWeeks, 10);
  });

  it('applies the margin, grows with the horizon and shrinks with the discount rate', () => {
    const options = { modelUnit: 'weeks' as const };
    const revenue = predictedClv(weekly, customer0001, 30, options);
    expect(predictedClv(weekly, customer0001, 30, { ...options, margin: 0.25 })).toBeCloseTo(revenue * 0.25, 10);
    expect(predictedClv(weekly, customer0001, 30, { ...options, months: 24 })).toBeGreaterThan(revenue);
    expect(predictedClv(weekly, customer0001, 30, { ...options, monthlyDiscountRate: 0.05 })).toBeLessThan(revenue);
    expect(predictedClv(weekly, customer0001, 30, { ...options, months: 0 })).toBe(0);
  });

  it('values a customer who never repeated, and gives 0 for zero spend', () => {
    const oneTimer = { frequency: 0, recency: 0, T: 38.86 };
    expect(predictedClv(weekly, oneTimer, 30, { modelUnit: 'weeks' })).toBeGreaterThan(0);
    expect(predictedClv(weekly, customer0001, 0, { modelUnit: 'weeks' })).toBe(0);
  });

  it('rejects a non-positive month length', () => {
    expect(() => predictedClv(weekly, customer0001, 30, { modelUnit: 'days', unitsPerMonth: 0 })).toThrow(RangeError);
  });
});

describe('churn risk', () => {
  it('is 1 − P(alive): 0 for customers without repeats, high for a lapsed repeat buyer', () => {
    expect(churnRisk(weekly, { frequency: 0, recency: 0, T: 38.86 })).toBe(0);
    const lapsed = churnRisk(weekly, { frequency: 5, recency: 4, T: 38.86 });
    const active = churnRisk(weekly, { frequency: 5, recency: 38, T: 38.86 });
    expect(lapsed).toBeGreaterThan(0.66);
    expect(active).toBeLessThan(0.33);
  });

  it('bands below 0.33 as low, 0.33–0.66 as medium and above 0.66 as high', () => {
    expect(churnRiskBand(0)).toBe('low');
    expect(churnRiskBand(0.3299)).toBe('low');
    expect(churnRiskBand(0.33)).toBe('medium');
    expect(churnRiskBand(0.5)).toBe('medium');
    expect(churnRiskBand(0.66)).toBe('medium');
    expect(churnRiskBand(0.6601)).toBe('high');
    expect(churnRiskBand(1)).toBe('high');
  });
});

import { describe, expect, it } from 'vitest';
import {
  churnRiskBand,
  populationTotals,
  segmentMetrics,
  type CustomerValuationRow,
} from './segment-metrics';

const loyal: CustomerValuationRow = {
  revenueAllTime: 1000,
  revenueLast12Months: 400,
  grossMargin: 300,
  orderCount: 4,
  tenureDays: 730,
  daysSinceLastOrder: 30,
  predictedClv: 600,
  probabilityAlive: 0.9,
  expectedPurchases90Days: 1.2,
};
const newcomerAtRisk: CustomerValuationRow = {
  revenueAllTime: 200,
  revenueLast12Months: 0,
  grossMargin: 50,
  orderCount: 1,
  tenureDays: 10,
  daysSinceLastOrder: 10,
  predictedClv: 100,
  probabilityAlive: 0.2,
  expectedPurchases90Days: 0.1,
};
const twoOrders: CustomerValuationRow = {
  revenueAllTime: 300,
  revenueLast12Months: 300,
  grossMargin: 90,
  orderCount: 2,
  tenureDays: 365.25,
  daysSinceLastOrder: 200,
  predictedClv: 200,
  probabilityAlive: 0.5,
  expectedPurchases90Days: 0.5,
};
const outsider: CustomerValuationRow = { ...twoOrders, revenueAllTime: 1500, revenueLast12Months: 700 };

describe('segmentMetrics', () => {
  it('matches the aggregates computed by hand on three customers', () => {
    const segment = [loyal, newcomerAtRisk, twoOrders];
    // Population: the segment plus two outsiders of 1500 all-time and 700 last-12-month revenue each.
    const population = populationTotals([...segment, outsider, outsider]);
    expect(population).toEqual({ customers: 5, revenueAllTime: 4500, revenueLast12Months: 2100 });

    const metrics = segmentMetrics(segment, population);
    // revenue 1000+200+300 = 1500 (share 1500/4500), last 12 months 400+0+300 = 700 (share 700/2100)
    // margin 300+50+90 = 440, margin rate 440/1500; orders 4+1+2 = 7, AOV 1500/7
    // customer-years (730 + max(10, 365.25/12 = 30.4375) + 365.25) / 365.25 = 1125.6875/365.25,
    //   frequency 7 / that = 2.2713 orders per customer-year
    // repeat 2 of 3 (4 and 2 orders); tenure (730+10+365.25)/3; days since last order (30+10+200)/3 = 80
    // historical CLV 440/3; predicted 600+100+200 = 900, 300 each; 90-day purchases 1.2+0.1+0.5 = 1.8
    // P(alive) mean (0.9+0.2+0.5)/3; high risk: only 1−0.2 = 0.8 > 0.66, so 1/3
    // revenue at risk 600×0.1 + 100×0.8 + 200×0.5 = 60 + 80 + 100 = 240
    const expected = {
      customers: 3,
      customerShare: 3 / 5,
      revenueAllTime: 1500,
      revenueLast12Months: 700,
      revenueShare: 1500 / 4500,
      revenueLast12MonthsShare: 700 / 2100,
      grossMargin: 440,
      marginRate: 440 / 1500,
      orders: 7,
      averageOrderValue: 1500 / 7,
      customerYears: 1125.6875 / 365.25,
      purchaseFrequency: (7 * 365.25) / 1125.6875,
      repeatRate: 2 / 3,
      averageTenureDays: 1105.25 / 3,
      averageDaysSinceLastOrder: 80,
      historicalClvPerCustomer: 440 / 3,
      predictedClv: 900,
      predictedClvPerCustomer: 300,
      expectedPurchases90Days: 1.8,
      meanProbabilityAlive: 1.6 / 3,
      highChurnRiskShare: 1 / 3,
      revenueAtRisk: 240,
    };
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, value] of Object.entries(expected)) {
      expect(metrics[field as keyof typeof metrics], field).toBeCloseTo(value, 10);
    }
  });

  it('gives zeros, never NaN, for an empty segment and an empty population', () => {
    const metrics = segmentMetrics([], populationTotals([]));
    for (const [field, value] of Object.entries(metrics)) expect(value, field).toBe(0);
  });

  it('does not let a brand-new customer explode the purchase frequency', () => {
    const firstDay = { ...newcomerAtRisk, tenureDays: 0 };
    const metrics = segmentMetrics([firstDay], populationTotals([firstDay]));
    expect(metrics.purchaseFrequency).toBeCloseTo(12, 10); // 1 order in the 1-month floor = 12 a year
  });
});

describe('churnRiskBand', () => {
  it('bands churn risk 1 − P(alive) at 0.33 and 0.66', () => {
    expect(churnRiskBand(0.9)).toBe('low');
    expect(churnRiskBand(0.5)).toBe('medium');
    expect(churnRiskBand(1 - 0.66)).toBe('medium'); // risk exactly 0.66 is not above 0.66
    expect(churnRiskBand(0.33)).toBe('high'); // risk 0.67
    expect(churnRiskBand(0.2)).toBe('high');
  });
});

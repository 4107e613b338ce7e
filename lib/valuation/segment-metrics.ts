import { ratio } from './ratio';

/** One customer's figures as the per-customer SQL aggregates hold them, as of one date. */
export interface CustomerValuationRow {
  revenueAllTime: number;
  revenueLast12Months: number;
  /** Revenue − cost, all time. */
  grossMargin: number;
  orderCount: number;
  /** Days from the first order to the as-of date. */
  tenureDays: number;
  /** Days from the last order to the as-of date. */
  daysSinceLastOrder: number;
  /** Predicted revenue over the model horizon (BG/NBD purchases × Gamma-Gamma order value). */
  predictedClv: number;
  probabilityAlive: number;
  expectedPurchases90Days: number;
}

/** The whole customer base, the denominator of a segment's shares (segments may overlap). */
export interface PopulationTotals {
  customers: number;
  revenueAllTime: number;
  revenueLast12Months: number;
}

export type ChurnRiskBand = 'low' | 'medium' | 'high';

/** Churn risk = 1 − P(alive): low below 0.33, high above 0.66, medium between (both ends inclusive). */
export const CHURN_RISK_BAND_LIMITS = { lowBelow: 0.33, highAbove: 0.66 } as const;

export const DAYS_PER_YEAR = 365.25;
/** Tenure floor in purchase frequency, so a customer who bought yesterday does not count as 365 orders a year. */
export const MIN_TENURE_DAYS = DAYS_PER_YEAR / 12;

/**
 * A segment's valuation aggregates. Every ratio is 0 when its denominator is 0; shares and rates are
 * fractions (0.25 = 25 %). The formula beside each field is the contract the SQL version must match.
 */
export interface SegmentMetrics {
  /** count(*) */
  customers: number;
  /** customers / population customers */
  customerShare: number;
  /** Σ revenueAllTime */
  revenueAllTime: number;
  /** Σ revenueLast12Months */
  revenueLast12Months: number;
  /** revenueAllTime / population revenueAllTime */
  revenueShare: number;
  /** revenueLast12Months / population revenueLast12Months */
  revenueLast12MonthsShare: number;
  /** Σ grossMargin */
  grossMargin: number;
  /** grossMargin / revenueAllTime */
  marginRate: number;
  /** Σ orderCount */
  orders: number;
  /** revenueAllTime / orders */
  averageOrderValue: number;
  /** Σ max(tenureDays, MIN_TENURE_DAYS) / DAYS_PER_YEAR */
  customerYears: number;
  /** orders / customerYears: orders per customer per year */
  purchaseFrequency: number;
  /** count(orderCount ≥ 2) / customers */
  repeatRate: number;
  /** Σ tenureDays / customers */
  averageTenureDays: number;
  /** Σ daysSinceLastOrder / customers */
  averageDaysSinceLastOrder: number;
  /** grossMargin / customers: historical CLV, margin earned to date per customer */
  historicalClvPerCustomer: number;
  /** Σ predictedClv */
  predictedClv: number;
  /** predictedClv / customers */
  predictedClvPerCustomer: number;
  /** Σ expectedPurchases90Days */
  expectedPurchases90Days: number;
  /** Σ probabilityAlive / customers */
  meanProbabilityAlive: number;
  /** count(1 − probabilityAlive > 0.66) / customers */
  highChurnRiskShare: number;
  /** Σ predictedClv × (1 − probabilityAlive) */
  revenueAtRisk: number;
}

export function churnRiskBand(probabilityAlive: number): ChurnRiskBand {
  const risk = 1 - probabilityAlive;
  if (risk > CHURN_RISK_BAND_LIMITS.highAbove) return 'high';
  return risk < CHURN_RISK_BAND_LIMITS.lowBelow ? 'low' : 'medium';
}

export function populationTotals(rows: readonly CustomerValuationRow[]): PopulationTotals {
  let revenueAllTime = 0;
  let revenueLast12Months = 0;
  for (const row of rows) {
    revenueAllTime += row.revenueAllTime;
    revenueLast12Months += row.revenueLast12Months;
  }
  return { customers: rows.length, revenueAllTime, revenueLast12Months };
}

export function segmentMetrics(
  rows: readonly CustomerValuationRow[],
  population: PopulationTotals,
): SegmentMetrics {
  const sums = {
    revenueAllTime: 0,
    revenueLast12Months: 0,
    grossMargin: 0,
    orders: 0,
    customerYears: 0,
    repeatCustomers: 0,
    tenureDays: 0,
    daysSinceLastOrder: 0,
    predictedClv: 0,
    expectedPurchases90Days: 0,
    probabilityAlive: 0,
    highChurnRiskCustomers: 0,
    revenueAtRisk: 0,
  };
  for (const row of rows) {
    sums.revenueAllTime += row.revenueAllTime;
    sums.revenueLast12Months += row.revenueLast12Months;
    sums.grossMargin += row.grossMargin;
    sums.orders += row.orderCount;
    sums.customerYears += Math.max(row.tenureDays, MIN_TENURE_DAYS) / DAYS_PER_YEAR;
    if (row.orderCount >= 2) sums.repeatCustomers += 1;
    sums.tenureDays += row.tenureDays;
    sums.daysSinceLastOrder += row.daysSinceLastOrder;
    sums.predictedClv += row.predictedClv;
    sums.expectedPurchases90Days += row.expectedPurchases90Days;
    sums.probabilityAlive += row.probabilityAlive;
    if (churnRiskBand(row.probabilityAlive) === 'high') sums.highChurnRiskCustomers += 1;
    sums.revenueAtRisk += row.predictedClv * (1 - row.probabilityAlive);
  }
  const customers = rows.length;
  return {
    customers,
    customerShare: ratio(customers, population.customers),
    revenueAllTime: sums.revenueAllTime,
    revenueLast12Months: sums.revenueLast12Months,
    revenueShare: ratio(sums.revenueAllTime, population.revenueAllTime),
    revenueLast12MonthsShare: ratio(sums.revenueLast12Months, population.revenueLast12Months),
    grossMargin: sums.grossMargin,
    marginRate: ratio(sums.grossMargin, sums.revenueAllTime),
    orders: sums.orders,
    averageOrderValue: ratio(sums.revenueAllTime, sums.orders),
    customerYears: sums.customerYears,
    purchaseFrequency: ratio(sums.orders, sums.customerYears),
    repeatRate: ratio(sums.repeatCustomers, customers),
    averageTenureDays: ratio(sums.tenureDays, customers),
    averageDaysSinceLastOrder: ratio(sums.daysSinceLastOrder, customers),
    historicalClvPerCustomer: ratio(sums.grossMargin, customers),
    predictedClv: sums.predictedClv,
    predictedClvPerCustomer: ratio(sums.predictedClv, customers),
    expectedPurchases90Days: sums.expectedPurchases90Days,
    meanProbabilityAlive: ratio(sums.probabilityAlive, customers),
    highChurnRiskShare: ratio(sums.highChurnRiskCustomers, customers),
    revenueAtRisk: sums.revenueAtRisk,
  };
}

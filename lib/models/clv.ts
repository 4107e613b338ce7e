import { expectedPurchasesIfAlive, probabilityAlive, type BgNbdParams } from './bgnbd';
import type { TimeUnit } from './customer-summary';

/** An average Gregorian month. */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface ClvOptions {
  /** The time unit the BG/NBD model was fitted in (its α and the customer's t_x, T are in it). */
  modelUnit: TimeUnit;
  /** Model time units per month; default DAYS_PER_MONTH converted to modelUnit. lifetimes uses 30 days or 4.345 weeks. */
  unitsPerMonth?: number;
  months?: number;
  monthlyDiscountRate?: number;
  /** Multiplier turning spend into profit, e.g. 0.3 for a 30% margin. */
  margin?: number;
}

export interface CustomerHistory {
  frequency: number;
  recency: number;
  T: number;
}

// Fader, Hardie & Lee (2005) eq. 10 × Fader & Hardie (2013) eq. 5, discounted monthly as lifetimes' customer_lifetime_value.
export function predictedClv(
  params: BgNbdParams,
  customer: CustomerHistory,
  expectedSpendPerPurchase: number,
  options: ClvOptions,
): number {
  const { frequency, recency, T } = customer;
  const purchases = discountedPurchasesIfAlive(params, frequency, T, options);
  return purchases * probabilityAlive(params, frequency, recency, T) * expectedSpendPerPurchase * (options.margin ?? 1);
}

/**
 * Σ over the horizon's months of the purchases expected in month i if the customer is alive, discounted by
 * (1 + d)^i. It depends on x and T only (not t_x), so it can be shared between customers with the same x and T;
 * times P(alive) and the expected spend it is the CLV.
 */
export function discountedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, options: ClvOptions): number {
  const months = options.months ?? 12;
  const discountRate = options.monthlyDiscountRate ?? 0.01;
  const unitsPerMonth = options.unitsPerMonth ?? (options.modelUnit === 'weeks' ? DAYS_PER_MONTH / 7 : DAYS_PER_MONTH);
  if (!(unitsPerMonth > 0)) throw new RangeError(`unitsPerMonth must be positive, got ${unitsPerMonth}`);
  if (!(discountRate > -1)) throw new RangeError(`monthlyDiscountRate must exceed -1, got ${discountRate}`);
  let value = 0;
  let purchasesSoFar = 0;
  for (let month = 1; month <= months; month++) {
    const purchasesByMonthEnd = expectedPurchasesIfAlive(params, month * unitsPerMonth, x, T);
    value += (purchasesByMonthEnd - purchasesSoFar) / Math.pow(1 + discountRate, month);
    purchasesSoFar = purchasesByMonthEnd;
  }
  return value;
}

export type ChurnRiskBand = 'low' | 'medium' | 'high';

/**
 * 1 − P(alive) (see probabilityAlive). Note the BG/NBD assumption that nobody drops out
 * before a first repeat purchase: every customer with frequency 0 has churn risk 0.
 */
export function churnRisk(params: BgNbdParams, customer: CustomerHistory): number {
  return 1 - probabilityAlive(params, customer.frequency, customer.recency, customer.T);
}

/** low below 0.33, high above 0.66, medium in between (both ends inclusive). */
export function churnRiskBand(risk: number): ChurnRiskBand {
  if (risk < 0.33) return 'low';
  if (risk > 0.66) return 'high';
  return 'medium';
}

/**
 * The last 365 days before (and including) a workspace's as-of date, cut into four quarters of 92, 91, 91 and 91
 * days: days-ago d belongs to quarter ⌊4d/365⌋ (0 = the latest). The recompute stores each customer's revenue and
 * orders per quarter, oldest first, so the four quarters add up to revenue_last_365_days exactly.
 */
export const TRAILING_QUARTERS = 4;
export const DAYS_IN_TRAILING_YEAR = 365;

/** Days-ago range [first, last] of quarter `quartersAgo` (0 = the latest). */
export function trailingQuarterDays(quartersAgo: number): { first: number; last: number } {
  return {
    first: Math.ceil((DAYS_IN_TRAILING_YEAR * quartersAgo) / TRAILING_QUARTERS),
    last: Math.ceil((DAYS_IN_TRAILING_YEAR * (quartersAgo + 1)) / TRAILING_QUARTERS) - 1,
  };
}

/** The four quarters as calendar dates (ISO, inclusive), oldest first, for an as-of date `YYYY-MM-DD`. */
export function trailingQuarters(asOf: string): { start: string; end: string }[] {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const day = (daysAgo: number) => new Date(asOfMs - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: TRAILING_QUARTERS }, (_, index) => {
    const { first, last } = trailingQuarterDays(TRAILING_QUARTERS - 1 - index);
    return { start: day(last), end: day(first) };
  });
}

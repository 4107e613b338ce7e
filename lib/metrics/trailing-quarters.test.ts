import { describe, expect, it } from 'vitest';
import { DAYS_IN_TRAILING_YEAR, trailingQuarterDays, trailingQuarters } from './trailing-quarters';

describe('trailing quarters', () => {
  it('cover the last 365 days exactly once, latest quarter first', () => {
    const ranges = [0, 1, 2, 3].map(trailingQuarterDays);
    expect(ranges).toEqual([
      { first: 0, last: 91 },
      { first: 92, last: 182 },
      { first: 183, last: 273 },
      { first: 274, last: 364 },
    ]);
    for (let daysAgo = 0; daysAgo < DAYS_IN_TRAILING_YEAR; daysAgo++) {
      const quarter = Math.floor((4 * daysAgo) / 365);
      expect(daysAgo >= ranges[quarter].first && daysAgo <= ranges[quarter].last).toBe(true);
    }
  });

  it('give calendar dates oldest first, ending on the as-of date', () => {
    expect(trailingQuarters('2026-06-30')).toEqual([
      { start: '2025-07-01', end: '2025-09-29' },
      { start: '2025-09-30', end: '2025-12-29' },
      { start: '2025-12-30', end: '2026-03-30' },
      { start: '2026-03-31', end: '2026-06-30' },
    ]);
  });
});

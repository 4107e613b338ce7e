import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDate, formatDateTime, formatMonth, formatPercent } from './format';

describe('formatting', () => {
  it('formats money in the workspace currency', () => {
    expect(formatCurrency(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatCurrency(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatCurrency(2_500_000, 'USD', { compact: true })).toBe('$2.5M');
    expect(formatCurrency(200_000, 'USD', { compact: true })).toBe('$200K');
  });
  it('formats dates in UTC so a late-evening order does not move to the next day', () => {
    expect(formatDate('2026-03-01T23:30:00Z')).toBe('1 Mar 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('2026-03-01T23:30:59Z')).toBe('1 Mar 2026, 23:30 UTC');
    expect(formatDateTime(undefined)).toBe('—');
  });
  it('labels months and shares', () => {
    expect(formatMonth('2026-01')).toBe('Jan 26');
    expect(formatPercent(0.256)).toBe('25.6%');
  });
});

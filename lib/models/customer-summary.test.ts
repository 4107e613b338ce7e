import { describe, expect, it } from 'vitest';
import { summarizeTransactions, summaryColumns, type Transaction } from './customer-summary';
import { CDNOW_CALIBRATION_END, loadCdnowPublishedSummary, loadCdnowTransactions } from './fixtures/cdnow';

describe('summarizeTransactions on CDNOW', () => {
  const summaries = summarizeTransactions(loadCdnowTransactions(), {
    calibrationEnd: CDNOW_CALIBRATION_END,
    unit: 'weeks',
  });
  const published = loadCdnowPublishedSummary();

  it('reproduces customer 0001: x = 2, t_x = 30.43, T = 38.86 weeks', () => {
    const first = summaries[0];
    expect(first.customerId).toBe('0001');
    expect(first.frequency).toBe(2);
    expect(first.recency).toBeCloseTo(30.43, 2);
    expect(first.T).toBeCloseTo(38.86, 2);
    expect(first.monetaryValue).toBeCloseTo((14.96 + 29.73) / 2, 10);
  });

  it('matches the published summary for all 2,357 customers', () => {
    expect(summaries).toHaveLength(published.length);
    summaries.forEach((summary, i) => {
      const row = published[i];
      expect(Number(summary.customerId)).toBe(row.id);
      expect(summary.frequency).toBe(row.x);
      // The CSV is rounded to 2 decimals.
      expect(Math.abs(summary.recency - row.tx)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.T - row.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(summary.monetaryValue - row.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('counts 946 repeat customers with positive mean spend (the Gamma-Gamma sample)', () => {
    expect(summaries.filter((s) => s.frequency > 0 && s.monetaryValue > 0)).toHaveLength(946);
  });
});

describe('summarizeTransactions rules', () => {
  const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

  it('merges same-day purchases, ignores the first purchase in the mean and what follows the calibration end', () => {
    const [summary] = summarizeTransactions(
      [
        tx('a', '2024-01-01', 100),
        tx('a', '2024-01-01', 50),
        tx('a', '2024-01-08', 10),
        tx('a', '2024-01-08', 5),
        tx('a', '2024-01-15', 30),
        tx('a', '2024-02-01', 999),
      ],
      { calibrationEnd: '2024-01-29', unit: 'days' },
    );
    expect(summary).toEqual({ customerId: 'a', frequency: 2, recency: 14, T: 28, monetaryValue: 22.5 });
  });

  it('gives x = 0, t_x = 0 and mean spend 0 when every purchase is on one day', () => {
    const [summary] = summarizeTransactions([tx('a', '2024-01-01', 5), tx('a', '2024-01-01', 7)], {
      calibrationEnd: '2024-01-15',
      unit: 'weeks',
    });
    expect(summary).toEqual({ customerId: 'a', frequency: 0, recency: 0, T: 2, monetaryValue: 0 });
  });

  it('gives T = 0 to a customer first seen on the calibration end, and drops customers first seen after it', () => {
    const summaries = summarizeTransactions([tx('late', '2024-03-01', 5), tx('today', '2024-02-01', 5)], {
      calibrationEnd: '2024-02-01',
      unit: 'days',
    });
    expect(summaries).toEqual([{ customerId: 'today', frequency: 0, recency: 0, T: 0, monetaryValue: 0 }]);
  });

  it('counts zero-value purchase days as purchases', () => {
    const [summary] = summarizeTransactions([tx('a', '2024-01-01', 10), tx('a', '2024-01-02', 0)], {
      calibrationEnd: '2024-01-10',
      unit: 'days',
    });
    expect(summary.frequency).toBe(1);
    expect(summary.monetaryValue).toBe(0);
  });

  it('crosses leap days and sorts customers by id', () => {
    const summaries = summarizeTransactions([tx('b', '2024-02-28', 1), tx('a', '2024-02-28', 1), tx('a', '2024-03-01', 1)], {
      calibrationEnd: '2024-03-07',
      unit: 'days',
    });
    expect(summaries.map((s) => s.customerId)).toEqual(['a', 'b']);
    expect(summaries[0].recency).toBe(2);
  });

  it('rejects malformed dates', () => {
    expect(() => summarizeTransactions([tx('a', '2024-02-30', 1)], { calibrationEnd: '2024-03-01', unit: 'days' })).toThrow(
      RangeError,
    );
    expect(() => summarizeTransactions([tx('a', '20240201', 1)], { calibrationEnd: '2024-03-01', unit: 'days' })).toThrow(
      RangeError,
    );
  });

  it('turns summaries into the column arrays the fits take', () => {
    const columns = summaryColumns([
      { customerId: 'a', frequency: 2, recency: 3, T: 4, monetaryValue: 5 },
      { customerId: 'b', frequency: 0, recency: 0, T: 1, monetaryValue: 0 },
    ]);
    expect(Array.from(columns.frequency)).toEqual([2, 0]);
    expect(Array.from(columns.T)).toEqual([4, 1]);
    expect(Array.from(columns.monetaryValue)).toEqual([5, 0]);
  });
});

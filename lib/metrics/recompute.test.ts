import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { loadCdnowTransactions } from '@/lib/models/fixtures/cdnow';
import { summarizeTransactions, summaryColumns } from '@/lib/models/customer-summary';
import { fitBgNbd } from '@/lib/models/bgnbd';
import { defaultSegment, rfmScores } from '@/lib/models/rfm';
import type { Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue, type RecomputeSummary } from './recompute';
import { recordHoldoutCheck } from './holdout-record';

type MetricsRow = {
  external_id: string;
  repeat_purchases: number;
  repeat_span_days: number;
  tenure_days: number;
  recency_days: number;
  purchase_days: number;
  revenue: number;
  average_repeat_value: number | null;
  recency_score: number;
  frequency_score: number;
  monetary_score: number;
  rfm_segment: string;
  probability_alive: number | null;
  expected_purchases_90_days: number | null;
  predicted_clv: number | null;
  as_of: string;
};

let test: TestDatabase;
let cdnow: Tenant;
let summary: RecomputeSummary;
let rows: MetricsRow[];
const transactions = loadCdnowTransactions();

beforeAll(async () => {
  test = await createTestDatabase();
  cdnow = await workspaceWithOrders(test.db, 'CDNOW', transactions);
  summary = await recomputeCustomerValue(cdnow);
  await recordHoldoutCheck(cdnow);
  rows = await queryRows<MetricsRow>(
    test.db,
    sql`select c.external_id, m.repeat_purchases, m.repeat_span_days, m.tenure_days, m.recency_days, m.purchase_days,
               m.revenue, m.average_repeat_value, m.recency_score, m.frequency_score, m.monetary_score, m.rfm_segment,
               m.probability_alive, m.expected_purchases_90_days, m.predicted_clv, m.as_of::text as as_of
        from customer_metrics m join customers c on c.org_id = m.org_id and c.id = m.customer_id
        where m.org_id = ${cdnow.orgId} order by c.external_id`,
  );
}, 180_000);
afterAll(() => test?.drop());

describe(`customer value recompute on CDNOW (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('writes one metrics row per customer, as of the last order day', () => {
    expect(summary.customers).toBe(2357);
    expect(rows).toHaveLength(2357);
    expect(rows[0].as_of).toBe('1998-06-30');
  });

  it('aggregates x, t_x, T and mean repeat spend in SQL exactly as the pure summary does', () => {
    const expected = new Map(summarizeTransactions(transactions, { calibrationEnd: '1998-06-30', unit: 'days' }).map((s) => [s.customerId, s]));
    for (const row of rows) {
      const pure = expected.get(row.external_id)!;
      expect([row.repeat_purchases, row.repeat_span_days, row.tenure_days]).toEqual([pure.frequency, pure.recency, pure.T]);
      expect(row.average_repeat_value ?? 0).toBeCloseTo(pure.monetaryValue, 6);
    }
  });

  it('scores RFM as the pure quantile scoring and names the segment from the default R × F grid', () => {
    const scores = rfmScores({
      daysSinceLastPurchase: rows.map((r) => r.recency_days),
      frequency: rows.map((r) => r.purchase_days),
      monetary: rows.map((r) => r.revenue),
    });
    rows.forEach((row, i) => {
      expect([row.recency_score, row.frequency_score, row.monetary_score]).toEqual([
        scores.recency[i], scores.frequency[i], scores.monetary[i],
      ]);
      expect(row.rfm_segment).toBe(defaultSegment(row.recency_score, row.frequency_score));
    });
    expect(new Set(rows.map((r) => r.rfm_segment)).size).toBeGreaterThanOrEqual(6);
  });

  it('stores the BG/NBD fit the pure module finds on the same data, with a holdout check', async () => {
    const pure = fitBgNbd(summaryColumns(summarizeTransactions(transactions, { calibrationEnd: '1998-06-30', unit: 'days' })));
    const [fit] = await queryRows<{ params: Record<string, number>; converged: boolean; holdout: { buckets: unknown[]; aggregateError: number } }>(
      test.db,
      sql`select params, converged, holdout from model_fits where org_id = ${cdnow.orgId} and model = 'bgnbd'`,
    );
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(fit.params[key]).toBeCloseTo(pure.params[key], 4);
    expect(fit.holdout.buckets).toHaveLength(8);
    expect(Math.abs(fit.holdout.aggregateError)).toBeLessThan(0.5);
  });

  it('predicts for every customer without NaN: P(alive) is 1 with no repeat purchase, CLV is non-negative', () => {
    expect(summary.method).toBe('models');
    for (const row of rows) {
      expect(row.probability_alive).not.toBeNull();
      expect(row.probability_alive!).toBeGreaterThanOrEqual(0);
      expect(row.probability_alive!).toBeLessThanOrEqual(1);
      if (row.repeat_purchases === 0) expect(row.probability_alive).toBe(1);
      expect(Number.isFinite(row.predicted_clv)).toBe(true);
      expect(row.predicted_clv!).toBeGreaterThanOrEqual(0);
    }
  });
});

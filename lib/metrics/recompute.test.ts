import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { customers } from '@/lib/db/schema';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { loadCdnowTransactions } from '@/lib/models/fixtures/cdnow';
import { summarizeTransactions, summaryColumns } from '@/lib/models/customer-summary';
import { fitBgNbd } from '@/lib/models/bgnbd';
import { defaultSegment, rfmScores } from '@/lib/models/rfm';
import type { Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue, type RecomputeSummary } from './recompute';
import { recordHoldoutCheck } from './holdout-record';
import { updateValueEngineSettings } from './settings';

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

describe(`customer value recompute of a small workspace (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  type SmallRow = {
    external_id: string;
    orders: number;
    purchase_days: number;
    revenue: number;
    margin: number;
    average_repeat_value: number | null;
    recency_score: number | null;
    rfm_segment: string | null;
    probability_alive: number | null;
    predicted_clv: number | null;
    historical_clv: number;
    revenue_last_365_days: number;
  };
  let small: Tenant;
  let summary: RecomputeSummary;
  let byId: Map<string, SmallRow>;

  beforeAll(async () => {
    small = await workspaceWithOrders(test.db, 'Small', [
      { customerId: 'twice', date: '2026-01-10', amount: 10, cost: 4 },
      { customerId: 'twice', date: '2026-01-10', amount: 5 },
      { customerId: 'twice', date: '2026-03-01', amount: 30, cost: 10 },
      { customerId: 'once', date: '2026-02-01', amount: 20 },
    ]);
    await test.db.insert(customers).values({ orgId: small.orgId, externalId: 'never' });
    await updateValueEngineSettings(test.db, small.orgId, {
      defaultMarginPct: 50,
      rfmBins: 5,
      clvHorizonMonths: 6,
      monthlyDiscountRatePct: 1,
      clvBasis: 'margin',
    });
    summary = await recomputeCustomerValue(small);
    const rows = await queryRows<SmallRow>(
      test.db,
      sql`select c.external_id, m.orders, m.purchase_days, m.revenue, m.margin, m.average_repeat_value, m.recency_score,
                 m.rfm_segment, m.probability_alive, m.predicted_clv, m.historical_clv, m.revenue_last_365_days
          from customer_metrics m join customers c on c.org_id = m.org_id and c.id = m.customer_id
          where m.org_id = ${small.orgId}`,
    );
    byId = new Map(rows.map((row) => [row.external_id, row]));
  }, 60_000);

  it('counts same-day orders as one purchase day and keeps the first day out of the repeat spend', () => {
    const twice = byId.get('twice')!;
    expect([twice.orders, twice.purchase_days, twice.revenue, twice.average_repeat_value]).toEqual([3, 2, 45, 30]);
    expect(twice.margin).toBeCloseTo(6 + 2.5 + 20, 9);
  });

  it('gives a customer without orders a row with no scores, segment or predictions', () => {
    expect(summary.customers).toBe(3);
    expect(summary.buyers).toBe(2);
    expect(byId.get('never')).toMatchObject({ orders: 0, revenue: 0, recency_score: null, rfm_segment: null, predicted_clv: null });
  });

  it('falls back to the margin run-rate when two buyers cannot identify BG/NBD', () => {
    expect(summary.method).toBe('historical-run-rate');
    for (const id of ['twice', 'once']) {
      const row = byId.get(id)!;
      expect(row.probability_alive).toBeNull();
      expect(row.historical_clv).toBe(row.margin);
      expect(row.predicted_clv).toBeCloseTo(row.revenue_last_365_days * (6 / 12) * (row.margin / row.revenue), 9);
    }
  });
});

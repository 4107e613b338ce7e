import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerMetrics, customers, orders, segmentMembers, segments } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { tenantForJob, withTenant, type Tenant } from '@/lib/db/tenant';
import { seedDemoIfEmpty } from '@/lib/demo/seed';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { createRuleSegment, createRuleSegments } from '@/lib/segments/segment-store';
import { refreshSegments } from '@/lib/segments/refresh-membership';
import type { SegmentRule } from '@/lib/segments/rule-schema';
import { VALUE_TEMPLATES } from '@/lib/segments/templates';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import {
  populationTotals,
  segmentMetrics,
  type CustomerValuationRow,
  type SegmentMetrics,
} from '@/lib/valuation/segment-metrics';
import { demographicProfiles } from './demographics';
import { rfmKey, savedSegmentKey, type SegmentKey } from './segment-keys';
import { segmentFigures } from './segment-metrics-query';
import { valuationCsv } from './valuation-csv';
import { segmentValuations } from './valuation-report';
import { VALUE_SCORE_PRESETS } from '@/lib/valuation/value-score';

let test: TestDatabase;
let shop: Tenant;
let savedIds: number[];
const DAY_MS = 86_400_000;

type MetricsRow = typeof customerMetrics.$inferSelect;

/** The contract of segment-metrics-query.ts: a customer_metrics row read as a CustomerValuationRow. */
function valuationRow(m: MetricsRow): CustomerValuationRow {
  return {
    revenueAllTime: m.revenue,
    revenueLast12Months: m.revenueLast365Days,
    grossMargin: m.margin,
    orderCount: m.orders,
    tenureDays: m.tenureDays ?? 0,
    daysSinceLastOrder: m.recencyDays ?? 0,
    predictedClv: m.predictedClv ?? 0,
    probabilityAlive: m.probabilityAlive ?? 1,
    expectedPurchases90Days: m.expectedPurchases90Days ?? 0,
  };
}

function expectSameMetrics(actual: SegmentMetrics, expected: SegmentMetrics, label: string) {
  for (const field of Object.keys(expected) as (keyof SegmentMetrics)[]) {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected[field]));
    expect(Math.abs(actual[field] - expected[field]), `${label}: ${field} ${actual[field]} vs ${expected[field]}`).toBeLessThanOrEqual(tolerance);
  }
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
}

async function buyerMetrics(tenant: Tenant): Promise<MetricsRow[]> {
  return test.db.select().from(customerMetrics).where(and(eq(customerMetrics.orgId, tenant.orgId), gt(customerMetrics.orders, 0)));
}

async function membersOf(tenant: Tenant, segmentId: number): Promise<Set<number>> {
  const rows = await test.db
    .select({ customerId: segmentMembers.customerId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.orgId, tenant.orgId), eq(segmentMembers.segmentId, segmentId)));
  return new Set(rows.map((row) => row.customerId));
}

/** Revenue and orders per customer in each of the last four quarters, oldest first, straight from the orders. */
async function quartersFromOrders(tenant: Tenant, asOf: string): Promise<Map<number, { revenue: number[]; orders: number[] }>> {
  const rows = await test.db
    .select({ customerId: orders.customerId, orderedAt: orders.orderedAt, revenue: orders.revenue })
    .from(orders)
    .where(eq(orders.orgId, tenant.orgId));
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const result = new Map<number, { revenue: number[]; orders: number[] }>();
  for (const row of rows) {
    const day = Date.parse(row.orderedAt.toISOString().slice(0, 10) + 'T00:00:00Z');
    const daysAgo = Math.round((asOfMs - day) / DAY_MS);
    if (daysAgo < 0 || daysAgo > 364) continue;
    const index = 3 - Math.floor((4 * daysAgo) / 365);
    const entry = result.get(row.customerId) ?? { revenue: [0, 0, 0, 0], orders: [0, 0, 0, 0] };
    entry.revenue[index] += Number(row.revenue);
    entry.orders[index] += 1;
    result.set(row.customerId, entry);
  }
  return result;
}

beforeAll(async () => {
  test = await createTestDatabase();
  const workspace = await seedDemoIfEmpty(test.db, { customers: 600, endDate: '2026-06-30' });
  shop = tenantForJob({ orgId: workspace!.id });
  await recomputeCustomerValue(shop);
  // Some customers without model estimates, as after a BG/NBD fit that did not converge.
  await test.db.execute(sql`
    update customer_metrics set probability_alive = null, expected_purchases_90_days = null, predicted_clv = null
    where org_id = ${shop.orgId} and customer_id in (select customer_id from customer_metrics where org_id = ${shop.orgId} order by customer_id limit 7)`);
  await createRuleSegments(shop, null, VALUE_TEMPLATES);
  const saved = await test.db.select({ id: segments.id }).from(segments).where(eq(segments.orgId, shop.orgId)).orderBy(segments.id);
  savedIds = saved.map((row) => row.id);
}, 180_000);

afterAll(() => test?.drop());

describe(`valuation report SQL (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores each customer’s revenue and orders of the last four quarters, as the orders say', async () => {
    const metrics = await buyerMetrics(shop);
    const expected = await quartersFromOrders(shop, metrics[0].asOf);
    for (const row of metrics) {
      const want = expected.get(row.customerId) ?? { revenue: [0, 0, 0, 0], orders: [0, 0, 0, 0] };
      expect(row.quarterlyOrders, `customer ${row.customerId}`).toEqual(want.orders);
      row.quarterlyRevenue.forEach((revenue, i) => expect(revenue).toBeCloseTo(want.revenue[i], 6));
      expect(row.quarterlyRevenue.reduce((a, b) => a + b, 0)).toBeCloseTo(row.revenueLast365Days, 6);
    }
  });

  it('gives every RFM and saved segment, and the population, the pure segmentMetrics of its buyers', async () => {
    expect(savedIds.length).toBeGreaterThanOrEqual(2);
    const metrics = await buyerMetrics(shop);
    const rows = metrics.map(valuationRow);
    const population = populationTotals(rows);
    const figures = await withTenant(shop, (tx) => segmentFigures(tx, shop.orgId, { rfm: true, savedSegmentIds: savedIds }));

    expectSameMetrics(figures.population.metrics, segmentMetrics(rows, population), 'population');
    const rfmNames = [...new Set(metrics.map((m) => m.rfmSegment!))];
    expect(rfmNames.length).toBeGreaterThanOrEqual(5);
    for (const name of rfmNames) {
      const group = metrics.filter((m) => m.rfmSegment === name).map(valuationRow);
      expectSameMetrics(figures.segments.get(rfmKey(name))!.metrics, segmentMetrics(group, population), name);
    }
    for (const id of savedIds) {
      const members = await membersOf(shop, id);
      const group = metrics.filter((m) => members.has(m.customerId)).map(valuationRow);
      const actual = figures.segments.get(savedSegmentKey(id));
      if (group.length === 0) expect(actual).toBeUndefined();
      else expectSameMetrics(actual!.metrics, segmentMetrics(group, population), `segment ${id}`);
    }
    expect(figures.segments.size).toBe(rfmNames.length + savedIds.filter((id) => figures.segments.has(savedSegmentKey(id))).length);
  });

  it('gives each segment’s quarterly revenue and buying customers, adding up to its last-12-month revenue', async () => {
    const metrics = await buyerMetrics(shop);
    const byQuarter = await quartersFromOrders(shop, metrics[0].asOf);
    const figures = await withTenant(shop, (tx) => segmentFigures(tx, shop.orgId, { rfm: true, savedSegmentIds: [] }));
    for (const [key, { metrics: segment, quarters }] of figures.segments) {
      const members = metrics.filter((m) => rfmKey(m.rfmSegment!) === key);
      const expected = [0, 1, 2, 3].map((i) => ({
        revenue: members.reduce((sum, m) => sum + (byQuarter.get(m.customerId)?.revenue[i] ?? 0), 0),
        customers: members.filter((m) => (byQuarter.get(m.customerId)?.orders[i] ?? 0) > 0).length,
      }));
      quarters.forEach((quarter, i) => {
        expect(quarter.customers, `${key} quarter ${i}`).toBe(expected[i].customers);
        expect(quarter.revenue).toBeCloseTo(expected[i].revenue, 4);
      });
      expect(quarters.reduce((sum, q) => sum + q.revenue, 0)).toBeCloseTo(segment.revenueLast12Months, 4);
    }
  });

  it('profiles each segment’s buyers from their customer records', async () => {
    const metrics = await buyerMetrics(shop);
    const champions = new Set(metrics.filter((m) => m.rfmSegment === 'Champions').map((m) => m.customerId));
    const records = (await test.db.select().from(customers).where(eq(customers.orgId, shop.orgId))).filter((c) => champions.has(c.id));
    const key: SegmentKey = rfmKey('Champions');
    const profile = (await demographicProfiles(shop, [key])).get(key)!;
    expect(profile.customers).toBe(champions.size);
    for (const list of [profile.incomeBands, profile.ageBands, profile.genders]) {
      expect(list.reduce((sum, entry) => sum + entry.customers, 0)).toBe(champions.size);
      expect(list.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(1, 9);
    }
    expect(profile.topCountries.reduce((sum, entry) => sum + entry.customers, 0)).toBe(champions.size);
    const female = records.filter((c) => c.gender === 'female').length;
    expect(profile.genders.find((g) => g.label === 'female')?.customers ?? 0).toBe(female);
    const unknownGender = records.filter((c) => !c.gender?.trim()).length;
    expect(profile.genders.find((g) => g.label === 'Unknown')?.customers ?? 0).toBe(unknownGender);
    const ageOf = (birthYear: number) => 2026 - birthYear;
    expect(profile.ageBands.find((a) => a.label === '25–34')?.customers ?? 0).toBe(
      records.filter((c) => c.birthYear !== null && ageOf(c.birthYear) >= 25 && ageOf(c.birthYear) < 35).length,
    );
    const incomeOrder = profile.incomeBands.map((band) => band.label);
    expect(incomeOrder.indexOf('<25k')).toBeLessThan(incomeOrder.indexOf('25-50k'));
    expect(incomeOrder.indexOf('100-150k')).toBeLessThan(incomeOrder.indexOf('150k+'));
  });
});

describe('segmentValuations', () => {
  it('values the RFM segments by default, recommends an action for each, and notes no overlap', async () => {
    const report = await segmentValuations(shop, 'USD', { rfm: true, savedSegmentIds: [] });
    expect(report.asOf).toBe('2026-06-30');
    expect(report.quarterDates.at(-1)!.end).toBe('2026-06-30');
    expect(report.segments.every((segment) => segment.kind === 'rfm' && segment.recommendation.reason.length > 0)).toBe(true);
    expect(report.segments.reduce((sum, s) => sum + s.metrics.customers, 0)).toBe(report.population.customers);
    expect(report.overlappingCustomers).toBe(0);
    expect(report.segments.every((segment) => segment.migration === null && segment.marketSetBy === null)).toBe(true);
  });

  it('adds saved segments, counts the overlap, drops unknown ids and reports net migration after a second refresh', async () => {
    const rule: SegmentRule = { version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'condition', field: 'predicted_clv', operator: 'gt', value: 100 }] } };
    const created = await createRuleSegment(shop, null, { name: 'Valuable', description: '', color: 'indigo', rule });
    if (!created.ok) throw new Error(created.error);
    await test.db.execute(sql`update customer_metrics set predicted_clv = predicted_clv * 3 where org_id = ${shop.orgId}`);
    await withTenant(shop, (tx) => refreshSegments(tx, shop.orgId, [created.id]));

    const report = await segmentValuations(shop, 'USD', { rfm: true, savedSegmentIds: [created.id, 999_999] });
    expect(report.selection.savedSegmentIds).toEqual([created.id]);
    const valuable = report.segments.find((s) => s.key === savedSegmentKey(created.id))!;
    expect(valuable.name).toBe('Valuable');
    expect(valuable.migration).not.toBeNull();
    expect(valuable.migration!.entered).toBeGreaterThan(0);
    expect(valuable.migration!.net).toBe(valuable.migration!.entered - valuable.migration!.departed);
    expect(report.overlappingCustomers).toBe(valuable.metrics.customers);
    await test.db.execute(sql`update customer_metrics set predicted_clv = predicted_clv / 3 where org_id = ${shop.orgId}`);
  });

  it('exports the table as CSV: one row per segment plus all buyers, every row as wide as the header', async () => {
    const report = await segmentValuations(shop, 'USD', { rfm: true, savedSegmentIds: savedIds });
    const { header, rows } = valuationCsv(report, VALUE_SCORE_PRESETS.growth.weights);
    expect(rows).toHaveLength(report.segments.length + 1);
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(header.filter((column) => column.startsWith('revenue_2'))).toHaveLength(4);
    const champions = rows.find((row) => row[0] === 'Champions')!;
    expect(champions[header.indexOf('customers')]).toBe(report.segments.find((s) => s.name === 'Champions')!.metrics.customers);
    expect(Number(champions[header.indexOf('value_score')])).toBeGreaterThan(0);
    expect(rows.at(-1)![0]).toBe('All buyers');
    expect(rows.at(-1)![header.indexOf('customers')]).toBe(report.population.customers);
  });

  it('reports nothing to value before the first recompute', async () => {
    const empty = await workspaceWithOrders(test.db, 'Fresh Shop', [{ customerId: 'x1', date: '2026-01-02', amount: 10 }]);
    const report = await segmentValuations(empty, 'USD', { rfm: true, savedSegmentIds: [] });
    expect(report).toMatchObject({ asOf: null, segments: [], overlappingCustomers: 0 });
    expect(report.population.customers).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { workspaceWithOrders, type FixtureOrder } from '@/lib/testing/workspace-fixture';
import { compileRule, previewSegment, segmentPreviewQuery } from './compile-rule';
import { parseSegmentRule, type SegmentRule } from './rule-schema';

// As of 2024-06-30 (the last order day): purchase days, revenue and recency per customer are in the comments.
const ORDERS: FixtureOrder[] = [
  { customerId: 'a1', date: '2024-01-01', amount: 100 }, // a1: 2 days, 300, recency 0
  { customerId: 'a1', date: '2024-06-30', amount: 200 },
  { customerId: 'a2', date: '2024-03-01', amount: 50 }, // a2: 1 day, 50, recency 121
  { customerId: 'a3', date: '2024-02-01', amount: 10 }, // a3: 1 day (two orders), 30, recency 150
  { customerId: 'a3', date: '2024-02-01', amount: 20 },
  { customerId: 'a4', date: '2023-12-01', amount: 500 }, // a4: 3 days, 1100, recency 29
  { customerId: 'a4', date: '2024-05-01', amount: 500 },
  { customerId: 'a4', date: '2024-06-01', amount: 100 },
  { customerId: 'a5', date: '2024-06-15', amount: 5 }, // a5: 1 day, 5, recency 15
];

// Attributes, and model outputs pinned so counts do not depend on the fit of five customers.
const CUSTOMERS = [
  { id: 'a1', country: 'DE', region: '50% off', consent: true, birthYear: 1980, clv: 500, alive: 0.9 },
  { id: 'a2', country: 'DE', region: 'under_score', consent: false, birthYear: null, clv: 150, alive: 0.3 },
  { id: 'a3', country: 'FR', region: `O'Brien "quoted" \\ back`, consent: false, birthYear: null, clv: 20, alive: 0.1 },
  { id: 'a4', country: 'DE', region: '', consent: false, birthYear: null, clv: 800, alive: 0.4 },
  { id: 'a5', country: null, region: null, consent: false, birthYear: null, clv: null, alive: null },
];

const condition = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, value });
const group = (combinator: 'and' | 'or', ...children: unknown[]) => ({ kind: 'group', combinator, children });
const highClvAtRiskInGermany = {
  version: 1,
  root: group(
    'and',
    condition('country', 'eq', 'DE'),
    condition('predicted_clv', 'gt', 100),
    group('or', condition('churn_risk', 'gt', 0.5), condition('recency_days', 'gt', 90)),
    condition('frequency', 'gte', 2),
  ),
};

function parsed(json: unknown): SegmentRule {
  const result = parseSegmentRule(json);
  if (!result.success) throw new Error(result.errors.join('\n'));
  return result.rule;
}
const single = (field: string, operator: string, value?: unknown) => parsed({ version: 1, root: group('and', condition(field, operator, value)) });

let test: TestDatabase;
let shop: Tenant;
let other: Tenant;

async function seed(tenant: Tenant, lateSignup: string) {
  await recomputeCustomerValue(tenant);
  for (const c of CUSTOMERS) {
    await test.db.execute(sql`update customers set country = ${c.country}, region = ${c.region}, marketing_consent = ${c.consent},
                                birth_year = ${c.birthYear} where org_id = ${tenant.orgId} and external_id = ${c.id}`);
    await test.db.execute(sql`update customer_metrics m set predicted_clv = ${c.clv}, probability_alive = ${c.alive}
                                from customers c where c.org_id = m.org_id and c.id = m.customer_id
                                and m.org_id = ${tenant.orgId} and c.external_id = ${c.id}`);
  }
  // A German customer without orders, hence without a metrics row.
  await test.db.execute(sql`insert into customers (org_id, external_id, country) values (${tenant.orgId}, ${lateSignup}, 'DE')`);
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Segment Shop', ORDERS);
  other = await workspaceWithOrders(test.db, 'Other Shop', ORDERS);
  await seed(shop, 'a6');
  await seed(other, 'b6');
  // The other workspace is all German, so any leak across workspaces shows up in the counts.
  await test.db.execute(sql`update customers set country = 'DE' where org_id = ${other.orgId}`);
}, 120_000);
afterAll(() => test?.drop());

async function matching(rule: SegmentRule, tenant: Tenant = shop): Promise<string[]> {
  const rows = await withTenant(tenant, (tx) =>
    queryRows<{ external_id: string }>(
      tx,
      sql`select c.external_id from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
          where ${compileRule(rule, tenant.orgId)} order by c.external_id`,
    ),
  );
  return rows.map((r) => r.external_id);
}

describe(`segment rules on a fixture workspace (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('computes the metrics the counts below rely on', async () => {
    const rows = await queryRows<{ external_id: string; purchase_days: number; revenue: number; recency_days: number }>(
      test.db,
      sql`select c.external_id, m.purchase_days, m.revenue::float8 as revenue, m.recency_days from customer_metrics m
          join customers c on c.org_id = m.org_id and c.id = m.customer_id where m.org_id = ${shop.orgId} order by 1`,
    );
    expect(rows.map((r) => [r.external_id, r.purchase_days, Number(r.revenue), r.recency_days])).toEqual([
      ['a1', 2, 300, 0],
      ['a2', 1, 50, 121],
      ['a3', 1, 30, 150],
      ['a4', 3, 1100, 29],
      ['a5', 1, 5, 15],
    ]);
  });

  it('matches "high-CLV customers at risk in Germany who bought twice"', async () => {
    expect(await matching(parsed(highClvAtRiskInGermany))).toEqual(['a4']);
  });

  it.each([
    ['country eq DE (includes a customer without metrics)', single('country', 'eq', 'DE'), ['a1', 'a2', 'a4', 'a6']],
    ['country neq DE leaves out unknown countries', single('country', 'neq', 'DE'), ['a3']],
    ['country in', single('country', 'in', ['DE', 'FR']), ['a1', 'a2', 'a3', 'a4', 'a6']],
    ['country not_in leaves out unknown countries', single('country', 'not_in', ['DE']), ['a3']],
    ['country is_empty', single('country', 'is_empty'), ['a5']],
    ['region is_empty (NULL or blank)', single('region', 'is_empty'), ['a4', 'a5', 'a6']],
    ['frequency gte 2', single('frequency', 'gte', 2), ['a1', 'a4']],
    ['monetary between is inclusive', single('monetary', 'between', [30, 50]), ['a2', 'a3']],
    ['recency_days gt 90', single('recency_days', 'gt', 90), ['a2', 'a3']],
    ['recency_days lte 15.5 (fraction on an integer column)', single('recency_days', 'lte', 15.5), ['a1', 'a5']],
    ['churn_risk gt 0.65', single('churn_risk', 'gt', 0.65), ['a2', 'a3']],
    ['predicted_clv neq 500 leaves out unknown CLV', single('predicted_clv', 'neq', 500), ['a2', 'a3', 'a4']],
    ['huge numbers do not overflow integer columns', single('tenure_days', 'lt', 1e308), ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['marketing_consent is_true', single('marketing_consent', 'is_true'), ['a1']],
    ['marketing_consent is_false', single('marketing_consent', 'is_false'), ['a2', 'a3', 'a4', 'a5', 'a6']],
    ['age from birth year', single('age', 'eq', new Date().getUTCFullYear() - 1980), ['a1']],
    ['or of two conditions', parsed({ version: 1, root: group('or', condition('country', 'eq', 'FR'), condition('frequency', 'eq', 3)) }), ['a3', 'a4']],
  ])('%s', async (_name, rule, expected) => {
    expect(await matching(rule)).toEqual(expected);
  });

  it('matches %, _, quotes and backslashes literally', async () => {
    expect(await matching(single('region', 'contains', '%'))).toEqual(['a1']);
    expect(await matching(single('region', 'contains', '_'))).toEqual(['a2']);
    expect(await matching(single('region', 'contains', "'"))).toEqual(['a3']);
    expect(await matching(single('region', 'contains', '"QUOTED"'))).toEqual(['a3']);
    expect(await matching(single('region', 'contains', '\\'))).toEqual(['a3']);
    expect(await matching(single('region', 'eq', `O'Brien "quoted" \\ back`))).toEqual(['a3']);
    expect(await matching(single('region', 'in', ['50% off', "O'Brien"]))).toEqual(['a1']);
    expect(await matching(single('region', 'contains', '_score'))).toEqual(['a2']);
    expect(await matching(single('region', 'contains', 'under%score'))).toEqual([]);
  });

  it("never matches another workspace's customers", async () => {
    expect(await matching(single('country', 'eq', 'DE'), other)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b6']);
    // Run inside the other workspace's transaction, the shop's compiled rule still only sees the shop.
    const rows = await withTenant(other, (tx) =>
      queryRows<{ org_id: string }>(
        tx,
        sql`select distinct c.org_id from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
            where ${compileRule(single('country', 'eq', 'DE'), shop.orgId)}`,
      ),
    );
    expect(rows).toEqual([{ org_id: shop.orgId }]);
  });

  it('previews count, shares, revenue, mean predicted CLV and a sample', async () => {
    const { preview, sample } = await withTenant(shop, (tx) => previewSegment(tx, parsed(highClvAtRiskInGermany), shop.orgId));
    expect(preview).toEqual({
      customers: 1,
      totalCustomers: 6,
      customerShare: 1 / 6,
      revenue: 1100,
      revenueShare: 1100 / 1485,
      averagePredictedClv: 800,
    });
    expect(sample.map((s) => [s.externalId, s.country, s.revenue, s.predictedClv])).toEqual([['a4', 'DE', 1100, 800]]);

    const germany = await withTenant(shop, (tx) => previewSegment(tx, single('country', 'eq', 'DE'), shop.orgId));
    expect(germany.preview).toMatchObject({ customers: 4, revenue: 1450, averagePredictedClv: (500 + 150 + 800) / 3 });
    // Most valuable first; the customer without metrics last.
    expect(germany.sample.map((s) => s.externalId)).toEqual(['a4', 'a1', 'a2', 'a6']);

    const nobody = await withTenant(shop, (tx) => previewSegment(tx, single('country', 'eq', 'XX'), shop.orgId));
    expect(nobody).toEqual({
      preview: { customers: 0, totalCustomers: 6, customerShare: 0, revenue: 0, revenueShare: 0, averagePredictedClv: null },
      sample: [],
    });
  });

  it('binds every user value as a parameter', () => {
    const hostile = "'; drop table customers; --";
    const query = new PgDialect().sqlToQuery(
      segmentPreviewQuery(
        parsed({ version: 1, root: group('or', condition('country', 'eq', hostile), condition('region', 'in', [hostile]), condition('age', 'gt', 7)) }),
        shop.orgId,
      ),
    );
    expect(query.sql).not.toContain('drop table');
    expect(query.sql).not.toContain(shop.orgId);
    expect(query.params).toEqual(expect.arrayContaining([hostile, [hostile], 7, shop.orgId]));
  });
});

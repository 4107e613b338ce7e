import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { workspaceWithOrders, type FixtureOrder } from '@/lib/testing/workspace-fixture';
import { compileRule, previewSegment, segmentPreviewQuery } from './compile-rule';
import { parseSegmentRule, type SegmentRule } from './rule-schema';

// As of 2024-06-30 (the last order day): purchase days, revenue and recency per customer are in the comments.
// The fixture names the orders order-1, order-2, … in this order; the seed sets their product categories.
const ORDERS: (FixtureOrder & { category: string | null })[] = [
  { customerId: 'a1', date: '2024-01-01', amount: 100, category: 'Shoes' }, // a1: 2 days, 300, recency 0
  { customerId: 'a1', date: '2024-06-30', amount: 200, category: 'Bags' },
  { customerId: 'a2', date: '2024-03-01', amount: 50, category: 'shoes' }, // a2: 1 day, 50, recency 121
  { customerId: 'a3', date: '2024-02-01', amount: 10, category: 'Books' }, // a3: 1 day (two orders), 30, recency 150
  { customerId: 'a3', date: '2024-02-01', amount: 20, category: null },
  { customerId: 'a4', date: '2023-12-01', amount: 500, category: 'Shoes' }, // a4: 3 days, 1100, recency 29
  { customerId: 'a4', date: '2024-05-01', amount: 500, category: 'Shoes' },
  { customerId: 'a4', date: '2024-06-01', amount: 100, category: 'Bags' },
  { customerId: 'a5', date: '2024-06-15', amount: 5, category: 'SHOES' }, // a5: 1 day, 5, recency 15
];
// Orders of the shop placed days before the test runs, added after the metrics recompute (so the metrics above
// stay as of 2024-06-30): they exercise `withinDays`. The windows tested stay clear of these ages.
const RECENT_ORDERS = [
  { customerId: 'a2', daysAgo: 10, category: 'Garden' },
  { customerId: 'a3', daysAgo: 2, category: 'GARDEN' },
  { customerId: 'a5', daysAgo: 40, category: 'garden' },
  { customerId: 'a5', daysAgo: 45, category: 'Books' },
];

// Attributes, and model outputs pinned so counts do not depend on the fit of five customers. `signup` is a date,
// or a number of days before today.
const CUSTOMERS = [
  { id: 'a1', country: 'DE', region: '50% off', consent: true, birthYear: 1980, clv: 500, alive: 0.9, signup: 5, attributes: { tier: 'gold', 'favourite colour': 'Blue' } },
  { id: 'a2', country: 'DE', region: 'under_score', consent: false, birthYear: null, clv: 150, alive: 0.3, signup: 30, attributes: { tier: 'silver', 'source.campaign': 'spring-24' } },
  { id: 'a3', country: 'FR', region: `O'Brien "quoted" \\ back`, consent: false, birthYear: null, clv: 20, alive: 0.1, signup: 31, attributes: { tier: 'Gold' } },
  { id: 'a4', country: 'DE', region: '', consent: false, birthYear: null, clv: 800, alive: 0.4, signup: '2020-02-29', attributes: { tier: '  ' } },
  { id: 'a5', country: null, region: null, consent: false, birthYear: null, clv: null, alive: null, signup: null, attributes: {} },
];

const condition = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, value });
const attribute = (key: string, operator: string, value?: unknown) => ({ kind: 'attribute', key, operator, value });
const orders = (filters: Record<string, unknown>) => ({ kind: 'orders', ...filters });
const member = (segmentId: number, operator: 'in' | 'not_in') => ({ kind: 'segment', segmentId, operator });
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
const only = (node: unknown) => parsed({ version: 1, root: group('and', node) });

let test: TestDatabase;
let shop: Tenant;
let other: Tenant;

async function seed(tenant: Tenant, lateSignup: string) {
  await recomputeCustomerValue(tenant);
  for (const c of CUSTOMERS) {
    const signup = typeof c.signup === 'number' ? sql`current_date - ${c.signup}::int` : sql`${c.signup}::date`;
    await test.db.execute(sql`update customers set country = ${c.country}, region = ${c.region}, marketing_consent = ${c.consent},
                                birth_year = ${c.birthYear}, signup_date = ${signup}, attributes = ${JSON.stringify(c.attributes)}::jsonb
                                where org_id = ${tenant.orgId} and external_id = ${c.id}`);
    await test.db.execute(sql`update customer_metrics m set predicted_clv = ${c.clv}, probability_alive = ${c.alive}
                                from customers c where c.org_id = m.org_id and c.id = m.customer_id
                                and m.org_id = ${tenant.orgId} and c.external_id = ${c.id}`);
  }
  for (const [i, order] of ORDERS.entries())
    await test.db.execute(sql`update orders set product_category = ${order.category} where org_id = ${tenant.orgId} and external_id = ${`order-${i + 1}`}`);
  // A German customer without orders, hence without a metrics row, who signed up today.
  await test.db.execute(sql`insert into customers (org_id, external_id, country, signup_date) values (${tenant.orgId}, ${lateSignup}, 'DE', current_date)`);
}

const customerId = async (tenant: Tenant, externalId: string) =>
  (await queryRows<{ id: number }>(test.db, sql`select id::int as id from customers where org_id = ${tenant.orgId} and external_id = ${externalId}`))[0].id;

// The migrations may not have created segment_members yet; this database is thrown away after the file.
const SEGMENT_MEMBERS_TABLE = sql`create table if not exists segment_members (org_id uuid not null, segment_id bigint not null,
  customer_id bigint not null, primary key (org_id, segment_id, customer_id))`;

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Segment Shop', ORDERS);
  other = await workspaceWithOrders(test.db, 'Other Shop', ORDERS);
  await seed(shop, 'a6');
  await seed(other, 'b6');
  // The other workspace is all German with a high, tied predicted CLV, so any leak across workspaces shows up.
  await test.db.execute(sql`update customers set country = 'DE' where org_id = ${other.orgId}`);
  await test.db.execute(sql`update customer_metrics set predicted_clv = 1000 where org_id = ${other.orgId}`);
  for (const [i, order] of RECENT_ORDERS.entries())
    await test.db.execute(sql`insert into orders (org_id, external_id, customer_id, ordered_at, revenue, product_category)
      values (${shop.orgId}, ${`recent-${i + 1}`}, ${await customerId(shop, order.customerId)}, now() - ${order.daysAgo}::int * interval '1 day', 1, ${order.category})`);
  // An order and a membership filed under the other workspace for the shop's customers a6 and a4.
  await test.db.execute(sql`insert into orders (org_id, external_id, customer_id, ordered_at, revenue, product_category)
    values (${other.orgId}, 'leak-1', ${await customerId(shop, 'a6')}, now() - interval '1 day', 1, 'Shoes')`);
  await test.db.execute(SEGMENT_MEMBERS_TABLE);
  const memberships: [Tenant, number, number][] = [
    [shop, 7, await customerId(shop, 'a1')],
    [shop, 7, await customerId(shop, 'a3')],
    [shop, 8, await customerId(shop, 'a2')],
    [other, 7, await customerId(shop, 'a4')],
    [other, 7, await customerId(other, 'a2')],
  ];
  for (const [tenant, segmentId, id] of memberships)
    await test.db.execute(sql`insert into segment_members (org_id, segment_id, customer_id) values (${tenant.orgId}, ${segmentId}, ${id})`);
}, 120_000);
afterAll(() => test?.drop());

async function matchingIn(tx: Pick<Database, 'execute'>, rule: SegmentRule, orgId: string): Promise<string[]> {
  const rows = await queryRows<{ external_id: string }>(
    tx,
    sql`select c.external_id from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
        where ${compileRule(rule, orgId)} order by c.external_id`,
  );
  return rows.map((r) => r.external_id);
}

const matching = (rule: SegmentRule, tenant: Tenant = shop) => withTenant(tenant, (tx) => matchingIn(tx, rule, tenant.orgId));

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
    const shopsGermans = sql`select distinct c.org_id from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id
                             where ${compileRule(single('country', 'eq', 'DE'), shop.orgId)}`;
    // Run with no tenant scope at all, the shop's compiled rule scopes itself to the shop.
    expect(await queryRows<{ org_id: string }>(test.db, shopsGermans)).toEqual([{ org_id: shop.orgId }]);
    // Inside the other workspace's transaction, row-level security hides the shop's rows altogether.
    expect(await withTenant(other, (tx) => queryRows<{ org_id: string }>(tx, shopsGermans))).toEqual([]);
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

  const ALL = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const dateCase = (field: string, operator: string, value: unknown, expected: string[]): [string, SegmentRule, string[]] => [
    `${field} ${operator} ${value ?? ''}`,
    single(field, operator, value),
    expected,
  ];
  it.each([
    // Signup: a1 5 days ago, a2 30, a3 31, a4 2020-02-29, a5 unknown, a6 today.
    dateCase('signup_date', 'within_last_days', 30, ['a1', 'a2', 'a6']),
    dateCase('signup_date', 'within_last_days', 5, ['a1', 'a6']),
    dateCase('signup_date', 'within_last_days', 1, ['a6']),
    dateCase('signup_date', 'not_within_last_days', 30, ['a3', 'a4']),
    dateCase('signup_date', 'not_within_last_days', 4, ['a1', 'a2', 'a3', 'a4']),
    dateCase('signup_date', 'is_empty', null, ['a5']),
    dateCase('signup_date', 'before', '2020-02-29', []),
    dateCase('signup_date', 'before', '2020-03-01', ['a4']),
    dateCase('signup_date', 'after', '2020-02-29', ['a1', 'a2', 'a3', 'a6']),
    dateCase('signup_date', 'after', '2020-02-28', ['a1', 'a2', 'a3', 'a4', 'a6']),
    // First purchase: a1 2024-01-01, a2 03-01, a3 02-01, a4 2023-12-01, a5 06-15; a6 none. Last: a1 06-30, a4 06-01.
    dateCase('first_purchase', 'before', '2024-01-01', ['a4']),
    dateCase('first_purchase', 'after', '2024-02-01', ['a2', 'a5']),
    dateCase('first_purchase', 'is_empty', null, ['a6']),
    dateCase('last_purchase', 'after', '2024-06-15', ['a1']),
    dateCase('last_purchase', 'before', '2024-02-02', ['a3']),
    dateCase('last_purchase', 'within_last_days', 36500, ['a1', 'a2', 'a3', 'a4', 'a5']),
    dateCase('last_purchase', 'not_within_last_days', 1, ['a1', 'a2', 'a3', 'a4', 'a5']),
    dateCase('last_purchase', 'not_within_last_days', 36500, []),
  ])('date: %s', async (_name, rule, expected) => {
    expect(await matching(rule)).toEqual(expected);
  });

  it('counts within_last_days back from current_date, the boundary day included', async () => {
    await withTenant(shop, async (tx) => {
      // In the same transaction as the matching, so current_date cannot move in between.
      const [{ days }] = await queryRows<{ days: number }>(tx, sql`select current_date - date '2024-06-15' as days`);
      expect(await matchingIn(tx, single('last_purchase', 'within_last_days', days), shop.orgId)).toEqual(['a1', 'a5']);
      expect(await matchingIn(tx, single('last_purchase', 'within_last_days', days - 1), shop.orgId)).toEqual(['a1']);
      expect(await matchingIn(tx, single('last_purchase', 'not_within_last_days', days - 1), shop.orgId)).toEqual(['a2', 'a3', 'a4', 'a5']);
    });
  });

  it.each([
    // Predicted CLV ranks a4 800, a1 500, a2 150, a3 20; a5 and a6 (no metrics) have none and are not ranked.
    ['top 25 % of predicted CLV', single('predicted_clv', 'top_percent', 25), ['a4']],
    ['top 50 % of predicted CLV', single('predicted_clv', 'top_percent', 50), ['a1', 'a4']],
    ['top 100 % leaves out unknown values', single('predicted_clv', 'top_percent', 100), ['a1', 'a2', 'a3', 'a4']],
    ['a tiny top share still holds the best customer', single('predicted_clv', 'top_percent', 0.001), ['a4']],
    ['bottom 25 % of predicted CLV', single('predicted_clv', 'bottom_percent', 25), ['a3']],
    ['bottom 50 % of predicted CLV', single('predicted_clv', 'bottom_percent', 50), ['a2', 'a3']],
    // Purchase days: a4 3, a1 2, then a2, a3, a5 tied at 1 (3 of 5 ranked customers).
    ['top 20 % of frequency', single('frequency', 'top_percent', 20), ['a4']],
    ['top 40 %: 40 % are ahead of the tie, so it stays out', single('frequency', 'top_percent', 40), ['a1', 'a4']],
    ['top 40.01 %: the tie straddles the cut and comes in whole', single('frequency', 'top_percent', 40.01), ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['bottom 20 %: a tie at the bottom comes in whole', single('frequency', 'bottom_percent', 20), ['a2', 'a3', 'a5']],
    ['bottom 60 % of frequency', single('frequency', 'bottom_percent', 60), ['a2', 'a3', 'a5']],
    ['bottom 60.01 % of frequency', single('frequency', 'bottom_percent', 60.01), ['a1', 'a2', 'a3', 'a5']],
    ['top percent of a computed field (age, one known)', single('age', 'bottom_percent', 1), ['a1']],
    [
      'top percent combined with another condition',
      parsed({ version: 1, root: group('and', condition('predicted_clv', 'top_percent', 50), condition('country', 'eq', 'DE')) }),
      ['a1', 'a4'],
    ],
  ])('percent: %s', async (_name, rule, expected) => {
    expect(await matching(rule)).toEqual(expected);
  });

  it("ranks top/bottom percent among the workspace's own customers only", async () => {
    // The other workspace's five tied CLVs of 1000 would push every shop customer out of a shared top 25 %.
    expect(await matching(single('predicted_clv', 'top_percent', 25))).toEqual(['a4']);
    expect(await matching(single('predicted_clv', 'top_percent', 25), other)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it.each([
    // tier: a1 gold, a2 silver, a3 Gold, a4 blank, a5 and a6 none.
    ['eq is case-sensitive', attribute('tier', 'eq', 'gold'), ['a1']],
    ['in', attribute('tier', 'in', ['gold', 'Gold']), ['a1', 'a3']],
    ['neq leaves out missing keys', attribute('tier', 'neq', 'gold'), ['a2', 'a3', 'a4']],
    ['not_in leaves out missing keys', attribute('tier', 'not_in', ['gold', 'silver']), ['a3', 'a4']],
    ['contains is case-insensitive', attribute('tier', 'contains', 'OLD'), ['a1', 'a3']],
    ['is_empty: missing or blank', attribute('tier', 'is_empty'), ['a4', 'a5', 'a6']],
    ['a key with a space', attribute('favourite colour', 'eq', 'Blue'), ['a1']],
    ['a key with a dot', attribute('source.campaign', 'contains', '-24'), ['a2']],
    ['a key nobody has', attribute('missing', 'neq', 'x'), []],
  ])('attribute: %s', async (_name, node, expected) => {
    expect(await matching(only(node))).toEqual(expected);
  });

  it.each([
    // a1 Shoes 2024-01-01, Bags 06-30 · a2 shoes 03-01 · a3 Books + none 02-01 · a4 Shoes 2023-12-01, Shoes 05-01, Bags 06-01
    // · a5 SHOES 06-15 · recent: a2 Garden 10 days ago, a3 GARDEN 2, a5 garden 40 and Books 45 · a6 none.
    ['any order', orders({ minOrders: 1 }), ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['category matches case-insensitively', orders({ minOrders: 1, category: 'shoes' }), ['a1', 'a2', 'a4', 'a5']],
    ['category null means any', orders({ minOrders: 3, category: null }), ['a3', 'a4', 'a5']],
    ['at least two of a category', orders({ minOrders: 2, category: 'SHOES' }), ['a4']],
    ['category is exact, not a substring', orders({ minOrders: 1, category: 'Book' }), []],
    ['more orders than anyone has', orders({ minOrders: 4 }), []],
    ['at least two between dates, both ends inclusive', orders({ minOrders: 2, from: '2024-01-01', to: '2024-06-30' }), ['a1', 'a3', 'a4']],
    ['the day after to is out', orders({ minOrders: 2, from: '2024-01-01', to: '2024-06-29' }), ['a3', 'a4']],
    ['the day before from is out', orders({ minOrders: 2, from: '2024-01-02', to: '2024-06-30' }), ['a3', 'a4']],
    ['to alone', orders({ minOrders: 1, to: '2023-12-01' }), ['a4']],
    ['from alone reaches today', orders({ minOrders: 1, from: '2024-06-30' }), ['a1', 'a2', 'a3', 'a5']],
    ['a category on one day', orders({ minOrders: 1, category: 'bags', from: '2024-06-01', to: '2024-06-01' }), ['a4']],
    ['bought a category within 7 days', orders({ minOrders: 1, category: 'garden', withinDays: 7 }), ['a3']],
    ['bought a category within 30 days', orders({ minOrders: 1, category: 'garden', withinDays: 30 }), ['a2', 'a3']],
    ['bought a category within 60 days', orders({ minOrders: 1, category: 'Garden', withinDays: 60 }), ['a2', 'a3', 'a5']],
    ['two orders within 60 days', orders({ minOrders: 2, withinDays: 60 }), ['a5']],
    ['two orders within 42 days', orders({ minOrders: 2, withinDays: 42 }), []],
    ['any order within 100 years', orders({ minOrders: 1, withinDays: 36500 }), ['a1', 'a2', 'a3', 'a4', 'a5']],
  ])('orders: %s', async (_name, node, expected) => {
    expect(await matching(only(node))).toEqual(expected);
  });

  it.each([
    // Segment 7: a1, a3 (and, filed under the other workspace, a4); segment 8: a2; segment 9: nobody.
    ['in', member(7, 'in'), ['a1', 'a3']],
    ['not in', member(7, 'not_in'), ['a2', 'a4', 'a5', 'a6']],
    ['in another segment', member(8, 'in'), ['a2']],
    ['in an empty segment', member(9, 'in'), []],
    ['not in an empty segment', member(9, 'not_in'), ALL],
    ['in a segment and in France', group('and', member(7, 'in'), condition('country', 'eq', 'FR')), ['a3']],
    ['in a segment or with a tier', group('or', member(8, 'in'), attribute('tier', 'eq', 'gold')), ['a1', 'a2']],
  ])('segment membership: %s', async (_name, node, expected) => {
    expect(await matching(only(node))).toEqual(expected);
  });

  it('previews a rule with subqueries in it', async () => {
    const rule = parsed({ version: 1, root: group('or', condition('predicted_clv', 'top_percent', 50), orders({ minOrders: 1, category: 'garden', withinDays: 7 })) });
    const { preview, sample } = await withTenant(shop, (tx) => previewSegment(tx, rule, shop.orgId));
    expect(preview).toMatchObject({ customers: 3, totalCustomers: 6, revenue: 1100 + 300 + 30 });
    expect(sample.map((s) => s.externalId)).toEqual(['a4', 'a1', 'a3']);
  });

  it('binds attribute keys, categories, dates, day counts, percentages and segment ids as parameters', () => {
    const hostile = "'; drop table customers; --";
    const query = new PgDialect().sqlToQuery(
      compileRule(
        parsed({
          version: 1,
          root: group(
            'or',
            attribute('source.campaign-x', 'eq', hostile),
            orders({ minOrders: 31_337, category: hostile, from: '2024-01-02', to: '2024-03-04' }),
            orders({ minOrders: 1, withinDays: 4321 }),
            condition('signup_date', 'after', '2021-05-06'),
            condition('signup_date', 'within_last_days', 8765),
            condition('monetary', 'top_percent', 12.5),
            member(424242, 'not_in'),
          ),
        }),
        shop.orgId,
      ),
    );
    for (const literal of ['drop table', 'source.campaign', '31337', '2024-01-02', '2024-03-04', '4321', '2021-05-06', '8765', '12.5', '424242'])
      expect(query.sql, literal).not.toContain(literal);
    expect(query.params).toEqual(
      expect.arrayContaining(['source.campaign-x', hostile, 31_337, '2024-01-02', '2024-03-04', 4321, '2021-05-06', 8765, 12.5, 424242, shop.orgId]),
    );
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

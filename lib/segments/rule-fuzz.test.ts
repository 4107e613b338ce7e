import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { SeededRandom } from '@/lib/demo/random';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { segmentPreviewQuery } from './compile-rule';
import { ATTRIBUTE_OPERATORS, OPERATORS_BY_TYPE, SEGMENT_FIELDS, SEGMENT_FIELD_NAMES, SEGMENT_MEMBERSHIP_OPERATORS } from './fields';
import { ATTRIBUTE_KEY_PATTERN, parseSegmentRule, type SegmentRule, type SegmentRuleNode } from './rule-schema';

const HOSTILE_TEXT = [
  "'; drop table customers; --",
  '") or 1=1 --',
  '%',
  '_',
  '\\',
  "O'Brien",
  '$1',
  '?',
  '\u0000',
  "a'\u0000--",
  '%\u0000_',
  '\uD800',
  '😀',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '',
  ' ',
  'x'.repeat(200),
  'x'.repeat(201),
  '__proto__',
  'constructor',
  'c.org_id',
  'm.revenue) or (1=1',
];
const HOSTILE_NUMBERS = [0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, Number.NaN, Infinity, -Infinity];
const HOSTILE_DATES = [
  '2023-02-30',
  '2023-02-29',
  '1900-02-29',
  '2024-13-01',
  '2024-00-10',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2101-01-01',
  '2024-1-5',
  '2024-01-05T00:00:00Z',
  '2024-01-05 ',
  "2024-01-05'; drop table customers; --",
  '+2024-01-05',
  'today',
  'infinity',
  'epoch',
];
const ACCEPTABLE_DATES = ['1900-01-01', '2000-02-29', '2024-01-01', '2024-06-30', '2100-12-31'];
// Day counts, order counts, percentages and segment ids: the boundaries, just past them, and absurd magnitudes.
const HOSTILE_COUNTS = [...HOSTILE_NUMBERS, 36_500, 36_501, 100_000, 100_001, 100, 100.0001, 1e-9, 2 ** 53, 2 ** 63, '7', null, true];
const ACCEPTABLE_DAYS = [1, 7, 36_500];
const ACCEPTABLE_PERCENTS = [1e-9, 0.5, 40, 100];
const ACCEPTABLE_MIN_ORDERS = [1, 2, 100_000];
const ACCEPTABLE_SEGMENT_IDS = [1, 2, 3, Number.MAX_SAFE_INTEGER];
const OPERATORS = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];
const DATE_FIELDS = SEGMENT_FIELD_NAMES.filter((name) => SEGMENT_FIELDS[name].type === 'date');

function generator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  function junk(depth: number): unknown {
    const choice = Math.floor(random() * 9);
    if (depth > 3 && choice >= 6) return pick(HOSTILE_TEXT);
    switch (choice) {
      case 0:
        return pick(HOSTILE_NUMBERS);
      case 1:
        return pick(HOSTILE_TEXT);
      case 2:
        return pick([null, undefined, true, false]);
      case 3:
        return random() * 10 ** Math.floor(random() * 20) * (chance(0.5) ? -1 : 1);
      case 4:
        return Array.from({ length: pick([0, 1, 2, 1001]) }, () => pick(HOSTILE_TEXT));
      case 5:
        return [pick(HOSTILE_NUMBERS), pick(HOSTILE_NUMBERS)];
      case 6:
        return Array.from({ length: Math.floor(random() * 4) }, () => junk(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick([...HOSTILE_TEXT, 'kind', 'root']), junk(depth + 1)]));
    }
  }

  // Values the schema should accept, still hostile to SQL: quotes, wildcards, injection text, extreme magnitudes.
  const ACCEPTABLE_TEXT = HOSTILE_TEXT.filter((text) => text.length <= 200 && !text.includes('\u0000'));
  const ACCEPTABLE_NUMBERS = HOSTILE_NUMBERS.filter(Number.isFinite);
  const ACCEPTABLE_KEYS = [...HOSTILE_TEXT.filter((text) => text.length <= 64 && ATTRIBUTE_KEY_PATTERN.test(text)), 'tier', 'a b.c-d_E9'];
  const ACCEPTABLE_CATEGORIES = ACCEPTABLE_TEXT.filter((text) => text.trim() !== '');
  const either = <T>(hostility: number, hostile: readonly T[], acceptable: readonly T[]) => pick(chance(hostility) ? hostile : acceptable);

  function plausibleValue(type: string, operator: string, hostility: number): unknown {
    const numbers = chance(hostility) ? HOSTILE_NUMBERS : ACCEPTABLE_NUMBERS;
    const texts = chance(hostility) ? HOSTILE_TEXT : ACCEPTABLE_TEXT;
    if (operator === 'within_last_days' || operator === 'not_within_last_days') return either(hostility, HOSTILE_COUNTS, ACCEPTABLE_DAYS);
    if (operator === 'before' || operator === 'after') return either(hostility, [...HOSTILE_DATES, ...HOSTILE_TEXT], ACCEPTABLE_DATES);
    if (operator === 'top_percent' || operator === 'bottom_percent') return either(hostility, HOSTILE_COUNTS, ACCEPTABLE_PERCENTS);
    if (operator === 'between') {
      const [a, b] = [pick(numbers), pick(numbers)];
      return chance(hostility) ? [a, b] : [Math.min(a, b), Math.max(a, b)];
    }
    if (operator === 'in' || operator === 'not_in') return Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(texts));
    if (operator === 'is_empty' || operator === 'is_true' || operator === 'is_false') return chance(hostility) ? junk(3) : null;
    return type === 'number' ? pick(numbers) : pick(texts);
  }

  function attribute(hostility: number, valueHostility: number): Record<string, unknown> {
    const operator = chance(hostility) ? pick([...OPERATORS, ...HOSTILE_TEXT]) : pick(ATTRIBUTE_OPERATORS);
    const key = chance(hostility) ? pick([...HOSTILE_TEXT, 'k'.repeat(65), '', 7, null]) : pick(ACCEPTABLE_KEYS);
    return { kind: 'attribute', key, operator, value: chance(hostility) ? junk(2) : plausibleValue('text', operator, valueHostility) };
  }

  function orders(hostility: number, valueHostility: number): Record<string, unknown> {
    const node: Record<string, unknown> = { kind: 'orders', minOrders: either(valueHostility, HOSTILE_COUNTS, ACCEPTABLE_MIN_ORDERS) };
    if (chance(0.5)) node.category = chance(valueHostility) ? pick([...HOSTILE_TEXT, null, 5, ['Shoes']]) : pick([...ACCEPTABLE_CATEGORIES, null, 'Shoes']);
    // Mixing a window with a date range, or a range running backwards, is itself a mistake the schema must catch.
    const range = chance(hostility) ? 'both' : pick(['none', 'window', 'dates']);
    if (range === 'window' || range === 'both') node.withinDays = either(valueHostility, HOSTILE_COUNTS, ACCEPTABLE_DAYS);
    if (range === 'dates' || range === 'both') {
      const [from, to] = [either(valueHostility, HOSTILE_DATES, ACCEPTABLE_DATES), either(valueHostility, HOSTILE_DATES, ACCEPTABLE_DATES)];
      if (chance(0.7)) node.from = chance(hostility) ? to : from < to ? from : to;
      if (chance(0.7)) node.to = chance(hostility) ? from : from < to ? to : from;
    }
    return node;
  }

  function membership(hostility: number, valueHostility: number): Record<string, unknown> {
    const operator = chance(hostility) ? pick([...OPERATORS, ...HOSTILE_TEXT]) : pick(SEGMENT_MEMBERSHIP_OPERATORS);
    return { kind: 'segment', segmentId: either(valueHostility, HOSTILE_COUNTS, ACCEPTABLE_SEGMENT_IDS), operator };
  }

  function leaf(hostility: number, valueHostility: number): unknown {
    const made = pick([condition, condition, attribute, orders, membership])(hostility, valueHostility);
    if (chance(hostility / 3)) made[pick(HOSTILE_TEXT)] = junk(2);
    if (chance(hostility / 3)) made.kind = pick(['condition', 'attribute', 'orders', 'segment', ...HOSTILE_TEXT]);
    return made;
  }

  // `hostility` is the chance of each structural mistake: low for rules meant to reach the database with hostile values.
  function condition(hostility: number, valueHostility: number): Record<string, unknown> {
    // Date fields are 3 of the whitelist; weight them up so their values get fuzzed as often as the others.
    const known = chance(0.25) ? pick(DATE_FIELDS) : pick(SEGMENT_FIELD_NAMES);
    const field = chance(hostility) ? pick(HOSTILE_TEXT) : known;
    const operator = chance(hostility) ? pick([...OPERATORS, ...HOSTILE_TEXT]) : pick(OPERATORS_BY_TYPE[SEGMENT_FIELDS[known].type]);
    const node: Record<string, unknown> = { kind: 'condition', field, operator, value: chance(hostility) ? junk(2) : plausibleValue(SEGMENT_FIELDS[known].type, operator, valueHostility) };
    if (chance(hostility / 3)) node[pick(HOSTILE_TEXT)] = junk(2);
    if (chance(hostility / 3)) delete node[pick(['kind', 'field', 'operator'])];
    return node;
  }

  function group(depth: number, hostility: number, valueHostility: number): unknown {
    const children = Array.from({ length: Math.floor(random() * 4) + (chance(hostility) ? 0 : 1) }, () =>
      chance(depth < 6 ? 0.3 : 0) ? group(depth + 1, hostility, valueHostility) : chance(hostility) ? junk(depth) : leaf(hostility, valueHostility),
    );
    const node: Record<string, unknown> = { kind: 'group', combinator: chance(hostility) ? pick(HOSTILE_TEXT) : pick(['and', 'or']), children };
    if (chance(hostility / 3)) node.extra = junk(depth);
    return node;
  }

  return () => {
    if (chance(0.1)) return junk(0);
    // Structure and values turn hostile independently, so a single bad value can reach the database on its own.
    const hostility = pick([0, 0.02, 0.1, 0.3]);
    const valueHostility = pick([0, 0.05, 0.2]);
    // A lone, well-formed condition with a fair chance of one bad value: the likeliest way for a value that slips
    // past validation to reach the database.
    if (chance(0.2)) return { version: 1, root: { kind: 'group', combinator: 'and', children: [leaf(0, 0.3)] } };
    return { version: chance(hostility) ? junk(3) : 1, root: group(1, hostility, valueHostility) };
  };
}

let test: TestDatabase;
let shop: Tenant;

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Fuzz Shop', [
    { customerId: 'f1', date: '2024-01-01', amount: 10 },
    { customerId: 'f1', date: '2024-03-01', amount: 30 },
    { customerId: 'f2', date: '2024-02-01', amount: 999.99 },
    { customerId: 'f3', date: '2024-03-01', amount: 5 },
  ]);
  await recomputeCustomerValue(shop);
  await test.db.execute(sql`update customers set country = 'DE', region = '50%_off', birth_year = 1990, signup_date = '2024-01-01',
                              attributes = '{"tier": "gold", "c.org_id": "1=1"}' where org_id = ${shop.orgId} and external_id = 'f1'`);
  await test.db.execute(sql`update orders set product_category = 'Shoes' where org_id = ${shop.orgId}`);
  // The migrations may not have created segment_members yet; this database is thrown away after the file.
  await test.db.execute(sql`create table if not exists segment_members (org_id uuid not null, segment_id bigint not null,
                              customer_id bigint not null, primary key (org_id, segment_id, customer_id))`);
  await test.db.execute(sql`insert into segment_members (org_id, segment_id, customer_id)
                              select org_id, 1, id from customers where org_id = ${shop.orgId} and external_id = 'f2'`);
}, 120_000);

const countsIn = (tx: Parameters<Parameters<typeof withTenant>[1]>[0], rule: SegmentRule) =>
  queryRows<{ customers: number; total_customers: number }>(tx, segmentPreviewQuery(rule, shop.orgId));

function leafKinds(rule: SegmentRule): string[] {
  const kinds: string[] = [];
  const stack: SegmentRuleNode[] = [rule.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'group') stack.push(...node.children);
    else kinds.push(node.kind === 'condition' ? `condition:${SEGMENT_FIELDS[node.field].type}` : node.kind);
  }
  return kinds;
}
afterAll(() => test?.drop());

describe(`hostile rule fuzzing (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('turns 500 random rules into a readable error or a query that counts without throwing', async () => {
    // Seeded, so a failing case can be replayed from its index.
    const seeded = new SeededRandom(20_261_123);
    const next = generator(() => seeded.next());
    let accepted = 0;
    let rejected = 0;
    const reachedDatabase = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const input = next();
      const result = parseSegmentRule(input);
      if (!result.success) {
        expect(result.errors.length, `case ${i}`).toBeGreaterThan(0);
        for (const error of result.errors) expect(typeof error, `case ${i}`).toBe('string');
        rejected++;
        continue;
      }
      let rows: { customers: number; total_customers: number }[];
      try {
        rows = await withTenant(shop, (tx) => countsIn(tx, result.rule));
      } catch (error) {
        throw new Error(`case ${i} failed in the database: ${(error as Error).message}\n${JSON.stringify(result.rule)}`);
      }
      expect(rows[0].customers, `case ${i}`).toBeGreaterThanOrEqual(0);
      expect(rows[0].customers, `case ${i}`).toBeLessThanOrEqual(3);
      expect(rows[0].total_customers).toBe(3);
      for (const kind of leafKinds(result.rule)) reachedDatabase.set(kind, (reachedDatabase.get(kind) ?? 0) + 1);
      accepted++;
    }
    console.info(`fuzz: ${accepted} rules compiled and counted, ${rejected} rejected`, Object.fromEntries(reachedDatabase));
    // Both paths must be exercised, or the fuzzer is not testing the compiler.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
    for (const kind of ['condition:date', 'attribute', 'orders', 'segment'])
      expect(reachedDatabase.get(kind) ?? 0, `${kind} conditions that reached the database`).toBeGreaterThan(50);
    const [survivor] = await queryRows<{ count: number }>(test.db, sql`select count(*)::int as count from customers where org_id = ${shop.orgId}`);
    expect(survivor.count).toBe(3);
  });

  const one = (node: unknown) => ({ version: 1, root: { kind: 'group', combinator: 'and', children: [node] } });
  const attribute = (key: unknown, operator: unknown, value?: unknown) => ({ kind: 'attribute', key, operator, value });
  const orders = (filters: Record<string, unknown>) => ({ kind: 'orders', ...filters });

  it.each([
    ['SQL in an attribute key', attribute("tier') = 'x' or true --", 'eq', 'x'), /^root\.children\.0\.key: may hold only/],
    ['a quote in an attribute key', attribute("o'key", 'is_empty'), /^root\.children\.0\.key: may hold only/],
    ['a NUL in an attribute key', attribute('ti\u0000er', 'eq', 'x'), /^root\.children\.0\.key: may hold only/],
    ['an over-long attribute key', attribute('k'.repeat(1000), 'eq', 'x'), /^root\.children\.0\.key: must be 1 to 64 characters/],
    ['an attribute key of the wrong type', attribute({ $ne: 1 }, 'eq', 'x'), /^root\.children\.0\.key: must be a string/],
    ['a NUL in an attribute value', attribute('tier', 'eq', 'a\u0000'), /^root\.children\.0\.value: must not contain a NUL/],
    ['a NUL in a category', orders({ minOrders: 1, category: "Shoes'\u0000--" }), /^root\.children\.0\.category: must not contain a NUL/],
    ['a category list', orders({ minOrders: 1, category: ['Shoes'] }), /^root\.children\.0\.category: must be a string/],
    ['a huge order count', orders({ minOrders: 1e308 }), /^root\.children\.0\.minOrders: must be a whole number from 1 to 100000/],
    ['a negative order count', orders({ minOrders: -1 }), /^root\.children\.0\.minOrders: must be a whole number/],
    ['an order count as text', orders({ minOrders: '1; drop table orders' }), /^root\.children\.0\.minOrders: must be a whole number/],
    ['a day window beyond a century', orders({ minOrders: 1, withinDays: 2 ** 31 }), /^root\.children\.0\.withinDays: must be a whole number from 1 to 36500/],
    ['February 30th', orders({ minOrders: 1, from: '2023-02-30' }), /^root\.children\.0\.from: 2023-02-30 is not a real date/],
    ['a date with SQL after it', orders({ minOrders: 1, to: "2024-01-01'::date or true --" }), /^root\.children\.0\.to: must be a date written YYYY-MM-DD/],
    ['year 0', orders({ minOrders: 1, to: '0000-01-01' }), /^root\.children\.0\.to: 0000-01-01 is out of range/],
    ["Postgres's special date words", { kind: 'condition', field: 'signup_date', operator: 'before', value: 'infinity' }, /^root\.children\.0\.value: must be a date written/],
    ['a huge day count', { kind: 'condition', field: 'last_purchase', operator: 'within_last_days', value: 1e308 }, /^root\.children\.0\.value: must be a whole number/],
    ['a percentage over 100', { kind: 'condition', field: 'monetary', operator: 'top_percent', value: 100.5 }, /^root\.children\.0\.value: must be a percentage/],
    ['a segment id past 2^53', { kind: 'segment', segmentId: 2 ** 64, operator: 'in' }, /^root\.children\.0\.segmentId: must be a segment id/],
    ['a segment id as SQL', { kind: 'segment', segmentId: '1 or true', operator: 'in' }, /^root\.children\.0\.segmentId: must be a segment id/],
  ])('rejects %s with a readable error', (_name, node, message) => {
    const result = parseSegmentRule(one(node));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors[0]).toMatch(message);
  });

  it('runs accepted but hostile values of the new kinds without a database error, matching exactly', async () => {
    const cases: [unknown, number][] = [
      [attribute('c.org_id', 'eq', '1=1'), 1],
      [attribute('tier', 'in', ["gold", "'; drop table customers; --"]), 1],
      [attribute('c.org_id', 'contains', '%'), 0],
      [attribute('-- x', 'is_empty'), 3],
      [orders({ minOrders: 1, category: "Shoes' or '1'='1" }), 0],
      [orders({ minOrders: 1, category: 'SHOES', from: '1900-01-01', to: '2100-12-31' }), 3],
      [orders({ minOrders: 100_000, withinDays: 36_500 }), 0],
      [{ kind: 'condition', field: 'signup_date', operator: 'after', value: '2100-12-31' }, 0],
      [{ kind: 'condition', field: 'signup_date', operator: 'not_within_last_days', value: 36_500 }, 0],
      [{ kind: 'condition', field: 'monetary', operator: 'bottom_percent', value: 1e-9 }, 1],
      [{ kind: 'segment', segmentId: Number.MAX_SAFE_INTEGER, operator: 'not_in' }, 3],
      [{ kind: 'segment', segmentId: 1, operator: 'in' }, 1],
    ];
    for (const [node, expected] of cases) {
      const result = parseSegmentRule(one(node));
      if (!result.success) throw new Error(`${JSON.stringify(node)} was rejected: ${result.errors.join('; ')}`);
      const [row] = await withTenant(shop, (tx) => countsIn(tx, result.rule));
      expect(row.customers, JSON.stringify(node)).toBe(expected);
    }
    const [survivor] = await queryRows<{ count: number }>(test.db, sql`select count(*)::int as count from customers where org_id = ${shop.orgId}`);
    expect(survivor.count).toBe(3);
  });
});

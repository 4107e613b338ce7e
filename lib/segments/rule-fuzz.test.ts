import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { SeededRandom } from '@/lib/demo/random';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { segmentPreviewQuery } from './compile-rule';
import { OPERATORS_BY_TYPE, SEGMENT_FIELDS, SEGMENT_FIELD_NAMES } from './fields';
import { parseSegmentRule } from './rule-schema';

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
const OPERATORS = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];

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

  function plausibleValue(type: string, operator: string, hostility: number): unknown {
    const numbers = chance(hostility) ? HOSTILE_NUMBERS : ACCEPTABLE_NUMBERS;
    const texts = chance(hostility) ? HOSTILE_TEXT : ACCEPTABLE_TEXT;
    if (operator === 'between') {
      const [a, b] = [pick(numbers), pick(numbers)];
      return chance(hostility) ? [a, b] : [Math.min(a, b), Math.max(a, b)];
    }
    if (operator === 'in' || operator === 'not_in') return Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(texts));
    if (operator === 'is_empty' || operator === 'is_true' || operator === 'is_false') return chance(hostility) ? junk(3) : null;
    return type === 'number' ? pick(numbers) : pick(texts);
  }

  // `hostility` is the chance of each structural mistake: low for rules meant to reach the database with hostile values.
  function condition(hostility: number, valueHostility: number): unknown {
    const known = pick(SEGMENT_FIELD_NAMES);
    const field = chance(hostility) ? pick(HOSTILE_TEXT) : known;
    const operator = chance(hostility) ? pick([...OPERATORS, ...HOSTILE_TEXT]) : pick(OPERATORS_BY_TYPE[SEGMENT_FIELDS[known].type]);
    const node: Record<string, unknown> = { kind: 'condition', field, operator, value: chance(hostility) ? junk(2) : plausibleValue(SEGMENT_FIELDS[known].type, operator, valueHostility) };
    if (chance(hostility / 3)) node[pick(HOSTILE_TEXT)] = junk(2);
    if (chance(hostility / 3)) delete node[pick(['kind', 'field', 'operator'])];
    return node;
  }

  function group(depth: number, hostility: number, valueHostility: number): unknown {
    const children = Array.from({ length: Math.floor(random() * 4) + (chance(hostility) ? 0 : 1) }, () =>
      chance(depth < 6 ? 0.3 : 0) ? group(depth + 1, hostility, valueHostility) : chance(hostility) ? junk(depth) : condition(hostility, valueHostility),
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
  await test.db.execute(sql`update customers set country = 'DE', region = '50%_off', birth_year = 1990 where org_id = ${shop.orgId} and external_id = 'f1'`);
}, 120_000);
afterAll(() => test?.drop());

describe(`hostile rule fuzzing (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('turns 500 random rules into a readable error or a query that counts without throwing', async () => {
    // Seeded, so a failing case can be replayed from its index.
    const seeded = new SeededRandom(20_261_123);
    const next = generator(() => seeded.next());
    let accepted = 0;
    let rejected = 0;
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
        rows = await withTenant(shop, (tx) => queryRows(tx, segmentPreviewQuery(result.rule, shop.orgId)));
      } catch (error) {
        throw new Error(`case ${i} failed in the database: ${(error as Error).message}\n${JSON.stringify(result.rule)}`);
      }
      expect(rows[0].customers, `case ${i}`).toBeGreaterThanOrEqual(0);
      expect(rows[0].customers, `case ${i}`).toBeLessThanOrEqual(3);
      expect(rows[0].total_customers).toBe(3);
      accepted++;
    }
    console.info(`fuzz: ${accepted} rules compiled and counted, ${rejected} rejected`);
    // Both paths must be exercised, or the fuzzer is not testing the compiler.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
    const [survivor] = await queryRows<{ count: number }>(test.db, sql`select count(*)::int as count from customers where org_id = ${shop.orgId}`);
    expect(survivor.count).toBe(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import type { Database } from '@/lib/db/client';
import { customers, orders } from '@/lib/db/schema';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { createWorkspace } from '@/lib/workspaces/workspaces';
import { dataQualityReport, qualityCheckIds, type DataQualityReport, type QualityCheckId } from './queries';

let test: TestDatabase;
let shop: Tenant;
let other: Tenant;
let clean: Tenant;

type FixtureCustomer = { id: string; email: string | null; orders: { id: string; at: Date; revenue: number }[] };

const day = 24 * 60 * 60 * 1000;
const inThirtyDays = new Date(Date.now() + 30 * day);
const lastYear = (i: number) => new Date(Date.UTC(2025, 0, 1) + (i % 365) * day);

async function workspaceWith(db: Database, name: string, people: FixtureCustomer[]): Promise<Tenant> {
  const owner = await createUser(db, { email: `owner@${name.toLowerCase().replace(/\W+/g, '-')}.test`, name, password: 'a-long-password' });
  const workspace = await createWorkspace(db, { name, currency: 'USD', ownerId: owner.id });
  for (const person of people) {
    const [row] = await db
      .insert(customers)
      .values({ orgId: workspace.id, externalId: person.id, email: person.email })
      .returning({ id: customers.id });
    const rows = person.orders.map((o) => ({
      orgId: workspace.id, externalId: o.id, customerId: row.id, orderedAt: o.at, revenue: o.revenue.toFixed(2),
    }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(orders).values(rows.slice(i, i + 500));
  }
  return tenantFromMembership(workspace.id);
}

const one = (id: string, revenue = 50, at = lastYear(0)) => [{ id, at, revenue }];

function check(report: DataQualityReport, id: QualityCheckId) {
  return report.checks.find((c) => c.id === id)!;
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWith(test.db, 'Quality Shop', [
    { id: 'c-dup-1', email: 'Ann@Example.com', orders: one('o-zero', 0) },
    { id: 'c-dup-2', email: 'ann@example.com', orders: one('o-refund', -25.5) },
    { id: 'c-no-email', email: null, orders: one('o-future', 40, inThirtyDays) },
    { id: 'c-blank-email', email: '  ', orders: one('o-blank') },
    { id: 'c-lonely', email: 'lonely@example.com', orders: [] },
    { id: 'c-big', email: 'big@example.com', orders: one('o-huge', 250_000) },
    {
      id: 'c-regular',
      email: 'regular@example.com',
      // 1,000 ordinary orders of 20–69, twenty of them at the top value: the 99.9th percentile lands on 69.
      orders: Array.from({ length: 1000 }, (_, i) => ({ id: `o-normal-${i}`, at: lastYear(i), revenue: 20 + (i % 50) })),
    },
  ]);
  // Another workspace with every problem, one of its emails equal to the first's: none of it may show there.
  other = await workspaceWith(test.db, 'Other Shop', [
    { id: 'b-shared', email: 'ANN@example.com', orders: one('b-zero', 0) },
    { id: 'b-no-email', email: null, orders: one('b-refund', -10) },
    { id: 'b-future', email: 'future@other.test', orders: one('b-future', 10, inThirtyDays) },
    { id: 'b-big', email: 'big@other.test', orders: [...one('b-small', 5), ...one('b-huge', 9_999_999)] },
    ...Array.from({ length: 7 }, (_, i) => ({ id: `b-lonely-${i + 1}`, email: `lonely${i + 1}@other.test`, orders: [] })),
  ]);
  clean = await workspaceWith(test.db, 'Clean Shop', [
    { id: 'k1', email: 'k1@clean.test', orders: one('k-o1', 30) },
    { id: 'k2', email: 'k2@clean.test', orders: one('k-o2', 30) },
  ]);
});
afterAll(() => test?.drop());

describe(`dataQualityReport (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('counts each problem of the workspace exactly, with its examples and offending values', async () => {
    const report = await dataQualityReport(shop);
    expect(report.checks.map((c) => c.id)).toEqual([...qualityCheckIds]);
    const summary = Object.fromEntries(report.checks.map((c) => [c.id, [c.count, c.examples.map((e) => [e.externalId, e.value])]]));
    expect(summary).toEqual({
      missingEmail: [2, [['c-blank-email', '  '], ['c-no-email', null]]],
      duplicateEmails: [2, [['c-dup-1', 'Ann@Example.com'], ['c-dup-2', 'ann@example.com']]],
      zeroRevenueOrders: [1, [['o-zero', 0]]],
      refundOrders: [1, [['o-refund', -25.5]]],
      futureOrders: [1, [['o-future', inThirtyDays.toISOString().replace(/\.\d{3}Z$/, 'Z')]]],
      customersWithoutOrders: [1, [['c-lonely', null]]],
      revenueOutliers: [1, [['o-huge', 250_000]]],
    });
    expect(check(report, 'revenueOutliers').threshold).toBe(69);
    expect(check(report, 'futureOrders').entity).toBe('order');
    expect(check(report, 'duplicateEmails').entity).toBe('customer');
  });

  it('never shows another workspace’s rows, and counts beyond the five examples', async () => {
    const report = await dataQualityReport(shop);
    const ids = report.checks.flatMap((c) => c.examples.map((e) => e.externalId));
    expect(ids.filter((id) => id.startsWith('b-'))).toEqual([]);

    const theirs = await dataQualityReport(other);
    expect(check(theirs, 'customersWithoutOrders').count).toBe(7);
    expect(check(theirs, 'customersWithoutOrders').examples.map((e) => e.externalId)).toEqual([
      'b-lonely-1', 'b-lonely-2', 'b-lonely-3', 'b-lonely-4', 'b-lonely-5',
    ]);
    // Its one address shared with the first workspace is no duplicate within its own.
    expect(check(theirs, 'duplicateEmails').count).toBe(0);
    expect(check(theirs, 'missingEmail').examples).toEqual([{ externalId: 'b-no-email', value: null }]);
    expect(check(theirs, 'revenueOutliers').examples.map((e) => e.externalId)).toEqual(['b-huge']);
  });

  it('finds nothing in a clean workspace', async () => {
    const report = await dataQualityReport(clean);
    expect(report.checks.map((c) => [c.id, c.count, c.examples.length])).toEqual(qualityCheckIds.map((id) => [id, 0, 0]));
  });
});

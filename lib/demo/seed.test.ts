import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { customers, memberships, orders, organizations } from '@/lib/db/schema';
import { findUserForSignIn } from '@/lib/auth/users';
import { DEMO_PASSWORD, demoLogins } from './accounts';
import { seedDemoIfEmpty } from './seed';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

describe(`demo seed (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('creates the demo workspace, its three users and its data once', async () => {
    const workspace = await seedDemoIfEmpty(test.db, { customers: 300, endDate: '2026-06-30' });
    expect(workspace?.slug).toBe('demo-retail');

    const [{ n: customerCount }] = await test.db.select({ n: count() }).from(customers);
    const [{ n: orderCount }] = await test.db.select({ n: count() }).from(orders);
    expect(customerCount).toBe(300);
    expect(orderCount).toBeGreaterThan(300 * 4);

    const roles = await test.db
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId));
    expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'marketer', 'viewer']);

    expect(await seedDemoIfEmpty(test.db, { customers: 300 })).toBeNull();
    const [{ n: afterSecondRun }] = await test.db.select({ n: count() }).from(customers);
    expect(afterSecondRun).toBe(300);
  });

  it('lets every demo user sign in with the printed password and no other', async () => {
    for (const login of demoLogins) {
      expect(await findUserForSignIn(test.db, login.email, DEMO_PASSWORD)).toMatchObject({ email: login.email });
      expect(await findUserForSignIn(test.db, login.email, 'wrong-password')).toBeNull();
    }
  });
});

import { asc, eq } from 'drizzle-orm';
import { CredentialsSignin } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { addMember, createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';
import { authorizeCredentials } from './authorize';
import { SIGN_IN_THROTTLED_CODE, createSignInThrottle } from './sign-in-throttle';
import { createUser, type SignedInUser } from './users';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await createUser(test.db, { email: 'nina@example.com', name: 'Nina', password: 'tangerine-quasar-42' });
});
afterAll(() => test?.drop());

const from = (ip: string) => new Request('http://localhost/api/auth/callback/credentials', { headers: { 'x-forwarded-for': ip } });

describe('authorizeCredentials', () => {
  it('signs in with the right password and refuses a wrong one as a plain CredentialsSignin', async () => {
    const throttle = createSignInThrottle();
    await expect(authorizeCredentials({ email: 'Nina@Example.com', password: 'tangerine-quasar-42' }, from('203.0.113.1'), throttle)).resolves.toMatchObject({
      email: 'nina@example.com',
    });
    const error = await authorizeCredentials({ email: 'nina@example.com', password: 'wrong' }, from('203.0.113.1'), throttle).catch((e) => e);
    expect(error).toBeInstanceOf(CredentialsSignin);
    expect(error.code).toBe('credentials');
  });

  it('after 5 failures for an email, refuses even the right password, then lets it in once the window has passed', async () => {
    const clock = { now: 0 };
    const throttle = createSignInThrottle(() => clock.now);
    for (let i = 0; i < 5; i++) {
      await expect(authorizeCredentials({ email: 'nina@example.com', password: `guess-${i}` }, from(`198.51.100.${i}`), throttle)).rejects.toMatchObject({
        code: 'credentials',
      });
    }
    await expect(authorizeCredentials({ email: 'nina@example.com', password: 'tangerine-quasar-42' }, from('203.0.113.50'), throttle)).rejects.toMatchObject({
      code: SIGN_IN_THROTTLED_CODE,
    });
    // An unknown email is throttled the same way, so the pause reveals nothing about which emails have accounts.
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: 'nobody@example.com', password: 'x' }, from('192.0.2.1'), throttle).catch(() => {});
    await expect(authorizeCredentials({ email: 'nobody@example.com', password: 'x' }, from('192.0.2.2'), throttle)).rejects.toMatchObject({
      code: SIGN_IN_THROTTLED_CODE,
    });
    clock.now = 15 * 60_000;
    await expect(authorizeCredentials({ email: 'nina@example.com', password: 'tangerine-quasar-42' }, from('203.0.113.50'), throttle)).resolves.toBeTruthy();
  });

  it('throttles by the first x-forwarded-for address', async () => {
    const throttle = createSignInThrottle();
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials({ email: `guess-${i}@example.com`, password: 'x' }, from('203.0.113.9, 10.0.0.1'), throttle).catch(() => {});
    }
    await expect(authorizeCredentials({ email: 'nina@example.com', password: 'tangerine-quasar-42' }, from('203.0.113.9'), throttle)).rejects.toMatchObject({
      code: SIGN_IN_THROTTLED_CODE,
    });
    await expect(authorizeCredentials({ email: 'nina@example.com', password: 'tangerine-quasar-42' }, from('203.0.113.10'), throttle)).resolves.toBeTruthy();
  });
});

describe(`sign-ins in the audit trail (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  const PASSWORD = 'marmalade-orbit-77';
  let omar: SignedInUser;
  let ownShop: Workspace;
  let sharedShop: Workspace;
  let otherShop: Workspace;

  beforeAll(async () => {
    omar = await createUser(test.db, { email: 'omar@example.com', name: 'Omar', password: PASSWORD });
    const host = await createUser(test.db, { email: 'host@example.com', name: 'Host', password: PASSWORD });
    ownShop = await createWorkspace(test.db, { name: 'Omar Shop', currency: 'USD', ownerId: omar.id });
    sharedShop = await createWorkspace(test.db, { name: 'Host Shop', currency: 'USD', ownerId: host.id });
    await addMember(test.db, sharedShop.id, omar.id, 'viewer');
    otherShop = await createWorkspace(test.db, { name: 'Other Shop', currency: 'USD', ownerId: host.id });
  });

  const eventsOf = async (workspace: Workspace) =>
    (await test.db.select().from(auditEvents).where(eq(auditEvents.orgId, workspace.id)).orderBy(asc(auditEvents.id))).map(
      ({ action, actorId, actorEmail, ip, details }) => ({ action, actorId, actorEmail, ip, details }),
    );
  const allEvents = async () => (await test.db.select({ id: auditEvents.id }).from(auditEvents)).length;

  it('records successful and failed sign-ins, with the address, in every workspace of the account and no other', async () => {
    const throttle = createSignInThrottle();
    await authorizeCredentials({ email: 'OMAR@example.com', password: PASSWORD }, from('203.0.113.7, 10.0.0.1'), throttle);
    await authorizeCredentials({ email: 'omar@example.com', password: 'not-it' }, from('198.51.100.4'), throttle).catch(() => {});
    const expected = [
      { action: 'sign_in.succeeded', actorId: omar.id, actorEmail: 'omar@example.com', ip: '203.0.113.7', details: {} },
      { action: 'sign_in.failed', actorId: omar.id, actorEmail: 'omar@example.com', ip: '198.51.100.4', details: {} },
    ];
    expect(await eventsOf(ownShop)).toEqual(expected);
    expect(await eventsOf(sharedShop)).toEqual(expected);
    expect(await eventsOf(otherShop)).toEqual([]);
  });

  it('records nothing anywhere for an email without an account, nor for a malformed attempt', async () => {
    const before = await allEvents();
    const throttle = createSignInThrottle();
    for (let i = 0; i < 7; i++) {
      await authorizeCredentials({ email: 'nobody-here@example.com', password: 'guess' }, from('192.0.2.30'), throttle).catch(() => {});
    }
    await authorizeCredentials({ email: 'not an email', password: 'x' }, from('192.0.2.31'), throttle).catch(() => {});
    expect(await allEvents()).toBe(before);
  });

  it('records a throttled account once per window, however many attempts are refused', async () => {
    const clock = { now: 0 };
    const throttle = createSignInThrottle(() => clock.now);
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: 'omar@example.com', password: `guess-${i}` }, from('198.51.100.5'), throttle).catch(() => {});
    for (let i = 0; i < 10; i++) {
      await expect(authorizeCredentials({ email: 'omar@example.com', password: PASSWORD }, from('198.51.100.6'), throttle)).rejects.toMatchObject({
        code: SIGN_IN_THROTTLED_CODE,
      });
    }
    const throttled = (await eventsOf(sharedShop)).filter((event) => event.action === 'sign_in.throttled');
    expect(throttled).toEqual([{ action: 'sign_in.throttled', actorId: omar.id, actorEmail: 'omar@example.com', ip: '198.51.100.6', details: { retryAfterMinutes: 15 } }]);
    expect((await eventsOf(ownShop)).filter((event) => event.action === 'sign_in.throttled')).toHaveLength(1);

    // The pause ends with the window and the count starts again; the next pause is recorded again.
    clock.now = 15 * 60_000 + 1;
    for (let i = 0; i < 6; i++) await authorizeCredentials({ email: 'omar@example.com', password: `again-${i}` }, from('198.51.100.7'), throttle).catch(() => {});
    expect((await eventsOf(ownShop)).filter((event) => event.action === 'sign_in.throttled')).toHaveLength(2);
  });
});

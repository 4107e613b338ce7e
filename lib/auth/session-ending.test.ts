import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { auditEvents, users } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { addMember, createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';
import { changePassword } from './password-change';
import { SIGN_IN_THROTTLED_CODE, createSignInThrottle } from './sign-in-throttle';
import { createUser, findUserForSignIn, type SignedInUser } from './users';

// Real Auth.js sign-ins and sessions (through @auth/core), with one cookie jar per "browser".
const ORIGIN = 'http://localhost:3000';
vi.hoisted(() => (process.env.AUTH_SECRET = 'session-ending-test-secret-0123456789abcdef'));
const browser = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next-auth', () => import('@auth/core/errors'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.99' }) }));
vi.mock('./config', async () => {
  const { CredentialsSignin } = await import('@auth/core/errors');
  const { postCredentials, sessionCookieOf, sessionFor } = await import('./auth-handler-fixture');
  return {
    auth: async () => (browser.cookie ? sessionFor(ORIGIN, browser.cookie) : null),
    // As next-auth's signIn in a server action: the new session cookie replaces the browser's.
    signIn: async (_provider: string, { email, password }: { email: string; password: string }) => {
      const cookie = sessionCookieOf(await postCredentials(ORIGIN, { email, password }, { 'x-forwarded-for': '203.0.113.99' }));
      if (!cookie) throw new CredentialsSignin();
      browser.cookie = cookie;
    },
  };
});

const { currentUser, memberAction, requireUser, userAction } = await import('./gate');
const { postCredentials, sessionCookieOf } = await import('./auth-handler-fixture');
const { changePasswordAction } = await import('@/app/account/actions');

let test: TestDatabase;
let shop: Workspace;
let teamShop: Workspace;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());
beforeEach(() => {
  browser.cookie = null;
});

async function signedInBrowser(email: string, password: string): Promise<string> {
  const cookie = sessionCookieOf(await postCredentials(ORIGIN, { email, password }));
  if (!cookie) throw new Error(`sign-in of ${email} refused`);
  return cookie;
}

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const ended = { error: 'Your session has ended. Sign in again.' };
const anyUserAction = userAction(z.object({}), async () => ({ ok: true }));
const anyMemberAction = memberAction('viewer', z.object({}), async () => ({ ok: true }));

describe(`a password change ends the account's other sessions (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let pia: SignedInUser;
  beforeAll(async () => {
    pia = await createUser(test.db, { email: 'pia@example.com', name: 'Pia', password: 'first-password-11' });
    shop = await createWorkspace(test.db, { name: 'Pia Shop', currency: 'USD', ownerId: pia.id });
  });

  it('refuses sessions signed in before the change, pages and actions alike, and accepts one signed in the same second after', async () => {
    const laptop = await signedInBrowser('pia@example.com', 'first-password-11');
    const phone = await signedInBrowser('pia@example.com', 'first-password-11');
    browser.cookie = phone;
    expect(await currentUser()).toMatchObject({ id: pia.id });

    expect(await changePassword(test.db, pia, { currentPassword: 'first-password-11', newPassword: 'second-password-22' }, '198.51.100.1')).toBe('changed');
    const newLaptop = await signedInBrowser('pia@example.com', 'second-password-22');

    for (const endedSession of [laptop, phone]) {
      browser.cookie = endedSession;
      expect(await currentUser()).toBeNull();
      await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
      expect(await anyUserAction({}, formData({}))).toEqual(ended);
      expect(await anyMemberAction(shop.slug, {}, formData({}))).toEqual(ended);
    }
    // Signed in within the same second as the change: a version, not a timestamp, tells the sessions apart.
    browser.cookie = newLaptop;
    expect(await currentUser()).toMatchObject({ id: pia.id });
    expect(await anyMemberAction(shop.slug, {}, formData({}))).toEqual({ ok: true });
  });

  it('stores the new hash and the time, and records the change in each workspace of the account', async () => {
    const [account] = await test.db.select().from(users).where(eq(users.id, pia.id));
    expect(account.sessionVersion).toBe(1);
    expect(Date.now() - account.passwordChangedAt!.getTime()).toBeLessThan(60_000);
    expect(await findUserForSignIn(test.db, 'pia@example.com', 'first-password-11')).toBeNull();
    const changes = await test.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, shop.id), eq(auditEvents.action, 'password.changed')));
    expect(changes).toMatchObject([{ actorId: pia.id, actorEmail: 'pia@example.com', ip: '198.51.100.1' }]);
  });

  it('refuses a wrong current password without changing anything, and throttles guesses like sign-ins', async () => {
    const throttle = createSignInThrottle();
    const guess = (n: number) => changePassword(test.db, pia, { currentPassword: `guess-${n}`, newPassword: 'third-password-33' }, '198.51.100.2', throttle);
    for (let i = 0; i < 5; i++) expect(await guess(i)).toBe('wrong-password');
    await expect(guess(5)).rejects.toMatchObject({ code: SIGN_IN_THROTTLED_CODE });
    const [account] = await test.db.select().from(users).where(eq(users.id, pia.id));
    expect(account.sessionVersion).toBe(1);
    expect(await findUserForSignIn(test.db, 'pia@example.com', 'second-password-22')).toMatchObject({ sessionVersion: 1 });
  });
});

describe(`changePasswordAction (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let rui: SignedInUser;
  beforeAll(async () => {
    rui = await createUser(test.db, { email: 'rui@example.com', name: 'Rui', password: 'rui-password-one' });
    teamShop = await createWorkspace(test.db, { name: 'Rui Shop', currency: 'USD', ownerId: rui.id });
    const host = await createUser(test.db, { email: 'host@example.com', name: 'Host', password: 'host-password-1' });
    const hostShop = await createWorkspace(test.db, { name: 'Host Shop', currency: 'USD', ownerId: host.id });
    await addMember(test.db, hostShop.id, rui.id, 'viewer');
  });

  const change = (values: Record<string, string>) => changePasswordAction({}, formData(values));

  it('explains each problem next to its field', async () => {
    browser.cookie = await signedInBrowser('rui@example.com', 'rui-password-one');
    expect((await change({ currentPassword: '', newPassword: 'short', confirmPassword: 'short' })).fieldErrors).toEqual({
      currentPassword: ['Enter your current password.'],
      newPassword: ['Use at least 10 characters.'],
    });
    expect((await change({ currentPassword: 'rui-password-one', newPassword: 'password123', confirmPassword: 'password123' })).fieldErrors).toEqual({
      newPassword: ['This password is too common; choose another one.'],
    });
    expect((await change({ currentPassword: 'rui-password-one', newPassword: 'rui-password-two', confirmPassword: 'rui-password-2' })).fieldErrors).toEqual({
      confirmPassword: ['The two new passwords differ.'],
    });
    expect((await change({ currentPassword: 'rui-password-one', newPassword: 'rui@example.com', confirmPassword: 'rui@example.com' })).fieldErrors).toEqual({
      newPassword: ['Do not use your email address as your password.'],
    });
    expect(await change({ currentPassword: 'not-my-password', newPassword: 'rui-password-two', confirmPassword: 'rui-password-two' })).toEqual({
      fieldErrors: { currentPassword: ['That is not your current password.'] },
    });
    expect(await findUserForSignIn(test.db, 'rui@example.com', 'rui-password-one')).toMatchObject({ sessionVersion: 0 });
  });

  it('keeps the changing browser signed in with a new session and ends the others', async () => {
    const otherBrowser = await signedInBrowser('rui@example.com', 'rui-password-one');
    browser.cookie = await signedInBrowser('rui@example.com', 'rui-password-one');
    await expect(change({ currentPassword: 'rui-password-one', newPassword: 'rui-password-two', confirmPassword: 'rui-password-two' })).rejects.toMatchObject({
      digest: expect.stringContaining('/account?password=changed'),
    });
    expect(await currentUser()).toMatchObject({ id: rui.id });
    browser.cookie = otherBrowser;
    expect(await currentUser()).toBeNull();
    expect(await change({ currentPassword: 'rui-password-two', newPassword: 'rui-password-three', confirmPassword: 'rui-password-three' })).toEqual(ended);

    const events = await test.db.select().from(auditEvents).where(eq(auditEvents.orgId, teamShop.id));
    expect(events.filter((event) => event.action === 'password.changed')).toMatchObject([{ actorId: rui.id, ip: '203.0.113.99' }]);
    // The changing browser's new session is a sign-in of its own.
    expect(events.filter((event) => event.action === 'sign_in.succeeded' && event.ip === '203.0.113.99')).toHaveLength(1);
  });
});

describe(`removal from a workspace (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('refuses the removed member’s next page and action there at once, while their session keeps working elsewhere', async () => {
    const { removeMember } = await import('@/lib/team/members');
    const { requireMember } = await import('./gate');
    const sam = await createUser(test.db, { email: 'sam@example.com', name: 'Sam', password: 'sam-password-1' });
    const owner = await createUser(test.db, { email: 'owner@example.com', name: 'Owner', password: 'owner-password-1' });
    const leaving = await createWorkspace(test.db, { name: 'Leaving Shop', currency: 'USD', ownerId: owner.id });
    const staying = await createWorkspace(test.db, { name: 'Staying Shop', currency: 'USD', ownerId: owner.id });
    await addMember(test.db, leaving.id, sam.id, 'marketer');
    await addMember(test.db, staying.id, sam.id, 'viewer');
    browser.cookie = await signedInBrowser('sam@example.com', 'sam-password-1');
    expect(await anyMemberAction(leaving.slug, {}, formData({}))).toEqual({ ok: true });
    expect(await requireMember(leaving.slug)).toMatchObject({ role: 'marketer' });

    await removeMember(test.db, leaving.id, sam.id);

    expect(await anyMemberAction(leaving.slug, {}, formData({}))).toEqual({ error: 'Workspace not found.' });
    await expect(requireMember(leaving.slug)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    expect(await anyMemberAction(staying.slug, {}, formData({}))).toEqual({ ok: true });
    expect(await requireMember(staying.slug)).toMatchObject({ role: 'viewer', workspace: { slug: staying.slug } });
    expect(await currentUser()).toMatchObject({ id: sam.id });
  });
});

import { CredentialsSignin } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { authorizeCredentials } from './authorize';
import { SIGN_IN_THROTTLED_CODE, createSignInThrottle } from './sign-in-throttle';
import { createUser } from './users';

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

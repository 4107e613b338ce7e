import { decode } from '@auth/core/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { createUser, type SignedInUser } from './users';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));
const SECRET = vi.hoisted(() => (process.env.AUTH_SECRET = 'auth-options-test-secret-0123456789abcdef'));

const { postCredentials, sessionCookieOf, sessionFor } = await import('./auth-handler-fixture');

let test: TestDatabase;
let nina: SignedInUser;
beforeAll(async () => {
  test = await createTestDatabase();
  nina = await createUser(test.db, { email: 'nina@example.com', name: 'Nina', password: 'tangerine-quasar-42' });
});
afterAll(() => test?.drop());

const credentials = { email: 'nina@example.com', password: 'tangerine-quasar-42' };
const sessionSetCookie = (response: Response) => response.headers.getSetCookie().find((header) => header.includes('authjs.session-token='));

// Auth.js reads https from the request URL, which Next.js builds with the protocol of X-Forwarded-Proto (or AUTH_URL).
describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax and Secure with the __Secure- prefix over https', async () => {
    const cookie = sessionSetCookie(await postCredentials('https://segmenta.example.com', credentials));
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//i);
  });

  it('drop only Secure and the prefix over plain http (localhost)', async () => {
    const cookie = sessionSetCookie(await postCredentials('http://localhost:3000', credentials));
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });
});

describe('the session token', () => {
  it('carries the account’s session version from sign-in, and the session shows it', async () => {
    const cookie = sessionCookieOf(await postCredentials('http://localhost:3000', credentials))!;
    const [name, value] = cookie.split('=');
    expect(await decode({ token: value, secret: SECRET, salt: name })).toMatchObject({ sub: nina.id, sessionVersion: 0, email: 'nina@example.com' });
    expect(await sessionFor('http://localhost:3000', cookie)).toMatchObject({ user: { id: nina.id, email: 'nina@example.com' }, sessionVersion: 0 });
  });

  it('is not issued for a wrong password', async () => {
    expect(sessionCookieOf(await postCredentials('http://localhost:3000', { ...credentials, password: 'wrong-password' }))).toBeNull();
  });
});

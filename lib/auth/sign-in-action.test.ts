import { AuthError, CredentialsSignin } from 'next-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { SignInThrottledError } from './sign-in-throttle';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));
const signIn = vi.hoisted(() => vi.fn());
vi.mock('@/lib/auth/config', () => ({ signIn, signOut: vi.fn(), auth: async () => null }));

const { signInAction } = await import('@/app/(auth)/login/actions');
const { signUpAction } = await import('@/app/(auth)/signup/actions');

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const credentials = formData({ email: 'nina@example.com', password: 'whatever-it-is' });
beforeEach(() => {
  signIn.mockReset();
});

describe('signInAction', () => {
  it('tells a throttled user how long to wait', async () => {
    signIn.mockImplementation(async () => {
      throw new SignInThrottledError(11 * 60_000 + 5_000);
    });
    expect(await signInAction({}, credentials)).toEqual({ error: 'Too many failed sign-in attempts. Try again in 12 minutes.' });
  });

  it('gives every other sign-in failure the same message', async () => {
    for (const error of [new CredentialsSignin(), new AuthError('CallbackRouteError')]) {
      signIn.mockRejectedValueOnce(error);
      expect(await signInAction({}, credentials)).toEqual({ error: 'That email and password do not match an account.' });
    }
  });

  it('does not hide errors that are not about signing in', async () => {
    signIn.mockImplementation(async () => {
      throw new Error('database down');
    });
    await expect(signInAction({}, credentials)).rejects.toThrow('database down');
  });

  it('asks for both fields before trying, and redirects home on success', async () => {
    expect(await signInAction({}, formData({ email: 'nina@example.com' }))).toEqual({ error: 'Enter your email and password.' });
    expect(signIn).not.toHaveBeenCalled();
    signIn.mockResolvedValue('/');
    await expect(signInAction({}, credentials)).rejects.toMatchObject({ digest: expect.stringContaining(';/;') });
    expect(signIn).toHaveBeenCalledWith('credentials', { email: 'nina@example.com', password: 'whatever-it-is', redirect: false });
  });
});

describe('signUpAction', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test?.drop());

  it('refuses a common password next to the field', async () => {
    const result = await signUpAction({}, formData({ name: 'Nina', email: 'nina@example.com', password: 'Password@123', workspace: 'Nina Shop' }));
    expect(result.fieldErrors?.password).toEqual(['This password is too common; choose another one.']);
    expect(signIn).not.toHaveBeenCalled();
  });

  it('says the account is ready when only the automatic sign-in is throttled', async () => {
    signIn.mockImplementation(async () => {
      throw new SignInThrottledError(60_000);
    });
    const result = await signUpAction({}, formData({ name: 'Nina', email: 'nina@example.com', password: 'tangerine-quasar-42', workspace: 'Nina Shop' }));
    expect(result).toEqual({
      error: 'Your account is ready, but we could not sign you in yet. Too many failed sign-in attempts. Try again in 1 minute.',
    });
  });
});

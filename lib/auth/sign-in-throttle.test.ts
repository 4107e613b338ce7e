import { CredentialsSignin } from 'next-auth';
import { describe, expect, it, vi } from 'vitest';
import {
  SIGN_IN_THROTTLED_CODE,
  SignInThrottledError,
  createSignInThrottle,
  isSignInThrottled,
  signInThrottledMessage,
} from './sign-in-throttle';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));

const MINUTE = 60_000;

function throttleWithClock() {
  const clock = { now: 0 };
  return { clock, throttle: createSignInThrottle(() => clock.now) };
}

function failedAttempts(throttle: ReturnType<typeof createSignInThrottle>, ip: string, email: string, count: number) {
  for (let i = 0; i < count; i++) throttle.begin(ip, email);
}

function thrown(attempt: () => void): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('sign-in throttle', () => {
  it('pauses an email after 5 failures in 15 minutes, from any address, and says for how long', () => {
    const { clock, throttle } = throttleWithClock();
    failedAttempts(throttle, '203.0.113.1', 'nina@example.com', 5);
    clock.now = 3 * MINUTE;
    const error = thrown(() => throttle.begin('198.51.100.9', 'nina@example.com'));
    expect(error).toBeInstanceOf(SignInThrottledError);
    expect(error).toBeInstanceOf(CredentialsSignin);
    expect(error).toMatchObject({ code: SIGN_IN_THROTTLED_CODE, retryAfterMs: 12 * MINUTE });
    expect(() => throttle.begin('203.0.113.1', 'otto@example.com')).not.toThrow();
    clock.now = 15 * MINUTE;
    expect(() => throttle.begin('203.0.113.1', 'nina@example.com')).not.toThrow();
  });

  it('pauses an address after 20 failures in 15 minutes, whatever the emails', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.begin('203.0.113.1', `guess-${i}@example.com`);
    expect(isSignInThrottled(thrown(() => throttle.begin('203.0.113.1', 'fresh@example.com')))).toBe(true);
    expect(() => throttle.begin('198.51.100.9', 'fresh@example.com')).not.toThrow();
  });

  it('counts a malformed attempt against the address only', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 20; i++) throttle.begin('203.0.113.1', null);
    expect(isSignInThrottled(thrown(() => throttle.begin('203.0.113.1', 'nina@example.com')))).toBe(true);
    expect(() => throttle.begin('198.51.100.9', 'nina@example.com')).not.toThrow();
  });

  it('clears the email count on success, and does not count the successful attempt against the address', () => {
    const { throttle } = throttleWithClock();
    failedAttempts(throttle, '203.0.113.1', 'nina@example.com', 4);
    throttle.begin('203.0.113.1', 'nina@example.com');
    throttle.succeeded('203.0.113.1', 'nina@example.com');
    failedAttempts(throttle, '203.0.113.1', 'nina@example.com', 5);
    expect(isSignInThrottled(thrown(() => throttle.begin('203.0.113.1', 'nina@example.com')))).toBe(true);
    // 4 + 5 failures so far from this address; 11 more are allowed.
    for (let i = 0; i < 11; i++) throttle.begin('203.0.113.1', `other-${i}@example.com`);
    expect(isSignInThrottled(thrown(() => throttle.begin('203.0.113.1', 'last@example.com')))).toBe(true);
  });

  it('tells throttling apart from other sign-in failures', () => {
    expect(isSignInThrottled(new SignInThrottledError(MINUTE))).toBe(true);
    expect(isSignInThrottled(new CredentialsSignin())).toBe(false);
    expect(isSignInThrottled(new Error(SIGN_IN_THROTTLED_CODE))).toBe(false);
  });

  it('marks one refused attempt per email and window as the one to record', () => {
    const { clock, throttle } = throttleWithClock();
    expect(throttle.firstRefusalOf('nina@example.com')).toBe(true);
    expect(throttle.firstRefusalOf('nina@example.com')).toBe(false);
    expect(throttle.firstRefusalOf('otto@example.com')).toBe(true);
    clock.now = 14 * MINUTE;
    expect(throttle.firstRefusalOf('nina@example.com')).toBe(false);
    clock.now = 15 * MINUTE;
    expect(throttle.firstRefusalOf('nina@example.com')).toBe(true);
  });

  it('rounds the wait up to whole minutes', () => {
    expect(signInThrottledMessage(11 * MINUTE + 1)).toBe('Too many failed sign-in attempts. Try again in 12 minutes.');
    expect(signInThrottledMessage(20_000)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    expect(signInThrottledMessage(undefined)).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
  });
});

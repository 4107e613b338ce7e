import { CredentialsSignin } from 'next-auth';
import { SlidingWindowRateLimiter } from '@/lib/security/rate-limiter';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Code of the error thrown while sign-in is paused; Auth.js also puts it in the redirect URL as `?code=`. */
export const SIGN_IN_THROTTLED_CODE = 'rate_limited';

/** Thrown from `authorize()` while an email or an address has too many recent failures. */
export class SignInThrottledError extends CredentialsSignin {
  code = SIGN_IN_THROTTLED_CODE;
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

export function isSignInThrottled(error: unknown): error is CredentialsSignin & { retryAfterMs?: number } {
  return error instanceof CredentialsSignin && error.code === SIGN_IN_THROTTLED_CODE;
}

export function signInThrottledMessage(retryAfterMs: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((retryAfterMs ?? FIFTEEN_MINUTES) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/**
 * Failed sign-ins per email and per client address, over a sliding window. An attempt is counted before the
 * password is checked (so parallel guesses cannot all slip past the check) and taken back when it succeeds.
 */
export class SignInThrottle {
  constructor(
    readonly byEmail: SlidingWindowRateLimiter,
    readonly byIp: SlidingWindowRateLimiter,
    /** One audit event per email and window: refused attempts are unlimited, so recording each would let anyone flood the trail. */
    readonly refusalsRecorded: SlidingWindowRateLimiter,
  ) {}

  /** Throws SignInThrottledError when either limit is reached; otherwise counts the attempt as failed until `succeeded`. */
  begin(ip: string, email: string | null): void {
    const verdicts = [this.byIp.check(ip), email === null ? ({ allowed: true } as const) : this.byEmail.check(email)];
    const waits = verdicts.flatMap((verdict) => (verdict.allowed ? [] : [verdict.retryAfterMs]));
    if (waits.length > 0) throw new SignInThrottledError(Math.max(...waits));
    this.byIp.record(ip);
    if (email !== null) this.byEmail.record(email);
  }

  succeeded(ip: string, email: string): void {
    this.byIp.forgetLatest(ip);
    this.byEmail.reset(email);
  }

  /** True for the first refused attempt of an email in a window, the one worth an audit event. */
  firstRefusalOf(email: string): boolean {
    if (!this.refusalsRecorded.check(email).allowed) return false;
    this.refusalsRecorded.record(email);
    return true;
  }
}

export function createSignInThrottle(now: () => number = Date.now): SignInThrottle {
  return new SignInThrottle(
    new SlidingWindowRateLimiter({ limit: 5, windowMs: FIFTEEN_MINUTES, now }),
    new SlidingWindowRateLimiter({ limit: 20, windowMs: FIFTEEN_MINUTES, now }),
    new SlidingWindowRateLimiter({ limit: 1, windowMs: FIFTEEN_MINUTES, now }),
  );
}

// Next.js may load this module once per bundle layer (server actions and the /api/auth route handler);
// keeping the throttle on globalThis makes both paths share one count in the process.
const processWide = globalThis as typeof globalThis & { [key: symbol]: SignInThrottle | undefined };
const THROTTLE_KEY = Symbol.for('segmenta.signInThrottle');

export function signInThrottle(): SignInThrottle {
  return (processWide[THROTTLE_KEY] ??= createSignInThrottle());
}

import { describe, expect, it } from 'vitest';
import { SlidingWindowRateLimiter } from './rate-limiter';

const MINUTE = 60_000;

function limiterWithClock(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const clock = { now: 0 };
  const limiter = new SlidingWindowRateLimiter({ ...options, now: () => clock.now });
  return { clock, limiter };
}

describe('SlidingWindowRateLimiter', () => {
  it('allows `limit` attempts, then refuses until the oldest one leaves the window', () => {
    const { clock, limiter } = limiterWithClock({ limit: 3, windowMs: 15 * MINUTE });
    for (const minute of [0, 1, 2]) {
      clock.now = minute * MINUTE;
      expect(limiter.check('a')).toEqual({ allowed: true });
      limiter.record('a');
    }
    clock.now = 3 * MINUTE;
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 12 * MINUTE });
    clock.now = 15 * MINUTE - 1;
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 1 });
  });

  it('slides: each attempt frees its slot exactly one window after it was made', () => {
    const { clock, limiter } = limiterWithClock({ limit: 3, windowMs: 15 * MINUTE });
    for (const minute of [0, 5, 10]) {
      clock.now = minute * MINUTE;
      limiter.record('a');
    }
    clock.now = 15 * MINUTE;
    expect(limiter.check('a').allowed).toBe(true);
    limiter.record('a');
    // The attempts of minutes 5, 10 and 15 are in the window now; the one of minute 5 leaves at 20.
    clock.now = 16 * MINUTE;
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 4 * MINUTE });
    clock.now = 20 * MINUTE;
    expect(limiter.check('a').allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const { limiter } = limiterWithClock({ limit: 2, windowMs: MINUTE });
    limiter.record('alice');
    limiter.record('alice');
    expect(limiter.check('alice').allowed).toBe(false);
    expect(limiter.check('bob').allowed).toBe(true);
  });

  it('reset forgets a key; forgetLatest takes back one attempt', () => {
    const { limiter } = limiterWithClock({ limit: 2, windowMs: MINUTE });
    limiter.record('a');
    limiter.record('a');
    limiter.forgetLatest('a');
    expect(limiter.check('a').allowed).toBe(true);
    limiter.record('a');
    expect(limiter.check('a').allowed).toBe(false);
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('holds at most maxKeys keys, forgetting the one touched longest ago', () => {
    const { limiter } = limiterWithClock({ limit: 1, windowMs: MINUTE, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.record(key);
    limiter.record('a'); // touched again: now the most recent
    limiter.record('d');
    expect(limiter.size).toBe(3);
    expect(limiter.check('b').allowed).toBe(true); // evicted
    expect(limiter.check('a').allowed).toBe(false);
    expect(limiter.check('c').allowed).toBe(false);
    expect(limiter.check('d').allowed).toBe(false);
    for (let i = 0; i < 1000; i++) limiter.record(`flood-${i}`);
    expect(limiter.size).toBe(3);
  });

  it('drops keys whose attempts have all expired', () => {
    const { clock, limiter } = limiterWithClock({ limit: 1, windowMs: MINUTE });
    limiter.record('a');
    clock.now = MINUTE;
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });
});

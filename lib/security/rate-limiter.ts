export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export type RateLimiterOptions = {
  /** Attempts allowed per key within any window of `windowMs`. */
  limit: number;
  windowMs: number;
  /** Keys kept at most; past it the key touched longest ago is forgotten. */
  maxKeys?: number;
  now?: () => number;
};

// Per process: counts live in this server's memory, so several servers each allow `limit`, and a restart forgets.
export class SlidingWindowRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly now: () => number;
  /** Attempt times per key, oldest first; Map order is least recently touched first. */
  private readonly attempts = new Map<string, number[]>();

  constructor({ limit, windowMs, maxKeys = 10_000, now = Date.now }: RateLimiterOptions) {
    if (limit < 1 || windowMs <= 0 || maxKeys < 1) throw new RangeError('limit, windowMs and maxKeys must be positive.');
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.now = now;
  }

  /** Whether one more attempt would be allowed now, without recording it. */
  check(key: string): RateLimitVerdict {
    const times = this.recent(key);
    if (times.length < this.limit) return { allowed: true };
    // The key is free again when enough of its attempts have left the window to make room for one more.
    return { allowed: false, retryAfterMs: times[times.length - this.limit] + this.windowMs - this.now() };
  }

  /** Counts an attempt now. */
  record(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.attempts.delete(key);
    this.attempts.set(key, times);
    for (const oldest of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys) break;
      this.attempts.delete(oldest);
    }
  }

  /** Takes back the most recent attempt, e.g. one counted in advance that turned out to succeed. */
  forgetLatest(key: string): void {
    const times = this.recent(key);
    times.pop();
    if (times.length === 0) this.attempts.delete(key);
  }

  reset(key: string): void {
    this.attempts.delete(key);
  }

  /** Keys currently held (for tests and monitoring). */
  get size(): number {
    return this.attempts.size;
  }

  private recent(key: string): number[] {
    const times = this.attempts.get(key);
    if (!times) return [];
    const windowStart = this.now() - this.windowMs;
    const firstInWindow = times.findIndex((time) => time > windowStart);
    if (firstInWindow === -1) {
      this.attempts.delete(key);
      return [];
    }
    if (firstInWindow > 0) times.splice(0, firstInWindow);
    return times;
  }
}

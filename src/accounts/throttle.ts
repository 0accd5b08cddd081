/**
 * Failed sign-ins per account, in this process's memory: after MAX failures within the window,
 * the account answers 429 until the oldest failure leaves the window, whoever asks and from
 * wherever. A success clears the count. Bounded: the oldest keys are dropped past maxKeys.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.max) return 0;
    return (times[times.length - this.max] ?? now) + this.windowMs - now;
  }

  fail(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    this.failures.delete(key); // re-inserted last: Map order is the eviction order
    this.failures.set(key, [...times, now]);
    while (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** How often and how patiently to retry a temporary failure. */
export interface RetryPolicy {
  /** Total attempts, the first included (1 = never retry). */
  readonly attempts: number;
  /** Delay before the first retry; doubles each time. */
  readonly baseDelayMs: number;
  /** Ceiling of the exponential delay. */
  readonly maxDelayMs: number;
  /** Ceiling for a registry's `Retry-After`, so a hostile value cannot stall a job for hours. */
  readonly maxRetryAfterMs: number;
}

/** 5 attempts, 200 ms doubling to 5 s, `Retry-After` honoured up to 60 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterMs: 60_000
};

/** Time and randomness, injected so retry tests run instantly and deterministically. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: () => Math.random()
};

/**
 * Delay before retry number `retry` (1-based): "equal jitter" exponential backoff (half fixed,
 * half random, so concurrent clients spread out without ever retrying immediately), or the
 * server's `Retry-After` when that is longer, capped by the policy.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  random: number,
  retryAfterMs?: number
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const backoff = exp / 2 + (random * exp) / 2;
  if (retryAfterMs === undefined) return Math.round(backoff);
  return Math.round(Math.min(policy.maxRetryAfterMs, Math.max(retryAfterMs, backoff)));
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or bad. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** What withRetry needs to know about failures. */
export interface RetryHooks {
  /** Whether the failure may go away on retry. */
  isTemporary(error: unknown): boolean;
  /** The server-requested wait for this failure, if any. */
  retryAfterMs?(error: unknown): number | undefined;
  /** Called before sleeping, for debug logs. */
  onRetry?(error: unknown, retry: number, delayMs: number): void;
}

/**
 * Run `attempt` until it succeeds, a failure is permanent, or the policy's attempts are used up;
 * rethrows the last failure. `attempt` gets the 1-based attempt number and must build any request
 * body afresh (a consumed stream cannot be sent twice).
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  hooks: RetryHooks
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.attempts || !hooks.isTemporary(error)) throw error;
      const delay = retryDelay(policy, n, clock.random(), hooks.retryAfterMs?.(error));
      hooks.onRetry?.(error, n, delay);
      await clock.sleep(delay);
    }
  }
}

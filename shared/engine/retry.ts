/** Waits between attempts; injected so tests need not sleep. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Zuul retries a push 3 times (delay 30 s); we back off 2, 4, 8 s instead. */
export const DEFAULT_PUSH_DELAYS_MS = [2000, 4000, 8000] as const;

/**
 * Run `attempt` once, then once more after each delay while it throws; the last error is
 * rethrown. `onRetry` hears about every failure that will be retried.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  delaysMs: readonly number[],
  sleep: Sleep,
  onRetry: (error: unknown, next: number, delayMs: number) => void
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= delaysMs.length) throw error;
      onRetry(error, i + 2, delaysMs[i]);
      await sleep(delaysMs[i]);
    }
  }
}

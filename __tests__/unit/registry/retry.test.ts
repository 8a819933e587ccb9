import {RegistryError} from '../../../shared/registry/errors.js';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
  withRetry
} from '../../../shared/registry/retry.js';
import {isTemporaryFailure} from '../../../shared/registry/transport.js';

const policy = {attempts: 4, baseDelayMs: 100, maxDelayMs: 300, maxRetryAfterMs: 5000};

// prettier-ignore
test.each([
  [1, 0, undefined, 50], [1, 0.999, undefined, 100], [2, 0, undefined, 100], [3, 1, undefined, 300],
  [9, 0.5, undefined, 225], [1, 0, 2000, 2000], [1, 0, 60_000, 5000], [3, 1, 10, 300]
])('retryDelay(retry %i, random %f, retry-after %p) = %i', (retry, random, after, expected) => {
  expect(retryDelay(policy, retry, random, after)).toBe(expected);
});

test('parseRetryAfter reads seconds and HTTP dates', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(parseRetryAfter('3', now)).toBe(3000);
  expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
  expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
});

const temporary = (status: number, retryAfterMs?: number) =>
  new RegistryError({
    operation: 'GET manifest',
    registry: 'r',
    status,
    temporary: status >= 500 || status === 429,
    retryAfterMs
  });

describe('withRetry with an injected clock', () => {
  const clock = () => {
    const sleeps: number[] = [];
    return {
      sleeps,
      clock: {now: () => 0, random: () => 0.5, sleep: async (ms: number) => void sleeps.push(ms)}
    };
  };
  const hooks = {
    isTemporary: isTemporaryFailure,
    retryAfterMs: (e: unknown) => (e as RegistryError).retryAfterMs
  };

  test('retries temporary failures with growing delays, honouring Retry-After', async () => {
    const {sleeps, clock: c} = clock();
    const failures = [temporary(503), temporary(429, 1000), temporary(502)];
    const result = await withRetry(
      async n => {
        if (n <= failures.length) throw failures[n - 1];
        return 'ok';
      },
      {...policy, attempts: 4},
      c,
      hooks
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([75, 1000, 225]);
  });

  test('stops at the attempt limit and rethrows the last failure', async () => {
    const {sleeps, clock: c} = clock();
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw temporary(500);
      },
      policy,
      c,
      hooks
    ).catch(e => e);
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(error).toMatchObject({status: 500, temporary: true});
  });

  test('never retries a permanent failure', async () => {
    const {sleeps, clock: c} = clock();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw temporary(404);
        },
        policy,
        c,
        hooks
      )
    ).rejects.toMatchObject({status: 404});
    expect([calls, sleeps.length]).toEqual([1, 0]);
  });

  test('connection resets count as temporary', () => {
    expect(
      isTemporaryFailure(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}))
    ).toBe(true);
    expect(isTemporaryFailure(new Error('bug'))).toBe(false);
    expect(DEFAULT_RETRY_POLICY.attempts).toBeGreaterThan(1);
  });
});

import {withRetries} from '../../../shared/engine/retry.js';

test('a failed push is retried 3 times with backoff, then the last error is thrown', async () => {
  const slept: number[] = [];
  const heard: string[] = [];
  let attempts = 0;
  const attempt = async () => {
    attempts++;
    throw new Error(`fail ${attempts}`);
  };
  const sleep = async (ms: number) => void slept.push(ms);
  await expect(
    withRetries(attempt, [2000, 4000, 8000], sleep, (e, n) =>
      heard.push(`${(e as Error).message} → ${n}`)
    )
  ).rejects.toThrow('fail 4');
  expect(attempts).toBe(4);
  expect(slept).toEqual([2000, 4000, 8000]);
  expect(heard).toEqual(['fail 1 → 2', 'fail 2 → 3', 'fail 3 → 4']);
});

test('success on a retry returns its value', async () => {
  let attempts = 0;
  const value = await withRetries(
    async () => (++attempts < 2 ? Promise.reject(new Error('x')) : 'ok'),
    [1, 1, 1],
    async () => undefined,
    () => undefined
  );
  expect([value, attempts]).toEqual(['ok', 2]);
});

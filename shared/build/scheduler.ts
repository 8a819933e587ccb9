/** How one scheduled task ended. */
export type TaskOutcome<T> =
  | {readonly status: 'ok'; readonly value: T}
  | {readonly status: 'failed'; readonly error: unknown}
  | {readonly status: 'skipped'; readonly because: number};

/**
 * Run task i once all of deps[i] succeeded, at most `limit` at a time, in index order among the
 * ready ones. A failed task does not stop the others; its dependents are skipped.
 */
export async function schedule<T>(
  deps: readonly (readonly number[])[],
  limit: number,
  run: (i: number) => Promise<T>
): Promise<TaskOutcome<T>[]> {
  const outcomes: (TaskOutcome<T> | undefined)[] = new Array(deps.length).fill(undefined);
  const started = new Set<number>();
  let running = 0;
  return new Promise(resolve => {
    const pump = (): void => {
      // Skips can cascade to lower indexes, so sweep until nothing changes.
      for (let i = 0; i < deps.length; i++) {
        if (started.has(i)) continue;
        const failed = deps[i].find(d => outcomes[d] !== undefined && outcomes[d].status !== 'ok');
        if (failed !== undefined) {
          started.add(i);
          outcomes[i] = {status: 'skipped', because: failed};
          i = -1;
          continue;
        }
        if (running >= limit || !deps[i].every(d => outcomes[d]?.status === 'ok')) continue;
        started.add(i);
        running++;
        run(i).then(
          value => finish(i, {status: 'ok', value}),
          error => finish(i, {status: 'failed', error})
        );
      }
      if (outcomes.every(o => o !== undefined)) resolve(outcomes as TaskOutcome<T>[]);
    };
    const finish = (i: number, outcome: TaskOutcome<T>): void => {
      outcomes[i] = outcome;
      running--;
      pump();
    };
    pump();
  });
}

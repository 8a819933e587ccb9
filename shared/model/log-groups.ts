import {type StepLog} from './log.js';

/** One unit of parallel work that logs into a group of its own (or, untitled, just its lines). */
export interface GroupTask<T> {
  readonly title?: string;
  run(log: StepLog): Promise<T>;
}

type Line = {readonly warning: boolean; readonly message: string};

/**
 * Holds a task's lines until its group can be printed. A group inside a task (a log group
 * cannot nest) becomes a line with its title.
 */
class BufferedLog implements StepLog {
  readonly lines: Line[] = [];

  info(message: string): void {
    this.lines.push({warning: false, message});
  }

  warning(message: string): void {
    this.lines.push({warning: true, message});
  }

  async group<R>(title: string, fn: () => Promise<R>): Promise<R> {
    this.info(title);
    return fn();
  }
}

/**
 * Run `tasks` concurrently, at most `limit` at once and started in order, each logging into a
 * group of its own (an untitled task's lines go straight to `log`, e.g. inside an enclosing
 * group). Groups reach `log` whole and in task order: a finished task's group is printed once
 * every earlier group is, so parallel work reads like sequential work. Every task is settled
 * (one failing does not stop the others); the results come back in task order.
 */
export async function inOrderedGroups<T>(
  log: StepLog,
  tasks: readonly GroupTask<T>[],
  limit: number
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  const buffers = tasks.map(() => new BufferedLog());
  const finished = tasks.map(() => false);
  let printed = 0;
  let printing = Promise.resolve();
  const print = (): Promise<void> => {
    // One printer at a time, so groups never interleave.
    printing = printing.then(async () => {
      while (printed < tasks.length && finished[printed]) {
        const i = printed++;
        const replay = async (): Promise<void> => {
          for (const line of buffers[i].lines) {
            if (line.warning) log.warning(line.message);
            else log.info(line.message);
          }
        };
        const title = tasks[i].title;
        await (title === undefined ? replay() : log.group(title, replay));
      }
    });
    return printing;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = {status: 'fulfilled', value: await tasks[i].run(buffers[i])};
      } catch (reason) {
        results[i] = {status: 'rejected', reason};
      }
      finished[i] = true;
      await print();
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
  await printing;
  return results;
}

/**
 * The per-run scratch directory and the bookkeeping of the host processes that tests start
 * (registries). global-setup creates the directory and exports its path; every worker
 * inherits it. Each started process gets a file `pids/<pid>` holding a marker string that
 * must appear in its command line, so global-teardown can kill leftovers (a worker that
 * crashed, a test that forgot stop()) without hitting a recycled pid.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import vm from 'node:vm';

// Also spelled out in global-setup.ts and global-teardown.ts: jest loads those through its
// CommonJS path, which does not map './x.js' to './x.ts', so they import nothing local.
export const RUN_DIR_ENV = 'IMAGEGATE_TEST_RUN_DIR';

/**
 * Jest gives every test file a *copy* of `process` (own `env`, own event listeners), so
 * `process.on('exit')` there never fires and env changes there do not reach child
 * processes. The real process object lives in the main V8 context.
 */
export function realProcess(): NodeJS.Process {
  return vm.runInThisContext('process') as NodeJS.Process;
}

/** The run directory; without global-setup (a direct import elsewhere) one is made lazily. */
export function runDir(): string {
  const env = realProcess().env;
  let dir = env[RUN_DIR_ENV];
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'imagegate-run-'));
    env[RUN_DIR_ENV] = dir;
    process.env[RUN_DIR_ENV] = dir;
  }
  return dir;
}

/** A fresh directory under the run directory (removed with it by global-teardown). */
export function makeRunTempDir(prefix: string): string {
  const parent = join(runDir(), 'tmp');
  mkdirSync(parent, {recursive: true});
  return mkdtempSync(join(parent, `${prefix}-`));
}

// One set of live pids per worker process, shared by every test file's module instance
// (jest re-evaluates this module per file), with a single 'exit' hook on the real process.
const LIVE = Symbol.for('imagegate.test.livePids');
function livePids(): Set<number> {
  const holder = realProcess() as unknown as Record<symbol, Set<number> | undefined>;
  let set = holder[LIVE];
  if (!set) {
    const pids = new Set<number>();
    set = pids;
    holder[LIVE] = pids;
    realProcess().on('exit', () => {
      for (const pid of pids) killQuietly(pid, 'SIGKILL');
    });
  }
  return set;
}

export function trackPid(pid: number, marker: string): void {
  const dir = join(runDir(), 'pids');
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, String(pid)), marker);
  livePids().add(pid);
}

export function untrackPid(pid: number): void {
  livePids().delete(pid);
  rmSync(join(runDir(), 'pids', String(pid)), {force: true});
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Jest globalTeardown (parent process, after all workers): kills what a crashed worker or a
 * test without stop() left behind, then removes the run directory (with the run's own podman
 * store, see global-setup.ts).
 * Every started process has a file `pids/<pid>` holding a marker (its config path) that
 * must appear in its command line, so a recycled pid is never hit.
 * IMAGEGATE_TEST_KEEP=1 keeps the directory (registry logs, configs) for debugging.
 * Jest loads this file outside its ESM module map: builtins only, no local imports.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';

function killLeftovers(dir: string): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, 'pids'));
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // already exited
    }
    const marker = readFileSync(join(dir, 'pids', name), 'utf8');
    if (!marker || !cmdline.includes(marker)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // exited in between
    }
  }
  return killed;
}

/**
 * Stop containers a test left in the run's own podman store, so the store can be removed. A run
 * that never used podman (the unit suites) has an empty store and does not start podman at all.
 */
function removePodmanContainers(dir: string): void {
  if (!process.env.CONTAINERS_STORAGE_CONF) return;
  try {
    if (readdirSync(join(dir, 'containers', 'storage')).length === 0) return;
  } catch {
    return;
  }
  try {
    execFileSync('podman', ['rm', '--all', '--force', '--time', '0'], {stdio: 'ignore'});
  } catch {
    // no podman, or nothing to remove
  }
}

export default function globalTeardown(): void {
  const dir = process.env.IMAGEGATE_TEST_RUN_DIR;
  if (!dir) return;
  removePodmanContainers(dir);
  const killed = killLeftovers(dir);
  if (killed.length > 0) console.warn(`imagegate tests: killed leftover processes ${killed}`);
  if (process.env.IMAGEGATE_TEST_KEEP) {
    console.warn(`imagegate tests: kept ${dir}`);
    return;
  }
  rmSync(dir, {recursive: true, force: true});
}

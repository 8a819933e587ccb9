/**
 * What every benchmark scenario measures with: skopeo as a timed child process, the shipped
 * action bundles run as the runner runs them, medians, and the machine's load.
 */
import {spawn} from 'node:child_process';
import {loadavg} from 'node:os';
import {join} from 'node:path';
import {
  type ActionRunOptions,
  NODE24,
  REPO_ROOT,
  runBundle
} from '../__tests__/support/action-runner.js';

export {NODE24};

/** One timed run of one tool. */
export interface Sample {
  /** Wall time of the whole process (or loop of processes), startup included. */
  ms: number;
  /** imagegate only: time inside the engine call, without node startup and bundle load. */
  engineMs?: number;
  maxRssKiB?: number;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run skopeo under /usr/bin/time to get its max RSS too. */
export async function skopeo(args: readonly string[]): Promise<Sample> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', 'skopeo', '--insecure-policy', ...args], {
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr.on('data', d => (stderr += d));
  const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`skopeo ${args.join(' ')} failed: ${stderr}`);
  return {ms, maxRssKiB: Number(stderr.trim().split('\n').pop())};
}

/** A shipped action bundle (`dist/<bundle>/index.js`) run as the runner runs it; fails loudly. */
export async function action(
  bundle: string,
  options: ActionRunOptions
): Promise<{sample: Sample; spawnedAt: number; stdout: string}> {
  const run = await runBundle(bundle, options);
  if (run.code !== 0) {
    throw new Error(`dist/${bundle} exited with ${run.code}: ${run.stdout}\n${run.stderr}`);
  }
  return {sample: {ms: run.wallMs}, spawnedAt: run.spawnedAt, stdout: run.stdout};
}

/** The shipped CLI (`node24 dist/cli/index.js <args>`); fails loudly. */
export async function cli(args: readonly string[]): Promise<{sample: Sample; spawnedAt: number}> {
  const spawnedAt = performance.now();
  const child = spawn(NODE24, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr.on('data', d => (stderr += d));
  const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
  if (code !== 0) throw new Error(`imagegate ${args[0]} exited with ${code}: ${stderr}`);
  return {sample: {ms: performance.now() - spawnedAt}, spawnedAt};
}

/** Wall time of a bare `node24 -e 0`: what any node process costs before it runs anything. */
export async function bareNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(NODE24, ['-e', '0'], {stdio: 'ignore'});
  await new Promise(resolve => child.on('exit', resolve));
  return performance.now() - started;
}

/** The 1-minute load average, for the report (other work on a shared machine skews timings). */
export function load(): string {
  return loadavg()[0].toFixed(2);
}

/** `runs` rounds; in odd rounds skopeo goes first, so cache warmth favours neither tool. */
export async function alternate(
  runs: number,
  round: (i: number) => Promise<{
    ig: () => Promise<Sample>;
    sk: () => Promise<Sample>;
    done?: () => Promise<void>;
  }>
): Promise<{ig: Sample[]; sk: Sample[]}> {
  const ig: Sample[] = [];
  const sk: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await round(i);
    if (i % 2 === 0) {
      ig.push(await r.ig());
      sk.push(await r.sk());
    } else {
      sk.push(await r.sk());
      ig.push(await r.ig());
    }
    await r.done?.();
  }
  return {ig, sk};
}

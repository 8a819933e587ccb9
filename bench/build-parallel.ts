/**
 * Build benchmark: four independent images built with `parallel: 4` and with `parallel: 1`,
 * through the build step itself (detection, planning, the real engine), medians of BENCH_RUNS.
 * Each image is FROM the local busybox test image and runs `sleep 2` plus a small write, so the
 * steps are sleep-bound (as builds waiting on downloads are) and the ratio shows scheduling,
 * not CPU contention on 2 cores. A NONCE build arg, new per run and image, defeats the layer cache (identical steps would
 * otherwise be shared between the four images).
 * Usage: `npx tsx bench/build-parallel.ts [docker|podman]`; prints a markdown table.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {executeBuild} from '../shared/build/run.js';
import {ProcessRunner} from '../shared/engine/process-runner.js';
import {type BuildInputs} from '../shared/inputs/build.js';
import {parseContainerImages} from '../shared/model/container-images.js';
import {type StepLog} from '../shared/model/log.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUSYBOX = process.env.IMAGEGATE_TEST_BUSYBOX_IMAGE ?? 'localhost/imagegate-test/busybox:1';
const SLEEP_SECONDS = 2;

const quiet: StepLog = {info: () => undefined, warning: () => undefined, group: (_t, fn) => fn()};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-bench-build-'));
  for (let i = 1; i <= 4; i++) {
    mkdirSync(join(dir, `img${i}`));
    writeFileSync(
      join(dir, `img${i}`, 'Dockerfile'),
      `FROM ${BUSYBOX}\nARG NONCE\nRUN echo "$NONCE" > /nonce && sleep ${SLEEP_SECONDS}\n`
    );
  }
  return dir;
}

async function buildOnce(
  dir: string,
  command: 'docker' | 'podman',
  parallel: number
): Promise<number> {
  const nonce = `${Date.now()}-${Math.random()}`;
  const list = [1, 2, 3, 4]
    .map(
      i =>
        `- {context: img${i}, repository: localhost/imagegate-bench/img${i}, build_args: ["NONCE=${nonce}-${i}"]}`
    )
    .join('\n');
  const inputs: BuildInputs = {
    images: parseContainerImages(list, {requireContext: true}),
    containerCommand: command,
    workingDirectory: dir,
    buildExtraEnv: {},
    parallel,
    identity: {pipeline: 'bench', event: 'workflow_dispatch'}
  };
  const ctx = {
    eventName: 'workflow_dispatch',
    payload: {},
    workspace: dir,
    runAttempt: '1',
    apiUrl: '',
    serverUrl: '',
    runnerTemp: dir
  };
  const started = performance.now();
  const run = await executeBuild(inputs, ctx, {
    runner: new ProcessRunner(),
    log: quiet,
    env: process.env,
    now: () => new Date()
  });
  const ms = performance.now() - started;
  await run.engine.dispose();
  const failed = run.results.filter(r => r.status !== 'built');
  if (failed.length > 0)
    throw new Error(`bench build failed: ${failed.map(f => f.error).join('; ')}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run the scenario and return its markdown table row (also printed). */
export async function benchBuildParallel(command: 'docker' | 'podman' = 'docker'): Promise<string> {
  if (command === 'podman') {
    try {
      execFileSync('podman', ['image', 'exists', BUSYBOX]);
    } catch {
      execFileSync('podman', ['pull', '-q', `docker-daemon:${BUSYBOX}`]);
    }
  }
  const dir = workspace();
  try {
    await buildOnce(dir, command, 4); // warm-up: engine detection, daemon caches
    const p4: number[] = [];
    const p1: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      p4.push(await buildOnce(dir, command, 4));
      p1.push(await buildOnce(dir, command, 1));
    }
    const ratio = median(p4) / median(p1);
    return `| 4 independent images (${command}, RUN sleep ${SLEEP_SECONDS}) | ${median(p4).toFixed(0)} | ${median(p1).toFixed(0)} | ${ratio.toFixed(2)} | ≤ 0.6 ${ratio <= 0.6 ? '✅' : '❌'} |`;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

export const BUILD_BENCH_HEADER =
  '| scenario | parallel 4 ms (median) | parallel 1 ms (median) | ratio | target |\n| --- | ---: | ---: | ---: | --- |';

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2] === 'podman' ? 'podman' : 'docker';
  console.log(BUILD_BENCH_HEADER);
  console.log(await benchBuildParallel(command));
}

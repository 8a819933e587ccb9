/**
 * Buildset registry start-up (target: ready within 1.0 s of the step start, image present, as a
 * median): from the start of the main step until the registry answers authenticated `/v2/` over
 * TLS and every runtime is configured, i.e. until the main step returns (no Depends-On changes).
 * Two configurations, BENCH_RUNS (default 5) runs each:
 *  - "registry alone": `configure: none`;
 *  - "default runtimes": what the action does on this machine by default: detect the runtimes,
 *    docker (CA, auth, the read-only mirror twin in the real /etc/docker/daemon.json and a real
 *    SIGHUP of the real dockerd, waiting until it lists the mirror) and podman (drop-in, CA,
 *    auth; these files under a temporary root).
 * Each run is timed twice: "step" is the main step function (what the action's code controls);
 * "process" is the action bundle as the runner starts it (`node24 dist/buildset-registry/index.js`,
 * node start-up and bundle load included), then its post step. Every command the step runs is
 * recorded with its start and end, so the report shows where the time goes.
 * It edits /etc/docker/daemon.json and signals dockerd (restored by post): on a shared machine run
 * it under the exclusive dockerd lock. Needs dockerd, the registry test image and `npm run build`.
 * Run: `npx tsx bench/buildset-startup.ts`.
 */
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type BuildsetDeps} from '../shared/buildset/deps.js';
import {SystemDockerDaemon} from '../shared/buildset/configure/dockerd.js';
import {buildsetMain} from '../shared/buildset/main-step.js';
import {pathsUnder, systemPaths} from '../shared/buildset/paths.js';
import {buildsetPost} from '../shared/buildset/post-step.js';
import {type Command, type CommandRunner} from '../shared/engine/command.js';
import {ProcessRunner} from '../shared/engine/process-runner.js';
import {type BuildsetRegistryInputs} from '../shared/inputs/buildset-registry.js';
import {NODE24, REPO_ROOT, parseCommandFile} from '../__tests__/support/action-runner.js';
import {testContext, testDeps} from '../__tests__/integration/buildset/support.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMAGE = process.env.IMAGEGATE_TEST_REGISTRY_IMAGE ?? 'localhost/imagegate-test/registry:2';

type Variant = 'alone' | 'default';
const LABEL: Record<Variant, string> = {
  alone: 'registry alone (configure: none)',
  default: 'default runtimes (docker with mirror twin + SIGHUP, podman)'
};

/** One recorded command: its argv (first words) and when it ran, ms since the step started. */
interface Span {
  readonly what: string;
  readonly start: number;
  readonly end: number;
}

/** A runner that records every command's span relative to `t0()`. */
function recording(inner: CommandRunner, t0: () => number, spans: Span[]): CommandRunner {
  return {
    async run(command: Command, sink) {
      const start = performance.now() - t0();
      try {
        return await inner.run(command, sink);
      } finally {
        const what = [command.command.replace(/^.*\//, ''), ...command.args.slice(0, 2)].join(' ');
        spans.push({what, start, end: performance.now() - t0()});
      }
    }
  };
}

/** The machine's own docker configuration, except the CLI config and auth file (temporary). */
function deps(root: string, state: Map<string, string>, runner: CommandRunner): BuildsetDeps {
  const paths = {
    ...pathsUnder(root, {}),
    daemonJson: systemPaths().daemonJson,
    dockerCertsDir: systemPaths().dockerCertsDir,
    dockerPidFile: systemPaths().dockerPidFile,
    dockerConfig: join(root, 'docker/config.json'),
    containersAuthFile: join(root, 'auth.json')
  };
  return {
    ...testDeps(root, state),
    runner,
    paths,
    dockerd: new SystemDockerDaemon(runner, paths.dockerPidFile)
  };
}

function inputs(variant: Variant): BuildsetRegistryInputs {
  return {
    registryImage: IMAGE,
    containerCommand: 'docker',
    ...(variant === 'alone' && {configure: []}),
    namespaces: ['docker.io', 'quay.io'],
    registryCredentials: [],
    requireDependencies: false,
    share: 'none',
    restartDocker: false,
    githubToken: '',
    identity: {pipeline: 'check', event: 'push'}
  };
}

/** The main step in this process: ms until it returned, and its command timeline. */
async function stepRun(variant: Variant): Promise<{ms: number; spans: Span[]}> {
  const root = mkdtempSync(join(tmpdir(), 'imagegate-bench-bsr-'));
  const spans: Span[] = [];
  let t0 = 0;
  const d = deps(
    root,
    new Map(),
    recording(new ProcessRunner(), () => t0, spans)
  );
  const ctx = testContext(root, 'push');
  t0 = performance.now();
  await buildsetMain(inputs(variant), ctx, d);
  const ms = performance.now() - t0;
  await buildsetPost(ctx, d, {
    identity: inputs(variant).identity,
    jobOutcome: async () => 'failure'
  });
  rmSync(root, {recursive: true, force: true});
  return {ms, spans: spans.filter(s => s.start < ms)};
}

/** The bundle as the runner starts it: wall time from spawn to exit, then its post step. */
async function processRun(variant: Variant): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'imagegate-bench-bsr-'));
  const state = join(root, 'state');
  mkdirSync(join(root, 'docker'));
  writeFileSync(state, '');
  writeFileSync(join(root, 'output'), '');
  writeFileSync(join(root, 'auth.json'), '{"auths": {}}\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_STATE: state,
    GITHUB_OUTPUT: join(root, 'output'),
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: root,
    DOCKER_CONFIG: join(root, 'docker'),
    REGISTRY_AUTH_FILE: join(root, 'auth.json'),
    'INPUT_REGISTRY-IMAGE': IMAGE,
    INPUT_NAMESPACES: 'docker.io, quay.io',
    ...(variant === 'alone' && {INPUT_CONFIGURE: 'none'})
  };
  const run = (script: string, extra: NodeJS.ProcessEnv = {}) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(NODE24, [join(REPO_ROOT, 'dist', script)], {
        env: {...env, ...extra},
        stdio: ['ignore', 'pipe', 'inherit']
      });
      let out = '';
      child.stdout.on('data', d => (out += d));
      child.on('error', reject);
      child.on('close', code =>
        code === 0
          ? resolve(performance.now() - started)
          : reject(new Error(`${script} exited with ${code}:\n${out}`))
      );
    });
  // Post runs also after a failed main, as on the runner, so nothing is left behind.
  const main = await run('buildset-registry/index.js').then(
    ms => ({ms}),
    (error: unknown) => ({error})
  );
  const saved = parseCommandFile(readFileSync(state, 'utf8'));
  await run(
    'buildset-registry-post/index.js',
    Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v]))
  );
  if ('error' in main) throw main.error;
  const {ms} = main;
  rmSync(root, {recursive: true, force: true});
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median start and end of each command over the runs, in order of median start. */
function timeline(runs: Span[][]): string[] {
  const byWhat = new Map<string, Span[]>();
  for (const spans of runs) {
    const seen = new Map<string, number>();
    for (const s of spans) {
      const n = (seen.get(s.what) ?? 0) + 1;
      seen.set(s.what, n);
      const key = n === 1 ? s.what : `${s.what} #${n}`;
      byWhat.set(key, [...(byWhat.get(key) ?? []), s]);
    }
  }
  return [...byWhat.entries()]
    .map(([what, spans]) => ({
      what,
      start: median(spans.map(s => s.start)),
      end: median(spans.map(s => s.end)),
      count: spans.length
    }))
    .sort((a, b) => a.start - b.start)
    .map(
      s =>
        `    ${String(Math.round(s.start)).padStart(5)} → ${String(Math.round(s.end)).padStart(5)} ms  ${s.what}${s.count < runs.length ? ` (${s.count}/${runs.length} runs)` : ''}`
    );
}

/** Print both configurations: each run, the medians against the 1.0 s target, the timeline. */
export async function reportBuildsetStartup(): Promise<void> {
  execFileSync('docker', ['image', 'inspect', IMAGE], {stdio: 'ignore'});
  if (!existsSync(join(REPO_ROOT, 'dist/buildset-registry/index.js'))) {
    throw new Error('dist/buildset-registry is missing: run npm run build');
  }
  for (const variant of ['alone', 'default'] as const) {
    const steps: {ms: number; spans: Span[]}[] = [];
    const processes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      steps.push(await stepRun(variant));
      processes.push(await processRun(variant));
      console.log(
        `${LABEL[variant]} run ${i + 1}: step ${Math.round(steps[i].ms)} ms, process ${Math.round(processes[i])} ms`
      );
    }
    const step = Math.round(median(steps.map(s => s.ms)));
    const proc = Math.round(median(processes));
    console.log(
      `buildset start-up, ${LABEL[variant]}: median step ${step} ms (target ≤ 1000 ms: ${step <= 1000 ? 'met' : 'MISSED'}), ` +
        `process ${proc} ms (${proc <= 1000 ? 'met' : 'missed'})`
    );
    console.log('  commands (median start → end, ms after the step started):');
    for (const line of timeline(steps.map(s => s.spans))) console.log(line);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await reportBuildsetStartup();

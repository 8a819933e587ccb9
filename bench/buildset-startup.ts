/**
 * Buildset registry start-up time (target ≤ 1.0 s once the registry image is present): the
 * main step's start (password, bcrypt, CA + server certificate, container, `/v2/` → 401) with
 * nothing to configure, then post. BENCH_RUNS (default 5) runs; prints each and the median.
 * Run: `npx tsx bench/buildset-startup.ts` (needs dockerd and IMAGEGATE_TEST_REGISTRY_IMAGE).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type BuildsetDeps} from '../shared/buildset/deps.js';
import {buildsetMain} from '../shared/buildset/main-step.js';
import {buildsetPost} from '../shared/buildset/post-step.js';
import {type BuildsetRegistryInputs} from '../shared/inputs/buildset-registry.js';
import {testContext, testDeps} from '../__tests__/integration/buildset/support.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMAGE = process.env.IMAGEGATE_TEST_REGISTRY_IMAGE ?? 'localhost/imagegate-test/registry:2';

/** The integration tests' deps, but the twin's daemon.json entry goes to a temp file: no dockerd to reload. */
function deps(root: string, state: Map<string, string>): BuildsetDeps {
  return {
    ...testDeps(root, state),
    dockerd: {reload: async () => undefined, restart: async () => undefined}
  };
}

/**
 * Start and stop the registry `runs` times, alone or with the read-only twin dockerd mirrors
 * through (configure: docker); returns [start-up ms, main ms, post ms] per run.
 */
export async function benchBuildsetStartup(runs = RUNS, withMirror = false): Promise<number[][]> {
  execFileSync('docker', ['image', 'inspect', IMAGE], {stdio: 'ignore'});
  const inputs: BuildsetRegistryInputs = {
    registryImage: IMAGE,
    containerCommand: 'docker',
    configure: withMirror ? ['docker'] : [],
    namespaces: ['docker.io'],
    registryCredentials: '',
    requireDependencies: false,
    share: 'none',
    restartDocker: false,
    githubToken: '',
    identity: {pipeline: 'check', event: 'push'}
  };
  const samples: number[][] = [];
  for (let i = 0; i < runs; i++) {
    const root = mkdtempSync(join(tmpdir(), 'imagegate-bench-bsr-'));
    const ctx = testContext(root, 'push');
    const state = new Map<string, string>();
    const d = deps(root, state);
    const t0 = Date.now();
    const main = await buildsetMain(inputs, ctx, d);
    const t1 = Date.now();
    await buildsetPost(ctx, d, {identity: inputs.identity, jobOutcome: async () => 'failure'});
    samples.push([main.startupMs, t1 - t0, Date.now() - t1]);
    rmSync(root, {recursive: true, force: true});
  }
  return samples;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Print both variants: each run and the medians against the 1.0 s target. */
export async function reportBuildsetStartup(): Promise<void> {
  for (const withMirror of [false, true]) {
    const label = withMirror ? 'registry + dockerd mirror twin' : 'registry alone';
    const samples = await benchBuildsetStartup(RUNS, withMirror);
    for (const [i, [start, main, post]] of samples.entries()) {
      console.log(`${label} run ${i + 1}: start-up ${start} ms, main ${main} ms, post ${post} ms`);
    }
    const start = median(samples.map(s => s[0]));
    console.log(
      `buildset start-up (${label}): median ${start} ms (target ≤ 1000 ms) ${start <= 1000 ? 'OK' : 'SLOW'}; ` +
        `main ${median(samples.map(s => s[1]))} ms, post ${median(samples.map(s => s[2]))} ms`
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await reportBuildsetStartup();

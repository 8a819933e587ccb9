/**
 * `npm run bench`: imagegate vs skopeo on local registries (distribution 2.8, plain HTTP on
 * loopback, started by the test fixtures), several runs each, medians and ratios. Not a test.
 * First the engine on loopback: imagegate runs as a bundled child process (ncc, like the
 * actions), so startup counts as it does for skopeo. Then the remote scenarios (bench/remote.ts):
 * registries behind a latency proxy, the shipped action bundles in dist/ (run `npm run build`
 * first). BENCH_RUNS (default 5) sets the runs; BENCH_SKIP_1G=1 skips scenario 5;
 * BENCH_ONLY_REMOTE=1 runs only the remote scenarios (BENCH_REMOTE_RUNS rounds, default 3 to 5),
 * BENCH_SKIP_REMOTE=1 skips them; BENCH_REMOTE_ONLY=promote,copy,mirror,mirror-remote,cold picks some;
 * BENCH_RTT_MS sets the round trip (default 40).
 */
import {execFile} from 'node:child_process';
import {rmSync} from 'node:fs';
import {cpus, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {pushTestImage, pushTestIndex} from '../__tests__/support/images.js';
import {startRegistry, type TestRegistry} from '../__tests__/support/registry.js';
import {runDir} from '../__tests__/support/run-dir.js';
import {BUILD_BENCH_HEADER, benchBuildParallel} from './build-parallel.js';
import {reportBuildsetStartup} from './buildset-startup.js';
import {NODE24, type Sample, median, skopeo} from './measure.js';
import {benchRemote} from './remote.js';

const exec = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLI_DIR = join(tmpdir(), `imagegate-bench-cli-${process.pid}`);

async function buildCli(): Promise<void> {
  const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  await exec(process.execPath, [
    ncc,
    'build',
    'bench/cli.ts',
    '-o',
    CLI_DIR,
    '--quiet',
    '--transpile-only',
    '--target',
    'es2022'
  ]);
}

/** Run the bundled imagegate CLI; wall time measured here, RSS reported by the child itself. */
async function imagegate(args: string[]): Promise<Sample> {
  const started = performance.now();
  const {stdout} = await exec(NODE24, [join(CLI_DIR, 'index.js'), ...args], {
    maxBuffer: 64 << 20
  });
  const ms = performance.now() - started;
  const line = JSON.parse(stdout.trim().split('\n').pop()!) as {ms: number; maxRssKiB: number};
  return {ms, engineMs: line.ms, maxRssKiB: line.maxRssKiB};
}

interface Row {
  name: string;
  ig: Sample[];
  sk: Sample[];
  target?: string;
}
const rows: Row[] = [];
const HEADER =
  '| scenario | imagegate process ms | imagegate engine ms | skopeo ms | ratio (process) | ratio (engine) | target | imagegate max RSS MiB | skopeo max RSS MiB |\n' +
  '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |';

/** `runs` alternating rounds; `prepare(i)` returns the two commands for round i. */
async function scenario(
  name: string,
  target: string | undefined,
  round: (
    i: number
  ) => Promise<{ig: () => Promise<Sample>; sk: () => Promise<Sample>; done?: () => Promise<void>}>,
  runs = RUNS
): Promise<void> {
  const row: Row = {name, ig: [], sk: [], target};
  for (let i = 0; i < runs; i++) {
    const {ig, sk, done} = await round(i);
    // Alternate who goes first so cache warmth does not favour one tool.
    if (i % 2 === 0) {
      row.ig.push(await ig());
      row.sk.push(await sk());
    } else {
      row.sk.push(await sk());
      row.ig.push(await ig());
    }
    await done?.();
  }
  rows.push(row);
  report(row);
}

function report(row: Row): void {
  const ig = median(row.ig.map(s => s.ms));
  const engine = median(row.ig.map(s => s.engineMs ?? 0));
  const sk = median(row.sk.map(s => s.ms));
  const rss = median(row.ig.map(s => s.maxRssKiB ?? 0)) / 1024;
  const skRss = median(row.sk.map(s => s.maxRssKiB ?? 0)) / 1024;
  console.log(
    `| ${row.name} | ${ig.toFixed(0)} | ${engine.toFixed(0)} | ${sk.toFixed(0)} | ${(ig / sk).toFixed(2)} | ` +
      `${(engine / sk).toFixed(2)} | ${row.target ?? '-'} | ${rss.toFixed(0)} | ${skRss.toFixed(0)} |`
  );
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`
  );
  console.log(`runs per scenario: ${RUNS}; building the imagegate CLI bundle…`);
  console.log(HEADER);
  await buildCli();
  const regs: TestRegistry[] = [];
  try {
    const [a, b] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
    regs.push(a, b);
    const src = (reg: TestRegistry, repo: string, tag: string) => `${reg.host}/${repo}:${tag}`;
    const skCopy =
      (from: string, to: string, extra: string[] = []) =>
      () =>
        skopeo([
          'copy',
          '--quiet',
          ...extra,
          ...a.skopeoArgs('src'),
          ...b.skopeoArgs('dest'),
          `docker://${from}`,
          `docker://${to}`
        ]);

    // 7 layers, ~100 MB: a 1 MB base plus 6 × ~16.5 MB of incompressible data.
    const MB = 1 << 20;
    await pushTestImage(a, 'bench/big', 'v1', {
      layers: [MB, ...Array(6).fill(16.5 * MB)],
      format: 'v2s2'
    });
    // Every round copies into two brand-new registries (one per tool), so neither tool can reuse
    // blobs from an earlier round (skopeo's blob-info cache would otherwise mount them).
    const fresh = async (
      run: (
        igDest: TestRegistry,
        skDest: TestRegistry
      ) => {ig: () => Promise<Sample>; sk: () => Promise<Sample>}
    ) => {
      const [igDest, skDest] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
      return {
        ...run(igDest, skDest),
        done: async () => void (await Promise.all([igDest.stop(), skDest.stop()]))
      };
    };
    await scenario('1. copy 7-layer ~100 MB image to another registry', '≤ 0.5', () =>
      fresh((igDest, skDest) => ({
        ig: () => imagegate(['copy', src(a, 'bench/big', 'v1'), `${igDest.host}/ig/big`, 'v1']),
        sk: skCopy(src(a, 'bench/big', 'v1'), `${skDest.host}/sk/big:v1`)
      }))
    );
    // Scenario 2 copies into b, which one untimed copy per tool fills first.
    await imagegate(['copy', src(a, 'bench/big', 'v1'), `${b.host}/ig/big0`, 'v1']);
    await skCopy(src(a, 'bench/big', 'v1'), `${b.host}/sk/big0:v1`)();
    await scenario('2. same copy again, everything present', '≤ 0.5', async () => ({
      ig: () => imagegate(['copy', src(a, 'bench/big', 'v1'), `${b.host}/ig/big0`, 'v1']),
      sk: skCopy(src(a, 'bench/big', 'v1'), `${b.host}/sk/big0:v1`)
    }));

    await pushTestIndex(a, 'bench/multi', 'v1', {
      platforms: ['linux/amd64', 'linux/arm64'],
      layers: [4 * MB, 4 * MB]
    });
    await scenario('3. copy a two-platform index (2 × 8 MB)', undefined, () =>
      fresh((igDest, skDest) => ({
        ig: () => imagegate(['copy', src(a, 'bench/multi', 'v1'), `${igDest.host}/ig/multi`, 'v1']),
        sk: skCopy(src(a, 'bench/multi', 'v1'), `${skDest.host}/sk/multi:v1`, ['--all'])
      }))
    );

    const images = Array.from({length: 10}, (_, k) => `bench/app${k}`);
    await Promise.all(images.map(repo => pushTestImage(a, repo, 'v1', {layers: [4096]})));
    await scenario('4. retag 10 images × 3 tags in one registry', '≤ 0.3', async i => {
      const tags = [`r${i}a`, `r${i}b`, `r${i}c`];
      const groups = images.flatMap((repo, k) => [
        ...(k ? ['--'] : []),
        `${a.host}/${repo}`,
        'v1',
        ...tags
      ]);
      return {
        ig: () => imagegate(['retag', ...groups]),
        sk: async () => {
          const started = performance.now();
          let rss = 0;
          for (const repo of images) {
            for (const tag of tags) {
              const s = await skopeo([
                'copy',
                '--quiet',
                ...a.skopeoArgs('src'),
                ...a.skopeoArgs('dest'),
                `docker://${a.host}/${repo}:v1`,
                `docker://${a.host}/${repo}:s${tag}`
              ]);
              rss = Math.max(rss, s.maxRssKiB ?? 0);
            }
          }
          return {ms: performance.now() - started, maxRssKiB: rss};
        }
      };
    });

    if (process.env.BENCH_SKIP_1G !== '1') {
      console.log('pushing a single-layer 1 GiB image (takes a while)…');
      await pushTestImage(a, 'bench/huge', 'v1', {layers: [1 << 30]});
      await scenario(
        '5. copy a single 1 GiB layer',
        'RSS ≤ 200 MiB',
        () =>
          fresh((igDest, skDest) => ({
            ig: () =>
              imagegate(['copy', src(a, 'bench/huge', 'v1'), `${igDest.host}/ig/huge`, 'v1']),
            sk: skCopy(src(a, 'bench/huge', 'v1'), `${skDest.host}/sk/huge:v1`)
          })),
        Math.min(RUNS, 3)
      );
    }
    console.log('\nmedians:');
    console.log(HEADER);
    for (const row of rows) report(row);
  } finally {
    await Promise.all(regs.map(r => r.stop()));
    rmSync(CLI_DIR, {recursive: true, force: true});
    rmSync(runDir(), {recursive: true, force: true});
  }
}

if (process.env.BENCH_ONLY_REMOTE !== '1') await main();
if (process.env.BENCH_SKIP_REMOTE !== '1') {
  await benchRemote(Number(process.env.BENCH_REMOTE_RUNS ?? Math.max(3, Math.min(RUNS, 5))));
  rmSync(runDir(), {recursive: true, force: true});
}
// The build and buildset-registry benchmarks (issues of their own) follow the registry client's.
if (process.env.BENCH_ONLY_REGISTRY !== '1' && process.env.BENCH_ONLY_REMOTE !== '1') {
  console.log('\nbuild: four independent images, parallel 4 vs 1');
  console.log(BUILD_BENCH_HEADER);
  console.log(await benchBuildParallel('docker'));
  if (process.env.CONTAINERS_CONF) console.log(await benchBuildParallel('podman'));
  console.log('\nbuildset registry start-up');
  await reportBuildsetStartup();
}

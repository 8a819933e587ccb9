/**
 * The scenarios users feel: registries tens of milliseconds away, many images, shared layers,
 * cold start. Every registry sits behind a latency proxy (`__tests__/support/latency-proxy.ts`,
 * BENCH_RTT_MS, default 40 ms: one round trip per request, two more for a new connection's
 * handshakes). imagegate runs as the shipped bundles, as the runner runs them
 * (`node24 dist/<action>/index.js` with INPUT_*), skopeo as its own processes, in the same
 * rounds; wall times, medians, ratios imagegate / skopeo. Not a test.
 */
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pushTestImage} from '../__tests__/support/images.js';
import {
  DEFAULT_RTT_MS,
  type LatencyProxy,
  startLatencyProxy
} from '../__tests__/support/latency-proxy.js';
import {putTags, tagDigest} from '../__tests__/support/raw-registry.js';
import {logMark, requestsSince} from '../__tests__/support/registry-log.js';
import {startRegistry, type TestRegistry} from '../__tests__/support/registry.js';
import {makeRunTempDir} from '../__tests__/support/run-dir.js';
import {type GitHubApiFixture, startGitHubApi} from '../__tests__/support/github-api.js';
import {type Sample, action, alternate, bareNode, cli, load, median, skopeo} from './measure.js';
import {readFileSync} from 'node:fs';

export const RTT_MS = Number(process.env.BENCH_RTT_MS ?? DEFAULT_RTT_MS);
// The runner's GITHUB_SHA in runBundle; the images are labelled as built from it.
const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const MB = 1 << 20;

export const REMOTE_HEADER =
  '| scenario | imagegate ms | skopeo ms | ratio | target | notes |\n| --- | ---: | ---: | ---: | --- | --- |';

/** One printed row. */
export interface RemoteRow {
  readonly name: string;
  readonly ig: readonly Sample[];
  readonly sk: readonly Sample[];
  readonly target: string;
  readonly notes: string;
}

export function formatRemoteRow(row: RemoteRow): string {
  const ig = median(row.ig.map(s => s.ms));
  const sk = median(row.sk.map(s => s.ms));
  return `| ${row.name} | ${ig.toFixed(0)} | ${sk.toFixed(0)} | ${(ig / sk).toFixed(2)} | ${row.target} | ${row.notes} |`;
}

/** A registry and the latency proxy in front of it. */
interface Remote {
  readonly reg: TestRegistry;
  readonly proxy: LatencyProxy;
  /** What clients use: the proxy's `127.0.0.1:PORT`. */
  readonly host: string;
  stop(): Promise<void>;
}

async function remote(reg?: TestRegistry): Promise<Remote> {
  const registry = reg ?? (await startRegistry('plain'));
  const proxy = await startLatencyProxy({target: registry.host, rttMs: RTT_MS});
  return {
    reg: registry,
    proxy,
    host: proxy.host,
    stop: async () => {
      await proxy.stop();
      if (!reg) await registry.stop();
    }
  };
}

/** A registry on loopback, used as it is (the loopback rows). */
function loopback(reg: TestRegistry): Remote {
  return {
    reg,
    proxy: {host: reg.host} as LatencyProxy,
    host: reg.host,
    stop: () => reg.stop()
  };
}

/** Run `tasks` with at most `n` at a time. */
async function pool<T>(n: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({length: n}, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    })
  );
  return results;
}

/** skopeo's flags for a plain-HTTP registry on either side. */
const plain = (side: 'src' | 'dest'): string[] => [`--${side}-tls-verify=false`];

/**
 * The critical path of promoting one image with the tag method at `rtt`: the round trips that
 * must follow one another even with unlimited parallelism across images and tags.
 */
export const PROMOTE_CRITICAL_PATH: readonly (readonly [string, number])[] = [
  ['TCP + TLS handshake of the first connection', 2],
  ['GET /v2/ (scheme and auth challenge)', 1],
  ['GET change tag manifest (digest and bytes)', 1],
  ['GET image config (labels: built from the merged commit?)', 1],
  ['PUT final tags (all at once)', 1],
  ['DELETE change tag (once per registry: does it delete tags?)', 1],
  ['PUT placeholder under the change tag', 1],
  ['DELETE placeholder by digest', 1],
  ['GET tag list (cleanup of stale tags)', 1]
];

/** promote 10 images x 3 tags vs a `skopeo copy` loop over the 30 tags. */
async function promoteScenario(
  src: Remote,
  github: GitHubApiFixture,
  runs: number
): Promise<RemoteRow> {
  const images = 10;
  const tags = ['latest', 'v1', 'v2'];
  const requests: number[] = [];
  const loopbackMs: number[] = [];
  const samples = await alternate(runs, async i => {
    // Fresh repositories every round: change tags to promote, no final tags yet.
    const stage = async (prefix: string, k: number) => {
      const repo = `promote/r${i}/${prefix}${k}`;
      const pushed = await pushTestImage(src.reg, repo, 'change_42_latest', {
        layers: [4096],
        labels: {'org.opencontainers.image.revision': SHA},
        seed: `promote-${i}-${k}`
      });
      await putTags(src.reg, repo, pushed.digest, ['change_42_v1', 'change_42_v2']);
      return {repo, digest: pushed.digest};
    };
    const ours = await pool(
      4,
      [...Array(images).keys()].map(k => () => stage('ig', k))
    );
    const theirs = await pool(
      4,
      [...Array(images).keys()].map(k => () => stage('sk', k))
    );
    const list = ours.map(o => `- {repository: ${src.host}/${o.repo}, tags: [${tags.join(', ')}]}`);
    // The same promote straight to the registry (no latency): what the registry's and the
    // client's own work cost on this machine, beside the round trips.
    const direct = await pool(
      4,
      [...Array(images).keys()].map(k => () => stage('lo', k))
    );
    loopbackMs.push(
      (
        await action('promote', {
          inputs: {
            'container-images': direct
              .map(o => `- {repository: ${src.reg.host}/${o.repo}, tags: [${tags.join(', ')}]}`)
              .join('\n'),
            change: '42'
          },
          env: {GITHUB_API_URL: github.url}
        })
      ).sample.ms
    );
    return {
      ig: async () => {
        const mark = logMark(src.reg);
        const run = await action('promote', {
          inputs: {'container-images': list.join('\n'), change: '42'},
          env: {GITHUB_API_URL: github.url}
        });
        requests.push(requestsSince(src.reg, mark).length);
        return run.sample;
      },
      sk: async () => {
        const started = performance.now();
        for (const {repo} of theirs) {
          for (const tag of tags) {
            await skopeo([
              'copy',
              '--quiet',
              ...plain('src'),
              ...plain('dest'),
              `docker://${src.host}/${repo}:change_42_${tag}`,
              `docker://${src.host}/${repo}:${tag}`
            ]);
          }
        }
        return {ms: performance.now() - started};
      },
      done: async () => {
        // Not timed: every final tag holds its image and the change tags are gone.
        for (const {repo, digest} of ours) {
          for (const tag of tags) {
            if ((await tagDigest(src.reg, repo, tag)) !== digest)
              throw new Error(`${repo}:${tag} was not promoted`);
            if ((await tagDigest(src.reg, repo, `change_42_${tag}`)) !== undefined)
              throw new Error(`${repo}:change_42_${tag} is still there`);
          }
        }
      }
    };
  });
  const hops = PROMOTE_CRITICAL_PATH.reduce((n, [, k]) => n + k, 0);
  const critical = hops * RTT_MS;
  const ig = median(samples.ig.map(s => s.ms));
  const lo = median(loopbackMs);
  return {
    name: `promote ${images} images x ${tags.length} tags (RTT ${RTT_MS} ms)`,
    ...samples,
    target: '≤ 0.1 skopeo; ≤ 2 x critical path',
    notes: `critical path ${hops} round trips = ${critical} ms, imagegate / critical path ${(ig / critical).toFixed(2)}; the same promote on loopback ${lo.toFixed(0)} ms, so the latency added ${(ig - lo).toFixed(0)} ms = ${((ig - lo) / critical).toFixed(2)} x critical path; imagegate requests ${median(requests)}; skopeo: ${images * tags.length} copies, no untag`
  };
}

/** Copy one 7-layer image (~28 MiB) into an empty registry. */
async function copyScenario(src: Remote, runs: number): Promise<RemoteRow> {
  await pushTestImage(src.reg, 'copy/seven', 'v1', {
    layers: [MB, ...Array(6).fill(4.5 * MB)],
    seed: 'seven'
  });
  const samples = await alternate(runs, async () => {
    // A new empty registry per tool and round, so neither finds blobs from an earlier one.
    const [igDest, skDest] = await Promise.all([remote(), remote()]);
    return {
      ig: async () =>
        (
          await action('mirror', {
            inputs: {
              mirrors: `- {src_repository: ${src.host}/copy/seven, dest_repository: ${igDest.host}/copy/seven, tags: [v1]}`
            }
          })
        ).sample,
      sk: () =>
        skopeo([
          'copy',
          '--quiet',
          '--all',
          ...plain('src'),
          ...plain('dest'),
          `docker://${src.host}/copy/seven:v1`,
          `docker://${skDest.host}/copy/seven:v1`
        ]),
      done: async () => void (await Promise.all([igDest.stop(), skDest.stop()]))
    };
  });
  return {
    name: `copy a 7-layer 28 MiB image to an empty registry (RTT ${RTT_MS} ms)`,
    ...samples,
    target: '≤ 0.5 skopeo copy --all',
    notes: 'imagegate: the mirror action, one entry'
  };
}

/**
 * Uploads of `digest` that completed in a registry since `mark` (monolithic POST or the final
 * PUT of a session), and mounts of it.
 */
function blobWrites(reg: TestRegistry, mark: number, digest: string) {
  const text = readFileSync(reg.logFile).subarray(mark).toString('utf8');
  const hex = digest.slice('sha256:'.length);
  const lines = [...text.matchAll(/"(PUT|POST) ([^ "]+) HTTP\/[0-9.]+" (20[12])/g)].filter(m =>
    m[2].includes(hex)
  );
  return {
    uploads: lines.filter(m => /digest=sha256(%3A|:)/i.test(m[2]) && !m[2].includes('mount='))
      .length,
    mounts: lines.filter(m => m[2].includes('mount=') && m[3] === '201').length
  };
}

/** Mirror 8 repositories x 2 tags that share a 24 MiB base layer into one empty registry. */
async function mirrorScenario(
  src: Remote,
  runs: number,
  where: 'loopback' | 'remote'
): Promise<RemoteRow> {
  const repos = [...Array(8).keys()].map(k => `mirror/r${k}`);
  const tags = ['v1', 'v2'];
  let base = '';
  for (const repo of repos) {
    for (const tag of tags) {
      const pushed = await pushTestImage(src.reg, repo, tag, {
        layers: [24 * MB, MB],
        layerSeeds: ['base'],
        seed: `${repo}-${tag}`
      });
      base = pushed.layers[0];
    }
  }
  const counts = {ig: [] as string[], sk: [] as string[]};
  const dir = makeRunTempDir('bench-sync');
  const samples = await alternate(runs, async () => {
    const fresh = async () =>
      where === 'remote' ? remote() : loopback(await startRegistry('plain'));
    const [igDest, skDest] = await Promise.all([fresh(), fresh()]);
    const yaml = join(dir, 'sync.yaml');
    writeFileSync(
      yaml,
      `${src.host}:\n  tls-verify: false\n  images:\n${repos.map(r => `    ${r}: [${tags.join(', ')}]`).join('\n')}\n`
    );
    const count = (dest: Remote, mark: number) => {
      const {uploads, mounts} = blobWrites(dest.reg, mark, base);
      return `${uploads} upload${uploads === 1 ? '' : 's'} + ${mounts} mounts`;
    };
    return {
      ig: async () => {
        const mark = logMark(igDest.reg);
        const mirrors = repos.map(
          r =>
            `- {src_repository: ${src.host}/${r}, dest_repository: ${igDest.host}/${r}, tags: [${tags.join(', ')}]}`
        );
        const run = await action('mirror', {inputs: {mirrors: mirrors.join('\n')}});
        counts.ig.push(count(igDest, mark));
        return run.sample;
      },
      sk: async () => {
        const mark = logMark(skDest.reg);
        const sample = await skopeo([
          'sync',
          '--src',
          'yaml',
          '--dest',
          'docker',
          ...plain('dest'),
          yaml,
          skDest.host
        ]);
        counts.sk.push(count(skDest, mark));
        return sample;
      },
      done: async () => void (await Promise.all([igDest.stop(), skDest.stop()]))
    };
  });
  rmSync(dir, {recursive: true, force: true});
  const label = where === 'remote' ? `RTT ${RTT_MS} ms` : 'loopback';
  return {
    name: `mirror 8 repos x 2 tags sharing a 24 MiB base (${label})`,
    ...samples,
    target: '≤ 0.5 skopeo sync; base uploaded once',
    notes: `the shared base per destination: imagegate ${[...new Set(counts.ig)].join(' / ')}; skopeo ${[...new Set(counts.sk)].join(' / ')}`
  };
}

/** One cold-start measurement: bundle start to the first byte a registry sees. */
export interface ColdStart {
  readonly name: string;
  readonly firstRequestMs: number[];
}

/**
 * Process start to the first registry request, per bundle, against a bare `node24 -e 0` in the
 * same rounds. Each run is a dry run (reads only) of a small entry; the proxy notes when the
 * first byte arrives.
 */
async function coldStart(src: Remote, githubUrl: string, runs: number): Promise<string[]> {
  await pushTestImage(src.reg, 'cold/app', 'change_42_latest', {
    labels: {'org.opencontainers.image.revision': SHA},
    seed: 'cold'
  });
  const mirrors = `- {src_repository: ${src.host}/cold/app, dest_repository: ${src.host}/cold/copy, tags: [change_42_latest]}`;
  const images = `- {repository: ${src.host}/cold/app, tags: [latest]}`;
  const bundles: {name: string; bundle: string; inputs: Record<string, string>}[] = [
    {name: 'CLI (imagegate mirror)', bundle: 'cli', inputs: {mirrors, 'dry-run': 'true'}},
    {
      name: 'promote action',
      bundle: 'promote',
      inputs: {'container-images': images, change: '42', 'dry-run': 'true'}
    },
    {name: 'mirror action', bundle: 'mirror', inputs: {mirrors, 'dry-run': 'true'}},
    {
      name: 'root action (command: mirror)',
      bundle: 'index',
      inputs: {command: 'mirror', mirrors, 'dry-run': 'true'}
    }
  ];
  const bare: number[] = [];
  const firsts = bundles.map(() => [] as number[]);
  for (let i = 0; i < runs * 2; i++) {
    bare.push(await bareNode());
    for (const [b, spec] of bundles.entries()) {
      src.proxy.resetStats();
      const env = {GITHUB_API_URL: githubUrl};
      const run =
        spec.bundle === 'cli'
          ? await cli(['mirror', ...Object.entries(spec.inputs).flatMap(([k, v]) => [`--${k}`, v])])
          : await action(spec.bundle, {inputs: spec.inputs, env});
      if (src.proxy.firstByteAt === undefined) throw new Error(`${spec.name} sent no request`);
      firsts[b].push(src.proxy.firstByteAt - run.spawnedAt);
    }
  }
  const node = median(bare);
  return [
    `| bare \`node24 -e 0\` (process start to exit) | ${node.toFixed(0)} | – | – |`,
    ...bundles.map((spec, b) => {
      const first = median(firsts[b]);
      return `| ${spec.name}: process start to first registry request | ${first.toFixed(0)} | ${(first - node).toFixed(0)} | ≤ 80 |`;
    })
  ];
}

/** Run every remote scenario; returns the printed tables. */
export async function benchRemote(runs: number): Promise<string> {
  const out: string[] = [];
  const print = (line: string) => {
    console.log(line);
    out.push(line);
  };
  const source = await startRegistry('plain');
  const src = await remote(source);
  const github = await startGitHubApi({
    [`GET /repos/acme/app/git/commits/${SHA}`]: {sha: SHA, tree: {sha: '7ee7'.repeat(10)}}
  });
  const gh = await startLatencyProxy({target: new URL(github.url).host, rttMs: RTT_MS});
  const ghFixture = {...github, url: `http://${gh.host}`};
  try {
    print(
      `\nregistries ${RTT_MS} ms away (latency proxy), ${runs} rounds, load ${load()} at start`
    );
    print(REMOTE_HEADER);
    const rows: RemoteRow[] = [];
    const row = (r: RemoteRow) => {
      rows.push(r);
      print(formatRemoteRow(r));
    };
    // BENCH_REMOTE_ONLY=promote,copy,mirror,mirror-remote,cold runs only those.
    const only = process.env.BENCH_REMOTE_ONLY?.split(',');
    const wanted = (name: string) => !only || only.includes(name);
    if (wanted('promote')) row(await promoteScenario(src, ghFixture, runs));
    if (wanted('copy')) row(await copyScenario(src, runs));
    if (wanted('mirror')) row(await mirrorScenario(loopback(source), runs, 'loopback'));
    if (wanted('mirror-remote')) row(await mirrorScenario(src, runs, 'remote'));
    if (wanted('cold')) {
      print(`\ncold start (median of ${runs * 2}; load ${load()})`);
      print('| what | ms | more than bare node | target |\n| --- | ---: | ---: | --- |');
      for (const line of await coldStart(src, ghFixture.url, runs)) print(line);
    }
    print(`\nload at the end: ${load()}`);
    print(`promote critical path at ${RTT_MS} ms:`);
    for (const [step, n] of PROMOTE_CRITICAL_PATH) print(`  ${n} x ${step}`);
  } finally {
    await src.stop();
    await source.stop();
    await gh.stop();
    await github.stop();
  }
  return out.join('\n');
}

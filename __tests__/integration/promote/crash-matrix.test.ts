/**
 * The crash matrix: promote (tag method, intermediate-registry method) and cleanup, each killed
 * after every single write request in turn. A crash proxy in front of a real registry forwards
 * the k-th write (the registry applies it), then drops it and everything after, as if the
 * registry died right then; its storage stays on disk. After each crash every final tag must
 * hold its old or its new digest (never missing, never an empty index or a placeholder); after a
 * restart, a rerun must succeed and leave exactly the state an uninterrupted run leaves.
 *
 * Each scenario is set up once and its storage snapshotted; every run starts from a copy of the
 * snapshot. Promote runs in-process (the code under test, unchanged, against the real registry)
 * so the whole matrix takes seconds.
 */
import {execFile} from 'node:child_process';
import {rename, rm} from 'node:fs/promises';
import {promisify} from 'node:util';
import {join} from 'node:path';
import {type RunnerContext} from '../../../shared/model/runner-context.js';
import {CHANGE_INDEX_VERSION, type ChangeIndex} from '../../../shared/change-index/format.js';
import {readChangeIndex, writeChangeIndex} from '../../../shared/change-index/store.js';
import {GitHubClient} from '../../../shared/github/client.js';
import {type PromoteInputs} from '../../../shared/inputs/promote.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';
import {type StepLog} from '../../../shared/model/log.js';
import {formatReference} from '../../../shared/model/reference.js';
import {type RegistryLocation, stagedRepository} from '../../../shared/model/registry-location.js';
import {promote} from '../../../shared/promote/index.js';
import {Registry} from '../../../shared/registry/index.js';
import {untagPlaceholder} from '../../../shared/registry/placeholder.js';
import {type StagedTag} from '../../../shared/staging/record.js';
import {writeStagingRecord} from '../../../shared/staging/store.js';
import {type CrashProxy, startCrashProxy} from '../../support/crash-proxy.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {putManifest, putTags, registryState, tagDigest} from '../../support/raw-registry.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {BUILT_HERE, MERGED_SHA, MERGED_TREE} from '../../support/merged-change.js';

const OLD = '0dd0dd0dd0dd0dd0dd0dd0dd0dd0dd0dd0dd0dd0';
const NOW = new Date();
const HOUR = 3_600_000;
const FRESH = new Date(NOW.getTime() - HOUR).toISOString();
const STALE = '2020-01-01T00:00:00.000Z';
const BUILT_BEFORE = {'org.opencontainers.image.revision': OLD};
// A few seconds when the machine is quiet; generous, since 2 shared cores can be busy.
const MATRIX_TIMEOUT_MS = 180_000;

let reg: TestRegistry;
let proxy: CrashProxy;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('plain');
  proxy = await startCrashProxy(reg.host);
  github = await startGitHubApi({
    [`GET /repos/acme/app/git/commits/${MERGED_SHA}`]: {sha: MERGED_SHA, tree: {sha: MERGED_TREE}},
    [`GET /repos/acme/app/compare/${OLD}...${MERGED_SHA}`]: {status: 'ahead'}
  });
});
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
  await github?.stop();
});

/** One promote setup: what it promotes, and each final tag's digest before (if any) and after. */
interface Scenario {
  readonly inputs: PromoteInputs;
  readonly finals: Record<string, {readonly old?: string; readonly new: string}>;
}

const quiet: StepLog = {
  info: () => undefined,
  warning: () => undefined,
  group: (_title, fn) => fn()
};

/** Promote in-process through the proxy; `crashing`: no retries (the registry is gone). */
async function runPromote(scenario: Scenario, crashing: boolean): Promise<void> {
  const registry = new Registry(crashing ? {retry: {attempts: 1}} : {});
  const location = scenario.inputs.intermediateRegistry;
  const ctx: RunnerContext = {
    eventName: 'push',
    payload: {},
    sha: MERGED_SHA,
    repository: 'acme/app',
    workspace: '/nonexistent',
    runAttempt: '1',
    apiUrl: github.url,
    serverUrl: 'https://github.com',
    runnerTemp: '/tmp'
  };
  try {
    await promote(scenario.inputs, {
      registry,
      ctx,
      log: quiet,
      github: new GitHubClient({apiUrl: github.url}),
      repo: {owner: 'acme', repo: 'app'},
      readChangeIndex: key =>
        location ? readChangeIndex(registry, location, key) : Promise.resolve(undefined),
      now: () => NOW
    });
  } finally {
    registry.close();
  }
}

function inputs(images: string, location?: RegistryLocation): PromoteInputs {
  return {
    images: parseContainerImages(images, {field: 'container-images'}),
    promoteMethod: location ? 'intermediate-registry' : 'tag',
    registryCredentials: [],
    ...(location && {intermediateRegistry: location}),
    identity: {change: 42, pipeline: 'gate', event: 'push'},
    githubToken: '',
    verifySource: true,
    allowDowngrade: false,
    cleanup: true,
    cleanupAgeMs: 24 * HOUR,
    cleanupPattern: /^change_[0-9]+_.+$/,
    dryRun: false
  };
}

/**
 * The registry's storage, swapped wholesale between runs (the registry keeps no cache: it reads
 * the files per request). The next copy of the snapshot is made while a run goes on, so a
 * restore is two renames; old copies are removed in the background.
 */
const storage = () => join(reg.dataDir, 'docker');
const run = promisify(execFile);
let copies = 0;
class Snapshot {
  private next: Promise<string>;
  private readonly removals: Promise<void>[] = [];

  private constructor(private readonly dir: string) {
    this.next = this.copy();
  }

  static async take(): Promise<Snapshot> {
    const dir = makeRunTempDir('crash-snapshot');
    await run('cp', ['-a', storage(), join(dir, 'docker')]);
    return new Snapshot(dir);
  }

  /** Put the registry's storage back to the snapshot (the registry must be idle). */
  async restore(): Promise<void> {
    const ready = await this.next;
    const old = join(reg.dataDir, `old-${++copies}`);
    await rename(storage(), old);
    await rename(ready, storage());
    this.removals.push(rm(old, {recursive: true, force: true}));
    this.next = this.copy();
  }

  async discard(): Promise<void> {
    this.removals.push(this.next.then(dir => rm(dir, {recursive: true, force: true})));
    await Promise.all(this.removals);
  }

  private async copy(): Promise<string> {
    const target = join(reg.dataDir, `copy-${++copies}`);
    await run('cp', ['-a', join(this.dir, 'docker'), target]);
    return target;
  }
}
async function wipe(): Promise<void> {
  await rm(storage(), {recursive: true, force: true});
}

async function record(repository: string, stagedAt: string, tags: StagedTag[]): Promise<void> {
  const registry = new Registry();
  try {
    await writeStagingRecord(
      registry,
      {registry: reg.host, repository},
      {
        version: 1,
        stagedAt,
        run: {id: '7', attempt: '1'},
        tags
      }
    );
  } finally {
    registry.close();
  }
}

/** Where a final tag stands now: its digest, with the proxy's host as the user wrote it. */
async function finalDigests(scenario: Scenario): Promise<Record<string, string | undefined>> {
  const now: Record<string, string | undefined> = {};
  for (const name of Object.keys(scenario.finals)) {
    const [repo, tag] = name.split(':');
    now[name] = await tagDigest(reg, repo, tag);
  }
  return now;
}

/**
 * Run the matrix: the uninterrupted run counts the writes and gives the end state; then for
 * every k, crash after write k, check the final tags, restart, rerun, compare.
 */
async function crashMatrix(scenario: Scenario): Promise<number> {
  const start = await Snapshot.take();
  proxy.resetCount();
  await runPromote(scenario, false);
  const writes = proxy.writes;
  const end = await registryState(reg);
  for (const [name, {new: digest}] of Object.entries(scenario.finals)) {
    expect(`${name} ${end[name]}`).toBe(`${name} ${digest}`);
  }
  expect(writes).toBeGreaterThan(3);
  for (let k = 1; k <= writes; k++) {
    await proxy.idle();
    await start.restore();
    proxy.crashAfterWrite(k);
    await runPromote(scenario, true).catch(() => undefined);
    const crashedAt = proxy.writeLog[k - 1];
    expect(`write ${k} (${crashedAt}) crashed: ${proxy.dead}`).toBe(
      `write ${k} (${crashedAt}) crashed: true`
    );
    await proxy.idle();
    for (const [name, digest] of Object.entries(await finalDigests(scenario))) {
      const {old, new: next} = scenario.finals[name];
      const oldOrNew = digest === old || digest === next;
      expect(`after write ${k} (${crashedAt}) ${name}: ${digest} ${oldOrNew}`).toBe(
        `after write ${k} (${crashedAt}) ${name}: ${digest} true`
      );
    }
    proxy.revive();
    await runPromote(scenario, false);
    expect({after: `write ${k} (${crashedAt})`, state: await registryState(reg)}).toEqual({
      after: `write ${k} (${crashedAt})`,
      state: end
    });
  }
  await start.discard();
  return writes;
}

test(
  'promote-method tag, with cleanup, killed after each write',
  async () => {
    await wipe();
    const [oldApp, oldMulti] = await Promise.all([
      pushTestImage(reg, 'crash/app', 'latest', {labels: BUILT_BEFORE, seed: 'old-app'}),
      pushTestIndex(reg, 'crash/multi', 'latest', {
        platforms: ['linux/amd64', 'linux/arm64'],
        labels: BUILT_BEFORE,
        seed: 'old-multi'
      })
    ]);
    await putTags(reg, 'crash/app', oldApp.digest, ['v1']);
    const [newApp, newMulti, stale, fresh] = await Promise.all([
      pushTestImage(reg, 'crash/app', 'change_42_latest', {labels: BUILT_HERE, seed: 'new-app'}),
      pushTestIndex(reg, 'crash/multi', 'change_42_latest', {
        platforms: ['linux/amd64', 'linux/arm64'],
        labels: BUILT_HERE,
        seed: 'new-multi'
      }),
      pushTestImage(reg, 'crash/app', 'change_7_latest', {seed: 'stale'}),
      pushTestImage(reg, 'crash/app', 'change_43_latest', {seed: 'fresh'})
    ]);
    await putTags(reg, 'crash/app', newApp.digest, ['change_42_v1']);
    await record('crash/app', STALE, [{tag: 'change_7_latest', digest: stale.digest}]);
    await record('crash/app', FRESH, [{tag: 'change_43_latest', digest: fresh.digest}]);
    const writes = await crashMatrix({
      inputs: inputs(
        `- {repository: ${proxy.host}/crash/app, tags: [latest, v1]}\n- {repository: ${proxy.host}/crash/multi}`
      ),
      finals: {
        'crash/app:latest': {old: oldApp.digest, new: newApp.digest},
        'crash/app:v1': {old: oldApp.digest, new: newApp.digest},
        'crash/multi:latest': {old: oldMulti.digest, new: newMulti.digest}
      }
    });
    expect(writes).toBeGreaterThan(10);
  },
  MATRIX_TIMEOUT_MS
);

test(
  'promote-method intermediate-registry, with cleanup, killed after each write',
  async () => {
    await wipe();
    const location = {registry: proxy.host, path: 'stage'};
    const stagedApp = stagedRepository(location, {registry: proxy.host, repository: 'inter/app'});
    const stagedMulti = stagedRepository(location, {
      registry: proxy.host,
      repository: 'inter/multi'
    });
    const [oldApp, newApp, newMulti, abandoned] = await Promise.all([
      pushTestImage(reg, 'inter/app', 'latest', {labels: BUILT_BEFORE, seed: 'i-old-app'}),
      pushTestImage(reg, stagedApp.repository, '1001-1_latest', {
        labels: BUILT_HERE,
        seed: 'i-new-app',
        layers: [2048, 1024]
      }),
      pushTestIndex(reg, stagedMulti.repository, '1001-1_latest', {
        platforms: ['linux/amd64', 'linux/arm64'],
        labels: BUILT_HERE,
        seed: 'i-new-multi'
      }),
      pushTestImage(reg, stagedApp.repository, '999-1_latest', {seed: 'i-abandoned'})
    ]);
    await putTags(reg, 'inter/app', oldApp.digest, ['v1']);
    const entry = (repository: string, tag: string, staged: string, digest: string) => ({
      repository: `${proxy.host}/${repository}`,
      tag,
      staged: formatReference({registry: proxy.host, repository: staged, tag: '1001-1_latest'}),
      digest
    });
    const index = (
      change: number,
      createdAt: string,
      images: ChangeIndex['images']
    ): ChangeIndex => ({
      version: CHANGE_INDEX_VERSION,
      repository: 'acme/app',
      change,
      revision: MERGED_SHA,
      createdAt,
      images
    });
    const writer = new Registry();
    try {
      await writeChangeIndex(
        writer,
        {registry: reg.host, path: 'stage'},
        index(42, FRESH, [
          entry('inter/app', 'latest', stagedApp.repository, newApp.digest),
          entry('inter/app', 'v1', stagedApp.repository, newApp.digest),
          entry('inter/multi', 'latest', stagedMulti.repository, newMulti.digest)
        ])
      );
      await writeChangeIndex(
        writer,
        {registry: reg.host, path: 'stage'},
        index(40, STALE, [
          {
            ...entry('inter/app', 'latest', stagedApp.repository, abandoned.digest),
            staged: formatReference({...stagedApp, tag: '999-1_latest'})
          }
        ])
      );
    } finally {
      writer.close();
    }
    await record(stagedApp.repository, FRESH, [{tag: '1001-1_latest', digest: newApp.digest}]);
    await record(stagedApp.repository, STALE, [{tag: '999-1_latest', digest: abandoned.digest}]);
    await record(stagedMulti.repository, FRESH, [{tag: '1001-1_latest', digest: newMulti.digest}]);
    const writes = await crashMatrix({
      inputs: inputs(
        `- {repository: ${proxy.host}/inter/app, tags: [latest, v1]}\n- {repository: ${proxy.host}/inter/multi}`,
        location
      ),
      finals: {
        'inter/app:latest': {old: oldApp.digest, new: newApp.digest},
        'inter/app:v1': {old: oldApp.digest, new: newApp.digest},
        // No final tag before: absent is its old state, and only absent or new is allowed.
        'inter/multi:latest': {new: newMulti.digest}
      }
    });
    expect(writes).toBeGreaterThan(10);
  },
  MATRIX_TIMEOUT_MS
);

test(
  'cleanup alone (the change was promoted before), killed after each write',
  async () => {
    await wipe();
    const repo = 'clean/app';
    const [image, staleImage, staleIndex, unknown, fresh] = await Promise.all([
      pushTestImage(reg, repo, 'latest', {labels: BUILT_HERE, seed: 'c-latest'}),
      pushTestImage(reg, repo, 'change_5_latest', {seed: 'c-stale'}),
      pushTestIndex(reg, repo, 'change_6_latest', {
        platforms: ['linux/amd64', 'linux/arm64'],
        seed: 'c-stale-index'
      }),
      pushTestImage(reg, repo, 'change_10_latest', {seed: 'c-unknown'}),
      pushTestImage(reg, repo, 'change_12_latest', {seed: 'c-fresh'})
    ]);
    // Shares latest's digest: never a candidate, whatever its record says.
    await putTags(reg, repo, image.digest, ['change_9_latest']);
    // An untag that never finished.
    const placeholder = untagPlaceholder('change_8_latest', NOW);
    await putManifest(reg, repo, 'change_8_latest', placeholder.mediaType, placeholder.bytes);
    await record(repo, STALE, [
      {tag: 'change_5_latest', digest: staleImage.digest},
      {tag: 'change_6_latest', digest: staleIndex.digest}
    ]);
    await record(repo, STALE, [{tag: 'change_9_latest', digest: image.digest}]);
    await record(repo, STALE, [{tag: 'change_11_latest', digest: staleImage.digest}]);
    await record(repo, FRESH, [{tag: 'change_12_latest', digest: fresh.digest}]);
    const scenario = {
      inputs: inputs(`- {repository: ${proxy.host}/${repo}}`),
      finals: {[`${repo}:latest`]: {old: image.digest, new: image.digest}}
    };
    const writes = await crashMatrix(scenario);
    expect(writes).toBeGreaterThan(5);
    const end = await registryState(reg);
    const tags = Object.keys(end).filter(t => t.startsWith(`${repo}:change_`));
    expect(tags.sort()).toEqual([
      `${repo}:change_10_latest`,
      `${repo}:change_12_latest`,
      `${repo}:change_9_latest`
    ]);
    expect(end[`${repo}:change_10_latest`]).toBe(unknown.digest);
  },
  MATRIX_TIMEOUT_MS
);

/**
 * Distributed multi-platform builds through the bundles, as a matrix would run them: two upload
 * runs with different `platforms` stand for the two platform jobs (podman builds linux/arm64
 * from a Containerfile without RUN, so nothing is emulated), then the merge bundle, then promote.
 * skopeo is the independent peer for what each tag holds.
 */
import {isStagingRecordTag} from '../../../shared/staging/record.js';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type ActionRun, runBundle} from '../../support/action-runner.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {rawManifest, skopeo} from '../../support/skopeo.js';
import {readChangeIndex} from '../../../shared/change-index/store.js';
import {Registry} from '../../../shared/registry/index.js';
import {ensurePodmanBusybox, makeWorkspace} from '../build/fixture.js';

const PR = {
  number: 42,
  pull_request: {number: 42, html_url: 'https://github.com/acme/app/pull/42'}
};
const BOTH = 'linux/amd64,linux/arm64';

let reg: TestRegistry;
beforeAll(async () => {
  ensurePodmanBusybox();
  reg = await startRegistry('tls');
});
afterAll(async () => {
  await reg.stop();
});

const credentials = () =>
  JSON.stringify({[reg.host]: {username: reg.username, password: reg.password}});
const env = () => ({IMAGEGATE_REGISTRY_CA_FILES: reg.caFile as string});

/** One entry built FROM scratch for both platforms (no RUN: no emulation). */
const multi = (ns: string, extra = '') =>
  `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/${ns}/multi, arch: [linux/amd64, linux/arm64]${extra}}`;

/** The gate's event; the release test passes a release. */
interface Trigger {
  eventName: string;
  event: unknown;
}
const GATE: Trigger = {eventName: 'pull_request', event: PR};
const RELEASE: Trigger = {
  eventName: 'release',
  event: {action: 'published', release: {tag_name: 'v1'}}
};

/** One platform job: `imagegate upload` with `platforms`, as the gate's matrix job runs it. */
function uploadPlatform(cwd: string, list: string, platforms: string, inputs = {}, trigger = GATE) {
  return runBundle('upload', {
    cwd,
    ...trigger,
    env: env(),
    inputs: {
      'container-images': list,
      'registry-credentials': credentials(),
      'container-command': 'podman',
      platforms,
      ...inputs
    }
  });
}

function merge(cwd: string, list: string, inputs: Record<string, string> = {}, trigger = GATE) {
  return runBundle('merge', {
    cwd,
    ...trigger,
    env: env(),
    inputs: {
      'container-images': list,
      'registry-credentials': credentials(),
      platforms: BOTH,
      ...inputs
    }
  });
}

async function tags(repository: string): Promise<string[]> {
  const registry = new Registry({
    ca: readFileSync(reg.caFile as string),
    credentials: () => ({username: reg.username as string, password: reg.password as string})
  });
  try {
    // Staging records (when the temporary tags were pushed, for cleanup) are beside the point here.
    return (await registry.listTags({registry: reg.host, repository}))
      .filter(t => !isStagingRecordTag(t))
      .sort();
  } finally {
    registry.close();
  }
}

/** The platforms an index under `tag` lists (skopeo reads the raw manifest). */
async function indexPlatforms(repository: string, tag: string): Promise<string[]> {
  const raw = JSON.parse((await rawManifest(reg, repository, tag)).toString('utf8')) as {
    manifests?: {platform: {os: string; architecture: string}}[];
  };
  return (raw.manifests ?? []).map(m => `${m.platform.os}/${m.platform.architecture}`).sort();
}

/** What `--override-arch` pulls from `repository:tag`: skopeo picks that platform's image. */
async function archOf(repository: string, tag: string, arch: string): Promise<string> {
  const {stdout} = await skopeo([
    '--override-arch',
    arch,
    'inspect',
    ...reg.skopeoArgs('plain'),
    `docker://${reg.host}/${repository}:${tag}`
  ]);
  return (JSON.parse(stdout) as {Architecture: string}).Architecture;
}

function ok(run: ActionRun): void {
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
}

interface Build {
  platform: string;
  digest?: string;
  imageId?: string;
  engine: {kind: string};
  labels: Record<string, string>;
  baseImage: unknown;
  seconds: number;
  archive?: string;
}

test('gate: two platform jobs record, the merge writes the change tags, promote publishes every platform', async () => {
  const ws = makeWorkspace('merge-gate');
  const list = [
    multi('gate'),
    // No arch: built for every platform of the run.
    `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/gate/solo, tags: [v1]}`,
    // None of its arch in linux/arm64: the arm64 job leaves it out.
    `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/gate/amd, arch: [linux/amd64]}`
  ].join('\n');

  const amd = await uploadPlatform(ws.dir, list, 'linux/amd64', {archive: 'true'});
  ok(amd);
  // A platform job pushes records only: no change tag, no final tag.
  expect(await tags('gate/multi')).toEqual(['change_42_latest.linux-amd64']);
  expect(await tags('gate/solo')).toEqual(['change_42_v1.linux-amd64']);
  expect(amd.stdout).toContain('::group::[linux/amd64] Building container-images[0]');
  // Build records: in the images output and as a JSON file.
  const amdImages = JSON.parse(amd.outputs.images) as {platforms: string[]; builds: Build[]}[];
  const record = amdImages[0].builds[0];
  expect(record).toMatchObject({
    platform: 'linux/amd64',
    engine: {kind: 'podman'},
    baseImage: null,
    labels: {'org.opencontainers.image.revision': ws.revision}
  });
  expect(record.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(record.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(JSON.parse(readFileSync(amd.outputs['build-records'], 'utf8'))).toEqual(
    amdImages.flatMap(i => i.builds)
  );
  // archive: an OCI layout tarball per platform image; skopeo reads it.
  expect(amd.outputs.archives.split('\n')).toHaveLength(3);
  expect(existsSync(record.archive as string)).toBe(true);
  const archived = await skopeo(['inspect', `oci-archive:${record.archive}`]);
  expect(JSON.parse(archived.stdout)).toMatchObject({Architecture: 'amd64'});

  const arm = await uploadPlatform(ws.dir, list, 'linux/arm64');
  ok(arm);
  expect(arm.stdout).toContain('container-images[2]');
  expect(arm.stdout).toMatch(/container-images\[2\] \(.*\/gate\/amd\) is not built here/);
  expect(await tags('gate/multi')).toEqual([
    'change_42_latest.linux-amd64',
    'change_42_latest.linux-arm64'
  ]);
  const armDigest = (JSON.parse(arm.outputs.images) as {builds: Build[]}[])[0].builds[0].digest;

  const mark = logMark(reg);
  const merged = await merge(ws.dir, list, {revision: ws.revision});
  ok(merged);
  // Registry-side: manifests only, no blob was uploaded.
  expect(writesSince(reg, mark).filter(w => w.includes('/blobs/'))).toEqual([]);
  expect(await tags('gate/multi')).toEqual(['change_42_latest']);
  expect(await tags('gate/solo')).toEqual(['change_42_v1']);
  expect(await tags('gate/amd')).toEqual(['change_42_latest']);
  expect(await indexPlatforms('gate/multi', 'change_42_latest')).toEqual([
    'linux/amd64',
    'linux/arm64'
  ]);
  expect(await indexPlatforms('gate/solo', 'change_42_v1')).toEqual(['linux/amd64', 'linux/arm64']);
  expect(await indexPlatforms('gate/amd', 'change_42_latest')).toEqual(['linux/amd64']);
  const out = JSON.parse(merged.outputs.images) as {
    digest: string;
    platforms: {platform: string; digest: string}[];
  }[];
  expect(out[0].platforms.find(p => p.platform === 'linux/arm64')?.digest).toBe(armDigest);

  // Safe to rerun: the records are gone, the index is found under the change tag.
  const again = await merge(ws.dir, list, {revision: ws.revision});
  ok(again);
  expect((JSON.parse(again.outputs.images) as {digest: string}[])[0].digest).toBe(out[0].digest);

  const promote = await runBundle('promote', {
    cwd: ws.dir,
    eventName: 'pull_request',
    event: {
      ...PR,
      action: 'closed',
      pull_request: {...PR.pull_request, merged: true, merge_commit_sha: ws.revision}
    },
    env: {...env(), GITHUB_SHA: ws.revision},
    inputs: {'container-images': list, 'registry-credentials': credentials(), change: '42'}
  });
  ok(promote);
  expect(await tags('gate/multi')).toEqual(['latest']);
  expect(await archOf('gate/multi', 'latest', 'arm64')).toBe('arm64');
  expect(await archOf('gate/multi', 'latest', 'amd64')).toBe('amd64');
  expect(await archOf('gate/solo', 'v1', 'arm64')).toBe('arm64');
}, 240_000);

test('a missing platform fails the merge naming it, tags nothing; after that job the rerun merges', async () => {
  const ws = makeWorkspace('merge-missing');
  const list = multi('missing');
  ok(await uploadPlatform(ws.dir, list, 'linux/amd64'));
  const mark = logMark(reg);
  const failed = await merge(ws.dir, list);
  expect(failed.code).toBe(1);
  expect(failed.errors.join('\n')).toMatch(
    /container-images\[0\] .*missing platform linux\/arm64: no record change_42_latest\.linux-arm64/
  );
  expect(writesSince(reg, mark)).toEqual([]);
  expect(await tags('missing/multi')).toEqual(['change_42_latest.linux-amd64']);

  ok(await uploadPlatform(ws.dir, list, 'linux/arm64'));
  ok(await merge(ws.dir, list));
  expect(await indexPlatforms('missing/multi', 'change_42_latest')).toEqual([
    'linux/amd64',
    'linux/arm64'
  ]);
}, 180_000);

test('a platform built from another commit: nothing is merged, both commits are named', async () => {
  const ws = makeWorkspace('merge-commit');
  const list = multi('commit');
  ok(await uploadPlatform(ws.dir, list, 'linux/amd64'));
  writeFileSync(join(ws.dir, 'multi/payload.txt'), 'changed\n');
  execFileSync('git', [
    '-C',
    ws.dir,
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@e.invalid',
    'commit',
    '-qam',
    'next'
  ]);
  const next = execFileSync('git', ['-C', ws.dir, 'rev-parse', 'HEAD'], {encoding: 'utf8'}).trim();
  ok(await uploadPlatform(ws.dir, list, 'linux/arm64'));

  const failed = await merge(ws.dir, list);
  expect(failed.code).toBe(1);
  const message = failed.errors.join('\n');
  expect(message).toContain('not built from the same commit');
  expect(message).toContain(`linux/amd64 from ${ws.revision}`);
  expect(message).toContain(`linux/arm64 from ${next}`);
  // With the commit the run is for, the stale platform is named against it.
  const pinned = await merge(ws.dir, list, {revision: next});
  expect(pinned.code).toBe(1);
  expect(pinned.errors.join('\n')).toContain(
    `(linux/amd64) was built from ${ws.revision}, not ${next}`
  );
  expect(await tags('commit/multi')).toEqual([
    'change_42_latest.linux-amd64',
    'change_42_latest.linux-arm64'
  ]);
}, 180_000);

test('optional platforms may be missing: a warning, and the index holds the others', async () => {
  const ws = makeWorkspace('merge-optional');
  const list = multi('optional');
  ok(await uploadPlatform(ws.dir, list, 'linux/amd64'));
  const run = await merge(ws.dir, list, {'optional-platforms': 'linux/arm64'});
  ok(run);
  expect(run.stdout).toMatch(/::warning::.*optional platform linux\/arm64 is missing/);
  expect(await indexPlatforms('optional/multi', 'change_42_latest')).toEqual(['linux/amd64']);
  expect((JSON.parse(run.outputs.images) as {missing: string[]}[])[0].missing).toEqual([
    'linux/arm64'
  ]);
}, 120_000);

test('release: the merge writes the final tags; a failing platform job leaves no tag behind', async () => {
  const ws = makeWorkspace('merge-release');
  const list = [
    multi('rel'),
    `- {context: broken, repository: ${reg.host}/rel/broken, arch: [linux/amd64, linux/arm64]}`
  ].join('\n');
  const release = {promote: 'false'};
  const failed = await uploadPlatform(ws.dir, list, 'linux/arm64', release, RELEASE);
  expect(failed.code).toBe(1);
  expect(await tags('rel/multi')).toEqual([]);
  expect(await tags('rel/broken')).toEqual([]);

  const good = multi('rel');
  ok(await uploadPlatform(ws.dir, good, 'linux/amd64', release, RELEASE));
  ok(await uploadPlatform(ws.dir, good, 'linux/arm64', release, RELEASE));
  // Change-less records live in the pipeline's temporary-tag namespace, never under `latest`.
  expect(await tags('rel/multi')).toEqual([
    'release_latest.linux-amd64',
    'release_latest.linux-arm64'
  ]);
  ok(await merge(ws.dir, good, release, RELEASE));
  expect(await tags('rel/multi')).toEqual(['latest']);
  expect(await archOf('rel/multi', 'latest', 'arm64')).toBe('arm64');
}, 180_000);

test('intermediate registry: records and the merged index staged there, the change index names it, promote copies every platform', async () => {
  const staging = await startRegistry('plain');
  try {
    const ws = makeWorkspace('merge-inter');
    const list = multi('inter');
    const inter = {
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${staging.host}/stage`
    };
    ok(await uploadPlatform(ws.dir, list, 'linux/amd64', inter));
    ok(await uploadPlatform(ws.dir, list, 'linux/arm64', inter));
    const stagedRepo = `stage/${reg.host.replace(':', '_')}/inter/multi`;
    const staged = new Registry();
    try {
      const stagedTags = async () =>
        (await staged.listTags({registry: staging.host, repository: stagedRepo}))
          .filter(t => !isStagingRecordTag(t))
          .sort();
      expect(await stagedTags()).toEqual([
        'change_42_latest.linux-amd64',
        'change_42_latest.linux-arm64'
      ]);
      expect(await tags('inter/multi')).toEqual([]);
      const merged = await merge(ws.dir, list, inter);
      ok(merged);
      expect(await stagedTags()).toEqual(['1001-1_latest']);
      const digest = (JSON.parse(merged.outputs.images) as {digest: string}[])[0].digest;
      expect(merged.outputs['change-index-digest']).toMatch(/^sha256:/);
      const index = await readChangeIndex(
        staged,
        {registry: staging.host, path: 'stage'},
        {owner: 'acme', repo: 'app', change: 42}
      );
      expect(index?.revision).toBe(ws.revision);
      expect(index?.images).toEqual([
        expect.objectContaining({
          repository: `${reg.host}/inter/multi`,
          tag: 'latest',
          staged: `${staging.host}/${stagedRepo}:1001-1_latest`,
          digest
        })
      ]);
    } finally {
      staged.close();
    }
    const promote = await runBundle('promote', {
      cwd: ws.dir,
      eventName: 'pull_request',
      event: {
        ...PR,
        action: 'closed',
        pull_request: {...PR.pull_request, merged: true, merge_commit_sha: ws.revision}
      },
      env: {...env(), GITHUB_SHA: ws.revision},
      inputs: {
        'container-images': list,
        'registry-credentials': credentials(),
        change: '42',
        ...inter
      }
    });
    ok(promote);
    expect(await tags('inter/multi')).toEqual(['latest']);
    expect(await archOf('inter/multi', 'latest', 'arm64')).toBe('arm64');
  } finally {
    await staging.stop();
  }
}, 180_000);

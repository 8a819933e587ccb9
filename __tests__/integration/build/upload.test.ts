/**
 * The upload action through its bundle against real registries, in all three modes, and a full
 * check → gate → promote run: upload stages, the promote bundle publishes the same digests.
 */
import {mkdirSync, readFileSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle, withoutMasks} from '../../support/action-runner.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {Registry} from '../../../shared/registry/index.js';
import {readChangeIndex} from '../../../shared/change-index/store.js';
import {ensurePodmanBusybox, localPlatformTags, makeWorkspace} from './fixture.js';

const PR = {
  number: 42,
  pull_request: {number: 42, html_url: 'https://github.com/acme/app/pull/42'}
};
const BUILDKIT = {IMAGEGATE_DOCKER_BUILDER: 'buildkit'};
const isRecord = (tag: string) => tag.startsWith('imagegate-staged-');

let final: TestRegistry;
let staging: TestRegistry;
beforeAll(async () => {
  [final, staging] = await Promise.all([startRegistry('tls'), startRegistry('plain')]);
});
afterAll(async () => {
  await Promise.all([final.stop(), staging.stop()]);
});

const credentials = (regex = '^127\\.0\\.0\\.1:[0-9]+/acme/') =>
  JSON.stringify({
    [final.host]: {username: final.username, password: final.password, repository: regex}
  });

function images(ns: string, host: string, multi = false): string {
  const list = [
    `- {context: app, repository: ${host}/${ns}/app, tags: [latest, v1], target: runtime, siblings: [lib], build_args: ["BASE=${host}/${ns}/base", "GREETING=hi"]}`,
    `- {context: base, repository: ${host}/${ns}/base}`
  ];
  if (multi)
    list.push(
      `- {context: multi, container_filename: Containerfile.multi, repository: ${host}/${ns}/multi, arch: [linux/amd64, linux/arm64]}`
    );
  return list.join('\n');
}

/** Tags of a final-registry repository; [] when it does not exist (skopeo says 404). */
async function finalTags(repository: string): Promise<string[]> {
  const registry = finalRegistry();
  try {
    return (await registry.listTags({registry: final.host, repository})).sort();
  } finally {
    registry.close();
  }
}

function finalRegistry(): Registry {
  return new Registry({
    ca: readFileSync(final.caFile as string),
    credentials: () => ({username: final.username as string, password: final.password as string})
  });
}

interface Output {
  status: string;
  digest?: string;
  pushed: {ref: string; digest: string}[];
}

test('gate with promote-method tag (docker BuildKit): change tags only, then promote publishes them', async () => {
  const ws = makeWorkspace('up-tag');
  const list = images('acme', final.host, true);
  const run = await runBundle('upload', {
    cwd: ws.dir,
    eventName: 'pull_request',
    event: PR,
    // The index of the two-platform image is written through the registry API, which must trust
    // the test CA; docker itself skips verification on loopback.
    env: {...BUILDKIT, IMAGEGATE_REGISTRY_CA_FILES: final.caFile as string},
    inputs: {'container-images': list, 'registry-credentials': credentials()}
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(withoutMasks(run.stdout + run.stderr)).not.toContain(final.password);
  const out = JSON.parse(run.outputs.images) as Output[];
  expect(out[0].pushed.map(p => p.ref)).toEqual([
    `${final.host}/acme/app:change_42_latest`,
    `${final.host}/acme/app:change_42_v1`
  ]);
  // Each repository also gets a staging record: the registry keeps no time per tag.
  const appTags = await listTags(final, 'acme/app');
  expect(appTags.filter(t => !isRecord(t)).sort()).toEqual(['change_42_latest', 'change_42_v1']);
  expect(appTags.filter(isRecord)).toHaveLength(1);
  expect(await rawManifestDigest(final, 'acme/app', 'change_42_v1')).toBe(out[0].pushed[1].digest);
  // Without buildx each platform goes up under a temporary tag that is removed after the list,
  // from the registry and from the local store.
  expect((await listTags(final, 'acme/multi')).filter(t => !isRecord(t))).toEqual([
    'change_42_latest'
  ]);
  expect(localPlatformTags('docker', `${final.host}/acme/multi`)).toEqual([]);
  const multiRef = {registry: final.host, repository: 'acme/multi', tag: 'change_42_latest'};
  const reader = finalRegistry();
  try {
    expect((await reader.imageConfig(multiRef, 'linux/arm64')).architecture).toBe('arm64');
  } finally {
    reader.close();
  }

  const promote = await runBundle('promote', {
    cwd: ws.dir,
    eventName: 'pull_request',
    event: {
      ...PR,
      action: 'closed',
      pull_request: {...PR.pull_request, merged: true, merge_commit_sha: ws.revision}
    },
    env: {IMAGEGATE_REGISTRY_CA_FILES: final.caFile as string, GITHUB_SHA: ws.revision},
    inputs: {'container-images': list, 'registry-credentials': credentials(), change: '42'}
  });
  expect(promote.errors).toEqual([]);
  expect(promote.code).toBe(0);
  // The change tags are gone, and with them (at cleanup) the records that vouched for them.
  expect((await listTags(final, 'acme/app')).sort()).toEqual(['latest', 'v1']);
  expect(await rawManifestDigest(final, 'acme/app', 'v1')).toBe(out[0].pushed[1].digest);
  expect(await listTags(final, 'acme/multi')).toEqual(['latest']);
}, 180_000);

test('release (promote: false) with podman: final tags, every platform of a two-platform image', async () => {
  ensurePodmanBusybox();
  const ws = makeWorkspace('up-release');
  const run = await runBundle('upload', {
    cwd: ws.dir,
    eventName: 'release',
    event: {action: 'published', release: {tag_name: 'v1'}},
    inputs: {
      'container-images': images('acme/rel', final.host, true),
      'registry-credentials': credentials(),
      promote: 'false',
      'container-command': 'podman'
    }
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const out = JSON.parse(run.outputs.images) as Output[];
  expect(await listTags(final, 'acme/rel/multi')).toEqual(['latest']);
  expect(await rawManifestDigest(final, 'acme/rel/multi', 'latest')).toBe(out[2].digest);
  const registry = finalRegistry();
  try {
    const ref = {registry: final.host, repository: 'acme/rel/multi', tag: 'latest'};
    expect((await registry.imageConfig(ref, 'linux/arm64')).architecture).toBe('arm64');
    expect((await registry.imageConfig(ref, 'linux/amd64')).architecture).toBe('amd64');
  } finally {
    registry.close();
  }
  expect((await listTags(final, 'acme/rel/app')).sort()).toEqual(['latest', 'v1']);
}, 180_000);

test('gate with promote-method intermediate-registry: staged and indexed, final registry untouched', async () => {
  const ws = makeWorkspace('up-inter');
  const run = await runBundle('upload', {
    cwd: ws.dir,
    eventName: 'pull_request',
    event: PR,
    env: BUILDKIT,
    inputs: {
      'container-images': images('acme/inter', final.host),
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${staging.host}/stage`
    }
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const out = JSON.parse(run.outputs.images) as Output[];
  const stagedRepo = `stage/${final.host.replace(':', '_')}/acme/inter/app`;
  const stagedTags = await listTags(staging, stagedRepo);
  expect(stagedTags.filter(t => !isRecord(t)).sort()).toEqual(['1001-1_latest', '1001-1_v1']);
  expect(stagedTags.filter(isRecord)).toHaveLength(1);
  expect(await finalTags('acme/inter/app')).toEqual([]);
  const registry = new Registry();
  try {
    const index = await readChangeIndex(
      registry,
      {registry: staging.host, path: 'stage'},
      {owner: 'acme', repo: 'app', change: 42}
    );
    expect(index?.revision).toBe(ws.revision);
    expect(index?.sourceTree).toBe(ws.tree);
    const v1 = index?.images.find(
      i => i.repository === `${final.host}/acme/inter/app` && i.tag === 'v1'
    );
    expect(v1).toMatchObject({
      staged: `${staging.host}/${stagedRepo}:1001-1_v1`,
      digest: out[0].pushed[1].digest
    });
  } finally {
    registry.close();
  }
}, 180_000);

describe('refused before anything is built or pushed', () => {
  test('a credential whose repository regex does not match', async () => {
    const ws = makeWorkspace('up-bad-cred');
    const run = await runBundle('upload', {
      cwd: ws.dir,
      eventName: 'pull_request',
      event: PR,
      inputs: {
        'container-images': images('other', final.host),
        'registry-credentials': credentials('^127\\.0\\.0\\.1:[0-9]+/acme/')
      }
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^container-images\[0\]\.repository: ".*\/other\/app" is not allowed/
    );
    expect(run.stdout).not.toContain('Container engine:');
    expect(await finalTags('other/app')).toEqual([]);
  });

  // prettier-ignore
  test.each([
    ['missing Dockerfile', (dir: string) => mkdirSync(join(dir, 'empty')), '- {context: empty, repository: localhost/x/empty}', /^container-images\[0\]: no Dockerfile at .*\/empty\/Dockerfile$/],
    ['existing .imagegate-siblings', (dir: string) => mkdirSync(join(dir, 'app', '.imagegate-siblings')), '- {context: app, repository: localhost/x/app}', /^container-images\[0\]\.context: .*\.imagegate-siblings already exists/],
    ['context escaping through a symlink', (dir: string) => symlinkSync('/etc', join(dir, 'etc')), '- {context: etc, repository: localhost/x/etc}', /^container-images\[0\]\.context: "etc" leaves the working directory/],
    ['context escaping lexically', () => undefined, '- {context: ../up, repository: localhost/x/up}', /^container-images\[0\]\.context: "\.\.\/up" leaves the working directory/]
  ])('%s', async (_name, prepare, list, message) => {
    const ws = makeWorkspace('up-bad');
    prepare(ws.dir);
    const run = await runBundle('build', {cwd: ws.dir, inputs: {'container-images': list}});
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(message);
    expect(run.stdout).not.toContain('Container engine:');
  });
});

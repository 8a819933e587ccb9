/**
 * The check pipeline, distributed: each platform job builds its platform into a buildset
 * registry of its own and saves it as a part (share: save, share-parts); the merge job restores
 * every part into one registry (their union: content-addressed blobs, per-platform record tags),
 * merges there under the final names, and that is what its test (and its post step's publish)
 * sees. The directory share backend stands in for the Actions cache.
 */
import {writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {rawManifest} from '../../support/skopeo.js';
import {ensurePodmanBusybox, makeWorkspace} from '../build/fixture.js';
import {
  REGISTRY_IMAGE,
  asTestRegistry,
  containersOf,
  existingContainers
} from '../buildset/support.js';

const PR = {number: 42, pull_request: {number: 42}};

test('platform jobs save their buildset registries as parts; the merge job restores and merges them', async () => {
  ensurePodmanBusybox();
  const ws = makeWorkspace('check-parts');
  const shareDir = makeRunTempDir('check-parts-share');
  const githubEnv = join(makeRunTempDir('check-parts-env'), 'env');
  writeFileSync(githubEnv, '');
  const list =
    '- {context: multi, container_filename: Containerfile.multi, repository: localhost/check/multi, arch: [linux/amd64, linux/arm64]}';
  const trigger = {eventName: 'pull_request', event: PR, cwd: ws.dir};
  const buildset = (share: string, parts: string) => ({
    ...trigger,
    inputs: {'registry-image': REGISTRY_IMAGE, configure: 'none', share, 'share-parts': parts},
    env: {IMAGEGATE_BUILDSET_SHARE_DIR: shareDir, GITHUB_ENV: githubEnv}
  });
  const active = (o: Record<string, string>) => ({
    IMAGEGATE_BUILDSET_REGISTRY: o.url,
    IMAGEGATE_BUILDSET_REGISTRY_USERNAME: o.username,
    IMAGEGATE_BUILDSET_REGISTRY_PASSWORD: o.password,
    IMAGEGATE_BUILDSET_REGISTRY_CERT_DIR: dirname(o['ca-cert'])
  });
  const containers: string[] = [];

  for (const platform of ['linux/amd64', 'linux/arm64']) {
    const main = await runBundle('buildset-registry', buildset('save', platform));
    expect(main.errors).toEqual([]);
    containers.push(...containersOf(main.state));
    const build = await runBundle('build', {
      ...trigger,
      env: active(main.outputs),
      inputs: {'container-images': list, 'container-command': 'podman', platforms: platform}
    });
    expect(build.errors).toEqual([]);
    expect(build.code).toBe(0);
    const post = await runBundle('buildset-registry-post', {
      ...buildset('save', platform),
      state: main.state
    });
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain(`Part ${platform} of a distributed build`);
  }

  const main = await runBundle('buildset-registry', buildset('restore', 'linux/amd64,linux/arm64'));
  expect(main.errors).toEqual([]);
  containers.push(...containersOf(main.state));
  expect(main.stdout).toContain('Restored part linux/arm64 of the registry storage');
  const merge = await runBundle('merge', {
    ...trigger,
    env: active(main.outputs),
    inputs: {'container-images': list, buildset: 'true'}
  });
  expect(merge.errors).toEqual([]);
  expect(merge.code).toBe(0);
  const registry = asTestRegistry({
    url: main.outputs.url,
    username: main.outputs.username,
    password: main.outputs.password,
    certDir: dirname(main.outputs['ca-cert'])
  });
  const index = JSON.parse(
    (await rawManifest(registry, 'localhost/check/multi', 'latest')).toString('utf8')
  ) as {
    manifests: {platform: {architecture: string}}[];
  };
  expect(index.manifests.map(m => m.platform.architecture).sort()).toEqual(['amd64', 'arm64']);
  const post = await runBundle('buildset-registry-post', {
    ...buildset('restore', 'linux/amd64,linux/arm64'),
    state: main.state
  });
  expect(post.errors).toEqual([]);
  expect(await existingContainers(containers)).toEqual([]);
}, 180_000);

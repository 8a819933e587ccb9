/**
 * share: save in one job's post, restore in a later job's main (the directory backend standing
 * in for the Actions cache): the later job's registry holds the earlier job's image, and its own
 * post does not re-publish it as built in that job.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {pushTestImage} from '../../support/images.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {rawManifestDigest} from '../../support/skopeo.js';
import {REGISTRY_IMAGE, asTestRegistry, containersOf, existingContainers} from './support.js';

const coordinates = (o: Record<string, string>) => ({
  url: o.url,
  username: o.username,
  password: o.password,
  certDir: join(o['ca-cert'], '..')
});

test('a build job saves its registry storage and a test job of the run restores it', async () => {
  const shareDir = makeRunTempDir('buildset-share');
  const githubEnv = join(makeRunTempDir('buildset-env'), 'env');
  writeFileSync(githubEnv, '');
  const job = (share: string) => ({
    inputs: {'registry-image': REGISTRY_IMAGE, configure: 'none', share},
    env: {IMAGEGATE_BUILDSET_SHARE_DIR: shareDir, GITHUB_ENV: githubEnv}
  });

  const buildMain = await runBundle('buildset-registry', job('save'));
  expect(buildMain.errors).toEqual([]);
  const o = buildMain.outputs;
  const first = asTestRegistry(coordinates(o));
  const pushed = await pushTestImage(first, 'acme/app', 'shared', {seed: 'share'});
  const buildPost = await runBundle('buildset-registry-post', {
    ...job('save'),
    state: buildMain.state
  });
  expect(buildPost.errors).toEqual([]);
  expect(buildPost.stdout).toContain('Saved the registry storage as imagegate-buildset-1001-1');

  const testMain = await runBundle('buildset-registry', job('restore'));
  expect(testMain.errors).toEqual([]);
  expect(testMain.stdout).toContain(
    'Restored the shared registry storage saved as imagegate-buildset-1001-1'
  );
  const t = testMain.outputs;
  const second = asTestRegistry(coordinates(t));
  expect(t.password).not.toBe(o.password);
  expect(await rawManifestDigest(second, 'acme/app', 'shared')).toBe(pushed.digest);
  const testPost = await runBundle('buildset-registry-post', {
    ...job('restore'),
    state: testMain.state
  });
  expect(testPost.errors).toEqual([]);
  expect(
    await existingContainers([...containersOf(buildMain.state), ...containersOf(testMain.state)])
  ).toEqual([]);
}, 120_000);

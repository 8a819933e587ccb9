/**
 * share: save in one job's post, restore in a later job's main: through the directory backend,
 * and through the real @actions/cache against a local cache service (saved, restored, and a
 * refused save failing the post step). The later job's registry holds the earlier job's image,
 * and its own post does not re-publish it as built in that job.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {type ActionsCacheFixture, startActionsCache} from '../../support/actions-cache.js';
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

describe('through the Actions cache (the real @actions/cache against a local cache service)', () => {
  let cache: ActionsCacheFixture;
  beforeAll(async () => {
    cache = await startActionsCache();
  });
  afterAll(async () => {
    await cache?.stop();
  });
  beforeEach(() => {
    cache.refuse = undefined;
  });

  /** Two jobs of one run: the same RUNNER_TEMP path, as on GitHub, so the cache versions match. */
  const job = (share: string, runnerTemp: string, runId: string) => ({
    inputs: {'registry-image': REGISTRY_IMAGE, configure: 'none', share},
    env: {...cache.env, RUNNER_TEMP: runnerTemp, GITHUB_RUN_ID: runId}
  });

  test('the post step saves the storage, says what it shared, and a later job restores it', async () => {
    const runnerTemp = makeRunTempDir('buildset-cache');
    const buildMain = await runBundle('buildset-registry', job('save', runnerTemp, '2001'));
    expect(buildMain.errors).toEqual([]);
    const pushed = await pushTestImage(
      asTestRegistry(coordinates(buildMain.outputs)),
      'acme/app',
      'shared',
      {
        seed: 'cache'
      }
    );
    const buildPost = await runBundle('buildset-registry-post', {
      ...job('save', runnerTemp, '2001'),
      state: buildMain.state
    });
    expect(buildPost.errors).toEqual([]);
    expect(buildPost.code).toBe(0);
    expect(cache.keys()).toEqual(['imagegate-buildset-2001-1']);
    expect(buildPost.summary).toContain('imagegate-buildset-2001-1');
    expect(buildPost.summary).toContain('acme/app:shared');
    expect(buildPost.summary).toContain(pushed.digest);

    const testMain = await runBundle('buildset-registry', job('restore', runnerTemp, '2001'));
    expect(testMain.errors).toEqual([]);
    expect(testMain.stdout).toContain(
      'Restored the shared registry storage saved as imagegate-buildset-2001-1'
    );
    const restored = asTestRegistry(coordinates(testMain.outputs));
    expect(await rawManifestDigest(restored, 'acme/app', 'shared')).toBe(pushed.digest);
    const testPost = await runBundle('buildset-registry-post', {
      ...job('restore', runnerTemp, '2001'),
      state: testMain.state
    });
    expect(testPost.errors).toEqual([]);
  }, 120_000);

  test.each([
    ['refuses the reservation', 'reserve' as const],
    ['refuses the upload', 'upload' as const]
  ])(
    'a save the cache service %s fails the post step and says nothing was shared',
    async (_what, refuse) => {
      const runnerTemp = makeRunTempDir('buildset-cache-refused');
      const runId = refuse === 'reserve' ? '2002' : '2003';
      const main = await runBundle('buildset-registry', job('save', runnerTemp, runId));
      expect(main.errors).toEqual([]);
      await pushTestImage(asTestRegistry(coordinates(main.outputs)), 'acme/app', 'lost', {
        seed: refuse
      });
      cache.refuse = refuse;
      const post = await runBundle('buildset-registry-post', {
        ...job('save', runnerTemp, runId),
        state: main.state
      });
      expect(post.code).toBe(1);
      expect(post.errors.join('\n')).toMatch(
        new RegExp(`share: save: the Actions cache did not save imagegate-buildset-${runId}-1`)
      );
      expect(post.stdout).not.toContain('Saved the registry storage');
      expect(post.summary).toContain('not saved');
      expect(cache.keys()).not.toContain(`imagegate-buildset-${runId}-1`);
      // Cleanup still ran in full.
      expect(await existingContainers(containersOf(main.state))).toEqual([]);
    },
    120_000
  );

  test('a second job saving in the same run attempt fails: its images would not reach the consumers', async () => {
    // Jobs of one run see the same RUNNER_TEMP path (the cache version depends on it).
    const runnerTemp = makeRunTempDir('buildset-cache-twice');
    const codes: (number | null)[] = [];
    let last = '';
    for (let i = 0; i < 2; i++) {
      const main = await runBundle('buildset-registry', job('save', runnerTemp, '2004'));
      expect(main.errors).toEqual([]);
      const post = await runBundle('buildset-registry-post', {
        ...job('save', runnerTemp, '2004'),
        state: main.state
      });
      codes.push(post.code);
      last = post.errors.join('\n');
    }
    expect(codes).toEqual([0, 1]);
    expect(last).toMatch(
      /share: save: imagegate-buildset-2004-1 exists already: another job of this run attempt saved/
    );
  }, 120_000);
});

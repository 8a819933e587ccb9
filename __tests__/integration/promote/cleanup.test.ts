/**
 * Stale-tag cleanup after a promotion, through the promote bundle against a real registry:
 * final tags (and every tag sharing their digest) are never candidates, a tag's age is the time
 * it was staged (never the image's build date), and every page of the tag list is read.
 */
import {Registry} from '../../../shared/registry/index.js';
import {type StagedTag} from '../../../shared/staging/record.js';
import {writeStagingRecord} from '../../../shared/staging/store.js';
import {runBundle} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {startPagingProxy} from '../../support/paging-proxy.js';
import {pushTestImage} from '../../support/images.js';
import {allTags, putTags, tagDigest} from '../../support/raw-registry.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {BUILT_HERE, mergedChangeRoutes, MERGED_SHA} from '../../support/merged-change.js';

// Reproducible builds (SOURCE_DATE_EPOCH=0) stamp every image with the epoch.
const EPOCH = '1970-01-01T00:00:00Z';

let reg: TestRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('plain');
  github = await startGitHubApi(mergedChangeRoutes());
});
afterAll(async () => {
  await reg?.stop();
  await github?.stop();
});

function promoteRun(images: string, inputs: Record<string, string> = {}) {
  return runBundle('promote', {
    inputs: {'container-images': images, ...inputs},
    eventName: 'push',
    event: {ref: 'refs/heads/main', head_commit: {id: MERGED_SHA, message: 'Add health (#42)'}},
    env: {GITHUB_API_URL: github.url}
  });
}

test('final tags and tags sharing their digest survive a match-everything pattern', async () => {
  const repo = 'clean/finals';
  const image = await pushTestImage(reg, repo, 'change_42_latest', {
    labels: BUILT_HERE,
    created: EPOCH,
    seed: repo
  });
  await putTags(reg, repo, image.digest, ['stable']);
  const run = await promoteRun(`- {repository: ${reg.host}/${repo}}`, {
    'cleanup-pattern': '.*'
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await tagDigest(reg, repo, 'latest')).toBe(image.digest);
  expect(await tagDigest(reg, repo, 'stable')).toBe(image.digest);
});

test('an in-flight gate tag built reproducibly is kept and listed, not aged by its build date', async () => {
  const repo = 'clean/inflight';
  await pushTestImage(reg, repo, 'change_42_latest', {
    labels: BUILT_HERE,
    created: EPOCH,
    seed: `${repo}-42`
  });
  // Change 43 was uploaded seconds ago by a gate that is still running; its image says 1970.
  const inflight = await pushTestImage(reg, repo, 'change_43_latest', {
    created: EPOCH,
    seed: `${repo}-43`
  });
  const run = await promoteRun(`- {repository: ${reg.host}/${repo}}`);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await tagDigest(reg, repo, 'change_43_latest')).toBe(inflight.digest);
  expect(run.summary).toContain('change_43_latest');
  expect(run.summary).toMatch(/staging time unknown/i);
  expect(await allTags(reg, repo)).toEqual(['change_43_latest', 'latest']);
});

/** What upload records when it stages `tags`: written through the core, at `stagedAt`. */
async function record(repo: string, stagedAt: string, tags: StagedTag[]): Promise<string> {
  const registry = new Registry();
  try {
    return await writeStagingRecord(
      registry,
      {registry: reg.host, repository: repo},
      {
        version: 1,
        stagedAt,
        run: {id: '900', attempt: '1'},
        tags
      }
    );
  } finally {
    registry.close();
  }
}

test('tags are aged by their staging records; a record is removed once its tags are gone', async () => {
  const repo = 'clean/records';
  await pushTestImage(reg, repo, 'change_42_latest', {labels: BUILT_HERE, seed: `${repo}-42`});
  const stale = await pushTestImage(reg, repo, 'change_7_latest', {seed: `${repo}-7`});
  const fresh = await pushTestImage(reg, repo, 'change_8_latest', {seed: `${repo}-8`});
  const moved = await pushTestImage(reg, repo, 'change_9_v1', {seed: `${repo}-9`});
  await putTags(reg, repo, stale.digest, ['keep-2020']);
  const oldRecord = await record(repo, '2020-01-01T00:00:00Z', [
    {tag: 'change_7_latest', digest: stale.digest}
  ]);
  const freshRecord = await record(repo, new Date().toISOString(), [
    {tag: 'change_8_latest', digest: fresh.digest}
  ]);
  // change_9_v1 was pushed again after its record was written: the record no longer vouches.
  await record(repo, '2020-01-01T00:00:00Z', [{tag: 'change_9_v1', digest: stale.digest}]);

  const run = await promoteRun(`- {repository: ${reg.host}/${repo}}`);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const tags = await allTags(reg, repo);
  expect(tags.filter(t => !t.startsWith('imagegate-staged-'))).toEqual([
    'change_8_latest',
    'change_9_v1',
    'keep-2020',
    'latest'
  ]);
  expect(tags).toContain(freshRecord);
  expect(tags).not.toContain(oldRecord);
  expect(await tagDigest(reg, repo, 'change_9_v1')).toBe(moved.digest);
  expect(run.summary).toContain(
    `Stale temporary tags deleted: ${reg.host}/${repo}:change_7_latest`
  );
  expect(run.summary).toContain(`${reg.host}/${repo}:change_9_v1`);
});

test('a stale tag on the third page of a paged tag list is found and deleted', async () => {
  const repo = 'clean/paged';
  const image = await pushTestImage(reg, repo, 'change_42_latest', {
    labels: BUILT_HERE,
    seed: repo
  });
  const stale = await pushTestImage(reg, repo, 'change_6_latest', {seed: `${repo}-6`});
  // 258 older tags sort first: with 100 a page, change_6_latest is on page three.
  await putTags(
    reg,
    repo,
    image.digest,
    Array.from({length: 258}, (_, i) => `a-${String(i).padStart(3, '0')}`)
  );
  await record(repo, '2020-01-01T00:00:00Z', [{tag: 'change_6_latest', digest: stale.digest}]);
  const proxy = await startPagingProxy({target: reg.host});
  try {
    const run = await promoteRun(`- {repository: ${proxy.host}/${repo}}`);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::warning::');
    expect(proxy.pages.length).toBeGreaterThanOrEqual(3);
  } finally {
    await proxy.stop();
  }
  const tags = await allTags(reg, repo);
  expect(tags).not.toContain('change_6_latest');
  expect(tags).toContain('latest');
  expect(tags.filter(t => t.startsWith('a-'))).toHaveLength(258);
});

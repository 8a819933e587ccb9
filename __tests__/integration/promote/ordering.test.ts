/**
 * Promotions never go backwards: a final tag holding the image of a newer commit is not moved to
 * the image of an older commit of the same branch. Ancestry comes from the images' revision
 * labels and the GitHub compare API (the fake below answers it as GitHub does).
 */
import {runBundle} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage} from '../../support/images.js';
import {tagDigest} from '../../support/raw-registry.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';

// Change 41 merged as OLD, change 42 as NEW, on main, in that order; SIDE is on another branch.
const OLD = '41414141414141414141414141414141414141aa';
const NEW = '42424242424242424242424242424242424242bb';
const SIDE = '5151515151515151515151515151515151515151';
const revision = (sha: string) => ({'org.opencontainers.image.revision': sha});

let reg: TestRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('plain');
  const compare = (status: string) => ({status, ahead_by: 1, behind_by: 0});
  github = await startGitHubApi({
    [`GET /repos/acme/app/commits/${OLD}/pulls`]: [
      {number: 41, merged_at: '2026-11-27T06:00:00Z', merge_commit_sha: OLD}
    ],
    [`GET /repos/acme/app/commits/${NEW}/pulls`]: [
      {number: 42, merged_at: '2026-11-27T07:00:00Z', merge_commit_sha: NEW}
    ],
    [`GET /repos/acme/app/commits/${SIDE}/pulls`]: [
      {number: 51, merged_at: '2026-11-27T08:00:00Z', merge_commit_sha: SIDE}
    ],
    [`GET /repos/acme/app/compare/${NEW}...${OLD}`]: compare('behind'),
    [`GET /repos/acme/app/compare/${OLD}...${NEW}`]: compare('ahead'),
    [`GET /repos/acme/app/compare/${NEW}...${SIDE}`]: compare('diverged')
  });
});
afterAll(async () => {
  await reg?.stop();
  await github?.stop();
});

function promoteRun(repo: string, sha: string, inputs: Record<string, string> = {}) {
  return runBundle('promote', {
    inputs: {
      'container-images': `- {repository: ${reg.host}/${repo}}`,
      cleanup: 'false',
      ...inputs
    },
    eventName: 'push',
    event: {ref: 'refs/heads/main', head_commit: {id: sha, message: 'merge'}},
    env: {GITHUB_API_URL: github.url, GITHUB_SHA: sha}
  });
}

test('change 41 promoted after change 42 is refused; latest keeps the newer image', async () => {
  const repo = 'order/late';
  const newer = await pushTestImage(reg, repo, 'change_42_latest', {
    labels: revision(NEW),
    seed: 'new'
  });
  await pushTestImage(reg, repo, 'change_41_latest', {labels: revision(OLD), seed: 'old'});
  const first = await promoteRun(repo, NEW);
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);

  const mark = logMark(reg);
  const late = await promoteRun(repo, OLD);
  expect(late.code).toBe(1);
  expect(late.errors.join('\n')).toContain(
    `container-images[0].tags[0]: ${reg.host}/${repo}:latest holds an image of ${NEW}, which is newer than ${OLD}`
  );
  expect(late.errors.join('\n')).toContain('allow-downgrade: true');
  expect(writesSince(reg, mark)).toEqual([]);
  expect(await tagDigest(reg, repo, 'latest')).toBe(newer.digest);
});

test('a newer commit moves the tag forward', async () => {
  const repo = 'order/forward';
  await pushTestImage(reg, repo, 'change_41_latest', {labels: revision(OLD), seed: 'fold'});
  const newer = await pushTestImage(reg, repo, 'change_42_latest', {
    labels: revision(NEW),
    seed: 'fnew'
  });
  expect((await promoteRun(repo, OLD)).code).toBe(0);
  const run = await promoteRun(repo, NEW);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await tagDigest(reg, repo, 'latest')).toBe(newer.digest);
});

test('undecidable ancestry is refused unless allow-downgrade is true', async () => {
  const repo = 'order/diverged';
  await pushTestImage(reg, repo, 'change_42_latest', {labels: revision(NEW), seed: 'dnew'});
  const side = await pushTestImage(reg, repo, 'change_51_latest', {
    labels: revision(SIDE),
    seed: 'dside'
  });
  expect((await promoteRun(repo, NEW)).code).toBe(0);
  const refused = await promoteRun(repo, SIDE);
  expect(refused.code).toBe(1);
  expect(refused.errors.join('\n')).toContain(`${NEW} and ${SIDE} have diverged`);

  const forced = await promoteRun(repo, SIDE, {'allow-downgrade': 'true'});
  expect(forced.errors).toEqual([]);
  expect(forced.code).toBe(0);
  expect(forced.stdout).toMatch(/::warning::.*allow-downgrade/);
  expect(await tagDigest(reg, repo, 'latest')).toBe(side.digest);
});

test('a final tag whose image has no revision label cannot be ordered: refused', async () => {
  const repo = 'order/unlabelled';
  const foreign = await pushTestImage(reg, repo, 'latest', {seed: 'foreign'});
  await pushTestImage(reg, repo, 'change_42_latest', {labels: revision(NEW), seed: 'unew'});
  const run = await promoteRun(repo, NEW);
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toContain('has no org.opencontainers.image.revision label');
  expect(await tagDigest(reg, repo, 'latest')).toBe(foreign.digest);
});

/**
 * Interrupted and refused change-tag deletions (the untag method: PUT a placeholder under the
 * tag, then DELETE the placeholder's digest) never poison a promotion: a final tag is never
 * written to a placeholder or an empty index, a half-done untag is finished, and a refused
 * delete after the final tags were written is a warning.
 */
import {runBundle} from '../../support/action-runner.js';
import {type CrashProxy, startCrashProxy} from '../../support/crash-proxy.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage} from '../../support/images.js';
import {allTags, putManifest, putTags, tagDigest} from '../../support/raw-registry.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {BUILT_HERE, mergedChangeRoutes, MERGED_SHA} from '../../support/merged-change.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

let reg: TestRegistry;
let proxy: CrashProxy;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('plain');
  proxy = await startCrashProxy(reg.host);
  github = await startGitHubApi(mergedChangeRoutes());
});
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
  await github?.stop();
});

function promoteRun(host: string, repo: string, inputs: Record<string, string> = {}) {
  return runBundle('promote', {
    inputs: {'container-images': `- {repository: ${host}/${repo}}`, cleanup: 'false', ...inputs},
    eventName: 'push',
    event: {ref: 'refs/heads/main', head_commit: {id: MERGED_SHA, message: 'Add health (#42)'}},
    env: {GITHUB_API_URL: github.url}
  });
}

/** The placeholder imagegate 0.1 PUT under a tag before deleting it (no marker annotation). */
function legacyPlaceholder(tag: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [],
      annotations: {
        'org.opencontainers.image.description': 'imagegate untag placeholder',
        'org.opencontainers.image.created': '2026-11-27T06:00:01.000Z',
        'dev.imagegate.untag.tag': tag,
        'dev.imagegate.untag.nonce': `nonce-${tag}-${Math.random()}`
      }
    })
  );
}

describe.each([
  ['without verification', {'verify-source': 'false'}],
  ['with verification', {}]
])('a change tag left on an untag placeholder (%s)', (name, inputs) => {
  test('is recognised as a half-done untag and finished; latest keeps the image', async () => {
    const repo = `half/${name.replace(/ /g, '-')}`;
    // An earlier promote wrote latest, PUT the placeholder under the change tag, and died.
    const image = await pushTestImage(reg, repo, 'latest', {labels: BUILT_HERE, seed: repo});
    await putManifest(reg, repo, 'change_42_latest', OCI_INDEX, legacyPlaceholder('c42'));
    const run = await promoteRun(reg.host, repo, inputs);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(await tagDigest(reg, repo, 'latest')).toBe(image.digest);
    expect(await allTags(reg, repo)).toEqual(['latest']);
    expect(run.stdout).toContain('already promoted');
  });
});

test('an empty index under the change tag is refused, even without verification', async () => {
  const repo = 'half/empty';
  const old = await pushTestImage(reg, repo, 'latest', {labels: BUILT_HERE, seed: repo});
  const empty = Buffer.from(
    JSON.stringify({schemaVersion: 2, mediaType: OCI_INDEX, manifests: []})
  );
  await putManifest(reg, repo, 'change_42_latest', OCI_INDEX, empty);
  const mark = logMark(reg);
  const run = await promoteRun(reg.host, repo, {'verify-source': 'false'});
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toContain(
    `container-images[0].tags[0]: ${reg.host}/${repo}:change_42_latest is an index with no manifests`
  );
  expect(writesSince(reg, mark)).toEqual([]);
  expect(await tagDigest(reg, repo, 'latest')).toBe(old.digest);
});

test('a refused placeholder DELETE after the final tags were written is a warning', async () => {
  const repo = 'half/refused';
  const image = await pushTestImage(reg, repo, 'change_42_latest', {
    labels: BUILT_HERE,
    seed: repo
  });
  await putTags(reg, repo, image.digest, ['change_42_v1']);
  const images = `- {repository: ${proxy.host}/${repo}, tags: [latest, v1]}`;
  proxy.refuse((method, path) => method === 'DELETE' && path.includes('/manifests/sha256:'));
  try {
    const run = await promoteRun(proxy.host, repo, {'container-images': images});
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::.*change_42_latest/);
  } finally {
    proxy.refuse();
  }
  expect(await tagDigest(reg, repo, 'latest')).toBe(image.digest);
  expect(await tagDigest(reg, repo, 'v1')).toBe(image.digest);

  // The rerun finishes the deletion the registry refused before.
  const again = await promoteRun(proxy.host, repo, {'container-images': images});
  expect(again.errors).toEqual([]);
  expect(again.code).toBe(0);
  expect(await allTags(reg, repo)).toEqual(['latest', 'v1']);
  expect(await tagDigest(reg, repo, 'latest')).toBe(image.digest);
});

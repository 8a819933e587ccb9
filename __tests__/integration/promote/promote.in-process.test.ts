/**
 * promoteAction in this process, through its injected IO (inputs, runner context, outputs),
 * against a real TLS + auth registry; skopeo checks digests and tags, and the registry's own
 * access log proves what was (not) written. The bundle runs of the same command are in
 * promote.test.ts; these reach the code without a bundle.
 */
import {promoteAction} from '../../../shared/commands/promote.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {runCommand} from '../../support/in-process.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest, skopeo} from '../../support/skopeo.js';
import {BUILT_HERE, mergedChangeRoutes, MERGED_SHA} from '../../support/merged-change.js';

let reg: TestRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('tls');
  github = await startGitHubApi(mergedChangeRoutes());
});
afterAll(async () => {
  await reg?.stop();
  await github?.stop();
});

const credentials = (restriction = '') =>
  `${reg.host}: {username: ${reg.username}, password: "${reg.password}"${restriction}}`;

function promoteInProcess(images: string, inputs: Record<string, string> = {}) {
  return runCommand(promoteAction, {
    inputs: {
      'container-images': images,
      'registry-credentials': credentials(),
      'github-token': 'gh-token',
      ...inputs
    },
    eventName: 'push',
    event: {ref: 'refs/heads/main', head_commit: {id: MERGED_SHA, message: 'Add health (#42)'}},
    env: {GITHUB_API_URL: github.url, IMAGEGATE_REGISTRY_CA_FILES: reg.caFile as string}
  });
}

test('the merged change tags of an index and an image become the final tags; a rerun writes nothing', async () => {
  const multi = await pushTestIndex(reg, 'inproc/multi', 'change_42_latest', {
    platforms: ['linux/amd64', 'linux/arm64'],
    labels: BUILT_HERE,
    seed: 'inproc-multi'
  });
  // Each final tag has its own change tag (change_42_<tag>), as upload leaves them.
  await skopeo([
    'copy',
    '--all',
    ...reg.skopeoArgs('src'),
    ...reg.skopeoArgs('dest'),
    `docker://${reg.host}/inproc/multi:change_42_latest`,
    `docker://${reg.host}/inproc/multi:change_42_v1`
  ]);
  const single = await pushTestImage(reg, 'inproc/single', 'change_42_latest', {
    labels: BUILT_HERE,
    seed: 'inproc-single'
  });
  await pushTestImage(reg, 'inproc/single', 'unrelated', {seed: 'inproc-other'});
  const images = `
- {repository: ${reg.host}/inproc/multi, tags: [latest, v1]}
- {repository: ${reg.host}/inproc/single}`;

  const run = await promoteInProcess(images);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  // The password reaches the log only inside the mask command that hides it.
  expect(run.output.replace(/^::add-mask::.*$/gm, '')).not.toContain(reg.password);

  for (const tag of ['latest', 'v1'])
    expect(await rawManifestDigest(reg, 'inproc/multi', tag)).toBe(multi.digest);
  expect(await rawManifestDigest(reg, 'inproc/single', 'latest')).toBe(single.digest);
  expect((await listTags(reg, 'inproc/multi')).sort()).toEqual(['latest', 'v1']);
  expect((await listTags(reg, 'inproc/single')).sort()).toEqual(['latest', 'unrelated']);
  expect(github.requests.map(r => r.authorization)).toContain('token gh-token');
  expect(JSON.parse(run.outputs.images)).toEqual([
    {
      repository: `${reg.host}/inproc/multi`,
      tags: ['latest', 'v1'],
      digest: multi.digest,
      source: `${reg.host}/inproc/multi:change_42_latest`
    },
    {
      repository: `${reg.host}/inproc/single`,
      tags: ['latest'],
      digest: single.digest,
      source: `${reg.host}/inproc/single:change_42_latest`
    }
  ]);

  const mark = logMark(reg);
  const rerun = await promoteInProcess(images);
  expect(rerun.errors).toEqual([]);
  expect(rerun.code).toBe(0);
  expect(writesSince(reg, mark)).toEqual([]);
  expect(JSON.parse(rerun.outputs.images)).toEqual(JSON.parse(run.outputs.images));
});

test('a credential restricted to other repositories: the field is named and nothing is written', async () => {
  await pushTestImage(reg, 'inproc/denied', 'change_42_latest', {
    labels: BUILT_HERE,
    seed: 'inproc-denied'
  });
  const mark = logMark(reg);
  const run = await promoteInProcess(`- {repository: ${reg.host}/inproc/denied}`, {
    'registry-credentials': credentials(`, repository: "^${reg.host}/elsewhere/"`)
  });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual([
    expect.stringMatching(
      /^container-images\[0\]\.repository: .* is not allowed by the registry-credentials entry/
    ),
    '1 input problem; nothing was built or pushed'
  ]);
  expect(run.output.replace(/^::add-mask::.*$/gm, '')).not.toContain(reg.password);
  expect(writesSince(reg, mark)).toEqual([]);
  expect(await listTags(reg, 'inproc/denied')).toEqual(['change_42_latest']);
  expect(run.outputs).toEqual({});
});

test('dry-run plans the promotion and writes nothing', async () => {
  const pushed = await pushTestImage(reg, 'inproc/dry', 'change_42_latest', {
    labels: BUILT_HERE,
    seed: 'inproc-dry'
  });
  const mark = logMark(reg);
  const run = await promoteInProcess(`- {repository: ${reg.host}/inproc/dry}`, {
    'dry-run': 'true'
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(writesSince(reg, mark)).toEqual([]);
  expect(await listTags(reg, 'inproc/dry')).toEqual(['change_42_latest']);
  expect(JSON.parse(run.outputs.images)).toEqual([
    {
      repository: `${reg.host}/inproc/dry`,
      tags: ['latest'],
      digest: pushed.digest,
      source: `${reg.host}/inproc/dry:change_42_latest`
    }
  ]);
});

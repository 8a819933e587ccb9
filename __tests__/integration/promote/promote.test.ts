/**
 * The promote bundle, run as the runner runs it, against real registries; skopeo checks digests
 * and the registry's own access log proves what was (not) written.
 */
import {runBundle, withoutMasks} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, requestsSince, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest, skopeo} from '../../support/skopeo.js';
import {expectValidSummary} from '../../support/summary.js';
import {
  BUILT_HERE,
  mergedChangeRoutes,
  MERGED_SHA,
  MERGED_TREE
} from '../../support/merged-change.js';

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

const pushEvent = {
  ref: 'refs/heads/main',
  head_commit: {id: MERGED_SHA, message: 'Add health (#42)'}
};

function promoteRun(images: string, inputs: Record<string, string> = {}) {
  return runBundle('promote', {
    inputs: {'container-images': images, 'github-token': 'gh-token', ...inputs},
    eventName: 'push',
    event: pushEvent,
    env: {GITHUB_API_URL: github.url}
  });
}

describe('promote-method tag', () => {
  const images = (host: string) => `
- {repository: ${host}/org/multi, tags: [latest, v1]}
- {repository: ${host}/org/single, tags: [latest, v1]}`;

  test('retags change tags of an index and an image, deletes them, leaves others; re-run is a no-op', async () => {
    const multi = await pushTestIndex(reg, 'org/multi', 'change_42_latest', {
      platforms: ['linux/amd64', 'linux/arm64'],
      labels: BUILT_HERE,
      seed: 'multi'
    });
    await skopeo([
      'copy',
      '--all',
      ...reg.skopeoArgs('src'),
      ...reg.skopeoArgs('dest'),
      `docker://${reg.host}/org/multi:change_42_latest`,
      `docker://${reg.host}/org/multi:change_42_v1`
    ]);
    const single = await pushTestImage(reg, 'org/single', 'change_42_latest', {
      labels: BUILT_HERE,
      seed: 'single',
      format: 'v2s2'
    });
    await skopeo([
      'copy',
      ...reg.skopeoArgs('src'),
      ...reg.skopeoArgs('dest'),
      `docker://${reg.host}/org/single:change_42_latest`,
      `docker://${reg.host}/org/single:change_42_v1`
    ]);
    await pushTestImage(reg, 'org/single', 'unrelated', {seed: 'other'});
    const mark = logMark(reg);

    const run = await promoteRun(images(reg.host));
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(withoutMasks(run.stdout)).not.toContain('gh-token');

    for (const tag of ['latest', 'v1']) {
      expect(await rawManifestDigest(reg, 'org/multi', tag)).toBe(multi.digest);
      expect(await rawManifestDigest(reg, 'org/single', tag)).toBe(single.digest);
    }
    expect((await listTags(reg, 'org/multi')).sort()).toEqual(['latest', 'v1']);
    expect((await listTags(reg, 'org/single')).sort()).toEqual(['latest', 'unrelated', 'v1']);
    const requests = requestsSince(reg, mark);
    expect(requests.filter(r => /\/blobs\/uploads/.test(r))).toEqual([]);
    // One PUT per final tag, zero blob bytes.
    expect(requests.filter(r => /^PUT .*manifests\/(latest|v1) /.test(r))).toHaveLength(4);
    expect(github.requests.map(r => r.authorization)).toContain('token gh-token');
    expect(JSON.parse(run.outputs.images)).toEqual([
      {
        repository: `${reg.host}/org/multi`,
        tags: ['latest', 'v1'],
        digest: multi.digest,
        source: `${reg.host}/org/multi:change_42_latest`
      },
      {
        repository: `${reg.host}/org/single`,
        tags: ['latest', 'v1'],
        digest: single.digest,
        source: `${reg.host}/org/single:change_42_latest`
      }
    ]);
    expect(run.summary).toContain('imagegate promote of change #42');
    expectValidSummary(run.summary);
    expect(run.summary).toContain(`<td><code>${multi.digest}</code></td>`);

    const again = await logMark(reg);
    const rerun = await promoteRun(images(reg.host));
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('already promoted');
    expect(writesSince(reg, again)).toEqual([]);
    // The same answer as the first run: the source is the change tag each digest came from.
    expect(JSON.parse(rerun.outputs.images)).toEqual(JSON.parse(run.outputs.images));
  });

  test('refuses an image built from other code and writes nothing', async () => {
    await pushTestImage(reg, 'org/other', 'change_42_latest', {
      labels: {
        'org.opencontainers.image.revision': 'badbadbad',
        'dev.imagegate.source-tree': 'deadtree'
      },
      seed: 'foreign'
    });
    const mark = logMark(reg);
    const run = await promoteRun(`- {repository: ${reg.host}/org/other}`);
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(
      `container-images[0].tags[0]: ${reg.host}/org/other:change_42_latest was not built from the merged code: org.opencontainers.image.revision is "badbadbad" but the merged commit is ${MERGED_SHA}; dev.imagegate.source-tree is "deadtree" but the merged tree is ${MERGED_TREE}`
    );
    expect(writesSince(reg, mark)).toEqual([]);
    expect(await listTags(reg, 'org/other')).toEqual(['change_42_latest']);
  });

  test('dry run prints the plan and writes nothing', async () => {
    await pushTestImage(reg, 'org/dry', 'change_42_latest', {labels: BUILT_HERE, seed: 'dry'});
    const mark = logMark(reg);
    const run = await promoteRun(`- {repository: ${reg.host}/org/dry}`, {'dry-run': 'true'});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[dry run]');
    expect(writesSince(reg, mark)).toEqual([]);
  });

  test('the change comes from the commit message when the API knows no PR', async () => {
    await pushTestImage(reg, 'org/msg', 'change_77_latest', {labels: BUILT_HERE, seed: 'msg'});
    // A push whose PR only the commit message names, and whose commit the API has no tree for.
    const promoteMsg = (inputs: Record<string, string>) =>
      runBundle('promote', {
        inputs: {'container-images': `- {repository: ${reg.host}/org/msg}`, ...inputs},
        eventName: 'push',
        event: {
          ref: 'refs/heads/main',
          head_commit: {id: MERGED_SHA, message: 'Merge pull request #77 from acme/x'}
        },
        env: {GITHUB_API_URL: github.url, GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff'}
      });
    const run = await promoteMsg({cleanup: 'false'});
    // The revision label names another commit and there is no tree to fall back on: refused.
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('org.opencontainers.image.revision is "c0ffee');
    const ok = await promoteMsg({'verify-source': 'false'});
    expect(ok.code).toBe(0);
    expect(await listTags(reg, 'org/msg')).toEqual(['latest']);
  });
});

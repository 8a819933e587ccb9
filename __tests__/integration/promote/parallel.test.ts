/**
 * Promote of several images through a latency proxy (a registry a few milliseconds away), run
 * as the runner runs it: images go in parallel over a bounded pool of reused connections, each
 * manifest is read once, the registry is asked once whether it deletes tags, and the log reads
 * as if the images went one after another. Counts, never timings.
 */
import {runBundle} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage} from '../../support/images.js';
import {type LatencyProxy, startLatencyProxy} from '../../support/latency-proxy.js';
import {putTags, tagDigest} from '../../support/raw-registry.js';
import {logMark, requestsSince} from '../../support/registry-log.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {MERGED_SHA} from '../../support/merged-change.js';

const IMAGES = 6;
const TAGS = ['latest', 'v1'];
// The connections imagegate keeps per registry.
const POOL = 32;

let reg: TestRegistry;
let proxy: LatencyProxy;
let github: GitHubApiFixture;

beforeAll(async () => {
  reg = await startRegistry('plain');
  proxy = await startLatencyProxy({target: reg.host, rttMs: 10});
  github = await startGitHubApi({});
});
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
  await github?.stop();
});

test('images are promoted in parallel, each manifest read once, log groups in input order', async () => {
  const images = await Promise.all(
    [...Array(IMAGES).keys()].map(async k => {
      const repository = `par/app${k}`;
      const image = await pushTestImage(reg, repository, 'change_42_latest', {
        labels: {'org.opencontainers.image.revision': MERGED_SHA},
        seed: `par-${k}`
      });
      await putTags(reg, repository, image.digest, ['change_42_v1']);
      return {repository, digest: image.digest};
    })
  );
  const list = images.map(i => `- {repository: ${proxy.host}/${i.repository}, tags: [latest, v1]}`);
  const mark = logMark(reg);
  proxy.resetStats();

  const run = await runBundle('promote', {
    inputs: {'container-images': list.join('\n'), change: '42'},
    env: {GITHUB_API_URL: github.url}
  });
  const requests = requestsSince(reg, mark);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/^::warning::/m);
  for (const {repository, digest} of images) {
    for (const tag of TAGS) {
      expect(await tagDigest(reg, repository, tag)).toBe(digest);
      expect(await tagDigest(reg, repository, `change_42_${tag}`)).toBeUndefined();
    }
  }

  // In parallel: more than one connection at once; bounded: never more than the pool open at
  // once, and reused (not one per request).
  expect(proxy.peakOpen).toBeGreaterThan(1);
  expect(proxy.peakOpen).toBeLessThanOrEqual(POOL);
  expect(proxy.connections).toBeLessThanOrEqual(2 * POOL);
  // The revision label matches the merged commit: GitHub is not asked for the merged tree.
  expect(github.requests).toEqual([]);

  // Per tag: GET the change tag, HEAD the final tag, PUT it and PUT a placeholder under the
  // change tag (the plan has just read it; cleanup knows the digests just written); per image:
  // GET its config, one DELETE of the placeholder, and list its tags.
  const perImage = TAGS.length * 4 + 3;
  // Plus the /v2/ probe with the connections opened beside it (one per request sent at once:
  // two per tag), and the one question whether tag DELETE works.
  const warmUp = Math.min(POOL, IMAGES * TAGS.length * 2);
  expect(requests.filter(r => /^GET \/v2\/ /.test(r))).toHaveLength(warmUp);
  expect(requests.length).toBeLessThanOrEqual(IMAGES * perImage + warmUp + 1);
  expect(requests.filter(r => /^(GET|HEAD) .*\/manifests\/change_/.test(r))).toHaveLength(
    IMAGES * TAGS.length
  );
  expect(requests.filter(r => /^GET .*\/manifests\/sha256:/.test(r))).toEqual([]);
  expect(requests.filter(r => /^DELETE .*\/manifests\/change_/.test(r))).toHaveLength(1);

  // One group per image, in input order, each holding only its own image's lines.
  const groups = [...run.stdout.matchAll(/^::group::(.*)\n([\s\S]*?)^::endgroup::$/gm)];
  const titles = groups.map(g => g[1]).filter(t => t.startsWith(`${proxy.host}/par/`));
  expect(titles).toEqual(
    images.map(
      i => `${proxy.host}/${i.repository} ← ${proxy.host}/${i.repository}:change_42_latest`
    )
  );
  for (const [k, {repository}] of images.entries()) {
    const body = groups.find(g => g[1] === titles[k])![2];
    expect(body).toContain('latest: written, v1: written');
    for (const other of images.filter(i => i.repository !== repository)) {
      expect(body).not.toContain(`${other.repository}:`);
    }
  }
});

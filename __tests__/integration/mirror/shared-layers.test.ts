/**
 * Mirroring repositories whose images share a base layer, as the runner runs the mirror action:
 * the base is uploaded once into the destination registry and mounted into every other
 * repository there, the entries go in parallel, and each entry's log group comes out whole and
 * in input order. The destination's access log proves what was sent.
 */
import {readFileSync} from 'node:fs';
import {runBundle} from '../../support/action-runner.js';
import {pushTestImage} from '../../support/images.js';
import {logMark} from '../../support/registry-log.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {rawManifestDigest} from '../../support/skopeo.js';

let src: TestRegistry;
let dst: TestRegistry;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
});
afterAll(async () => {
  await Promise.all([src?.stop(), dst?.stop()]);
});

test('a base shared by every repository is uploaded once and mounted elsewhere', async () => {
  const repos = ['base/one', 'base/two', 'base/three'];
  const tags = ['v1', 'v2'];
  const pushed = new Map<string, string>();
  let base = '';
  for (const repo of repos) {
    for (const tag of tags) {
      const image = await pushTestImage(src, repo, tag, {
        layers: [300_000, 2000],
        layerSeeds: ['the-base'],
        seed: `${repo}-${tag}`
      });
      pushed.set(`${repo}:${tag}`, image.digest);
      base = image.layers[0];
    }
  }
  const mark = logMark(dst);
  const mirrors = repos.map(
    r => `- {src_repository: ${src.host}/${r}, dest_repository: ${dst.host}/${r}, tags: [v1, v2]}`
  );
  const run = await runBundle('mirror', {inputs: {mirrors: mirrors.join('\n')}});
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  for (const repo of repos) {
    for (const tag of tags) {
      expect(await rawManifestDigest(dst, repo, tag)).toBe(pushed.get(`${repo}:${tag}`));
    }
  }

  const log = readFileSync(dst.logFile).subarray(mark).toString('utf8');
  const lines = [...log.matchAll(/"(PUT|POST) ([^ "]+) HTTP\/[0-9.]+" (20[12])/g)];
  const hex = base.slice('sha256:'.length);
  const uploads = lines.filter(
    m => m[2].includes(`digest=sha256%3A${hex}`) && !m[2].includes('mount=') && m[3] === '201'
  );
  const mounts = lines.filter(m => m[2].includes(`mount=sha256%3A${hex}`) && m[3] === '201');
  expect(uploads).toHaveLength(1);
  expect(mounts).toHaveLength(repos.length - 1);

  const titles = [...run.stdout.matchAll(/^::group::(.*)$/gm)].map(m => m[1]);
  expect(titles).toEqual(repos.map((r, i) => `mirrors[${i}]: ${src.host}/${r} → ${dst.host}/${r}`));
  const groups = [...run.stdout.matchAll(/^::group::.*\n([\s\S]*?)^::endgroup::$/gm)];
  for (const [i, repo] of repos.entries()) {
    const body = groups[i][1].trim().split('\n');
    expect(body).toHaveLength(tags.length);
    expect(body[0]).toContain(`${src.host}/${repo}:v1 → ${dst.host}/${repo}:v1: copied`);
    expect(body[1]).toContain(`${src.host}/${repo}:v2 → ${dst.host}/${repo}:v2: copied`);
  }
});

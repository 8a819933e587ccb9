/**
 * mirrorAction in this process, through its injected IO, from a real plain registry to a real
 * TLS + auth registry; skopeo verifies every digest, the destination's access log what was
 * written. The bundle runs of the same command are in mirror.test.ts.
 */
import {mirrorAction} from '../../../shared/commands/mirror.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {runCommand} from '../../support/in-process.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';

let src: TestRegistry;
let dst: TestRegistry;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry('plain'), startRegistry('tls')]);
});
afterAll(async () => {
  await Promise.all([src?.stop(), dst?.stop()]);
});

interface Mirrored {
  source: string;
  destination: string;
  digest?: string;
  result: string;
  bytes: number;
}

function mirrorInProcess(mirrors: string, inputs: Record<string, string> = {}) {
  return runCommand(mirrorAction, {
    inputs: {
      mirrors,
      'registry-credentials': `${dst.host}: {username: ${dst.username}, password: "${dst.password}", repository: "^${dst.host}/inproc/"}`,
      ...inputs
    },
    env: {IMAGEGATE_REGISTRY_CA_FILES: dst.caFile as string}
  });
}

test('a tag regex and an index are copied with their digests; a rerun skips them and writes nothing', async () => {
  const v1 = await pushTestImage(src, 'up/app', 'v1', {seed: 'inproc-v1'});
  const v2 = await pushTestImage(src, 'up/app', 'v2', {seed: 'inproc-v2', format: 'v2s2'});
  await pushTestImage(src, 'up/app', 'dev', {seed: 'inproc-dev'});
  const multi = await pushTestIndex(src, 'up/multi', 'latest', {
    platforms: ['linux/amd64', 'linux/arm64'],
    seed: 'inproc-multi'
  });
  const mirrors = `
- {src_repository: ${src.host}/up/app, tags: "/^v[0-9]+$/", dest_repository: ${dst.host}/inproc/app}
- {src_repository: ${src.host}/up/multi, src_tag: latest, dest_repository: ${dst.host}/inproc/multi}`;

  const run = await mirrorInProcess(mirrors);
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.output.replace(/^::add-mask::.*$/gm, '')).not.toContain(dst.password);
  expect(await rawManifestDigest(dst, 'inproc/app', 'v1')).toBe(v1.digest);
  expect(await rawManifestDigest(dst, 'inproc/app', 'v2')).toBe(v2.digest);
  expect(await rawManifestDigest(dst, 'inproc/multi', 'latest')).toBe(multi.digest);
  expect((await listTags(dst, 'inproc/app')).sort()).toEqual(['v1', 'v2']);
  const mirrored = JSON.parse(run.outputs.mirrored) as Mirrored[];
  expect(mirrored.map(m => [m.destination, m.digest, m.result])).toEqual([
    [`${dst.host}/inproc/app:v1`, v1.digest, 'copied'],
    [`${dst.host}/inproc/app:v2`, v2.digest, 'copied'],
    [`${dst.host}/inproc/multi:latest`, multi.digest, 'copied']
  ]);
  expect(mirrored.every(m => m.bytes > 0)).toBe(true);

  const mark = logMark(dst);
  const rerun = await mirrorInProcess(mirrors);
  expect(rerun.code).toBe(0);
  expect(writesSince(dst, mark)).toEqual([]);
  expect((JSON.parse(rerun.outputs.mirrored) as Mirrored[]).map(m => [m.result, m.bytes])).toEqual([
    ['skipped', 0],
    ['skipped', 0],
    ['skipped', 0]
  ]);
});

test('a destination the credential may not write: the field is named and nothing is written', async () => {
  await pushTestImage(src, 'up/guarded', 'v1', {seed: 'inproc-guarded'});
  const mark = logMark(dst);
  const run = await mirrorInProcess(
    `- {src_repository: ${src.host}/up/guarded, src_tag: v1, dest_repository: ${dst.host}/elsewhere/guarded}`
  );
  expect(run.code).toBe(1);
  expect(run.errors[0]).toContain(
    `mirrors[0].dest_repository: "${dst.host}/elsewhere/guarded" is not allowed`
  );
  expect(writesSince(dst, mark)).toEqual([]);
  expect(run.outputs).toEqual({});
});

test('dry-run reports the plan and writes nothing', async () => {
  const pushed = await pushTestImage(src, 'up/dry', 'v1', {seed: 'inproc-dry'});
  const mark = logMark(dst);
  const run = await mirrorInProcess(
    `- {src_repository: ${src.host}/up/dry, src_tag: v1, dest_repository: ${dst.host}/inproc/dry}`,
    {'dry-run': 'true'}
  );
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(writesSince(dst, mark)).toEqual([]);
  const [planned] = JSON.parse(run.outputs.mirrored) as Mirrored[];
  expect(planned).toMatchObject({
    source: `${src.host}/up/dry:v1`,
    destination: `${dst.host}/inproc/dry:v1`,
    digest: pushed.digest,
    result: 'planned',
    bytes: 0
  });
  expect(await listTags(dst, 'inproc/dry').catch(() => [])).toEqual([]);
});

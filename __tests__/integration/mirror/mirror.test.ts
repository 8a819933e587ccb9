/** The mirror bundle against two real registries; skopeo verifies every digest. */
import {runBundle} from '../../support/action-runner.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {startPagingProxy} from '../../support/paging-proxy.js';
import {putTags} from '../../support/raw-registry.js';
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

const credentials = () =>
  `${dst.host}: {username: ${dst.username}, password: "${dst.password}", repository: "^${dst.host}/mirror/"}`;

function mirrorRun(mirrors: string, extra: Record<string, string> = {}) {
  return runBundle('mirror', {
    inputs: {mirrors, 'registry-credentials': credentials(), ...extra},
    env: {IMAGEGATE_REGISTRY_CA_FILES: dst.caFile as string}
  });
}

test('tag regex, platform filter, no_clobber and a failing entry', async () => {
  const v1 = await pushTestImage(src, 'src/app', 'v1', {seed: 'v1', layers: [2048, 4096]});
  const v2 = await pushTestImage(src, 'src/app', 'v2', {seed: 'v2', format: 'v2s2'});
  await pushTestImage(src, 'src/app', 'dev', {seed: 'dev'});
  const multi = await pushTestIndex(src, 'src/multi', 'latest', {
    platforms: ['linux/amd64', 'linux/arm64'],
    seed: 'multi'
  });
  await pushTestImage(dst, 'mirror/app', 'pinned', {seed: 'something-else'});
  await pushTestImage(src, 'src/app', 'pinned', {seed: 'pinned-source'});

  const run = await mirrorRun(`
- {src_repository: ${src.host}/src/app, tags: "/^v[0-9]+$/", dest_repository: ${dst.host}/mirror/app}
- {src_repository: ${src.host}/src/multi, src_tag: latest, dest_repository: ${dst.host}/mirror/multi, dest_tag: arm, platforms: [linux/arm64]}
- {src_repository: ${src.host}/src/multi, src_tag: latest, dest_repository: ${dst.host}/mirror/multi}
- {src_repository: ${src.host}/src/app, src_tag: pinned, dest_repository: ${dst.host}/mirror/app, no_clobber: true}
- {src_repository: ${src.host}/src/missing, src_tag: v9, dest_repository: ${dst.host}/mirror/missing}`);

  expect(run.code).toBe(1);
  const error = run.errors.join('\n');
  expect(error).toContain('2 of 6 mirror copies failed');
  expect(error).toContain('mirrors[3]');
  expect(error).toContain('no_clobber');
  expect(error).toContain('mirrors[4]');
  expect(error).not.toContain('mirrors[0]');

  expect(await rawManifestDigest(dst, 'mirror/app', 'v1')).toBe(v1.digest);
  expect(await rawManifestDigest(dst, 'mirror/app', 'v2')).toBe(v2.digest);
  expect(await rawManifestDigest(dst, 'mirror/multi', 'latest')).toBe(multi.digest);
  expect(await rawManifestDigest(dst, 'mirror/multi', 'arm')).toBe(multi.children[1]);
  expect((await listTags(dst, 'mirror/app')).sort()).toEqual(['pinned', 'v1', 'v2']);
  expect(await rawManifestDigest(dst, 'mirror/app', 'pinned')).not.toBe(
    await rawManifestDigest(src, 'src/app', 'pinned')
  );

  const mirrored = JSON.parse(run.outputs.mirrored) as Array<{
    source: string;
    result: string;
    bytes: number;
    digest?: string;
  }>;
  expect(mirrored.map(m => m.result)).toEqual([
    'copied',
    'copied',
    'copied',
    'copied',
    'failed',
    'failed'
  ]);
  expect(mirrored[0].bytes).toBeGreaterThan(6000);

  // Everything is present now: a second run of the good entries moves nothing.
  const mark = logMark(dst);
  const again = await mirrorRun(
    `- {src_repository: ${src.host}/src/app, tags: [v1, v2], dest_repository: ${dst.host}/mirror/app}`
  );
  expect(again.code).toBe(0);
  expect(JSON.parse(again.outputs.mirrored).map((m: {result: string}) => m.result)).toEqual([
    'skipped',
    'skipped'
  ]);
  expect(writesSince(dst, mark)).toEqual([]);
});

test('a destination outside the credential regex is refused before any write', async () => {
  const mark = logMark(dst);
  const run = await mirrorRun(
    `- {src_repository: ${src.host}/src/app, src_tag: v1, dest_repository: ${dst.host}/elsewhere/app}`
  );
  expect(run.code).toBe(1);
  expect(run.errors[0]).toContain(
    `mirrors[0].dest_repository: "${dst.host}/elsewhere/app" is not allowed`
  );
  expect(writesSince(dst, mark)).toEqual([]);
});

test('dry run writes nothing', async () => {
  const mark = logMark(dst);
  const run = await mirrorRun(
    `- {src_repository: ${src.host}/src/app, src_tag: dev, dest_repository: ${dst.host}/mirror/dry}`,
    {'dry-run': 'true'}
  );
  expect(run.code).toBe(0);
  expect(JSON.parse(run.outputs.mirrored)[0].result).toBe('planned');
  expect(writesSince(dst, mark)).toEqual([]);
});

test('no_clobber refusing a different digest writes nothing to the destination', async () => {
  await pushTestImage(dst, 'mirror/guarded', 'stable', {seed: 'guarded-existing'});
  const source = await pushTestImage(src, 'src/guarded', 'stable', {
    seed: 'guarded-new',
    layers: [64 * 1024]
  });
  const mark = logMark(dst);
  const run = await mirrorRun(
    `- {src_repository: ${src.host}/src/guarded, src_tag: stable, dest_repository: ${dst.host}/mirror/guarded, no_clobber: true}`
  );
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toContain(`refusing to move it to ${source.digest}`);
  expect(writesSince(dst, mark)).toEqual([]);
  const [outcome] = JSON.parse(run.outputs.mirrored) as {result: string; bytes: number}[];
  expect(outcome).toMatchObject({result: 'failed', bytes: 0});
});

test('a tag regex matches tags on every page of a paged tag list', async () => {
  const image = await pushTestImage(src, 'src/paged', 'base', {seed: 'paged'});
  // 260 tags, 100 a page: the matching tags sort onto the third page.
  await putTags(
    src,
    'src/paged',
    image.digest,
    Array.from({length: 258}, (_, i) => `a-${String(i).padStart(3, '0')}`)
  );
  await putTags(src, 'src/paged', image.digest, ['r-1', 'r-2']);
  const proxy = await startPagingProxy({target: src.host});
  try {
    const run = await mirrorRun(
      `- {src_repository: ${proxy.host}/src/paged, tags: "/^r-[0-9]+$/", dest_repository: ${dst.host}/mirror/paged}`
    );
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(proxy.pages).toHaveLength(3);
    expect((await listTags(dst, 'mirror/paged')).sort()).toEqual(['r-1', 'r-2']);
  } finally {
    await proxy.stop();
  }
});

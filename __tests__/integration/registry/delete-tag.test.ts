import {Registry} from '../../../shared/registry/index.js';
import {
  isEmptyIndex,
  isUntagPlaceholder,
  untagPlaceholder
} from '../../../shared/registry/placeholder.js';
import {pushTestIndex, pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {putManifest} from '../../support/raw-registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';

let reg: TestRegistry;
let engine: Registry;
beforeAll(async () => {
  reg = await startRegistry('plain');
  engine = new Registry();
});
afterAll(async () => {
  engine?.close();
  await reg?.stop();
});

const at = (repository: string, tag: string) => ({registry: reg.host, repository, tag});

test('deleting a change tag keeps the final tag that shares its digest', async () => {
  const image = await pushTestImage(reg, 'team/app', 'change_12_abc', {layers: [1000]});
  await engine.retag({registry: reg.host, repository: 'team/app'}, 'change_12_abc', ['latest']);
  expect(await engine.deleteTag(at('team/app', 'change_12_abc'))).toBe('deleted');
  expect(await listTags(reg, 'team/app')).toEqual(['latest']);
  expect(await rawManifestDigest(reg, 'team/app', 'latest')).toBe(image.digest);
  expect(await engine.deleteTag(at('team/app', 'change_12_abc'))).toBe('absent');
});

test('an index tag is deleted without touching its children or the final tag', async () => {
  const index = await pushTestIndex(reg, 'team/multi', 'gate', {
    platforms: ['linux/amd64', 'linux/arm64']
  });
  await engine.retag({registry: reg.host, repository: 'team/multi'}, 'gate', ['v1']);
  expect(await engine.deleteTag(at('team/multi', 'gate'))).toBe('deleted');
  expect(await listTags(reg, 'team/multi')).toEqual(['v1']);
  expect(await rawManifestDigest(reg, 'team/multi', 'v1')).toBe(index.digest);
  for (const child of index.children)
    expect(await rawManifestDigest(reg, 'team/multi', child)).toBe(child);
});

test('the placeholder is unique per call, references no blob and is marked as one', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const one = untagPlaceholder('t', now);
  const two = untagPlaceholder('t', now);
  expect(one.digest).not.toBe(two.digest);
  expect(JSON.parse(one.bytes.toString())).toMatchObject({
    manifests: [],
    schemaVersion: 2,
    annotations: {'dev.imagegate.placeholder': 'untag'}
  });
  expect(isUntagPlaceholder(one)).toBe(true);
  expect(isEmptyIndex(one)).toBe(true);
  // An empty index someone else pushed is empty, but not ours to finish deleting.
  const foreign = {mediaType: one.mediaType, parsed: {schemaVersion: 2 as const, manifests: []}};
  expect(isUntagPlaceholder(foreign)).toBe(false);
  expect(isEmptyIndex(foreign)).toBe(true);
});

test('a plain registry knows no tag age: the image created time is its build date', async () => {
  await pushTestImage(reg, 'team/aged', 'v1', {created: '2026-01-01T00:00:00Z'});
  expect(engine.knowsTagTimes(reg.host)).toBe(false);
  expect(await engine.tagAge(at('team/aged', 'v1'))).toBeUndefined();
  expect(await engine.tagAge(at('team/aged', 'nope'))).toBeUndefined();
});

test('a tag left on a placeholder (an untag that did not finish) is deleted by its digest', async () => {
  const image = await pushTestImage(reg, 'team/half', 'change_3_x', {seed: 'half'});
  await engine.retag({registry: reg.host, repository: 'team/half'}, 'change_3_x', ['latest']);
  const placeholder = untagPlaceholder('change_3_x', new Date());
  await putManifest(reg, 'team/half', 'change_3_x', placeholder.mediaType, placeholder.bytes);
  expect((await engine.inspect(at('team/half', 'change_3_x')))?.kind).toBe('placeholder');
  const mark = logMark(reg);
  expect(await engine.deleteTag(at('team/half', 'change_3_x'))).toBe('deleted');
  expect(writesSince(reg, mark)).toEqual([
    `DELETE /v2/team/half/manifests/${placeholder.digest} 202`
  ]);
  expect(await listTags(reg, 'team/half')).toEqual(['latest']);
  expect(await rawManifestDigest(reg, 'team/half', 'latest')).toBe(image.digest);
});

test('retag refuses an index with no manifests', async () => {
  const placeholder = untagPlaceholder('gone', new Date());
  await putManifest(reg, 'team/empty', 'gone', placeholder.mediaType, placeholder.bytes);
  await expect(
    engine.retag({registry: reg.host, repository: 'team/empty'}, 'gone', ['latest'])
  ).rejects.toThrow(/is an index with no manifests; refusing to tag it/);
  expect(await listTags(reg, 'team/empty')).toEqual(['gone']);
});

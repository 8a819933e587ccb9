import {Registry} from '../../shared/registry/index.js';
import {untagPlaceholder} from '../../shared/registry/adapters/oci.js';
import {pushTestIndex, pushTestImage} from '../support/images.js';
import {startRegistry, type TestRegistry} from '../support/registry.js';
import {listTags, rawManifestDigest} from '../support/skopeo.js';

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

test('the placeholder is unique per call and references no blob', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const one = untagPlaceholder('t', now);
  const two = untagPlaceholder('t', now);
  expect(one.digest).not.toBe(two.digest);
  expect(JSON.parse(one.bytes.toString())).toMatchObject({manifests: [], schemaVersion: 2});
});

test('tagAge falls back to the image created time on a plain registry', async () => {
  await pushTestImage(reg, 'team/aged', 'v1', {created: '2026-01-01T00:00:00Z'});
  const aged = new Registry({
    clock: {
      now: () => Date.parse('2026-01-02T00:00:00Z'),
      sleep: async () => undefined,
      random: () => 0
    }
  });
  try {
    expect(await aged.tagAge(at('team/aged', 'v1'))).toEqual({
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      ageMs: 86_400_000,
      source: 'oci'
    });
    expect(await aged.tagAge(at('team/aged', 'nope'))).toBeUndefined();
  } finally {
    aged.close();
  }
});

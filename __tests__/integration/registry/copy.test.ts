import {readFile} from 'node:fs/promises';
import {Registry} from '../../../shared/registry/index.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';

let a: TestRegistry;
let b: TestRegistry;
let engine: Registry;

beforeAll(async () => {
  [a, b] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
  engine = new Registry();
});
afterAll(async () => {
  engine?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

const repo = (reg: TestRegistry, repository: string) => ({registry: reg.host, repository});

/** Access-log lines of a registry matching `pattern`, counted from `since` (a log length). */
async function logLines(reg: TestRegistry, pattern: RegExp, since = 0): Promise<string[]> {
  const log = (await readFile(reg.logFile, 'utf8')).slice(since);
  return log.split('\n').filter(l => pattern.test(l));
}
const logSize = async (reg: TestRegistry) => (await readFile(reg.logFile, 'utf8')).length;

describe('copy between plain registries', () => {
  test.each(['oci', 'v2s2'] as const)(
    '%s image keeps its digest, several tags in one call',
    async format => {
      const src = await pushTestImage(a, `src/${format}`, 'v1', {
        layers: [2048, 4096, 100],
        format
      });
      const result = await engine.copy(
        {...repo(a, `src/${format}`), tag: 'v1'},
        repo(b, `dst/${format}`),
        ['one', 'two']
      );
      expect(result.digest).toBe(src.digest);
      expect(result.tags).toEqual([
        {tag: 'one', status: 'written'},
        {tag: 'two', status: 'written'}
      ]);
      expect(result.blobs).toEqual({copied: 4, mounted: 0, skipped: 0});
      expect(await rawManifestDigest(b, `dst/${format}`, 'one')).toBe(src.digest);
      expect(await rawManifestDigest(b, `dst/${format}`, 'two')).toBe(src.digest);

      const again = await engine.copy(
        {...repo(a, `src/${format}`), tag: 'v1'},
        repo(b, `dst/${format}`),
        ['one', 'two']
      );
      expect(again.tags.map(t => t.status)).toEqual(['skipped', 'skipped']);
      expect(again.bytes).toBe(0);
    }
  );

  test('two-platform index: all platforms, then a filter', async () => {
    const src = await pushTestIndex(a, 'src/multi', 'v1', {
      platforms: ['linux/amd64', 'linux/arm64']
    });
    const all = await engine.copy({...repo(a, 'src/multi'), tag: 'v1'}, repo(b, 'dst/multi'), [
      'all'
    ]);
    expect(all.digest).toBe(src.digest);
    expect(all.manifests).toBe(2);
    expect(await rawManifestDigest(b, 'dst/multi', 'all')).toBe(src.digest);
    for (const child of src.children)
      expect(await rawManifestDigest(b, 'dst/multi', child)).toBe(child);

    const arm = await engine.copy(
      {...repo(a, 'src/multi'), tag: 'v1'},
      repo(b, 'dst/arm'),
      ['arm'],
      {
        platforms: ['linux/arm64']
      }
    );
    expect(arm.digest).toBe(src.children[1]);
    expect(await rawManifestDigest(b, 'dst/arm', 'arm')).toBe(src.children[1]);
  });

  test('a filter keeping two of three platforms writes a reduced index', async () => {
    const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7'];
    const src = await pushTestIndex(a, 'src/three', 'v1', {platforms});
    const result = await engine.copy(
      {...repo(a, 'src/three'), tag: 'v1'},
      repo(b, 'dst/three'),
      ['two'],
      {
        platforms: ['linux/amd64', 'linux/arm']
      }
    );
    expect(result.digest).not.toBe(src.digest);
    expect(await rawManifestDigest(b, 'dst/three', 'two')).toBe(result.digest);
    expect(await rawManifestDigest(b, 'dst/three', src.children[2])).toBe(src.children[2]);
    await expect(rawManifestDigest(b, 'dst/three', src.children[1])).rejects.toThrow();
  });

  test('within one registry blobs are mounted, not uploaded', async () => {
    const src = await pushTestImage(a, 'src/mount', 'v1', {layers: [1000, 2000]});
    const since = await logSize(a);
    const result = await engine.copy({...repo(a, 'src/mount'), tag: 'v1'}, repo(a, 'other/mount'), [
      'm'
    ]);
    expect(result.blobs).toEqual({copied: 0, mounted: 3, skipped: 0});
    expect(await rawManifestDigest(a, 'other/mount', 'm')).toBe(src.digest);
    expect(await logLines(a, /"(PUT|PATCH) \/v2\/[^ ]*\/blobs\/uploads/, since)).toEqual([]);
  });

  test('retag writes one manifest per tag and moves no blob bytes', async () => {
    const src = await pushTestImage(a, 'src/retag', 'v1', {layers: [1000]});
    const since = await logSize(a);
    const result = await engine.retag(repo(a, 'src/retag'), 'v1', ['x', 'y', 'z']);
    expect(result.digest).toBe(src.digest);
    const lines = await logLines(a, /"(GET|HEAD|PUT|POST|PATCH|DELETE) \/v2\//, since);
    expect(lines.filter(l => /blobs/.test(l))).toEqual([]);
    expect(lines.filter(l => /"PUT /.test(l))).toHaveLength(3);
    expect(lines.filter(l => /"GET \/v2\/src/.test(l))).toHaveLength(1);
    expect((await listTags(a, 'src/retag')).sort()).toEqual(['v1', 'x', 'y', 'z']);
    for (const t of ['x', 'y', 'z'])
      expect(await rawManifestDigest(a, 'src/retag', t)).toBe(src.digest);
  });

  test('chunked upload (PATCH per chunk) keeps the digest', async () => {
    const src = await pushTestImage(a, 'src/chunked', 'v1', {layers: [300_000]});
    const chunky = new Registry({chunkSize: 64 * 1024});
    const since = await logSize(b);
    try {
      const result = await chunky.copy(
        {...repo(a, 'src/chunked'), tag: 'v1'},
        repo(b, 'dst/chunked'),
        []
      );
      expect(result).toMatchObject({digest: src.digest, tags: []});
      expect(result.blobs.copied).toBe(2);
      const again = await chunky.copy(
        {...repo(a, 'src/chunked'), tag: 'v1'},
        repo(b, 'dst/chunked'),
        []
      );
      expect(again.blobs).toEqual({copied: 0, mounted: 0, skipped: 0});
    } finally {
      chunky.close();
    }
    expect(
      (await logLines(b, /"PATCH \/v2\/dst\/chunked\/blobs\/uploads/, since)).length
    ).toBeGreaterThanOrEqual(5);
    expect(await rawManifestDigest(b, 'dst/chunked', src.digest)).toBe(src.digest);
  });

  test('resolve, imageConfig and listTags', async () => {
    const labels = {'org.opencontainers.image.revision': 'abc123'};
    const src = await pushTestImage(a, 'src/config', 'v1', {
      labels,
      created: '2025-02-03T04:05:06Z'
    });
    expect(await engine.resolve({...repo(a, 'src/config'), tag: 'v1'})).toMatchObject({
      digest: src.digest
    });
    expect(await engine.resolve({...repo(a, 'src/config'), tag: 'nope'})).toBeUndefined();
    const config = await engine.imageConfig({...repo(a, 'src/config'), tag: 'v1'});
    expect(config.labels).toEqual(labels);
    expect(config.created?.toISOString()).toBe('2025-02-03T04:05:06.000Z');
    expect(await engine.listTags(repo(a, 'src/config'))).toEqual(['v1']);
    expect(await engine.listTags(repo(a, 'no/such'))).toEqual([]);
  });
});

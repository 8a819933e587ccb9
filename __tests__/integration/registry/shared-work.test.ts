/**
 * Work the engine shares across the copies and deletes of one run: a blob several images share
 * is uploaded once per registry and mounted everywhere else, and what a registry supports (tag
 * DELETE, a blob upload in one POST) is asked once and remembered. The registry's access log
 * (and the token issuer's) prove what was sent.
 */
import {Registry} from '../../../shared/registry/index.js';
import {pushTestImage} from '../../support/images.js';
import {requestsSince, logMark} from '../../support/registry-log.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {readFileSync} from 'node:fs';

let src: TestRegistry;
let plain: TestRegistry;
let token: TestRegistry;

beforeAll(async () => {
  [src, plain, token] = await Promise.all([
    startRegistry('plain'),
    startRegistry('plain'),
    startRegistry('token')
  ]);
});
afterAll(async () => {
  await Promise.all([src?.stop(), plain?.stop(), token?.stop()]);
});

const repo = (reg: TestRegistry, repository: string) => ({registry: reg.host, repository});
const hex = (digest: string) => digest.slice('sha256:'.length);

/** Full access-log lines since `mark`, query strings kept. */
function rawRequests(reg: TestRegistry, mark: number): string[] {
  const text = readFileSync(reg.logFile).subarray(mark).toString('utf8');
  return [
    ...text.matchAll(/"(GET|HEAD|PUT|POST|PATCH|DELETE) ([^ "]+) HTTP\/[0-9.]+" ([0-9]{3})/g)
  ].map(m => `${m[1]} ${m[2]} ${m[3]}`);
}

/** Four images on `src` that share a 200 KB base layer and differ in a small top layer. */
async function sharedBase(prefix: string) {
  const images = await Promise.all(
    [0, 1, 2, 3].map(k =>
      pushTestImage(src, `${prefix}/app${k}`, 'v1', {
        layers: [200_000, 3000],
        layerSeeds: ['shared-base'],
        seed: `${prefix}-${k}`
      })
    )
  );
  const base = images[0].layers[0];
  expect(images.every(i => i.layers[0] === base)).toBe(true);
  return {images, base};
}

test('copies of images sharing a base upload it once per registry and mount it elsewhere', async () => {
  const {images, base} = await sharedBase('shared');
  const engine = new Registry();
  try {
    const mark = logMark(plain);
    const results = await Promise.all(
      images.map((_, k) =>
        engine.copy({...repo(src, `shared/app${k}`), tag: 'v1'}, repo(plain, `mirror/app${k}`), [
          'v1'
        ])
      )
    );
    for (const [k, image] of images.entries()) {
      expect(results[k].digest).toBe(image.digest);
      expect(await rawManifestDigest(plain, `mirror/app${k}`, 'v1')).toBe(image.digest);
    }
    const requests = rawRequests(plain, mark);
    const uploads = requests.filter(
      r => /^(PUT|POST) .*digest=sha256(%3A|:)/.test(r) && r.includes(hex(base)) && / 201$/.test(r)
    );
    const mounts = requests.filter(
      r => r.includes(`mount=sha256%3A${hex(base)}`) && / 201$/.test(r)
    );
    expect(uploads).toHaveLength(1);
    expect(mounts).toHaveLength(3);
    expect(results.reduce((n, r) => n + r.blobs.mounted, 0)).toBe(3);
  } finally {
    engine.close();
  }
});

test('a mount from another repository asks for a token that can read it, on that registry only', async () => {
  const {images, base} = await sharedBase('tokened');
  // The images come from another registry; the destination needs a token.
  const engine = new Registry({
    credentials: host =>
      host === token.host ? {username: token.username!, password: token.password!} : undefined
  });
  try {
    const issued = token.tokenIssuer!.requests.length;
    const mark = logMark(token);
    await Promise.all(
      images.map((_, k) =>
        engine.copy({...repo(src, `tokened/app${k}`), tag: 'v1'}, repo(token, `team/app${k}`), [
          'v1'
        ])
      )
    );
    const mounts = rawRequests(token, mark).filter(
      r => r.includes(`mount=sha256%3A${hex(base)}`) && / 201$/.test(r)
    );
    expect(mounts).toHaveLength(3);
    // Each mount's token reads exactly the repository the blob went to first, and no other.
    const first = /from=([^& ]+)/.exec(mounts[0])![1].replace(/%2F/gi, '/');
    const scopes = token.tokenIssuer!.requests.slice(issued).map(r => [...r.scopes].sort());
    for (const k of [0, 1, 2, 3]) {
      if (`team/app${k}` === first) continue;
      expect(scopes).toContainEqual(
        [`repository:${first}:pull`, `repository:team/app${k}:pull,push`].sort()
      );
    }
    expect(scopes.flat().every(s => /^repository:team\/app[0-3]:/.test(s))).toBe(true);
  } finally {
    engine.close();
  }
});

test('whether the registry deletes tags is asked once, even by deletes running together', async () => {
  const image = await pushTestImage(src, 'untag/app', 'latest', {seed: 'untag'});
  const tags = ['change_1_a', 'change_1_b', 'change_1_c', 'change_1_d'];
  const engine = new Registry();
  try {
    await engine.retag(repo(src, 'untag/app'), 'latest', tags);
    const mark = logMark(src);
    const outcomes = await Promise.all(
      tags.map(tag => engine.deleteTag({...repo(src, 'untag/app'), tag}))
    );
    expect(outcomes).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    const byTag = requestsSince(src, mark).filter(r => /^DELETE .*\/manifests\/change_/.test(r));
    // distribution answers 400: asked once, then every delete goes by placeholder.
    expect(byTag).toHaveLength(1);
    expect(byTag[0]).toMatch(/ 400$/);
    expect(await listTags(src, 'untag/app')).toEqual(['latest']);
    expect(await rawManifestDigest(src, 'untag/app', 'latest')).toBe(image.digest);
  } finally {
    engine.close();
  }
});

test('several tags of one repository go with one placeholder and one DELETE', async () => {
  const image = await pushTestImage(src, 'batch/app', 'latest', {seed: 'batch'});
  const tags = ['change_7_a', 'change_7_b', 'change_7_c'];
  const engine = new Registry();
  try {
    await engine.retag(repo(src, 'batch/app'), 'latest', tags);
    // Warm up: the registry has been asked whether it deletes tags.
    await engine.deleteTag({...repo(src, 'batch/app'), tag: 'change_7_a'});
    const mark = logMark(src);
    expect(await engine.deleteTags(repo(src, 'batch/app'), [...tags, 'never_there'])).toEqual([
      'absent',
      'deleted',
      'deleted',
      'absent'
    ]);
    const writes = requestsSince(src, mark).filter(r => !/^(GET|HEAD) /.test(r));
    expect(writes.filter(r => r.startsWith('PUT '))).toHaveLength(2);
    expect(writes.filter(r => /^DELETE .*\/manifests\/sha256:/.test(r))).toHaveLength(1);
    expect(await listTags(src, 'batch/app')).toEqual(['latest']);
    expect(await rawManifestDigest(src, 'batch/app', 'latest')).toBe(image.digest);
  } finally {
    engine.close();
  }
});

test('untags running together in one repository leave no tag behind', async () => {
  // distribution deletes a manifest by walking the repository's tags; a tag written during
  // the walk fails it (500) half way, and the tags not reached stay, naming nothing.
  await pushTestImage(src, 'race/app', 'latest', {seed: 'race'});
  const engine = new Registry({retry: {attempts: 1}});
  try {
    for (let round = 1; round <= 10; round++) {
      const tags = [0, 1, 2, 3, 4, 5].map(i => `change_${round}_${i}`);
      await engine.retag(repo(src, 'race/app'), 'latest', tags);
      const outcomes = await Promise.allSettled(
        tags.map(tag => engine.deleteTag({...repo(src, 'race/app'), tag}))
      );
      expect(outcomes.filter(o => o.status === 'rejected')).toEqual([]);
      expect(await listTags(src, 'race/app')).toEqual(['latest']);
    }
  } finally {
    engine.close();
  }
});

test('a blob upload in one POST is tried once per registry; distribution then gets POST and PUT', async () => {
  const image = await pushTestImage(src, 'small/app', 'v1', {
    layers: [1000, 2000, 3000],
    seed: 'small'
  });
  const engine = new Registry();
  try {
    const mark = logMark(plain);
    const copied = await engine.copy(
      {...repo(src, 'small/app'), tag: 'v1'},
      repo(plain, 'small/app'),
      ['v1']
    );
    expect(copied.blobs.copied).toBe(4);
    const requests = rawRequests(plain, mark);
    const oneRequest = requests.filter(r => /^POST .*\/blobs\/uploads\/\?digest=/.test(r));
    expect(oneRequest).toHaveLength(1);
    // distribution ignores the bytes and opens a session: that blob and the rest go by PUT.
    expect(oneRequest[0]).toMatch(/ 202$/);
    expect(requests.filter(r => /^PUT .*\/blobs\/uploads\/.*digest=/.test(r))).toHaveLength(4);
    expect(await rawManifestDigest(plain, 'small/app', 'v1')).toBe(image.digest);
  } finally {
    engine.close();
  }
});

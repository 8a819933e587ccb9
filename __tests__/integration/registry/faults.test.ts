import {Registry, RegistryError} from '../../../shared/registry/index.js';
import {startFaultProxy, type FaultProxy} from '../../support/fault-proxy.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';

let a: TestRegistry;
let b: TestRegistry;
let proxyA: FaultProxy;
let proxyB: FaultProxy;

// Fast retries: the schedule matters, not the wall-clock wait.
const retry = {attempts: 12, baseDelayMs: 2, maxDelayMs: 20};

beforeAll(async () => {
  [a, b] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
  [proxyA, proxyB] = await Promise.all([
    startFaultProxy({target: a.host, seed: 1, rate: 0, retryAfterSeconds: 0, slowMs: 50}),
    startFaultProxy({target: b.host, seed: 2, rate: 0, retryAfterSeconds: 0, slowMs: 50})
  ]);
});
afterAll(async () => {
  await Promise.all([proxyA?.stop(), proxyB?.stop()]);
  await Promise.all([a?.stop(), b?.stop()]);
});

const at = (host: string, repository: string) => ({registry: host, repository});

test('at a 20 % fault rate copy and retag finish with identical digests', async () => {
  const image = await pushTestImage(a, 'src/img', 'v1', {layers: [300_000, 200_000, 5000, 100]});
  const index = await pushTestIndex(a, 'src/idx', 'v1', {
    platforms: ['linux/amd64', 'linux/arm64']
  });
  proxyA.setRate(0.2);
  proxyB.setRate(0.2);
  const engine = new Registry({retry, plainHttp: [proxyA.host, proxyB.host]});
  try {
    const copied = await engine.copy(
      {...at(proxyA.host, 'src/img'), tag: 'v1'},
      at(proxyB.host, 'dst/img'),
      ['a', 'b']
    );
    expect(copied.digest).toBe(image.digest);
    const multi = await engine.copy(
      {...at(proxyA.host, 'src/idx'), tag: 'v1'},
      at(proxyB.host, 'dst/idx'),
      ['a']
    );
    expect(multi.digest).toBe(index.digest);
    const retagged = await engine.retag(at(proxyB.host, 'dst/img'), 'a', ['c', 'd', 'e']);
    expect(retagged.digest).toBe(image.digest);
  } finally {
    engine.close();
    proxyA.setRate(0);
    proxyB.setRate(0);
  }
  const faults = [...proxyA.requests, ...proxyB.requests].filter(r => r.fault);
  expect(new Set(faults.map(f => f.fault))).toEqual(
    new Set(['5xx', '429', 'reset', 'truncate', 'slow'])
  );
  for (const tag of ['a', 'b', 'c', 'd', 'e'])
    expect(await rawManifestDigest(b, 'dst/img', tag)).toBe(image.digest);
  expect(await rawManifestDigest(b, 'dst/idx', 'a')).toBe(index.digest);
});

test('at a 100 % fault rate copy and retag fail naming the operation, and write no tag', async () => {
  await pushTestImage(a, 'src/doomed', 'v1', {layers: [1000]});
  const engine = new Registry({retry: {attempts: 3, baseDelayMs: 1, maxDelayMs: 2}});
  // Every request fails ("slow" would still succeed, so it is left out here).
  const failing = await startFaultProxy({
    target: b.host,
    seed: 5,
    rate: 1,
    faults: ['5xx', '429', 'reset', 'truncate']
  });
  try {
    const copyError = await engine
      .copy({...at(a.host, 'src/doomed'), tag: 'v1'}, at(failing.host, 'dst/doomed'), ['x'])
      .catch(e => e);
    expect(copyError).toBeInstanceOf(RegistryError);
    expect(copyError.message).toMatch(/^copying .*src\/doomed:v1 to .*dst\/doomed: \S.* failed/);
    expect(copyError.operation).toMatch(/manifest|blob|ping/);
    const retagError = await engine
      .retag(at(failing.host, 'dst/img'), 'a', ['never'])
      .catch(e => e);
    expect(retagError).toBeInstanceOf(RegistryError);
    expect(retagError.message).toMatch(/^tagging .*dst\/img:a as never: \S.* failed/);
  } finally {
    engine.close();
    await failing.stop();
  }
  await expect(listTags(b, 'dst/doomed')).rejects.toThrow();
  expect(await listTags(b, 'dst/img')).not.toContain('never');
});

test('faults only on blob uploads: the error names the upload, no tag is written', async () => {
  await pushTestImage(a, 'src/up', 'v1', {layers: [1000]});
  const proxy = await startFaultProxy({
    target: b.host,
    seed: 3,
    rate: 1,
    faults: ['5xx', 'reset'],
    match: (method, path) => method !== 'HEAD' && path.includes('/blobs/uploads')
  });
  const engine = new Registry({retry: {attempts: 2, baseDelayMs: 1}, plainHttp: [proxy.host]});
  try {
    const error = await engine
      .copy({...at(a.host, 'src/up'), tag: 'v1'}, at(proxy.host, 'dst/up'), ['x'])
      .catch(e => e);
    expect(error).toMatchObject({
      name: 'RegistryError',
      operation: expect.stringMatching(/blob upload|upload blob/)
    });
  } finally {
    engine.close();
    await proxy.stop();
  }
  await expect(listTags(b, 'dst/up')).rejects.toThrow();
});

test('429 with Retry-After is honoured', async () => {
  const proxy = await startFaultProxy({
    target: b.host,
    seed: 4,
    rate: 1,
    faults: ['429'],
    retryAfterSeconds: 1,
    match: (_method, path) => path !== '/v2/'
  });
  const sleeps: number[] = [];
  const engine = new Registry({
    retry: {attempts: 2},
    plainHttp: [proxy.host],
    clock: {now: () => Date.now(), random: () => 0.5, sleep: async ms => void sleeps.push(ms)}
  });
  try {
    const error = await engine.resolve({...at(proxy.host, 'dst/img'), tag: 'a'}).catch(e => e);
    expect(error).toMatchObject({status: 429, temporary: true});
    expect(sleeps).toEqual([1000]);
  } finally {
    engine.close();
    await proxy.stop();
  }
});

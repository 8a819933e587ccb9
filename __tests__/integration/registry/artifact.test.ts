import {Registry} from '../../../shared/registry/index.js';
import {pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {rawManifest} from '../../support/skopeo.js';

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

const TYPE = 'application/vnd.imagegate.test.v1+json';

test('an artifact round-trips and the latest write wins', async () => {
  const ref = {registry: reg.host, repository: 'imagegate/changes', tag: 'org.repo.pr-1'};
  expect(await engine.getArtifact(ref, TYPE, 1000)).toBeUndefined();
  const first = await engine.putArtifact(ref, {
    artifactType: TYPE,
    payload: Buffer.from('{"n":1}'),
    annotations: {a: 'b'}
  });
  const second = await engine.putArtifact(ref, {
    artifactType: TYPE,
    payload: Buffer.from('{"n":2}')
  });
  expect(first).not.toBe(second);
  expect((await engine.getArtifact(ref, TYPE, 1000))?.toString()).toBe('{"n":2}');
  const stored = JSON.parse((await rawManifest(reg, ref.repository, ref.tag)).toString());
  expect(stored).toMatchObject({
    artifactType: TYPE,
    config: {mediaType: 'application/vnd.oci.empty.v1+json', size: 2}
  });
  await expect(engine.getArtifact(ref, TYPE, 3)).rejects.toThrow(/exceeds 3/);
});

test('reading an image as an artifact fails with a typed error', async () => {
  await pushTestImage(reg, 'imagegate/changes', 'image', {layers: [10]});
  const ref = {registry: reg.host, repository: 'imagegate/changes', tag: 'image'};
  await expect(engine.getArtifact(ref, TYPE, 1000)).rejects.toMatchObject({
    name: 'RegistryError',
    message: expect.stringMatching(/is not a application\/vnd.imagegate.test.v1\+json artifact/)
  });
});

import {readFile} from 'node:fs/promises';
import {pullScope, pushScope} from '../../../shared/registry/auth.js';
import {copyBlob} from '../../../shared/registry/blob-copy.js';
import {HttpClient} from '../../../shared/registry/http.js';
import {Repository} from '../../../shared/registry/repository.js';
import {DEFAULT_RETRY_POLICY, systemClock} from '../../../shared/registry/retry.js';
import {Transport} from '../../../shared/registry/transport.js';
import {USER_AGENT} from '../../../shared/registry/version.js';
import {pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';

let reg: TestRegistry;
let http: HttpClient;
let transport: Transport;
const logger = {debug: () => undefined, info: () => undefined, warning: () => undefined};
const options = {
  retry: {...DEFAULT_RETRY_POLICY, attempts: 2},
  clock: systemClock,
  logger
};

beforeAll(async () => {
  reg = await startRegistry('plain');
  http = new HttpClient();
  transport = new Transport({
    registry: reg.host,
    http,
    clock: systemClock,
    retry: DEFAULT_RETRY_POLICY,
    logger,
    userAgent: USER_AGENT
  });
});
afterAll(async () => {
  http?.close();
  await reg?.stop();
});

const repository = (name: string, scopes: string[]) =>
  new Repository(transport, reg.host, name, scopes);

test('a refused mount (202) falls back to uploading into the session it opened', async () => {
  const image = await pushTestImage(reg, 'src/a', 'v1', {layers: [5000]});
  const layer = image.layers[0];
  const size = (
    await readFile(
      `${reg.dataDir}/docker/registry/v2/blobs/sha256/${layer.slice(7, 9)}/${layer.slice(7)}/data`
    )
  ).length;
  const source = repository('src/a', [pullScope('src/a')]);
  // The mount source is a repository that does not hold the blob, so the registry declines.
  const stranger = repository('src/empty', [pullScope('src/empty')]);
  const dest = repository('dst/a', [pushScope('dst/a'), pullScope('src/empty')]);
  const blob = {mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layer, size};
  const mountFrom = {...options, mountFrom: stranger.name};
  expect(await copyBlob(source, dest, blob, mountFrom)).toBe('copied');
  expect(await dest.hasBlob(layer)).toBe(true);
  expect(await copyBlob(source, dest, blob, mountFrom)).toBe('skipped');
  const log = await readFile(reg.logFile, 'utf8');
  expect(log).toMatch(
    /"POST \/v2\/dst\/a\/blobs\/uploads\/\?mount=sha256%3A[0-9a-f]+&from=src%2Fempty HTTP\/1.1" 202/
  );
});

test('a source shorter than its descriptor is refused, retried, and never written', async () => {
  const image = await pushTestImage(reg, 'src/b', 'v1', {layers: [3000]});
  const source = repository('src/b', [pullScope('src/b')]);
  const dest = repository('dst/b', [pushScope('dst/b')]);
  // Claim the config is one byte longer than it is: the stream check must refuse it.
  const config = await source.readBlob(image.config, 1 << 20);
  const wrong = {mediaType: 'x', digest: image.config, size: config.length + 1};
  const error = await copyBlob(source, dest, wrong, options).catch(e => e);
  // A small blob is read and checked before the destination is touched.
  expect(error).toMatchObject({name: 'DigestMismatchError', temporary: true});
  expect(error.message).toMatch(/\d+ of \d+ bytes/);
  expect(await dest.hasBlob(image.config)).toBe(false);
});

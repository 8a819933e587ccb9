/**
 * Smoke test of the real-parts test environment: each registry flavour comes up, takes a
 * push from skopeo and gives the same bytes back; auth is really enforced.
 */
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {MEDIA_TYPES, pushTestImage, pushTestIndex} from '../support/images.js';
import {startRegistry, type RegistryFlavour, type TestRegistry} from '../support/registry.js';
import {makeRunTempDir} from '../support/run-dir.js';
import {listTags, rawManifestDigest, skopeo} from '../support/skopeo.js';

const flavours: RegistryFlavour[] = ['plain', 'tls', 'token'];

describe.each(flavours)('%s registry', flavour => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry(flavour);
  });
  afterAll(async () => {
    await reg?.stop();
  });

  test('pushes an image with skopeo and serves the same bytes back', async () => {
    const labels = {'org.example.flavour': flavour};
    const pushed = await pushTestImage(reg, 'smoke/app', 'v1', {layers: [1000, 70_000], labels});
    expect(pushed.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(pushed.layers).toHaveLength(2);
    expect(await rawManifestDigest(reg, 'smoke/app', 'v1')).toBe(pushed.digest);
    expect(await rawManifestDigest(reg, 'smoke/app', pushed.digest)).toBe(pushed.digest);
    expect(await listTags(reg, 'smoke/app')).toEqual(['v1']);

    // Pull it back into an OCI layout: same manifest digest, labels intact.
    const dir = makeRunTempDir('pulled');
    const src = `docker://${reg.host}/smoke/app:v1`;
    await skopeo(['copy', '--quiet', ...reg.skopeoArgs('src'), src, `oci:${dir}:pulled`]);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
      manifests: Array<{digest: string}>;
    };
    expect(index.manifests.map(m => m.digest)).toEqual([pushed.digest]);
    const {stdout} = await skopeo(['inspect', ...reg.skopeoArgs('plain'), src]);
    expect((JSON.parse(stdout) as {Labels: Record<string, string>}).Labels).toEqual(labels);
  });

  test('pushes a v2s2 image, a two-platform OCI index and a docker manifest list', async () => {
    const v2 = await pushTestImage(reg, 'smoke/v2', '1', {format: 'v2s2', seed: flavour});
    expect(v2.mediaType).toBe(MEDIA_TYPES.dockerManifest);
    expect(await rawManifestDigest(reg, 'smoke/v2', '1')).toBe(v2.digest);

    const platforms = ['linux/amd64', 'linux/arm64'];
    const idx = await pushTestIndex(reg, 'smoke/multi', '1', {platforms});
    expect(idx.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(idx.children).toHaveLength(2);
    expect(await rawManifestDigest(reg, 'smoke/multi', '1')).toBe(idx.digest);
    for (const child of idx.children) {
      expect(await rawManifestDigest(reg, 'smoke/multi', child)).toBe(child);
    }

    const list = await pushTestIndex(reg, 'smoke/list', '1', {platforms, format: 'v2s2'});
    expect(list.mediaType).toBe(MEDIA_TYPES.dockerList);
    expect(await rawManifestDigest(reg, 'smoke/list', '1')).toBe(list.digest);
  });
});

describe('seeded images', () => {
  test('the same seed gives the same digest in another registry', async () => {
    const [a, b] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
    try {
      const opts = {seed: 'fixed', layers: [4096], labels: {x: 'y'}};
      const [da, db] = await Promise.all([
        pushTestImage(a, 'seed/app', '1', opts),
        pushTestImage(b, 'other/app', '2', opts)
      ]);
      expect(da.digest).toBe(db.digest);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('tls registry auth', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry('tls');
  });
  afterAll(async () => {
    await reg?.stop();
  });

  test('refuses a push without credentials or with a wrong password', async () => {
    await expect(pushTestImage(withArgs(reg, {creds: false}), 'nocreds/app', '1')).rejects.toThrow(
      /authentication required|unauthorized/i
    );
    await expect(
      pushTestImage(withArgs(reg, {creds: `${reg.username}:wrong`}), 'badcreds/app', '1')
    ).rejects.toThrow(/unauthorized|authentication required/i);
  });

  test('is not trusted without the CA', async () => {
    const src = `docker://${reg.host}/any/app:1`;
    await expect(skopeo(['inspect', '--creds', 'x:y', src])).rejects.toThrow(
      /certificate signed by unknown authority/
    );
  });
});

describe('token registry auth', () => {
  test('refuses an anonymous push; the issuer saw a pull,push scope request', async () => {
    const reg = await startRegistry('token');
    try {
      await expect(pushTestImage(withArgs(reg, {creds: false}), 'anon/app', '1')).rejects.toThrow(
        /unauthorized|authentication required|denied/i
      );
      const requests = reg.tokenIssuer!.requests;
      expect(requests).toContainEqual(
        expect.objectContaining({scopes: ['repository:anon/app:pull,push'], user: undefined})
      );
      expect(requests.every(r => r.user === undefined)).toBe(true);

      requests.length = 0;
      await pushTestImage(reg, 'authed/app', '1');
      expect(requests).toContainEqual(
        expect.objectContaining({scopes: ['repository:authed/app:pull,push'], user: reg.username})
      );
      // Anonymous pull is off by default.
      await expect(
        skopeo([
          'inspect',
          ...reg.skopeoArgs('plain', {creds: false}),
          `docker://${reg.host}/authed/app:1`
        ])
      ).rejects.toThrow(/unauthorized|authentication required|denied/i);
    } finally {
      await reg.stop();
    }
  });

  test('anonymousPull: true lets anonymous clients pull but not push', async () => {
    const reg = await startRegistry('token', {anonymousPull: true});
    try {
      const {digest} = await pushTestImage(reg, 'pub/app', '1');
      const anon = withArgs(reg, {creds: false});
      expect(await rawManifestDigest(anon, 'pub/app', '1')).toBe(digest);
      await expect(pushTestImage(anon, 'pub/app', '2')).rejects.toThrow(
        /unauthorized|authentication required|denied/i
      );
    } finally {
      await reg.stop();
    }
  });
});

/** The same registry, with skopeo args that use other (or no) credentials. */
function withArgs(reg: TestRegistry, opts: {creds: false | string}): TestRegistry {
  return {...reg, skopeoArgs: side => reg.skopeoArgs(side, opts)};
}

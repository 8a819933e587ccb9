import {readFile} from 'node:fs/promises';
import {Registry, RegistryError} from '../../../shared/registry/index.js';
import {pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {rawManifestDigest} from '../../support/skopeo.js';

const repo = (reg: TestRegistry, repository: string) => ({registry: reg.host, repository});
const creds =
  (...regs: TestRegistry[]) =>
  (host: string) => {
    const reg = regs.find(r => r.host === host);
    return reg?.username ? {username: reg.username, password: reg.password!} : undefined;
  };

describe('TLS + htpasswd', () => {
  let plain: TestRegistry;
  let tls: TestRegistry;
  beforeAll(async () => {
    [plain, tls] = await Promise.all([startRegistry('plain'), startRegistry('tls')]);
  });
  afterAll(async () => Promise.all([plain?.stop(), tls?.stop()]));

  test('copies to and from the TLS registry with basic auth and the custom CA', async () => {
    const engine = new Registry({ca: await readFile(tls.caFile!), credentials: creds(tls)});
    try {
      const src = await pushTestImage(plain, 'app/tls', 'v1', {layers: [3000, 100]});
      const up = await engine.copy({...repo(plain, 'app/tls'), tag: 'v1'}, repo(tls, 'team/app'), [
        'v1'
      ]);
      expect(up.digest).toBe(src.digest);
      expect(await rawManifestDigest(tls, 'team/app', 'v1')).toBe(src.digest);
      const back = await engine.copy(
        {...repo(tls, 'team/app'), tag: 'v1'},
        repo(plain, 'back/app'),
        ['v1']
      );
      expect(back.blobs.copied).toBe(3);
      expect(await rawManifestDigest(plain, 'back/app', 'v1')).toBe(src.digest);
    } finally {
      engine.close();
    }
  });

  test('without the CA the TLS error is reported, not retried into plain HTTP', async () => {
    const engine = new Registry({credentials: creds(tls), retry: {attempts: 2, baseDelayMs: 1}});
    try {
      const error = await engine.resolve({...repo(tls, 'team/app'), tag: 'v1'}).catch(e => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect(error.message).toMatch(/ping .* failed.*(certificate|self.signed)/i);
    } finally {
      engine.close();
    }
  });

  test('wrong password: 401 names the operation and is not temporary', async () => {
    const engine = new Registry({
      ca: await readFile(tls.caFile!),
      credentials: () => ({username: tls.username!, password: 'wrong'})
    });
    try {
      const error = await engine.resolve({...repo(tls, 'team/app'), tag: 'v1'}).catch(e => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect(error).toMatchObject({status: 401, temporary: false, operation: 'HEAD manifest'});
    } finally {
      engine.close();
    }
  });
});

describe('token auth', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry('token');
  });
  afterAll(async () => reg?.stop());

  test('asks for exactly the scopes needed (mount source included) and caches tokens', async () => {
    const engine = new Registry({credentials: creds(reg)});
    try {
      const src = await pushTestImage(reg, 'team/src', 'v1', {layers: [1000, 2000]});
      const issued = reg.tokenIssuer!.requests.length;
      const result = await engine.copy(
        {...repo(reg, 'team/src'), tag: 'v1'},
        repo(reg, 'team/dst'),
        ['a', 'b']
      );
      expect(result).toMatchObject({
        digest: src.digest,
        blobs: {copied: 0, mounted: 3, skipped: 0}
      });
      const scopes = reg.tokenIssuer!.requests.slice(issued).map(r => [...r.scopes].sort());
      expect(scopes).toEqual([
        ['repository:team/src:pull'],
        ['repository:team/dst:pull,push', 'repository:team/src:pull']
      ]);
      const before = reg.tokenIssuer!.requests.length;
      await engine.retag(repo(reg, 'team/dst'), 'a', ['c']);
      await engine.retag(repo(reg, 'team/dst'), 'a', ['d']);
      // One more token (team/dst pull,push), reused by the second retag.
      expect(reg.tokenIssuer!.requests.length).toBe(before + 1);
      expect(await rawManifestDigest(reg, 'team/dst', 'a')).toBe(src.digest);
    } finally {
      engine.close();
    }
  });

  test('a cached token is renewed once it is about to expire (injected clock)', async () => {
    let now = Date.now();
    const clock = {now: () => now, sleep: async () => undefined, random: () => 0};
    const engine = new Registry({credentials: creds(reg), clock});
    try {
      await pushTestImage(reg, 'team/ttl', 'v1');
      const before = reg.tokenIssuer!.requests.length;
      await engine.resolve({...repo(reg, 'team/ttl'), tag: 'v1'});
      now += 200_000; // the issuer's tokens live 300 s; still inside 90 % of that
      await engine.resolve({...repo(reg, 'team/ttl'), tag: 'v1'});
      expect(reg.tokenIssuer!.requests.length).toBe(before + 1);
      now += 100_000; // past 270 s: renewed
      await engine.resolve({...repo(reg, 'team/ttl'), tag: 'v1'});
      expect(reg.tokenIssuer!.requests.length).toBe(before + 2);
    } finally {
      engine.close();
    }
  });

  test('anonymous pull works when the issuer allows it; push is refused with 401', async () => {
    const anon = await startRegistry('token', {anonymousPull: true});
    const engine = new Registry({retry: {attempts: 2, baseDelayMs: 1}});
    try {
      const src = await pushTestImage(anon, 'pub/app', 'v1');
      expect(await engine.resolve({...repo(anon, 'pub/app'), tag: 'v1'})).toMatchObject({
        digest: src.digest
      });
      const error = await engine.retag(repo(anon, 'pub/app'), 'v1', ['v2']).catch(e => e);
      expect(error).toMatchObject({name: 'RegistryError', status: 401, temporary: false});
    } finally {
      engine.close();
      await anon.stop();
    }
  });
});

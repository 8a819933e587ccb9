import {Registry} from '../../../shared/registry/index.js';
import {pushTestImage} from '../../support/images.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {untagPlaceholder} from '../../../shared/registry/placeholder.js';
import {putManifest} from '../../support/raw-registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {startApiFixture, type ApiFixture} from './fixtures/registry-apis.js';

const fixed = {
  now: () => Date.parse('2026-01-11T00:00:00Z'),
  sleep: async () => undefined,
  random: () => 0
};

describe('Docker Hub API', () => {
  let api: ApiFixture;
  let engine: Registry;
  beforeAll(async () => {
    const tags = [
      {name: 'latest', updated: '2026-01-10T00:00:00Z'},
      {name: 'change_1', updated: '2026-01-01T00:00:00Z'},
      {name: 'change_2', updated: '2026-01-05T00:00:00Z'}
    ];
    api = await startApiFixture({hub: {username: 'bot', password: 'pat', tags: {'org/app': tags}}});
    engine = new Registry({
      dockerHubApiUrl: api.url,
      clock: fixed,
      credentials: host => (host === 'docker.io' ? {username: 'bot', password: 'pat'} : undefined)
    });
  });
  afterAll(async () => {
    engine?.close();
    await api?.stop();
  });
  const hub = (tag: string) => ({registry: 'docker.io', repository: 'org/app', tag});

  test('lists tags with last_updated across pages, reports an age, deletes one tag', async () => {
    const info = await engine.listTagInfo({registry: 'docker.io', repository: 'org/app'});
    expect(info?.map(t => [t.name, t.updatedAt?.toISOString()])).toEqual([
      ['latest', '2026-01-10T00:00:00.000Z'],
      ['change_1', '2026-01-01T00:00:00.000Z'],
      ['change_2', '2026-01-05T00:00:00.000Z']
    ]);
    expect(await engine.tagAge(hub('change_1'))).toMatchObject({
      ageMs: 10 * 86_400_000,
      source: 'docker-hub'
    });
    expect(await engine.deleteTag(hub('change_1'))).toBe('deleted');
    expect(await engine.deleteTag(hub('change_1'))).toBe('absent');
    const deletes = api.requests.filter(r => r.method === 'DELETE');
    expect(deletes).toEqual([
      {
        method: 'DELETE',
        path: '/v2/repositories/org/app/tags/change_1/',
        authorization: 'JWT hub-jwt-token'
      },
      {
        method: 'DELETE',
        path: '/v2/repositories/org/app/tags/change_1/',
        authorization: 'JWT hub-jwt-token'
      }
    ]);
    // One login for the whole engine.
    expect(api.requests.filter(r => r.path === '/v2/users/login')).toHaveLength(1);
  });

  test('a failed login is a RegistryError naming the Hub API', async () => {
    const bad = new Registry({
      dockerHubApiUrl: api.url,
      credentials: () => ({username: 'bot', password: 'no'})
    });
    try {
      await expect(bad.deleteTag(hub('latest'))).rejects.toMatchObject({
        name: 'RegistryError',
        status: 401,
        message: expect.stringMatching(
          /^deleting tag docker.io\/org\/app:latest: log in to Docker Hub API/
        )
      });
    } finally {
      bad.close();
    }
  });
});

describe('Quay API', () => {
  test('deletes a tag with the bearer token and reports last_modified', async () => {
    const tags = [
      {name: 'v1', updated: 'Fri, 09 Jan 2026 00:00:00 -0000'},
      {name: 'gate', updated: 'Sat, 10 Jan 2026 00:00:00 -0000'},
      {name: 'old', updated: 'Thu, 01 Jan 2026 00:00:00 -0000'}
    ];
    const api = await startApiFixture({quay: {token: 'quay-oauth', tags: {'org/app': tags}}});
    const engine = new Registry({quayApiUrl: api.url, quayToken: 'quay-oauth', clock: fixed});
    const quay = (tag: string) => ({registry: 'quay.io', repository: 'org/app', tag});
    try {
      expect(await engine.tagAge(quay('gate'))).toMatchObject({ageMs: 86_400_000, source: 'quay'});
      expect(await engine.deleteTag(quay('gate'))).toBe('deleted');
      expect(await engine.deleteTag(quay('gate'))).toBe('absent');
      const info = await engine.listTagInfo({registry: 'quay.io', repository: 'org/app'});
      expect(info?.map(t => t.name)).toEqual(['v1', 'old']);
      expect(api.requests.every(r => r.authorization === 'Bearer quay-oauth')).toBe(true);
      expect(api.requests.filter(r => r.method === 'DELETE').map(r => r.path)).toEqual([
        '/api/v1/repository/org/app/tag/gate',
        '/api/v1/repository/org/app/tag/gate'
      ]);
    } finally {
      engine.close();
      await api.stop();
    }
  });
});

describe('GHCR: untag, then delete the placeholder package version', () => {
  let reg: TestRegistry;
  beforeAll(async () => {
    reg = await startRegistry('plain');
  });
  afterAll(async () => reg?.stop());

  test.each([
    ['an organisation', ['team']],
    ['a user', []]
  ])('owner is %s: the final tag sharing the digest survives', async (_kind, orgs) => {
    const api = await startApiFixture({github: {token: 'gh-token', orgs, registryUrl: reg.url}});
    const engine = new Registry({
      githubApiUrl: api.url,
      githubToken: 'gh-token',
      tagApis: {[reg.host]: 'ghcr'},
      clock: {now: () => Date.now(), sleep: async () => undefined, random: () => 0}
    });
    const repository = `team/app${orgs.length}`;
    try {
      const image = await pushTestImage(reg, repository, 'gate_9', {layers: [500]});
      await engine.retag({registry: reg.host, repository}, 'gate_9', ['latest']);
      expect(await engine.deleteTag({registry: reg.host, repository, tag: 'gate_9'})).toBe(
        'deleted'
      );
      expect(await listTags(reg, repository)).toEqual(['latest']);
      expect(await rawManifestDigest(reg, repository, 'latest')).toBe(image.digest);
      const deletes = api.requests.filter(r => r.method === 'DELETE');
      expect(deletes).toHaveLength(1);
      const kind = orgs.length ? 'orgs' : 'users';
      expect(deletes[0].path).toMatch(
        new RegExp(`^/${kind}/team/packages/container/app${orgs.length}/versions/\\d+$`)
      );
      expect(await engine.deleteTag({registry: reg.host, repository, tag: 'gate_9'})).toBe(
        'absent'
      );
      expect((await engine.tagAge({registry: reg.host, repository, tag: 'latest'}))?.source).toBe(
        'ghcr'
      );
    } finally {
      engine.close();
      await api.stop();
    }
  });

  test('a tag left on a placeholder (a version delete that failed) only needs its version deleted', async () => {
    const api = await startApiFixture({
      github: {token: 'gh-token', orgs: ['team'], registryUrl: reg.url}
    });
    const engine = new Registry({
      githubApiUrl: api.url,
      githubToken: 'gh-token',
      tagApis: {[reg.host]: 'ghcr'},
      clock: {now: () => Date.now(), sleep: async () => undefined, random: () => 0}
    });
    const repository = 'team/half';
    try {
      const image = await pushTestImage(reg, repository, 'latest', {seed: 'ghcr-half'});
      const placeholder = untagPlaceholder('gate_3', new Date());
      await putManifest(reg, repository, 'gate_3', placeholder.mediaType, placeholder.bytes);
      const mark = logMark(reg);
      expect(await engine.deleteTag({registry: reg.host, repository, tag: 'gate_3'})).toBe(
        'deleted'
      );
      // No second placeholder: the registry saw only the fixture's delete of the first one.
      expect(writesSince(reg, mark)).toEqual([
        `DELETE /v2/${repository}/manifests/${placeholder.digest} 202`
      ]);
      expect(await listTags(reg, repository)).toEqual(['latest']);
      expect(await rawManifestDigest(reg, repository, 'latest')).toBe(image.digest);
    } finally {
      engine.close();
      await api.stop();
    }
  });
});

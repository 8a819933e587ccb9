import {
  buildkitdToml,
  buildxCreateArgs,
  buildxRemoveArgs
} from '../../../shared/buildset/configure/buildx.js';
import {registriesDropIn} from '../../../shared/buildset/configure/containers-config.js';
import {authEntry, mergeMirrors} from '../../../shared/buildset/configure/docker-config.js';
import {registryConfig} from '../../../shared/buildset/start/registry-config.js';

describe('configuration as data', () => {
  it('puts our mirror first and keeps existing ones (Zuul replaces them)', () => {
    expect(
      mergeMirrors({'registry-mirrors': ['https://m.example', 'https://x:1']}, 'https://x:1')
    ).toEqual(['https://x:1', 'https://m.example']);
    expect(mergeMirrors({}, 'https://x:1')).toEqual(['https://x:1']);
  });

  it('writes docker auth entries as base64(user:password)', () => {
    expect(authEntry('u', 'p')).toEqual({auth: Buffer.from('u:p').toString('base64')});
  });

  it('writes a registries.conf drop-in: buildset registry first mirror, upstream as location', () => {
    expect(registriesDropIn('127.0.0.1:5000', ['docker.io', 'quay.io'])).toBe(
      [
        '# Written by the imagegate buildset-registry action; removed by its post step.',
        '',
        '[[registry]]',
        'prefix = "docker.io"',
        'location = "docker.io"',
        '',
        '[[registry.mirror]]',
        'location = "127.0.0.1:5000"',
        '',
        '[[registry]]',
        'prefix = "quay.io"',
        'location = "quay.io"',
        '',
        '[[registry.mirror]]',
        'location = "127.0.0.1:5000/quay.io"',
        ''
      ].join('\n')
    );
  });

  it('composes the buildx builder: buildkitd.toml mirrors every namespace and trusts the CA', () => {
    expect(buildkitdToml('127.0.0.1:5000', ['docker.io', 'ghcr.io'], '/t/ca.crt')).toBe(
      [
        '# Written by the imagegate buildset-registry action.',
        '[registry."docker.io"]',
        '  mirrors = ["127.0.0.1:5000"]',
        '[registry."ghcr.io"]',
        '  mirrors = ["127.0.0.1:5000/ghcr.io"]',
        '[registry."127.0.0.1:5000"]',
        '  ca = ["/t/ca.crt"]',
        ''
      ].join('\n')
    );
    expect(buildxCreateArgs('/t/b.toml')).toEqual([
      'buildx',
      'create',
      '--name',
      'imagegate',
      '--driver',
      'docker-container',
      '--driver-opt',
      'network=host',
      '--buildkitd-config',
      '/t/b.toml',
      '--use',
      '--bootstrap'
    ]);
    expect(buildxRemoveArgs()).toEqual(['buildx', 'rm', '--force', 'imagegate']);
  });

  it('gives the primary htpasswd auth and the mirror a read-only anonymous storage', () => {
    const primary = JSON.parse(registryConfig('primary', 's')) as Record<string, never>;
    const mirror = JSON.parse(registryConfig('mirror', 's')) as Record<string, never>;
    expect(primary).toMatchObject({
      auth: {htpasswd: {path: '/imagegate/auth/htpasswd'}},
      storage: {delete: {enabled: true}},
      http: {tls: {certificate: '/imagegate/tls/server.crt'}}
    });
    expect(mirror).not.toHaveProperty('auth');
    expect(mirror).toMatchObject({storage: {maintenance: {readonly: {enabled: true}}}});
  });
});

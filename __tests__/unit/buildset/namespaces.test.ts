import {finalNameOf, mirrorLocation} from '../../../shared/buildset/namespaces.js';
import {buildsetRepository} from '../../../shared/model/buildset-env.js';

const NS = ['docker.io', 'quay.io', 'ghcr.io', 'localhost:5001'];

describe('Zuul namespacing in the buildset registry', () => {
  it('stores docker.io images un-namespaced and others under their host', () => {
    expect(
      buildsetRepository('r:1', {registry: 'docker.io', repository: 'library/alpine'})
    ).toEqual({registry: 'r:1', repository: 'library/alpine'});
    expect(buildsetRepository('r:1', {registry: 'quay.io', repository: 'org/app'})).toEqual({
      registry: 'r:1',
      repository: 'quay.io/org/app'
    });
    expect(buildsetRepository('r:1', {registry: 'localhost:5001', repository: 'a'})).toEqual({
      registry: 'r:1',
      repository: 'localhost-5001/a'
    });
  });

  it('gives mirror locations per namespace', () => {
    expect(mirrorLocation('r:1', 'docker.io')).toBe('r:1');
    expect(mirrorLocation('r:1', 'ghcr.io')).toBe('r:1/ghcr.io');
    expect(mirrorLocation('r:1', '127.0.0.1:5001')).toBe('r:1/127.0.0.1-5001');
  });

  it.each([
    ['org/app', 'docker.io', 'org/app'],
    ['library/alpine', 'docker.io', 'library/alpine'],
    ['quay.io/org/app', 'quay.io', 'org/app'],
    ['localhost-5001/a/b', 'localhost:5001', 'a/b'],
    ['docker.io/org/app', 'docker.io', 'org/app'],
    ['registry.example/x', 'registry.example', 'x']
  ])('maps stored %s back to %s/%s', (stored, registry, repository) => {
    expect(finalNameOf(stored, NS)).toEqual({registry, repository});
  });
});

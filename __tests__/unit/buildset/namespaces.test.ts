import {finalNameOf, mirrorLocation} from '../../../shared/buildset/configure/namespaces.js';
import {buildsetRepository} from '../../../shared/model/buildset-env.js';
import {parseRepositoryName} from '../../../shared/model/reference.js';
import {stagedRepository} from '../../../shared/model/registry-location.js';

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
      repository: 'localhost_5001/a'
    });
  });

  it('gives mirror locations per namespace', () => {
    expect(mirrorLocation('r:1', 'docker.io')).toBe('r:1');
    expect(mirrorLocation('r:1', 'ghcr.io')).toBe('r:1/ghcr.io');
    expect(mirrorLocation('r:1', '127.0.0.1:5001')).toBe('r:1/127.0.0.1_5001');
  });

  it.each([
    ['org/app', 'docker.io', 'org/app'],
    ['library/alpine', 'docker.io', 'library/alpine'],
    ['quay.io/org/app', 'quay.io', 'org/app'],
    ['localhost_5001/a/b', 'localhost:5001', 'a/b'],
    ['docker.io/org/app', 'docker.io', 'org/app'],
    ['registry.example/x', 'registry.example', 'x'],
    ['127.0.0.1_46405/vb/portimg', '127.0.0.1:46405', 'vb/portimg'],
    ['registry.example_5000/team/app', 'registry.example:5000', 'team/app'],
    // A host name with a dash is a host of its own, not a mangled port.
    ['registry.example-5000/x', 'registry.example-5000', 'x'],
    ['localhost_8080/x', 'localhost:8080', 'x']
  ])('maps stored %s back to %s/%s', (stored, registry, repository) => {
    expect(finalNameOf(stored, NS)).toEqual({registry, repository});
  });

  it.each([
    '127.0.0.1:46405/vb/portimg',
    'registry.example:5000/team/app',
    'registry.example-5000/team/app',
    'localhost:5001/a',
    'localhost/a',
    'quay.io/org/app',
    'ghcr.io/o/a/b',
    'docker.io/library/alpine',
    'org/app'
  ])('%s keeps its real name through the buildset registry', name => {
    const final = parseRepositoryName(name);
    const stored = buildsetRepository('bsr:1', final).repository;
    expect(finalNameOf(stored, ['docker.io', 'quay.io'])).toEqual(final);
  });

  it('stages different hosts under different paths in the intermediate registry', () => {
    const at = (name: string) =>
      stagedRepository({registry: 'i:1', path: 'stage'}, parseRepositoryName(name)).repository;
    expect(at('registry.example:5000/x')).toBe('stage/registry.example_5000/x');
    expect(at('registry.example-5000/x')).toBe('stage/registry.example-5000/x');
  });
});

import {DOCKER_HUB, type RepositoryName} from '../../model/reference.js';
import {namespacePath} from '../../model/buildset-env.js';
import {hostOfPathComponent} from '../../model/registry-location.js';

/** The mirror location for a namespace: `host:port` or `host:port/<upstream host>`. */
export function mirrorLocation(registry: string, namespace: string): string {
  const path = namespacePath(namespace);
  return path === '' ? registry : `${registry}/${path}`;
}

/**
 * The final name of a repository stored in the buildset registry (the inverse of
 * buildsetRepository): the first path component is a namespace when it names one of
 * `namespaces` (or `docker.io/`, which build pushes use), or a host written by
 * hostPathComponent (`registry.example_5000` → `registry.example:5000`); otherwise the image is
 * docker.io's.
 */
export function finalNameOf(stored: string, namespaces: readonly string[]): RepositoryName {
  const slash = stored.indexOf('/');
  const first = slash === -1 ? '' : stored.slice(0, slash);
  const rest = stored.slice(slash + 1);
  if (first !== '') {
    const known = namespaces.find(ns => namespacePath(ns) === first);
    if (known) return {registry: known, repository: rest};
    if (first === DOCKER_HUB) return {registry: DOCKER_HUB, repository: rest};
    const host = hostOfPathComponent(first);
    if (host) return {registry: host, repository: rest};
  }
  return {registry: DOCKER_HUB, repository: stored};
}

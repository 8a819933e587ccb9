import {InputError} from './errors.js';
import {DOMAIN_RE, REPOSITORY_PATH_RE} from './grammar.js';
import {type RepositoryName} from './reference.js';
import {quoteOutside} from './outside-text.js';

/** A registry host with an optional path prefix, e.g. `ghcr.io/org/staging` or `host:5000/ns`. */
export interface RegistryLocation {
  readonly registry: string;
  /** Path prefix inside the registry, '' for none. */
  readonly path: string;
}

/** Parse an `intermediate-registry`-style location; the host must look like a host. */
export function parseRegistryLocation(text: string, field: string): RegistryLocation {
  const value = text.trim().replace(/\/+$/, '');
  const slash = value.indexOf('/');
  const registry = slash === -1 ? value : value.slice(0, slash);
  const path = slash === -1 ? '' : value.slice(slash + 1);
  const looksLikeHost =
    registry.includes('.') || registry.includes(':') || registry === 'localhost';
  if (!looksLikeHost || !DOMAIN_RE.test(registry)) {
    throw new InputError(
      field,
      `${quoteOutside(text)} must start with a registry host, e.g. "ghcr.io/org/staging" or "registry.example:5000"`
    );
  }
  if (path !== '' && !REPOSITORY_PATH_RE.test(path)) {
    throw new InputError(
      field,
      `${quoteOutside(text)}: ${quoteOutside(path)} is not a valid lowercase repository path`
    );
  }
  return {registry, path};
}

/**
 * Where an image is staged in a location: `<location path>/<final host>/<final path>`, as Zuul's
 * namespacing does, so images of several upstream registries cannot collide.
 */
export function stagedRepository(
  location: RegistryLocation,
  finalName: RepositoryName
): RepositoryName {
  const parts = [location.path, finalName.registry.replace(/:/g, '-'), finalName.repository].filter(
    p => p !== ''
  );
  return {registry: location.registry, repository: parts.join('/')};
}

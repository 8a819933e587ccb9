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
 * A registry host as one repository path component, for Zuul's `<upstream host>/<path>`
 * namespacing: a path cannot hold the port's `:`, so it becomes `_` (`registry.example:5000` →
 * `registry.example_5000`). Host names never contain `_`, so hostOfPathComponent can invert it;
 * `-` could not be inverted (`registry.example-5000` is a host name of its own).
 */
export function hostPathComponent(host: string): string {
  return host.replace(/:([0-9]+)$/, '_$1');
}

/** The host a path component written by hostPathComponent names, or undefined for none. */
export function hostOfPathComponent(component: string): string | undefined {
  const host = component.replace(/_([0-9]+)$/, ':$1');
  const isHost =
    host.includes('.') ||
    host.includes(':') ||
    host === 'localhost' ||
    host.startsWith('localhost:');
  return isHost && DOMAIN_RE.test(host) ? host : undefined;
}

/**
 * Where an image is staged in a location: `<location path>/<final host>/<final path>`, as Zuul's
 * namespacing does, so images of several upstream registries cannot collide.
 */
export function stagedRepository(
  location: RegistryLocation,
  finalName: RepositoryName
): RepositoryName {
  const parts = [location.path, hostPathComponent(finalName.registry), finalName.repository].filter(
    p => p !== ''
  );
  return {registry: location.registry, repository: parts.join('/')};
}

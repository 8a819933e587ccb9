import {InputError} from './errors.js';
import {
  DOMAIN_RE,
  MAX_NAME_LENGTH,
  PATH_COMPONENT_RE,
  digestProblem,
  tagProblem
} from './grammar.js';
import {quoteOutside} from './outside-text.js';

/** Docker Hub as it appears in normalised names. */
export const DOCKER_HUB = 'docker.io';
/** The host that actually serves Docker Hub's registry API. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * A parsed image reference, normalised the way Docker does it:
 * `alpine` → registry `docker.io`, repository `library/alpine`.
 */
export interface ImageReference {
  /** Registry host with optional port, e.g. `quay.io`, `127.0.0.1:5000`, `docker.io`. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. `library/alpine`, `org/app`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** A repository without tag or digest. */
export type RepositoryName = Pick<ImageReference, 'registry' | 'repository'>;

/**
 * Parse `host[:port]/path[:tag][@digest]`. Throws InputError naming `field` when the reference is
 * invalid; upper case in the path gets its own message since it is the most common mistake.
 */
export function parseReference(input: string, field = 'image reference'): ImageReference {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new InputError(field, 'an image reference must not be empty');
  }
  if (input !== input.trim())
    throw new InputError(field, `${quoteOutside(input)} has surrounding whitespace`);
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const problem = digestProblem(digest);
    if (problem) throw new InputError(field, problem);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    const problem = tagProblem(tag);
    if (problem) throw new InputError(field, problem);
  }
  const name = parseName(rest, field, input);
  return {...name, ...(tag !== undefined && {tag}), ...(digest !== undefined && {digest})};
}

/** Parse a repository name that must carry neither tag nor digest. */
export function parseRepositoryName(input: string, field = 'repository'): RepositoryName {
  const ref = parseReference(input, field);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new InputError(
      field,
      `${quoteOutside(input)} must be a repository without a tag or digest (put tags in "tags")`
    );
  }
  return {registry: ref.registry, repository: ref.repository};
}

function parseName(name: string, field: string, original: string): RepositoryName {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  // Docker's rule: the first component is a host only if it looks like one.
  const firstIsHost =
    slash !== -1 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase());
  let registry = firstIsHost ? first : DOCKER_HUB;
  let repository = firstIsHost ? name.slice(slash + 1) : name;
  if (firstIsHost && !DOMAIN_RE.test(registry)) {
    throw new InputError(
      field,
      `${quoteOutside(original)} has an invalid registry host ${quoteOutside(registry)}`
    );
  }
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && repository !== '' && !repository.includes('/')) {
    repository = `library/${repository}`;
  }
  if (repository === '')
    throw new InputError(field, `${quoteOutside(original)} has no repository path`);
  if (repository !== repository.toLowerCase()) {
    throw new InputError(
      field,
      `${quoteOutside(original)}: repository names must be lowercase (did you mean ${quoteOutside(original.replace(repository, repository.toLowerCase()))}?)`
    );
  }
  const bad = repository.split('/').find(c => !PATH_COMPONENT_RE.test(c));
  if (bad !== undefined) {
    throw new InputError(
      field,
      `${quoteOutside(original)}: ${quoteOutside(bad)} is not a valid path component (lowercase letters, digits and single ".", "_", "__" or "-" between them)`
    );
  }
  if (registry.length + 1 + repository.length > MAX_NAME_LENGTH) {
    throw new InputError(
      field,
      `${quoteOutside(original)} is longer than ${MAX_NAME_LENGTH} characters`
    );
  }
  return {registry, repository};
}

/** `registry/repository[:tag][@digest]`, always with the registry host. */
export function formatReference(ref: ImageReference): string {
  let s = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** The short form Docker prints: `alpine`, `org/app`, `quay.io/org/app`. */
export function familiarName(ref: RepositoryName): string {
  if (ref.registry !== DOCKER_HUB) return `${ref.registry}/${ref.repository}`;
  return ref.repository.startsWith('library/') ? ref.repository.slice(8) : ref.repository;
}

/** The host to send registry API requests to (Docker Hub's API lives elsewhere). */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

/** A copy of `ref` with another tag (and no digest). */
export function withTag(ref: RepositoryName, tag: string): ImageReference {
  return {registry: ref.registry, repository: ref.repository, tag};
}

/** Whether the registry host is on the loopback interface (plain HTTP is allowed there). */
export function isLoopbackHost(registry: string): boolean {
  const host = registry.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || /^127\./.test(host) || host === '::1';
}

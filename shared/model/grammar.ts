import {quoteOutside} from './outside-text.js';

/**
 * The distribution reference grammar, built from named fragments
 * (https://github.com/distribution/reference/blob/main/regexp.go) rather than one opaque regex.
 */

/** A lowercase alphanumeric run. */
const alphanumeric = '[a-z0-9]+';
/** Separators allowed inside a path component: `.`, `_`, `__`, or any number of `-`. */
const separator = '(?:[._]|__|[-]+)';
/** One path component, e.g. `library` or `my-app`. */
export const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
/** A domain component (host labels may use upper case; paths may not). */
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
/** A host name, an IPv4 address, or a bracketed IPv6 address, with an optional port. */
export const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
/** OCI tag grammar. */
export const tag = '[A-Za-z0-9_][A-Za-z0-9._-]{0,127}';
/** A digest: algorithm, colon, hex (sha256 and sha512 are checked for length). */
export const digest = '[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}';

export const TAG_RE = new RegExp(`^${tag}$`);
export const PATH_COMPONENT_RE = new RegExp(`^${pathComponent}$`);
export const DOMAIN_RE = new RegExp(`^${domain}$`);
export const DIGEST_RE = new RegExp(`^${digest}$`);
export const REPOSITORY_PATH_RE = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);

/** Longest repository name (host included) the distribution spec allows. */
export const MAX_NAME_LENGTH = 255;
/** Longest tag the OCI spec allows. */
export const MAX_TAG_LENGTH = 128;

/** Why a tag is invalid, or undefined when it is valid. */
export function tagProblem(value: string): string | undefined {
  if (value.length === 0) return 'a tag must not be empty';
  if (value.length > MAX_TAG_LENGTH) {
    return `${quoteOutside(value)} is ${value.length} characters long; a tag may have at most ${MAX_TAG_LENGTH}`;
  }
  if (!TAG_RE.test(value)) {
    return `${quoteOutside(value)} is not a valid tag (allowed: letters, digits, "_", "." and "-", not starting with "." or "-")`;
  }
  return undefined;
}

/** Why a digest is invalid, or undefined when it is valid. */
export function digestProblem(value: string): string | undefined {
  if (!DIGEST_RE.test(value))
    return `${quoteOutside(value)} is not a valid digest (expected sha256:<64 hex>)`;
  const [algorithm, hex] = value.split(':', 2);
  const lengths: Record<string, number> = {sha256: 64, sha512: 128};
  const want = lengths[algorithm];
  // Only the registered algorithms: a digest nobody can verify is no identity at all.
  if (want === undefined) {
    return `${quoteOutside(value)} uses the algorithm ${quoteOutside(algorithm, 40)}; only sha256 and sha512 can be verified`;
  }
  if (!new RegExp(`^[a-f0-9]{${want}}$`).test(hex)) {
    return `${quoteOutside(value)} is not a valid ${algorithm} digest (expected ${want} lowercase hex digits)`;
  }
  return undefined;
}

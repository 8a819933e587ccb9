import {InputError, InputErrors} from './errors.js';
import {DOCKER_HUB, type RepositoryName, formatReference} from './reference.js';
import {
  describeType,
  isMapping,
  parseStructuredInput,
  unknownKeyErrors
} from './structured-input.js';

/** Credentials for one registry host. */
export interface RegistryCredential {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  /** Zuul's rule: the image repository must match this regex (search, not full match). */
  readonly repository?: RegExp;
  /** Quay API token (`api_token`), used for tag deletion through Quay's API. */
  readonly apiToken?: string;
  /** Where it came from, for messages. */
  readonly source: 'registry-credentials' | 'docker-config';
}

const KEYS = ['username', 'password', 'repository', 'api_token'] as const;
const ALIASES: Record<string, string> = {
  user: 'username',
  pass: 'password',
  token: 'password',
  regex: 'repository'
};

/**
 * Parse `registry-credentials`: a mapping from registry host to {username, password, repository?,
 * api_token?}. `onSecret` is called with every secret the moment it is read, so it can be masked
 * before any later validation error prints anything.
 */
export function parseRegistryCredentials(
  text: string,
  onSecret: (secret: string) => void,
  field = 'registry-credentials'
): RegistryCredential[] {
  const value = parseStructuredInput(text, field);
  if (!isMapping(value)) {
    throw new InputError(
      field,
      `must be a mapping from registry host to {username, password}, got ${describeType(value)}`
    );
  }
  // Mask first: a later error must never be able to echo a password.
  for (const entry of Object.values(value)) {
    if (!isMapping(entry)) continue;
    for (const key of ['password', 'api_token']) {
      if (typeof entry[key] === 'string' && entry[key] !== '') onSecret(entry[key] as string);
    }
  }
  const errors: InputError[] = [];
  const credentials: RegistryCredential[] = [];
  for (const [registry, entry] of Object.entries(value)) {
    const at = `${field}.${registry}`;
    if (!isMapping(entry)) {
      errors.push(
        new InputError(
          at,
          `must be a mapping with username and password, got ${entry === null ? 'nothing' : 'something else'}`
        )
      );
      continue;
    }
    const before = errors.length;
    errors.push(...unknownKeyErrors(entry, KEYS, ALIASES, at));
    const username = requiredString(entry, 'username', at, errors);
    const password = requiredString(entry, 'password', at, errors, true);
    let repository: RegExp | undefined;
    if (entry.repository !== undefined) {
      if (typeof entry.repository !== 'string' || entry.repository === '') {
        errors.push(new InputError(`${at}.repository`, 'must be a regular expression string'));
      } else {
        try {
          repository = new RegExp(entry.repository);
        } catch (e) {
          errors.push(
            new InputError(
              `${at}.repository`,
              `is not a valid regular expression: ${(e as Error).message}`
            )
          );
        }
      }
    }
    const apiToken = typeof entry.api_token === 'string' ? entry.api_token : undefined;
    if (errors.length > before || username === undefined || password === undefined) continue;
    credentials.push({
      registry: normaliseRegistryKey(registry),
      username,
      password,
      ...(repository && {repository}),
      ...(apiToken && {apiToken}),
      source: 'registry-credentials'
    });
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return credentials;
}

function requiredString(
  entry: Record<string, unknown>,
  key: string,
  at: string,
  errors: InputError[],
  secret = false
): string | undefined {
  const value = entry[key];
  if (typeof value === 'string' && value !== '') return value;
  const got =
    value === undefined
      ? 'it is missing'
      : secret
        ? 'it is not a non-empty string'
        : `got ${describeType(value)}`;
  errors.push(new InputError(`${at}.${key}`, `is required as a non-empty string; ${got}`));
  return undefined;
}

/**
 * Parse the `auths` of a docker config.json (as `docker login` and docker/login-action leave it).
 * Entries without inline credentials (credential helpers) are skipped.
 */
export function parseDockerConfigAuths(
  json: string,
  onSecret: (secret: string) => void
): RegistryCredential[] {
  let config: unknown;
  try {
    config = JSON.parse(json);
  } catch {
    return [];
  }
  if (!isMapping(config) || !isMapping(config.auths)) return [];
  const out: RegistryCredential[] = [];
  for (const [key, entry] of Object.entries(config.auths)) {
    if (!isMapping(entry)) continue;
    let username = typeof entry.username === 'string' ? entry.username : undefined;
    let password = typeof entry.password === 'string' ? entry.password : undefined;
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    }
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
      // An OAuth refresh token (e.g. from `az acr login`): sent as the password of <token>.
      [username, password] = ['<token>', entry.identitytoken];
    }
    if (!username || !password) continue;
    onSecret(password);
    out.push({registry: normaliseRegistryKey(key), username, password, source: 'docker-config'});
  }
  return out;
}

/** `https://index.docker.io/v1/` → `docker.io`; `https://ghcr.io` → `ghcr.io`. */
export function normaliseRegistryKey(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return ['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'].includes(host)
    ? DOCKER_HUB
    : host;
}

/** Credentials looked up by registry host: explicit input first, then docker config. */
export class CredentialStore {
  private readonly byRegistry = new Map<string, RegistryCredential>();

  constructor(credentials: readonly RegistryCredential[]) {
    // Earlier entries win, so callers list `registry-credentials` before docker config.
    for (const c of credentials) {
      if (!this.byRegistry.has(c.registry)) this.byRegistry.set(c.registry, c);
    }
  }

  /** The credential for a registry host, if any. */
  find(registry: string): RegistryCredential | undefined {
    return this.byRegistry.get(normaliseRegistryKey(registry));
  }

  /** A plain lookup for the registry engine. */
  lookup = (registry: string): {username: string; password: string} | undefined => {
    const c = this.find(registry);
    return c && {username: c.username, password: c.password};
  };
}

/**
 * Zuul's permission check: when the credential restricts repositories, the repository (as
 * written, or in its full normalised form) must match. Throws InputError naming `field`.
 */
export function checkRepositoryAllowed(
  credential: RegistryCredential,
  repositoryInput: string,
  repository: RepositoryName,
  field: string
): void {
  if (!credential.repository) return;
  const full = formatReference(repository);
  if (credential.repository.test(repositoryInput) || credential.repository.test(full)) return;
  throw new InputError(
    field,
    `"${repositoryInput}" is not allowed by the ${credential.source} entry for ${credential.registry} (repository must match /${credential.repository.source}/)`
  );
}

/** An image to be written, as far as the credential check is concerned. */
export interface WriteTarget {
  /** Field path for messages, e.g. `container-images[1]`. */
  readonly field: string;
  /** Credential key (Zuul's `registry`). */
  readonly registry: string;
  readonly repositoryInput: string;
  readonly repository: RepositoryName;
}

/**
 * Before anything is built or pushed: every target's registry has credentials and each
 * credential's `repository` regex allows the target. Throws InputErrors listing every problem.
 */
export function checkWriteCredentials(
  targets: readonly WriteTarget[],
  store: CredentialStore,
  requireCredentials: boolean
): void {
  const errors: InputError[] = [];
  for (const t of targets) {
    const credential = store.find(t.registry);
    if (!credential) {
      if (requireCredentials) {
        errors.push(
          new InputError(
            `${t.field}.registry`,
            `no credentials for registry "${t.registry}": add it to registry-credentials or log in first (docker/login-action)`
          )
        );
      }
      continue;
    }
    try {
      checkRepositoryAllowed(credential, t.repositoryInput, t.repository, `${t.field}.repository`);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
}

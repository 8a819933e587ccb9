import {InputError, InputErrors} from './errors.js';
import {quoteOutside} from './outside-text.js';
import {DOCKER_HUB, type RepositoryName, formatReference} from './reference.js';
import {isMapping, parseStructuredInput, unknownKeyErrors} from './structured-input.js';
import {type TextPattern, compileUserRegex} from './user-regex.js';

/** Credentials for one registry host, or under a name (Zuul's `registry` key). */
export interface RegistryCredential {
  /** The key: a registry host (normalised) or a name such as `dockerhub`. */
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  /** Zuul's rule: the image repository must match this regex (search, not full match). */
  readonly repository?: TextPattern;
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
 * What a value of this secret input is, without any of its text: a message about
 * `registry-credentials` must never echo a part of it, valid or not.
 */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/**
 * Parse `registry-credentials`: a mapping from registry host (or a name that a `registry` /
 * `dest_registry` key refers to) to {username, password, repository?, api_token?}. `onSecret`
 * is called with every secret the moment it is read, so it can be masked before any later
 * validation error prints anything; no message quotes a value of this input.
 */
export function parseRegistryCredentials(
  text: string,
  onSecret: (secret: string) => void,
  field = 'registry-credentials'
): RegistryCredential[] {
  const value = parseStructuredInput(text, field, {secret: true});
  if (!isMapping(value)) {
    throw new InputError(
      field,
      `must be a mapping from registry host to {username, password}, got ${kindOf(value)} (its text is not shown: it may be a secret)`
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
    const at = `${field}.${escapeKey(registry)}`;
    if (!isMapping(entry)) {
      errors.push(
        new InputError(at, `must be a mapping with username and password, got ${kindOf(entry)}`)
      );
      continue;
    }
    const before = errors.length;
    for (const e of unknownKeyErrors(entry, KEYS, ALIASES, at)) errors.push(e);
    const username = requiredString(entry, 'username', at, errors);
    const password = requiredString(entry, 'password', at, errors, true);
    let repository: TextPattern | undefined;
    if (entry.repository !== undefined) {
      if (typeof entry.repository !== 'string' || entry.repository === '') {
        errors.push(new InputError(`${at}.repository`, 'must be a regular expression string'));
      } else {
        try {
          repository = compileUserRegex(entry.repository, `${at}.repository`);
        } catch (e) {
          if (e instanceof InputError) errors.push(e);
          else throw e;
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
  if (typeof value === 'string' && value !== '') {
    // An option-looking user name would be read by `docker login` as a flag.
    if (!secret && value.startsWith('-')) {
      errors.push(new InputError(`${at}.${key}`, 'must not start with "-"'));
      return undefined;
    }
    return value;
  }
  const got = value === undefined ? 'it is missing' : `got ${kindOf(value)}`;
  errors.push(new InputError(`${at}.${key}`, `is required as a non-empty string; ${got}`));
  return undefined;
}

/** A key of the credentials mapping as it may appear in a field path (escaped, bounded). */
function escapeKey(key: string): string {
  return quoteOutside(key, 100).slice(1, -1);
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

/** Credentials looked up by registry host (or by name): explicit input first, then docker config. */
export class CredentialStore {
  private readonly byRegistry = new Map<string, RegistryCredential>();

  constructor(
    credentials: readonly RegistryCredential[],
    /** Hosts bound to the credential a write target named (see checkWriteCredentials). */
    private readonly bindings: ReadonlyMap<string, RegistryCredential> = new Map()
  ) {
    // Earlier entries win, so callers list `registry-credentials` before docker config.
    for (const c of credentials) {
      if (!this.byRegistry.has(c.registry)) this.byRegistry.set(c.registry, c);
    }
  }

  /** The credential for a registry host (or credential name), if any. */
  find(registry: string): RegistryCredential | undefined {
    const key = normaliseRegistryKey(registry);
    return this.bindings.get(key) ?? this.byRegistry.get(key);
  }

  /** A plain lookup for the registry client. */
  lookup = (registry: string): {username: string; password: string} | undefined => {
    const c = this.find(registry);
    return c && {username: c.username, password: c.password};
  };

  /** The same store with `host` answered by `credential` (a credential named by a write target). */
  withBindings(bindings: ReadonlyMap<string, RegistryCredential>): CredentialStore {
    return new CredentialStore(
      [...this.byRegistry.values()],
      new Map([...this.bindings, ...bindings])
    );
  }
}

/** A repository imagegate is about to write (push, retag, delete a tag, copy into, index). */
export interface WriteTarget {
  /** Field path of the repository for messages, e.g. `container-images[1].repository`. */
  readonly field: string;
  /** The repository actually contacted, host included. */
  readonly repository: RepositoryName;
  /** The repository as the user wrote it (Zuul matches the regex against this form too). */
  readonly repositoryInput?: string;
  /** The credential key the entry named (Zuul's `registry` / `dest_registry`), if any. */
  readonly credentialKey?: string;
  /** Field path of that key, for "no credentials" messages. */
  readonly credentialField?: string;
}

/**
 * Zuul's permission check, applied to what is really contacted: when the credential restricts
 * repositories, the repository written — `host/path` in its full form, or as the user wrote it —
 * must match. Throws InputError naming the target's field.
 */
export function checkRepositoryAllowed(credential: RegistryCredential, target: WriteTarget): void {
  if (!credential.repository) return;
  const full = formatReference(target.repository);
  const forms = [full, ...(target.repositoryInput !== undefined ? [target.repositoryInput] : [])];
  if (forms.some(form => credential.repository!.test(form))) return;
  throw new InputError(
    target.field,
    `"${full}" is not allowed by the ${credential.source} entry ${quoteOutside(credential.registry)} (repository must match /${credential.repository.source}/)`
  );
}

/**
 * Before anything is built or pushed: pick the credential each write target will use and check
 * it may write there. The credential is the one the target's key names (a host or a name such
 * as `dockerhub`), else the one for the host written; its `repository` regex must allow the
 * host:repository actually contacted, whatever the key says. A host gets one credential per run:
 * two targets naming different credentials for one host are an error. Returns the store with
 * each written host bound to its credential, for the login and the registry client; throws
 * InputErrors listing every problem.
 */
export function checkWriteCredentials(
  targets: readonly WriteTarget[],
  store: CredentialStore,
  requireCredentials: boolean
): CredentialStore {
  const errors: InputError[] = [];
  const hostOf = (t: WriteTarget): string => normaliseRegistryKey(t.repository.registry);
  const keyOf = (t: WriteTarget): string | undefined => {
    const key = t.credentialKey !== undefined ? normaliseRegistryKey(t.credentialKey) : undefined;
    return key === hostOf(t) ? undefined : key;
  };
  // First the credentials targets name explicitly: each binds the host it writes to.
  const bindings = new Map<string, RegistryCredential>();
  const boundBy = new Map<string, string>();
  const conflicting = new Set<WriteTarget>();
  for (const t of targets) {
    const key = keyOf(t);
    const named = key !== undefined ? store.find(key) : undefined;
    if (!named) continue;
    const host = hostOf(t);
    const bound = bindings.get(host);
    if (bound !== undefined && bound !== named) {
      conflicting.add(t);
      continue;
    }
    bindings.set(host, named);
    boundBy.set(host, t.credentialField ?? t.field);
  }
  // Then every target, with the credential that will really be sent to its host.
  for (const t of targets) {
    const host = hostOf(t);
    const key = keyOf(t);
    if (conflicting.has(t)) {
      errors.push(
        new InputError(
          t.credentialField ?? t.field,
          `names the credential ${quoteOutside(key ?? host)} for ${host}, but ${boundBy.get(host)} names ${quoteOutside(bindings.get(host)!.registry)}; one run writes to a host with one credential`
        )
      );
      continue;
    }
    const credential = bindings.get(host) ?? store.find(host);
    if (!credential) {
      if (requireCredentials) {
        errors.push(
          new InputError(
            t.credentialField ?? t.field,
            `no credentials for registry ${quoteOutside(key ?? host)}: add it to registry-credentials or log in first (docker/login-action)`
          )
        );
      }
      continue;
    }
    try {
      checkRepositoryAllowed(credential, t);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return store.withBindings(bindings);
}

import {quoteOutside} from '../model/outside-text.js';
import {Challenge} from './challenge.js';
import {RegistryError, isTemporaryStatus, parseOciErrors} from './errors.js';
import {HttpClient, readBody} from './http.js';

/** Username and password (or token) for a registry. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Finds credentials for a registry host as written in references (`docker.io`, `127.0.0.1:5000`). */
export type CredentialLookup = (registry: string) => Credentials | undefined;

/** `repository:<name>:pull`. */
export function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

/** `repository:<name>:pull,push`. */
export function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`;
}

/** Push plus delete: distribution's token auth checks the `delete` action on DELETE requests. */
export function deleteScope(repository: string): string {
  return `repository:${repository}:pull,push,delete`;
}

/** `Basic` header value. */
export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

interface CachedToken {
  promise: Promise<string>;
  expiresAt: number;
}

/** What a token fetch needs besides the challenge. */
export interface TokenContext {
  readonly registry: string;
  readonly http: HttpClient;
  readonly headers: Readonly<Record<string, string>>;
  readonly credentials?: Credentials;
  /** Whether the registry itself speaks plain HTTP (then its token realm may too). */
  readonly plainHttp?: () => boolean;
  now(): number;
}

// The distribution token spec says 60 s when expires_in is absent; renew a little early.
const DEFAULT_EXPIRY_S = 60;
const EXPIRY_MARGIN = 0.9;

/**
 * Bearer tokens per exact scope set, cached until shortly before they expire; concurrent
 * requests for the same scopes share one token request
 * (https://distribution.github.io/distribution/spec/auth/token/).
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(private readonly context: TokenContext) {}

  /** A token for exactly these scopes (order-insensitive). */
  get(challenge: Challenge, scopes: readonly string[]): Promise<string> {
    const key = `${challenge.params.realm} ${[...scopes].sort().join(' ')}`;
    const cached = this.tokens.get(key);
    if (cached && this.context.now() < cached.expiresAt) return cached.promise;
    const entry: CachedToken = {promise: Promise.resolve(''), expiresAt: Infinity};
    entry.promise = this.fetch(challenge, scopes).then(
      ({token, expiresIn}) => {
        entry.expiresAt = this.context.now() + expiresIn * 1000 * EXPIRY_MARGIN;
        return token;
      },
      error => {
        this.tokens.delete(key);
        throw error;
      }
    );
    this.tokens.set(key, entry);
    return entry.promise;
  }

  /** Forget a token the registry rejected (revoked or expired early). */
  invalidate(challenge: Challenge, scopes: readonly string[]): void {
    this.tokens.delete(`${challenge.params.realm} ${[...scopes].sort().join(' ')}`);
  }

  private async fetch(
    challenge: Challenge,
    scopes: readonly string[]
  ): Promise<{token: string; expiresIn: number}> {
    const {registry, http, credentials} = this.context;
    const realm = challenge.params.realm;
    const fail = (info: {status?: number; reason?: string; temporary: boolean}, cause?: unknown) =>
      new RegistryError({operation: 'fetch token', registry, ...info}, {cause});
    if (!realm) throw fail({reason: 'the bearer challenge has no realm', temporary: false});
    const url = URL.canParse(realm) ? new URL(realm) : undefined;
    // The credentials go to the realm: HTTPS only, unless the registry is plain HTTP itself.
    const plainAllowed = this.context.plainHttp?.() ?? false;
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && plainAllowed))) {
      throw fail({
        reason: `refused token realm ${quoteOutside(realm, 120)}: credentials are only sent over HTTPS`,
        temporary: false
      });
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = {...this.context.headers};
    if (credentials) headers.authorization = basicAuthorization(credentials);
    const res = await http.send({method: 'GET', url, headers});
    const body = await readBody(res.body, 1 << 20).catch(cause => {
      throw fail({reason: 'token response cut short', temporary: true}, cause);
    });
    if (res.status !== 200) {
      const errors = parseOciErrors(body.toString('utf8'));
      throw new RegistryError({
        operation: 'fetch token',
        registry,
        status: res.status,
        errors,
        temporary: isTemporaryStatus(res.status, errors),
        reason: `from ${url.origin}${url.pathname} for ${scopes.join(' ')}`
      });
    }
    let parsed: {token?: unknown; access_token?: unknown; expires_in?: unknown};
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (cause) {
      throw fail({reason: 'token response is not JSON', temporary: true}, cause);
    }
    // Docker Hub sends both "token" and "access_token"; the spec allows either.
    const token = typeof parsed.token === 'string' ? parsed.token : parsed.access_token;
    if (typeof token !== 'string' || token === '') {
      throw fail({reason: 'token response has no token', temporary: false});
    }
    const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : DEFAULT_EXPIRY_S;
    return {token, expiresIn};
  }
}

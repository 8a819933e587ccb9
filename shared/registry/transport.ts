import {Readable} from 'node:stream';
import {quoteOutside} from '../model/outside-text.js';
import {isLoopbackHost, registryApiHost} from '../model/reference.js';
import {Challenge, parseChallenges, preferredChallenge} from './challenge.js';
import {CredentialLookup, TokenCache, basicAuthorization} from './auth.js';
import {RegistryError, causeMessage, isTemporaryStatus, parseOciErrors} from './errors.js';
import {ConnectionError, HttpClient, SendResponse, drain, readBody} from './http.js';
import {Clock, RetryPolicy, parseRetryAfter, withRetry} from './retry.js';

/** Where the client reports progress and retries. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

/** Everything a Transport needs, injected. */
export interface TransportOptions {
  /** Registry host as in references (`docker.io` is sent to registry-1.docker.io). */
  readonly registry: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  readonly userAgent: string;
  readonly credentials?: CredentialLookup;
  /** Allow plain HTTP after HTTPS fails (loopback hosts always may, and try HTTP first). */
  readonly insecure?: boolean;
  /** Skip the scheme probe (e.g. a plain-HTTP buildset registry the caller started itself). */
  readonly scheme?: 'http' | 'https';
}

/** One registry API request. */
export interface RegistryRequest {
  /** Reported in errors, e.g. `PUT manifest`. */
  readonly operation: string;
  readonly repository?: string;
  readonly method: string;
  /** A path below the registry root (`/v2/...`) or an absolute URL (an upload `Location`). */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string | number>>;
  /** Builds the body; called again for every attempt because a stream is consumed once. */
  readonly body?: () => Buffer | Readable | Promise<Buffer | Readable>;
  /** Token scopes for this request. */
  readonly scopes: readonly string[];
  /** Statuses returned to the caller; any other status becomes a RegistryError. */
  readonly expect: readonly number[];
  /** false: one attempt only (the caller retries a larger unit, e.g. a whole blob upload). */
  readonly retry?: boolean;
  /**
   * Blob downloads may be redirected to another origin (S3, a CDN), without credentials; any
   * other request follows redirects on the registry's own origin only.
   */
  readonly crossOriginRedirects?: boolean;
}

const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;

/**
 * Talks to one registry: picks the scheme once (`/v2/` ping), answers auth challenges (basic or
 * bearer with exactly the requested scopes), follows blob redirects without credentials, and
 * retries temporary failures with backoff.
 */
export class Transport {
  private readonly tokens: TokenCache;
  private base?: Promise<{origin: string; challenge?: Challenge}>;
  private challenge?: Challenge;
  /** Set once the probe found the registry on plain HTTP. */
  private plainHttp = false;

  constructor(private readonly options: TransportOptions) {
    this.tokens = new TokenCache({
      registry: options.registry,
      http: options.http,
      headers: {'user-agent': options.userAgent},
      credentials: options.credentials?.(options.registry),
      plainHttp: () => this.plainHttp,
      now: () => options.clock.now()
    });
  }

  /**
   * Send `request` and hand the response to `consume` (which reads or verifies the body), retrying
   * temporary failures of either; without `consume` the response comes back with its body unread.
   */
  async request(request: RegistryRequest): Promise<SendResponse>;
  async request<T>(
    request: RegistryRequest,
    consume: (res: SendResponse) => Promise<T>
  ): Promise<T>;
  async request<T>(
    request: RegistryRequest,
    consume?: (res: SendResponse) => Promise<T>
  ): Promise<T | SendResponse> {
    const attempts = request.retry === false ? 1 : this.options.retry.attempts;
    const once = async (): Promise<T | SendResponse> => {
      try {
        const res = await this.attempt(request);
        return consume ? await consume(res) : res;
      } catch (cause) {
        throw this.wrap(request, cause);
      }
    };
    return withRetry(once, {...this.options.retry, attempts}, this.options.clock, {
      isTemporary: isTemporaryFailure,
      retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined),
      onRetry: (e, n, delay) =>
        this.options.logger.debug(
          `retry ${n} of ${request.operation} in ${delay} ms: ${causeMessage(e) ?? String(e)}`
        )
    });
  }

  /** The origin (`https://host:port`) the registry answers on. */
  async origin(): Promise<string> {
    return (await this.ping()).origin;
  }

  /**
   * Probe now, and open `connections - 1` more connections beside the probe (an unauthenticated
   * `GET /v2/` each, on the scheme the probe tries first) so they are in the pool, handshakes
   * done, when the work starts. A wrong guess of the scheme only costs those requests.
   */
  async warmUp(connections: number): Promise<void> {
    const origin = `${this.schemes()[0]}://${registryApiHost(this.options.registry)}`;
    const extra = Array.from({length: connections - 1}, () =>
      this.options.http
        .send({
          method: 'GET',
          url: new URL('/v2/', origin),
          headers: {'user-agent': this.options.userAgent}
        })
        .then(res => drain(res.body))
        .catch(() => undefined)
    );
    await Promise.all([this.ping(), ...extra]);
  }

  private async attempt(request: RegistryRequest): Promise<SendResponse> {
    const {origin} = await this.ping();
    let url = new URL(request.path, origin);
    let res: SendResponse | undefined;
    for (let auth = 0, hops = 0; ;) {
      const headers: Record<string, string | number> = {
        'user-agent': this.options.userAgent,
        ...request.headers
      };
      // Credentials go to the registry only, never to a redirect target (S3, a CDN).
      if (url.origin === origin) {
        const authorization = await this.authorization(request.scopes);
        if (authorization) headers.authorization = authorization;
      }
      res = await this.options.http.send({
        method: request.method,
        url,
        headers,
        body: await request.body?.()
      });
      this.options.logger.debug(`${request.method} ${url.pathname} → ${res.status}`);
      if (res.status === 401 && url.origin === origin && auth++ === 0) {
        // First 401: learn (or refresh) the challenge, drop a stale token, try once more.
        await drain(res.body);
        this.challenge = preferredChallenge(parseChallenges(header(res, 'www-authenticate')));
        if (this.challenge?.scheme === 'bearer')
          this.tokens.invalidate(this.challenge, request.scopes);
        continue;
      }
      const location = header(res, 'location');
      const redirect =
        [301, 302, 303, 307, 308].includes(res.status) && !request.expect.includes(res.status);
      if (redirect && location && hops++ < MAX_REDIRECTS && request.body === undefined) {
        await drain(res.body);
        url = this.redirectTarget(request, url, location);
        continue;
      }
      break;
    }
    if (request.expect.includes(res.status)) return res;
    throw await this.statusError(request, res);
  }

  /**
   * Where a redirect may lead: http(s) only, never from HTTPS down to plain HTTP, and off the
   * registry's origin only for blob downloads. Anything else is refused, so a hostile registry
   * cannot point our requests at another host (an internal address, another registry).
   */
  private redirectTarget(request: RegistryRequest, from: URL, location: string): URL {
    const refuse = (why: string): RegistryError =>
      new RegistryError({
        operation: request.operation,
        registry: this.options.registry,
        repository: request.repository,
        reason: `refused redirect to ${quoteOutside(location, 120)}: ${why}`,
        temporary: false
      });
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw refuse('not a URL');
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw refuse('not HTTP');
    if (from.protocol === 'https:' && target.protocol !== 'https:') throw refuse('not HTTPS');
    if (target.origin !== from.origin && !request.crossOriginRedirects) {
      throw refuse(`another origin than ${from.origin}`);
    }
    return target;
  }

  private async statusError(request: RegistryRequest, res: SendResponse): Promise<RegistryError> {
    const body = await readBody(res.body, ERROR_BODY_LIMIT).catch(() => Buffer.alloc(0));
    const errors = parseOciErrors(body.toString('utf8'));
    const retryAfterMs = parseRetryAfter(header(res, 'retry-after'), this.options.clock.now());
    return new RegistryError({
      operation: request.operation,
      registry: this.options.registry,
      repository: request.repository,
      status: res.status,
      errors,
      temporary: isTemporaryStatus(res.status, errors),
      retryAfterMs
    });
  }

  private wrap(request: RegistryRequest, cause: unknown): unknown {
    if (cause instanceof RegistryError) return cause;
    return new RegistryError(
      {
        operation: request.operation,
        registry: this.options.registry,
        repository: request.repository,
        temporary: isTemporaryFailure(cause)
      },
      {cause}
    );
  }

  private async authorization(scopes: readonly string[]): Promise<string | undefined> {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    const credentials = this.options.credentials?.(this.options.registry);
    if (challenge.scheme === 'basic') return credentials && basicAuthorization(credentials);
    if (challenge.scheme !== 'bearer') return undefined;
    return `Bearer ${await this.tokens.get(challenge, scopes)}`;
  }

  /** Probe `/v2/` once per client: finds the scheme and the auth challenge. */
  private ping(): Promise<{origin: string; challenge?: Challenge}> {
    // No retry loop here: the request calling ping retries it, with its own attempt budget.
    this.base ??= this.probe().catch(error => {
      this.base = undefined;
      throw error;
    });
    return this.base;
  }

  /** The schemes to probe, in order. */
  private schemes(): string[] {
    // Loopback registries are usually plain HTTP (tests, a buildset registry): try that first.
    // A TLS server answers plain HTTP with 400, and then HTTPS is tried.
    if (this.options.scheme) return [this.options.scheme];
    if (isLoopbackHost(registryApiHost(this.options.registry))) return ['http', 'https'];
    return this.options.insecure ? ['https', 'http'] : ['https'];
  }

  private async probe(): Promise<{origin: string; challenge?: Challenge}> {
    const host = registryApiHost(this.options.registry);
    const schemes = this.schemes();
    const ping = {operation: 'ping', method: 'GET', path: '/v2/', scopes: [], expect: []};
    const errors: unknown[] = [];
    for (const scheme of schemes) {
      const origin = `${scheme}://${host}`;
      try {
        const res = await this.options.http.send({
          method: 'GET',
          url: new URL('/v2/', origin),
          headers: {'user-agent': this.options.userAgent}
        });
        await drain(res.body);
        // A registry answers /v2/ with 200 or 401; a TLS server hit with plain HTTP answers 400.
        if (res.status !== 200 && res.status !== 401) {
          throw new RegistryError({
            operation: 'ping',
            registry: this.options.registry,
            status: res.status,
            temporary: isTemporaryStatus(res.status),
            retryAfterMs: parseRetryAfter(header(res, 'retry-after'), this.options.clock.now())
          });
        }
        this.challenge = preferredChallenge(parseChallenges(header(res, 'www-authenticate')));
        this.plainHttp = scheme === 'http';
        return {origin, challenge: this.challenge};
      } catch (error) {
        // Where both schemes are allowed, any failure of one is a reason to try the other.
        errors.push(error);
      }
    }
    // Report a real failure, not a "wrong scheme" answer (TLS refusing plaintext or vice versa).
    const wrongScheme = (e: unknown): boolean =>
      (e instanceof ConnectionError && /EPROTO|ERR_SSL/.test(e.code ?? '')) ||
      (e instanceof RegistryError && e.status === 400);
    throw this.wrap(ping, errors.find(e => !wrongScheme(e)) ?? errors[0]);
  }
}

/** Whether a failure may go away on retry (a temporary typed error or a connection blip). */
export function isTemporaryFailure(error: unknown): boolean {
  // RegistryError, ConnectionError and DigestMismatchError each know whether they are temporary.
  const temporary = (error as {temporary?: unknown} | undefined)?.temporary;
  if (typeof temporary === 'boolean') return temporary;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ETIMEDOUT';
}

/** A response header as one string. */
export function header(res: SendResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

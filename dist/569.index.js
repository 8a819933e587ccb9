export const id = 569;
export const ids = [569];
export const modules = {

/***/ 9647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ Registry),
  g: () => (/* reexport */ RegistryError)
});

// EXTERNAL MODULE: ./shared/model/grammar.ts
var grammar = __webpack_require__(3437);
// EXTERNAL MODULE: ./shared/model/outside-text.ts
var outside_text = __webpack_require__(2987);
// EXTERNAL MODULE: ./shared/model/reference.ts
var model_reference = __webpack_require__(737);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./shared/registry/errors.ts

// Statuses a registry uses for load or transient trouble; 408 for proxies timing out.
const TEMPORARY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
// distribution's TOOMANYREQUESTS and UNAVAILABLE are transient whatever the status says.
const TEMPORARY_CODES = new Set(['TOOMANYREQUESTS', 'UNAVAILABLE']);
/** Whether an HTTP status (and OCI codes) should be retried. */
function isTemporaryStatus(status, errors = []) {
    return TEMPORARY_STATUSES.has(status) || errors.some(e => TEMPORARY_CODES.has(e.code));
}
/** A registry request failed; the message names the operation, registry and repository. */
class RegistryError extends Error {
    name = 'RegistryError';
    operation;
    registry;
    repository;
    status;
    errors;
    temporary;
    retryAfterMs;
    /** Everything this error was built from, for re-wrapping with context. */
    info;
    constructor(info, options) {
        super(describe(info, options?.cause), options);
        this.info = info;
        this.operation = info.operation;
        this.registry = info.registry;
        this.repository = info.repository;
        this.status = info.status;
        this.errors = info.errors ?? [];
        this.temporary = info.temporary;
        this.retryAfterMs = info.retryAfterMs;
    }
    /** The OCI error codes, e.g. `['MANIFEST_UNKNOWN']`. */
    get codes() {
        return this.errors.map(e => e.code);
    }
}
function describe(info, cause) {
    const where = info.repository ? `${info.registry}/${info.repository}` : info.registry;
    const parts = [`${info.operation} ${where} failed`];
    if (info.context)
        parts.unshift(info.context);
    if (info.status !== undefined)
        parts.push(`HTTP ${info.status}`);
    // The error body is the registry's text: escaped, so it cannot start a line or a command.
    for (const e of (info.errors ?? []).slice(0, 5)) {
        const code = (0,outside_text/* escapeOutside */.XV)(e.code, 60);
        parts.push(e.message ? `${code}: ${(0,outside_text/* escapeOutside */.XV)(e.message)}` : code);
    }
    if (info.reason)
        parts.push((0,outside_text/* escapeOutside */.XV)(info.reason, 1000));
    else if (info.status === undefined && causeMessage(cause))
        parts.push((0,outside_text/* escapeOutside */.XV)(causeMessage(cause), 1000));
    return parts.join(': ');
}
/** The same failure with the use case in front of the message; other errors pass unchanged. */
function withContext(error, context) {
    if (!(error instanceof RegistryError))
        return error;
    const inner = error.info.context ? `${context}: ${error.info.context}` : context;
    return new RegistryError({ ...error.info, context: inner }, { cause: error.cause ?? error });
}
/** Parse the OCI error body; returns [] for bodies that are not `{"errors": [...]}`. */
function parseOciErrors(body) {
    try {
        const parsed = JSON.parse(body);
        if (!Array.isArray(parsed.errors))
            return [];
        return parsed.errors
            .filter((e) => typeof e?.code === 'string')
            .map(e => {
            const { code, message, detail } = e;
            return {
                code,
                ...(typeof message === 'string' && { message }),
                ...(detail !== undefined && { detail })
            };
        });
    }
    catch {
        return [];
    }
}
/**
 * The message of an error-like value. Duck-typed on purpose: errors raised by node internals come
 * from another realm under jest's VM modules, where `instanceof Error` is false.
 */
function causeMessage(cause) {
    const message = cause?.message;
    return typeof message === 'string' && message !== '' ? message : undefined;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./shared/registry/proxy.ts



/** `Proxy-Authorization` for a proxy URL with user info (`http://user:pass@proxy:3128`). */
function proxyHeaders(proxy) {
    if (proxy.username === '' && proxy.password === '')
        return {};
    const credentials = `${proxy.username}:${proxy.password}`;
    return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
/**
 * An https.Agent that reaches each server through the proxy's CONNECT tunnel, then speaks TLS
 * to the server itself (the proxy sees neither the requests nor the credentials). Sockets are
 * pooled and kept alive like any other agent's, so a tunnel is opened once per connection.
 */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    connectTimeoutMs;
    constructor(proxy, options, connectTimeoutMs) {
        super(options);
        this.proxy = proxy;
        this.connectTimeoutMs = connectTimeoutMs;
    }
    createConnection(options, callback) {
        const fail = (error) => callback?.(error, undefined);
        const target = `${options.host}:${options.port}`;
        const secureProxy = this.proxy.protocol === 'https:';
        const connect = (secureProxy ? (external_node_https_default()) : (external_node_http_default())).request({
            host: this.proxy.hostname,
            port: Number(this.proxy.port) || (secureProxy ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers: { host: target, ...proxyHeaders(this.proxy) },
            agent: false
        });
        connect.setTimeout(this.connectTimeoutMs, () => connect.destroy(new Error(`proxy ${this.proxy.host} did not open a tunnel to ${target}`)));
        connect.once('connect', (res, socket) => {
            connect.setTimeout(0);
            if (res.statusCode !== 200) {
                socket.destroy();
                fail(new Error(`proxy ${this.proxy.host} refused a tunnel to ${target}: HTTP ${res.statusCode}`));
                return;
            }
            callback?.(null, external_node_tls_default().connect({ ...options, socket }));
        });
        connect.once('error', fail);
        connect.end();
        // Node's Agent waits for the callback when createConnection returns nothing.
        return undefined;
    }
}

;// CONCATENATED MODULE: ./shared/registry/http.ts




/** A request failed below HTTP (connect, TLS, reset, timeout); `code` is node's error code. */
class ConnectionError extends Error {
    code;
    name = 'ConnectionError';
    constructor(message, code, options) {
        super(message, options);
        this.code = code;
    }
    /** TLS verification failures and refused plaintext are configuration errors, not blips. */
    get temporary() {
        const code = this.code ?? '';
        return !(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|ERR_SSL|ERR_TLS/.test(code) || code === 'ENOTFOUND');
    }
}
/**
 * Sends requests over keep-alive agents (one pool per client, so connections are reused),
 * through the proxy `options.proxy` names for each URL (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
 */
class HttpClient {
    httpAgent;
    httpsAgent;
    /** One tunnelling agent per proxy, so tunnels are pooled and kept alive too. */
    tunnels = new Map();
    agentOptions;
    timeoutMs;
    proxyFor;
    constructor(options = {}) {
        const maxSockets = options.maxSockets ?? 32;
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.proxyFor = options.proxy ?? (() => undefined);
        this.httpAgent = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets, scheduling: 'lifo' });
        const extra = options.ca === undefined ? [] : [options.ca].flat();
        this.agentOptions = {
            keepAlive: true,
            maxSockets,
            scheduling: 'lifo',
            // Node's `ca` replaces the system roots, so keep them next to the custom CA.
            ...(extra.length > 0 && { ca: [...(external_node_tls_default()).rootCertificates, ...extra] })
        };
        this.httpsAgent = new (external_node_https_default()).Agent(this.agentOptions);
    }
    /** Send one request and resolve when the response headers arrive. */
    send(request) {
        const { url } = request;
        const secure = url.protocol === 'https:';
        const proxy = this.proxyFor(url);
        const headers = request.headers;
        const options = proxy
            ? secure
                ? { method: request.method, headers, agent: this.tunnel(proxy) }
                : // Plain HTTP goes to the proxy itself, naming the whole URL (RFC 9112 absolute-form).
                    {
                        method: request.method,
                        host: proxy.hostname,
                        port: Number(proxy.port) || 80,
                        path: url.href,
                        headers: { ...headers, host: url.host, ...proxyHeaders(proxy) },
                        agent: this.httpAgent
                    }
            : { method: request.method, headers, agent: secure ? this.httpsAgent : this.httpAgent };
        const target = proxy && !secure ? undefined : url;
        return new Promise((resolve, reject) => {
            let settled = false;
            const fail = (error) => {
                if (settled)
                    return;
                settled = true;
                reject(toConnectionError(error, request));
            };
            const req = (target === undefined
                ? external_node_http_default().request(options, onResponse)
                : (secure ? (external_node_https_default()) : (external_node_http_default())).request(target, options, onResponse));
            function onResponse(res) {
                if (settled) {
                    res.destroy();
                    return;
                }
                settled = true;
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
            }
            req.setTimeout(this.timeoutMs, () => {
                req.destroy(Object.assign(new Error(`no data for ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
            });
            const body = request.body;
            req.on('error', error => {
                fail(error);
                // Stop reading the source of a streamed body (e.g. another registry's blob response).
                if (body !== undefined && !Buffer.isBuffer(body))
                    body.destroy();
            });
            if (body === undefined)
                req.end();
            else if (Buffer.isBuffer(body))
                req.end(body);
            else {
                // A failing body (e.g. a digest mismatch while streaming) aborts the request with its own error.
                body.on('error', error => {
                    fail(error);
                    req.destroy();
                });
                body.pipe(req);
            }
        });
    }
    /** Close idle keep-alive sockets so the process can exit. */
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
        for (const tunnel of this.tunnels.values())
            tunnel.destroy();
    }
    tunnel(proxy) {
        let agent = this.tunnels.get(proxy.href);
        if (!agent) {
            agent = new TunnelAgent(proxy, this.agentOptions, this.timeoutMs);
            this.tunnels.set(proxy.href, agent);
        }
        return agent;
    }
}
function toConnectionError(error, request) {
    // Duck-typed: node's errors may come from another realm (jest VM modules).
    const message = error?.message;
    if (typeof message !== 'string' || error instanceof ConnectionError)
        return error;
    const code = error.code;
    // Errors raised by our own body stream (digest checks) are not connection problems.
    if (code === undefined && !/socket|hang up|aborted/i.test(message))
        return error;
    if (error.temporary !== undefined)
        return error;
    return new ConnectionError(`${request.method} ${request.url.host}${request.url.pathname}: ${message}`, code, { cause: error });
}
/** Read a whole (small) response body, failing beyond `limit` bytes. */
async function readBody(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > limit) {
            body.destroy();
            throw new Error(`response body larger than ${limit} bytes`);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
}
/** Discard a response body so its socket returns to the pool. */
function drain(body) {
    return new Promise(resolve => {
        if (body.readableEnded || body.destroyed)
            return resolve();
        body.on('end', resolve);
        body.on('error', () => resolve());
        body.on('close', () => resolve());
        body.resume();
    });
}

;// CONCATENATED MODULE: ./shared/registry/auth.ts



/** `repository:<name>:pull`. */
function pullScope(repository) {
    return `repository:${repository}:pull`;
}
/** `repository:<name>:pull,push`. */
function pushScope(repository) {
    return `repository:${repository}:pull,push`;
}
/** Push plus delete: distribution's token auth checks the `delete` action on DELETE requests. */
function deleteScope(repository) {
    return `repository:${repository}:pull,push,delete`;
}
/** `Basic` header value. */
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
// The distribution token spec says 60 s when expires_in is absent; renew a little early.
const DEFAULT_EXPIRY_S = 60;
const EXPIRY_MARGIN = 0.9;
/**
 * Bearer tokens per exact scope set, cached until shortly before they expire; concurrent
 * requests for the same scopes share one token request
 * (https://distribution.github.io/distribution/spec/auth/token/).
 */
class TokenCache {
    context;
    tokens = new Map();
    constructor(context) {
        this.context = context;
    }
    /** A token for exactly these scopes (order-insensitive). */
    get(challenge, scopes) {
        const key = `${challenge.params.realm} ${[...scopes].sort().join(' ')}`;
        const cached = this.tokens.get(key);
        if (cached && this.context.now() < cached.expiresAt)
            return cached.promise;
        const entry = { promise: Promise.resolve(''), expiresAt: Infinity };
        entry.promise = this.fetch(challenge, scopes).then(({ token, expiresIn }) => {
            entry.expiresAt = this.context.now() + expiresIn * 1000 * EXPIRY_MARGIN;
            return token;
        }, error => {
            this.tokens.delete(key);
            throw error;
        });
        this.tokens.set(key, entry);
        return entry.promise;
    }
    /** Forget a token the registry rejected (revoked or expired early). */
    invalidate(challenge, scopes) {
        this.tokens.delete(`${challenge.params.realm} ${[...scopes].sort().join(' ')}`);
    }
    async fetch(challenge, scopes) {
        const { registry, http, credentials } = this.context;
        const realm = challenge.params.realm;
        const fail = (info, cause) => new RegistryError({ operation: 'fetch token', registry, ...info }, { cause });
        if (!realm)
            throw fail({ reason: 'the bearer challenge has no realm', temporary: false });
        const url = URL.canParse(realm) ? new URL(realm) : undefined;
        // The credentials go to the realm: HTTPS only, unless the registry is plain HTTP itself.
        const plainAllowed = this.context.plainHttp?.() ?? false;
        if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && plainAllowed))) {
            throw fail({
                reason: `refused token realm ${(0,outside_text/* quoteOutside */.YM)(realm, 120)}: credentials are only sent over HTTPS`,
                temporary: false
            });
        }
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = { ...this.context.headers };
        if (credentials)
            headers.authorization = basicAuthorization(credentials);
        const res = await http.send({ method: 'GET', url, headers });
        const body = await readBody(res.body, 1 << 20).catch(cause => {
            throw fail({ reason: 'token response cut short', temporary: true }, cause);
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
        let parsed;
        try {
            parsed = JSON.parse(body.toString('utf8'));
        }
        catch (cause) {
            throw fail({ reason: 'token response is not JSON', temporary: true }, cause);
        }
        // Docker Hub sends both "token" and "access_token"; the spec allows either.
        const token = typeof parsed.token === 'string' ? parsed.token : parsed.access_token;
        if (typeof token !== 'string' || token === '') {
            throw fail({ reason: 'token response has no token', temporary: false });
        }
        const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : DEFAULT_EXPIRY_S;
        return { token, expiresIn };
    }
}

;// CONCATENATED MODULE: ./shared/registry/challenge.ts
/**
 * Parse a `WWW-Authenticate` header into its challenges. Handles quoted strings with escapes,
 * unquoted values, and several challenges in one header (`Basic realm="x", Bearer realm="y"`).
 */
function parseChallenges(header) {
    if (!header)
        return [];
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skip = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t' || header[i] === ','))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < n && !' \t,="'.includes(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skip();
        const word = token();
        if (word === '') {
            i++;
            continue;
        }
        let j = i;
        while (j < n && (header[j] === ' ' || header[j] === '\t'))
            j++;
        if (header[j] === '=' && challenges.length > 0) {
            // A parameter of the current challenge.
            i = j + 1;
            while (i < n && (header[i] === ' ' || header[i] === '\t'))
                i++;
            challenges[challenges.length - 1].params[word.toLowerCase()] = value();
        }
        else {
            challenges.push({ scheme: word.toLowerCase(), params: {} });
        }
    }
    return challenges;
    function value() {
        if (header[i] !== '"')
            return token();
        i++;
        let out = '';
        while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n)
                i++;
            out += header[i++];
        }
        i++;
        return out;
    }
}
/** The bearer challenge if there is one, else the basic one, else undefined. */
function preferredChallenge(challenges) {
    return challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic');
}

;// CONCATENATED MODULE: ./shared/registry/retry.ts
/** 5 attempts, 200 ms doubling to 5 s, `Retry-After` honoured up to 60 s. */
const DEFAULT_RETRY_POLICY = {
    attempts: 5,
    baseDelayMs: 200,
    maxDelayMs: 5000,
    maxRetryAfterMs: 60_000
};
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: () => Math.random()
};
/**
 * Delay before retry number `retry` (1-based): "equal jitter" exponential backoff (half fixed,
 * half random, so concurrent clients spread out without ever retrying immediately), or the
 * server's `Retry-After` when that is longer, capped by the policy.
 */
function retryDelay(policy, retry, random, retryAfterMs) {
    const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    const backoff = exp / 2 + (random * exp) / 2;
    if (retryAfterMs === undefined)
        return Math.round(backoff);
    return Math.round(Math.min(policy.maxRetryAfterMs, Math.max(retryAfterMs, backoff)));
}
/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or bad. */
function parseRetryAfter(header, nowMs) {
    if (header === undefined || header.trim() === '')
        return undefined;
    const value = header.trim();
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/**
 * Run `attempt` until it succeeds, a failure is permanent, or the policy's attempts are used up;
 * rethrows the last failure. `attempt` gets the 1-based attempt number and must build any request
 * body afresh (a consumed stream cannot be sent twice).
 */
async function withRetry(attempt, policy, clock, hooks) {
    for (let n = 1;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            if (n >= policy.attempts || !hooks.isTemporary(error))
                throw error;
            const delay = retryDelay(policy, n, clock.random(), hooks.retryAfterMs?.(error));
            hooks.onRetry?.(error, n, delay);
            await clock.sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./shared/registry/transport.ts







const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;
/**
 * Talks to one registry: picks the scheme once (`/v2/` ping), answers auth challenges (basic or
 * bearer with exactly the requested scopes), follows blob redirects without credentials, and
 * retries temporary failures with backoff.
 */
class Transport {
    options;
    tokens;
    base;
    challenge;
    /** Set once the probe found the registry on plain HTTP. */
    plainHttp = false;
    constructor(options) {
        this.options = options;
        this.tokens = new TokenCache({
            registry: options.registry,
            http: options.http,
            headers: { 'user-agent': options.userAgent },
            credentials: options.credentials?.(options.registry),
            plainHttp: () => this.plainHttp,
            now: () => options.clock.now()
        });
    }
    async request(request, consume) {
        const attempts = request.retry === false ? 1 : this.options.retry.attempts;
        const once = async () => {
            try {
                const res = await this.attempt(request);
                return consume ? await consume(res) : res;
            }
            catch (cause) {
                throw this.wrap(request, cause);
            }
        };
        return withRetry(once, { ...this.options.retry, attempts }, this.options.clock, {
            isTemporary: isTemporaryFailure,
            retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined),
            onRetry: (e, n, delay) => this.options.logger.debug(`retry ${n} of ${request.operation} in ${delay} ms: ${causeMessage(e) ?? String(e)}`)
        });
    }
    /** The origin (`https://host:port`) the registry answers on. */
    async origin() {
        return (await this.ping()).origin;
    }
    /**
     * Probe now, and open `connections - 1` more connections beside the probe (an unauthenticated
     * `GET /v2/` each, on the scheme the probe tries first) so they are in the pool, handshakes
     * done, when the work starts. A wrong guess of the scheme only costs those requests.
     */
    async warmUp(connections) {
        const origin = `${this.schemes()[0]}://${(0,model_reference/* registryApiHost */.Mb)(this.options.registry)}`;
        const extra = Array.from({ length: connections - 1 }, () => this.options.http
            .send({
            method: 'GET',
            url: new URL('/v2/', origin),
            headers: { 'user-agent': this.options.userAgent }
        })
            .then(res => drain(res.body))
            .catch(() => undefined));
        await Promise.all([this.ping(), ...extra]);
    }
    async attempt(request) {
        const { origin } = await this.ping();
        let url = new URL(request.path, origin);
        let res;
        for (let auth = 0, hops = 0;;) {
            const headers = {
                'user-agent': this.options.userAgent,
                ...request.headers
            };
            // Credentials go to the registry only, never to a redirect target (S3, a CDN).
            if (url.origin === origin) {
                const authorization = await this.authorization(request.scopes);
                if (authorization)
                    headers.authorization = authorization;
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
            const redirect = [301, 302, 303, 307, 308].includes(res.status) && !request.expect.includes(res.status);
            if (redirect && location && hops++ < MAX_REDIRECTS && request.body === undefined) {
                await drain(res.body);
                url = this.redirectTarget(request, url, location);
                continue;
            }
            break;
        }
        if (request.expect.includes(res.status))
            return res;
        throw await this.statusError(request, res);
    }
    /**
     * Where a redirect may lead: http(s) only, never from HTTPS down to plain HTTP, and off the
     * registry's origin only for blob downloads. Anything else is refused, so a hostile registry
     * cannot point our requests at another host (an internal address, another registry).
     */
    redirectTarget(request, from, location) {
        const refuse = (why) => new RegistryError({
            operation: request.operation,
            registry: this.options.registry,
            repository: request.repository,
            reason: `refused redirect to ${(0,outside_text/* quoteOutside */.YM)(location, 120)}: ${why}`,
            temporary: false
        });
        let target;
        try {
            target = new URL(location, from);
        }
        catch {
            throw refuse('not a URL');
        }
        if (target.protocol !== 'https:' && target.protocol !== 'http:')
            throw refuse('not HTTP');
        if (from.protocol === 'https:' && target.protocol !== 'https:')
            throw refuse('not HTTPS');
        if (target.origin !== from.origin && !request.crossOriginRedirects) {
            throw refuse(`another origin than ${from.origin}`);
        }
        return target;
    }
    async statusError(request, res) {
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
    wrap(request, cause) {
        if (cause instanceof RegistryError)
            return cause;
        return new RegistryError({
            operation: request.operation,
            registry: this.options.registry,
            repository: request.repository,
            temporary: isTemporaryFailure(cause)
        }, { cause });
    }
    async authorization(scopes) {
        const challenge = this.challenge;
        if (!challenge)
            return undefined;
        const credentials = this.options.credentials?.(this.options.registry);
        if (challenge.scheme === 'basic')
            return credentials && basicAuthorization(credentials);
        if (challenge.scheme !== 'bearer')
            return undefined;
        return `Bearer ${await this.tokens.get(challenge, scopes)}`;
    }
    /** Probe `/v2/` once per client: finds the scheme and the auth challenge. */
    ping() {
        // No retry loop here: the request calling ping retries it, with its own attempt budget.
        this.base ??= this.probe().catch(error => {
            this.base = undefined;
            throw error;
        });
        return this.base;
    }
    /** The schemes to probe, in order. */
    schemes() {
        // Loopback registries are usually plain HTTP (tests, a buildset registry): try that first.
        // A TLS server answers plain HTTP with 400, and then HTTPS is tried.
        if (this.options.scheme)
            return [this.options.scheme];
        if ((0,model_reference/* isLoopbackHost */.cW)((0,model_reference/* registryApiHost */.Mb)(this.options.registry)))
            return ['http', 'https'];
        return this.options.insecure ? ['https', 'http'] : ['https'];
    }
    async probe() {
        const host = (0,model_reference/* registryApiHost */.Mb)(this.options.registry);
        const schemes = this.schemes();
        const ping = { operation: 'ping', method: 'GET', path: '/v2/', scopes: [], expect: [] };
        const errors = [];
        for (const scheme of schemes) {
            const origin = `${scheme}://${host}`;
            try {
                const res = await this.options.http.send({
                    method: 'GET',
                    url: new URL('/v2/', origin),
                    headers: { 'user-agent': this.options.userAgent }
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
                return { origin, challenge: this.challenge };
            }
            catch (error) {
                // Where both schemes are allowed, any failure of one is a reason to try the other.
                errors.push(error);
            }
        }
        // Report a real failure, not a "wrong scheme" answer (TLS refusing plaintext or vice versa).
        const wrongScheme = (e) => (e instanceof ConnectionError && /EPROTO|ERR_SSL/.test(e.code ?? '')) ||
            (e instanceof RegistryError && e.status === 400);
        throw this.wrap(ping, errors.find(e => !wrongScheme(e)) ?? errors[0]);
    }
}
/** Whether a failure may go away on retry (a temporary typed error or a connection blip). */
function isTemporaryFailure(error) {
    // RegistryError, ConnectionError and DigestMismatchError each know whether they are temporary.
    const temporary = error?.temporary;
    if (typeof temporary === 'boolean')
        return temporary;
    const code = error?.code;
    return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ETIMEDOUT';
}
/** A response header as one string. */
function header(res, name) {
    const value = res.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}

;// CONCATENATED MODULE: ./shared/registry/blob-upload.ts


/**
 * Start an upload, asking to mount `digest` from `from` in the same registry
 * (`POST /blobs/uploads/?mount=&from=`): 201 means mounted; 202 means the registry declined
 * (blob not found or not readable there) and opened an ordinary upload session instead.
 */
async function mountBlob(dest, digest, from) {
    const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    const res = await dest.transport.request({
        ...dest.base('mount blob', 'POST', `blobs/uploads/${query}`),
        headers: { 'content-length': 0 },
        expect: [201, 202]
    });
    await drain(res.body);
    if (res.status === 201)
        return { mounted: true };
    return { mounted: false, location: uploadLocation(dest, header(res, 'location')) };
}
/**
 * Upload a whole blob in one request (`POST /blobs/uploads/?digest=` with the bytes), which the
 * distribution spec lets a registry support. 201: committed. Otherwise the registry does not
 * take blobs this way: 202 opened an ordinary session (it ignored the bytes), whose location
 * comes back; 400, 405 or 415 refused the form. One attempt: the caller retries the blob.
 */
async function postBlob(dest, digest, size, open) {
    const res = await dest.transport.request({
        ...dest.base('upload blob', 'POST', `blobs/uploads/?digest=${encodeURIComponent(digest)}`),
        headers: { 'content-type': 'application/octet-stream', 'content-length': size },
        body: open,
        expect: [201, 202, 400, 405, 415],
        retry: false
    });
    await drain(res.body);
    if (res.status === 201)
        return { committed: true };
    const location = res.status === 202 ? header(res, 'location') : undefined;
    return { committed: false, ...(location && { location: uploadLocation(dest, location) }) };
}
/** Open an upload session (`POST /blobs/uploads/`) and return its location. */
async function startUpload(dest) {
    const res = await dest.transport.request({
        ...dest.base('start blob upload', 'POST', 'blobs/uploads/'),
        headers: { 'content-length': 0 },
        expect: [202]
    });
    await drain(res.body);
    return uploadLocation(dest, header(res, 'location'));
}
/**
 * Send a blob into an upload session and commit it, in one attempt (a failed session may hold
 * partial data, so the caller retries with a new session). Monolithic: `PUT <location>?digest=`
 * with the streamed body; chunked: `PATCH` with `Content-Range` per chunk, then an empty PUT.
 */
async function uploadBlob(dest, location, body) {
    let url = location;
    if (body.chunkSize !== undefined && body.size > body.chunkSize) {
        const chunks = chunked(await body.open());
        for (let offset = 0; offset < body.size;) {
            const length = Math.min(body.chunkSize, body.size - offset);
            const chunk = await chunks.next(length);
            const res = await dest.transport.request({
                ...dest.base('upload blob chunk', 'PATCH', ''),
                path: url,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': length,
                    'content-range': `${offset}-${offset + length - 1}`
                },
                body: () => chunk,
                expect: [202],
                retry: false
            });
            await drain(res.body);
            // Each PATCH answers with the Location for the next request (it may carry new state).
            url = uploadLocation(dest, header(res, 'location') ?? url);
            offset += length;
        }
        await chunks.done();
        return commit(dest, url, body.digest, 0, undefined);
    }
    return commit(dest, url, body.digest, body.size, body.open);
}
async function commit(dest, location, digest, size, open) {
    const url = new URL(location, 'http://relative.invalid');
    url.searchParams.set('digest', digest);
    // Keep a relative Location relative: the transport resolves it against the registry origin.
    const path = /^[a-z]+:\/\//i.test(location) ? url.toString() : `${url.pathname}${url.search}`;
    const headers = { 'content-length': size };
    if (open)
        headers['content-type'] = 'application/octet-stream';
    const res = await dest.transport.request({
        ...dest.base('upload blob', 'PUT', ''),
        path,
        headers,
        ...(open && { body: open }),
        expect: [201, 204],
        retry: false
    });
    await drain(res.body);
}
/** The upload `Location`, absolute or relative to the registry (the transport resolves both). */
function uploadLocation(dest, location) {
    if (!location)
        throw dest.error('start blob upload', 'the registry sent no Location', true);
    return location;
}
/**
 * Split a stream into consecutive Buffers of the requested lengths. A chunk is buffered so a
 * chunk request can be rebuilt; callers keep chunks small (tens of MiB).
 */
function chunked(source) {
    const iterator = source[Symbol.asyncIterator]();
    let leftover;
    return {
        async next(length) {
            const parts = [];
            let have = 0;
            while (have < length) {
                let piece = leftover;
                leftover = undefined;
                if (!piece) {
                    const { value, done } = await iterator.next();
                    if (done)
                        break;
                    piece = value;
                }
                const take = Math.min(piece.length, length - have);
                parts.push(piece.subarray(0, take));
                if (take < piece.length)
                    leftover = piece.subarray(take);
                have += take;
            }
            return Buffer.concat(parts, have);
        },
        async done() {
            // Drain to the end so the verifier's final digest check runs.
            for (;;) {
                const { done } = await iterator.next();
                if (done)
                    return;
            }
        }
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./shared/registry/digest.ts

/** The sha256 digest (`sha256:<hex>`) of some bytes. */
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`;
}
/** The hash algorithm of a digest as node:crypto names it; undefined when unsupported. */
function digestAlgorithm(digest) {
    const algorithm = digest.slice(0, digest.indexOf(':'));
    return algorithm === 'sha256' || algorithm === 'sha512' ? algorithm : undefined;
}
/** Digest `data` with the same algorithm as `expected` (sha256 when it has none we know). */
function digestLike(expected, data) {
    const algorithm = digestAlgorithm(expected) ?? 'sha256';
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}

// EXTERNAL MODULE: ./shared/registry/media-types.ts
var media_types = __webpack_require__(9836);
;// CONCATENATED MODULE: ./shared/registry/placeholder.ts



/**
 * Marks imagegate's untag placeholders: a placeholder is never an image, so promote must never
 * point a final tag at one, and a tag found on one is a deletion that did not finish.
 */
const PLACEHOLDER_ANNOTATION = 'dev.imagegate.placeholder';
const PLACEHOLDER_KIND = 'untag';
// imagegate 0.1 wrote placeholders before the marker existed; this annotation names them.
const LEGACY_PLACEHOLDER_ANNOTATION = 'dev.imagegate.untag.tag';
/**
 * A tiny manifest unique to this call: an OCI index with no entries (references no blob),
 * marked as a placeholder, with annotations naming the tag, the time and a nonce, so its digest
 * is shared with nothing else.
 */
function untagPlaceholder(tag, now, nonce = (0,external_node_crypto_.randomUUID)()) {
    const parsed = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_INDEX */.$p,
        manifests: [],
        annotations: {
            [PLACEHOLDER_ANNOTATION]: PLACEHOLDER_KIND,
            'org.opencontainers.image.description': 'imagegate untag placeholder',
            'org.opencontainers.image.created': now.toISOString(),
            'dev.imagegate.untag.tag': tag,
            'dev.imagegate.untag.nonce': nonce
        }
    };
    const bytes = Buffer.from(JSON.stringify(parsed));
    return { digest: sha256Digest(bytes), mediaType: media_types/* OCI_INDEX */.$p, bytes, parsed };
}
/** An index that lists no manifest: nothing a final tag may ever name. */
function isEmptyIndex(manifest) {
    const entries = manifest.parsed.manifests;
    return (0,media_types/* isIndex */.nw)(manifest.mediaType) && Array.isArray(entries) && entries.length === 0;
}
/** Whether the manifest is one of imagegate's untag placeholders (marked, or 0.1's). */
function isUntagPlaceholder(manifest) {
    if (!isEmptyIndex(manifest))
        return false;
    const annotations = manifest.parsed.annotations;
    return (annotations?.[PLACEHOLDER_ANNOTATION] === PLACEHOLDER_KIND ||
        typeof annotations?.[LEGACY_PLACEHOLDER_ANNOTATION] === 'string');
}

;// CONCATENATED MODULE: ./shared/registry/artifact.ts









/** The annotation an inline artifact keeps its payload in. */
const PAYLOAD_ANNOTATION = 'dev.imagegate.payload';
// The OCI empty descriptor: config of artifacts that have none
// (https://github.com/opencontainers/image-spec/blob/main/manifest.md#guidance-for-an-empty-descriptor);
// its content is the two bytes `{}`.
const EMPTY = Buffer.from('{}');
const EMPTY_DESCRIPTOR = { mediaType: media_types/* OCI_EMPTY */.g1, digest: sha256Digest(EMPTY), size: 2, data: 'e30=' };
/**
 * Store `content` under `ref.tag` as an OCI 1.1 artifact manifest (empty config, one layer with
 * the payload), replacing what the tag held; returns the manifest digest.
 */
async function putArtifact(ctx, ref, content) {
    const repo = ctx.repository(ref, [pushScope(ref.repository)]);
    const layer = content.inline
        ? EMPTY_DESCRIPTOR
        : {
            mediaType: content.artifactType,
            digest: sha256Digest(content.payload),
            size: content.payload.length
        };
    await Promise.all([
        pushBytes(ctx, repo, EMPTY),
        ...(content.inline ? [] : [pushBytes(ctx, repo, content.payload)])
    ]);
    const annotations = {
        ...content.annotations,
        ...(content.inline && { [PAYLOAD_ANNOTATION]: content.payload.toString('utf8') })
    };
    const parsed = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType: content.artifactType,
        config: EMPTY_DESCRIPTOR,
        layers: [layer],
        ...(Object.keys(annotations).length > 0 && { annotations })
    };
    const bytes = Buffer.from(JSON.stringify(parsed));
    const manifest = {
        digest: sha256Digest(bytes),
        mediaType: media_types/* OCI_MANIFEST */.EG,
        bytes,
        parsed
    };
    await repo.putManifest(ref.tag, manifest);
    return manifest.digest;
}
/**
 * The payload of the artifact under `ref.tag`, or undefined when the tag does not exist (or is
 * on an untag placeholder); fails
 * when the tag holds something other than an `artifactType` artifact or the payload exceeds `limit`.
 */
async function getArtifact(ctx, ref, artifactType, limit) {
    const repo = ctx.repository(ref, [pullScope(ref.repository)]);
    if (!(await repo.headManifest(ref.tag)))
        return undefined;
    const raw = await repo.getManifest(ref.tag);
    // A tag on an untag placeholder is a deletion that did not finish: the artifact is gone.
    if (isUntagPlaceholder(raw))
        return undefined;
    const manifest = raw.parsed;
    const type = manifest.artifactType ?? manifest.config?.mediaType;
    const inline = manifest.annotations?.[PAYLOAD_ANNOTATION];
    if (type === artifactType && typeof inline === 'string') {
        const payload = Buffer.from(inline, 'utf8');
        if (payload.length > limit) {
            throw repo.error('read artifact', `payload of ${payload.length} bytes exceeds ${limit}`, false);
        }
        return payload;
    }
    const layer = manifest.layers?.[0];
    if (type !== artifactType || !layer) {
        throw new RegistryError({
            operation: 'read artifact',
            registry: ref.registry,
            repository: ref.repository,
            reason: `${ref.tag} is not a ${artifactType} artifact (found ${type ?? raw.mediaType})`,
            temporary: false
        });
    }
    if (layer.size > limit) {
        throw repo.error('read artifact', `payload of ${layer.size} bytes exceeds ${limit}`, false);
    }
    return repo.readBlob(layer.digest, limit);
}
/** Upload bytes held in memory unless the repository already has them. */
async function pushBytes(ctx, repo, bytes) {
    const digest = sha256Digest(bytes);
    if (await repo.hasBlob(digest))
        return;
    await withRetry(async () => {
        const session = await startUpload(repo);
        await uploadBlob(repo, session, {
            digest,
            size: bytes.length,
            open: async () => external_node_stream_.Readable.from([bytes])
        });
    }, ctx.blobs.retry, ctx.clock, { isTemporary: isTemporaryFailure });
}

// EXTERNAL MODULE: ./shared/registry/platform.ts
var registry_platform = __webpack_require__(8505);
;// CONCATENATED MODULE: ./shared/registry/index-writer.ts





/**
 * Assemble an index from platform images already pushed to the repository and PUT it under
 * `ref.tag` (a docker manifest list when every member is a docker v2 manifest, else an OCI
 * index). This replaces `docker manifest create/push`, which needs its own TLS setup and cannot
 * use imagegate's credentials; returns the index digest.
 */
async function putIndex(ctx, ref, members) {
    const repo = ctx.repository(ref, [pushScope(ref.repository)]);
    const manifests = await Promise.all(members.map(async (member) => {
        const head = await repo.headManifest(member.digest);
        if (!head) {
            throw new RegistryError({
                operation: 'write index',
                registry: ref.registry,
                repository: ref.repository,
                reason: `platform image ${member.digest} (${member.platform}) is not in the repository`,
                temporary: false
            });
        }
        const { os, architecture, variant } = (0,registry_platform/* parsePlatform */.FL)(member.platform);
        const platform = { architecture, os, ...(variant && { variant }) };
        return { mediaType: head.mediaType, digest: head.digest, size: head.size, platform };
    }));
    const mediaType = manifests.every(m => m.mediaType === media_types/* DOCKER_MANIFEST */.Vv)
        ? media_types/* DOCKER_MANIFEST_LIST */.m6
        : media_types/* OCI_INDEX */.$p;
    const parsed = { schemaVersion: 2, mediaType, manifests };
    const bytes = Buffer.from(JSON.stringify(parsed));
    const manifest = { digest: sha256Digest(bytes), mediaType, bytes, parsed };
    await repo.putManifest(ref.tag, manifest);
    return manifest.digest;
}

;// CONCATENATED MODULE: ./shared/registry/verify-stream.ts



/** Raised when streamed bytes do not match their descriptor; short reads are temporary. */
class DigestMismatchError extends Error {
    temporary;
    name = 'DigestMismatchError';
    constructor(message, 
    /** A short read (truncated response) can be retried; wrong bytes of the right size cannot. */
    temporary) {
        super(message);
        this.temporary = temporary;
    }
}
/**
 * Passes bytes through while hashing and counting them, and holds back the last chunk until the
 * digest and size are confirmed, so a corrupt blob's final bytes never reach the destination
 * and the upload request aborts before the registry can commit it.
 */
class VerifyStream extends external_node_stream_.Transform {
    digest;
    size;
    hash;
    held;
    /** Bytes seen so far. */
    bytes = 0;
    constructor(digest, size) {
        super({ highWaterMark: 1 << 20 });
        this.digest = digest;
        this.size = size;
        this.hash = (0,external_node_crypto_.createHash)(digestAlgorithm(digest) ?? 'sha256');
    }
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        if (this.bytes > this.size) {
            done(new DigestMismatchError(`blob ${this.digest} is longer than ${this.size} bytes`, false));
            return;
        }
        this.hash.update(chunk);
        const previous = this.held;
        this.held = chunk;
        done(null, previous);
    }
    _flush(done) {
        if (this.bytes < this.size) {
            const reason = `blob ${this.digest}: got ${this.bytes} of ${this.size} bytes`;
            done(new DigestMismatchError(reason, true));
            return;
        }
        const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
        if (actual !== this.digest) {
            done(new DigestMismatchError(`blob ${this.digest} has digest ${actual}`, false));
            return;
        }
        done(null, this.held);
    }
}

;// CONCATENATED MODULE: ./shared/registry/blob-copy.ts








/**
 * Blobs up to this size are read into memory once (verified) and try the one-request upload
 * while the registry's support for it is unknown: a registry that ignores the bytes of a POST
 * wastes little, and keeps the connection (it discards a small unread body).
 */
const SMALL_BLOB = 64 * 1024;
/**
 * Make `dest` hold the blob: HEAD first (skip when present); then mount it from a repository
 * of the same registry known to hold it (this run put it there, or the source shares the
 * registry); else stream it from the source GET straight into the destination upload while
 * checking digest and size. The source GET and the upload session open together, one round
 * trip for both; where the registry takes a whole blob in one POST, that POST is the upload.
 * Each upload attempt uses a fresh session and a fresh source GET, since a failed session may
 * hold partial data.
 */
async function copyBlob(source, dest, blob, options) {
    const { ledger, capabilities } = options;
    const registry = dest.registry;
    const held = () => ledger?.holds(registry, dest.name, blob.digest);
    if (await dest.hasBlob(blob.digest)) {
        held();
        return 'skipped';
    }
    let session;
    const known = ledger?.holder(registry, blob.digest, dest.name);
    const from = known ?? (options.mountFrom !== dest.name ? options.mountFrom : undefined);
    if (from !== undefined && capabilities?.get(registry, 'mount') !== false) {
        const scopes = [...new Set([...dest.scopes, pullScope(from)])];
        const mount = await mountBlob(dest.withScopes(scopes), blob.digest, from);
        if (mount.mounted) {
            capabilities?.set(registry, 'mount', true);
            held();
            return 'mounted';
        }
        // Declined although this run put the blob there: the registry does not mount.
        if (known !== undefined)
            capabilities?.set(registry, 'mount', false);
        // 202: an ordinary upload session instead; the bytes go into it.
        session = mount.location;
    }
    await upload(source, dest, blob, session, options);
    held();
    return 'copied';
}
async function upload(source, dest, blob, session, options) {
    const { capabilities } = options;
    const small = blob.size <= SMALL_BLOB;
    // A small blob is read once, verified, and kept for every request that sends it.
    let smallBytes;
    const request = async () => {
        const res = await source.getBlob(blob.digest);
        // A source announcing more bytes than the descriptor says would only be cut off at the
        // size; fail now instead of streaming (or waiting for) the rest.
        const announced = Number(res.headers['content-length'] ?? blob.size);
        if (announced > blob.size) {
            res.body.destroy();
            throw new RegistryError({
                operation: 'GET blob',
                registry: source.registry,
                repository: source.name,
                reason: `the registry announces ${announced} bytes for ${blob.digest} of ${blob.size} bytes`,
                temporary: false
            });
        }
        return res;
    };
    // The body is only piped through the digest and size check once an upload asks for it, so
    // nothing can fail before someone listens.
    const verified = (res) => {
        const verify = new VerifyStream(blob.digest, blob.size);
        res.body.on('error', error => verify.destroy(error));
        verify.on('close', () => res.body.destroy());
        return res.body.pipe(verify);
    };
    await withRetry(async () => {
        // The source GET goes out now, beside the session POST; its answer waits, unread.
        const first = smallBytes ? undefined : request();
        first?.catch(() => undefined);
        let taken = false;
        const fetch = () => {
            const res = !taken && first ? first : request();
            taken = true;
            return res;
        };
        const read = () => {
            const bytes = (smallBytes ??= fetch().then(res => readBody(verified(res), blob.size)));
            bytes.catch(() => {
                if (smallBytes === bytes)
                    smallBytes = undefined;
            });
            return bytes;
        };
        const open = async () => small ? external_node_stream_.Readable.from([await read()], { objectMode: false }) : verified(await fetch());
        try {
            // A small blob is read and verified before the destination is touched: a source that
            // lies about it costs no write at all (a large one streams, checked on the way).
            if (small)
                await read();
            // One POST with the bytes where the registry takes it; while unknown, one small blob
            // asks (the others go the usual way meanwhile, with no wait).
            const registry = dest.registry;
            const known = capabilities?.get(registry, 'monolithic-post');
            const asks = session === undefined &&
                (known === true ||
                    (known === undefined &&
                        small &&
                        (capabilities?.claim(registry, 'monolithic-post') ?? true)));
            if (asks) {
                let posted;
                try {
                    posted = await postBlob(dest, blob.digest, blob.size, open);
                }
                catch (error) {
                    if (known === undefined)
                        capabilities?.release(registry, 'monolithic-post');
                    throw error;
                }
                capabilities?.set(registry, 'monolithic-post', posted.committed);
                if (posted.committed)
                    return;
                session = posted.location;
            }
            const location = session ?? (await startUpload(dest));
            session = undefined;
            await uploadBlob(dest, location, {
                digest: blob.digest,
                size: blob.size,
                open,
                chunkSize: options.chunkSize
            });
        }
        finally {
            if (first && !taken)
                first.then(res => res.body.destroy(), () => undefined);
        }
    }, options.retry, options.clock, {
        isTemporary: isTemporaryFailure,
        retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined),
        onRetry: (e, n, delay) => options.logger.debug(`retry ${n} of blob ${blob.digest} in ${delay} ms: ${causeMessage(e) ?? String(e)}`)
    });
}

;// CONCATENATED MODULE: ./shared/registry/types.ts



/** A media type as RFC 6838 spells it (`type/subtype+suffix`), nothing else. */
const MEDIA_TYPE_RE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
/**
 * Why a descriptor read from a registry cannot be used, or undefined. Its digest goes into URLs
 * of the destination and its size bounds the bytes read, so both must follow their grammar.
 */
function descriptorProblem(value, at) {
    if (typeof value !== 'object' || value === null)
        return `${at} is not a descriptor`;
    const d = value;
    if (typeof d.digest !== 'string')
        return `${at}.digest is missing`;
    const digest = (0,grammar/* digestProblem */.WQ)(d.digest);
    if (digest)
        return `${at}.digest: ${digest}`;
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
        return `${at}.size is not a byte count`;
    if (typeof d.mediaType !== 'string' || !MEDIA_TYPE_RE.test(d.mediaType))
        return `${at}.mediaType is not a media type`;
    return undefined;
}
/** Why the bytes are not a manifest we can copy, or undefined when they are. */
function manifestProblem(parsed, mediaType) {
    if (typeof parsed !== 'object' || parsed === null)
        return 'the manifest is not a JSON object';
    const m = parsed;
    if (m.schemaVersion !== 2)
        return `unsupported schemaVersion ${(0,outside_text/* quoteOutside */.YM)(String(m.schemaVersion), 20)}`;
    if ((0,media_types/* isIndex */.nw)(mediaType)) {
        if (!Array.isArray(m.manifests))
            return 'the index has no "manifests" array';
        for (const [i, entry] of m.manifests.entries()) {
            const problem = descriptorProblem(entry, `manifests[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    }
    if ((0,media_types/* isImageManifest */.pJ)(mediaType)) {
        const ok = typeof m.config === 'object' && m.config !== null && Array.isArray(m.layers);
        if (!ok)
            return 'the manifest has no "config" and "layers"';
        for (const [i, entry] of [m.config, ...m.layers].entries()) {
            const problem = descriptorProblem(entry, i === 0 ? 'config' : `layers[${i - 1}]`);
            if (problem)
                return problem;
        }
        return undefined;
    }
    return `unsupported manifest media type ${(0,outside_text/* quoteOutside */.YM)(mediaType, 100)}`;
}
/**
 * The media type of a manifest: its own `mediaType` field when present (required by Docker v2s2,
 * optional in OCI), else the `Content-Type` the registry sent.
 */
function manifestMediaType(parsed, contentType) {
    const own = parsed?.mediaType;
    if (typeof own === 'string' && own !== '')
        return own;
    const header = (contentType ?? '').split(';')[0].trim();
    if (header !== '' && header !== 'application/json')
        return header;
    // OCI manifests may omit mediaType; a "layers" field tells an image from an index.
    return parsed?.manifests !== undefined
        ? media_types/* OCI_INDEX */.$p
        : media_types/* OCI_MANIFEST */.EG;
}
/** Whether a parsed manifest is an index. */
function isIndexManifest(raw) {
    return isIndex(raw.mediaType);
}
/** The blobs an image manifest references: config first, then layers (foreign `urls` layers skipped). */
function imageBlobs(manifest) {
    // Foreign layers (Windows base images) live outside the registry and are never pushed.
    const layers = manifest.layers.filter(l => !(l.urls && l.urls.length > 0));
    return [manifest.config, ...layers];
}

;// CONCATENATED MODULE: ./shared/registry/copy.ts








/**
 * Copy an image or index to `dest` under each of `tags` (none: by digest only), keeping its digest.
 * Skips tags that already hold the digest; otherwise moves each blob once (HEAD first, mount
 * within a registry, else streamed), writes children before the index, then PUTs every tag.
 */
async function copyImage(ctx, source, dest, tags, options = {}) {
    const mount = source.registry === dest.registry && source.repository !== dest.repository;
    const src = ctx.repository(source, [pullScope(source.repository)]);
    const dstScopes = [pushScope(dest.repository), ...(mount ? [pullScope(source.repository)] : [])];
    const dst = ctx.repository(dest, dstScopes);
    const reference = source.digest ?? source.tag ?? 'latest';
    const filters = options.platforms;
    // Identify the source cheaply (HEAD is not counted as a pull by Docker Hub) while HEADing the
    // destination tags in parallel: the second copy of an unchanged image costs one round trip.
    const identify = async () => {
        if (filters && filters.length > 0) {
            const selected = await selectPlatforms(src, await src.getManifest(reference), filters);
            return { digest: selected.digest, mediaType: selected.mediaType, top: selected };
        }
        if (source.digest)
            return { digest: source.digest, mediaType: '' };
        const head = await src.headManifest(reference);
        if (!head)
            throw notFound(source);
        return head;
    };
    const [identity, heads] = await Promise.all([
        identify(),
        Promise.all(tags.map(t => dst.headManifest(t)))
    ]);
    const { digest, mediaType } = identity;
    let top = identity.top;
    const present = heads.map(h => h?.digest === digest);
    const result = { blobs: { copied: 0, mounted: 0, skipped: 0 }, bytes: 0, manifests: 0 };
    // Without tags (push by digest), the digest itself is what may already be there.
    const done = tags.length > 0 ? present.every(Boolean) : (await dst.headManifest(digest)) !== undefined;
    if (done) {
        ctx.logger.debug(`${(0,model_reference/* formatReference */.FH)(source)}: every destination tag already holds ${digest}`);
        return {
            ...result,
            digest,
            mediaType: top?.mediaType ?? (mediaType || heads[0]?.mediaType || ''),
            tags: tags.map(skipped)
        };
    }
    top ??= await src.getManifest(digest);
    const transfers = new Map();
    const blob = (d) => {
        let transfer = transfers.get(d.digest);
        if (!transfer) {
            // A blob already on its way into this registry (another image sharing a base) is waited
            // for, then mounted: each shared blob is uploaded once per registry. Waiting holds no
            // transfer slot.
            const options = {
                ...ctx.blobs,
                ledger: ctx.ledger,
                ...(mount && { mountFrom: source.repository })
            };
            const mounts = ctx.capabilities.get(dest.registry, 'mount') !== false;
            transfer = ctx.ledger.after(dest.registry, dest.repository, d.digest, () => ctx.limiter(dest.registry).run(() => copyBlob(src, dst, d, options)), mounts);
            transfer.then(outcome => {
                result.blobs[outcome]++;
                if (outcome === 'copied')
                    result.bytes += d.size;
            }, () => undefined);
            transfers.set(d.digest, transfer);
        }
        return transfer;
    };
    const pushContent = async (manifest) => {
        if (!(0,media_types/* isIndex */.nw)(manifest.mediaType)) {
            // Largest first, so a big layer never starts last and runs alone.
            const blobs = imageBlobs(manifest.parsed).sort((x, y) => y.size - x.size);
            await Promise.all(blobs.map(blob));
            return;
        }
        // Children first: a registry may refuse an index whose manifests it does not hold.
        await Promise.all(manifest.parsed.manifests.map(async (child) => {
            if (await dst.headManifest(child.digest))
                return;
            const raw = await src.getManifest(child.digest);
            await pushContent(raw);
            await dst.putManifest(child.digest, raw);
            result.manifests++;
        }));
    };
    try {
        await pushContent(top);
    }
    finally {
        // On failure too: no transfer may outlive the call (and the stats land before reporting).
        await Promise.allSettled(transfers.values());
    }
    const manifest = top;
    if (tags.length === 0)
        await dst.putManifest(manifest.digest, manifest);
    await Promise.all(tags.map((t, i) => (present[i] ? undefined : dst.putManifest(t, manifest))));
    return {
        ...result,
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        tags: tags.map((tag, i) => (present[i] ? skipped(tag) : { tag, status: 'written' }))
    };
}
/**
 * The digest a copy of `source` would put at the destination, found with reads only: the source
 * digest, or with a platform filter the image or reduced index the filter selects.
 */
async function copyDigest(ctx, source, options = {}) {
    const src = ctx.repository(source, [pullScope(source.repository)]);
    const reference = source.digest ?? source.tag ?? 'latest';
    if (options.platforms && options.platforms.length > 0) {
        const top = await src.getManifest(reference);
        return (await selectPlatforms(src, top, options.platforms)).digest;
    }
    if (source.digest)
        return source.digest;
    const head = await src.headManifest(reference);
    if (!head)
        throw notFound(source);
    return head.digest;
}
function skipped(tag) {
    return { tag, status: 'skipped' };
}
function notFound(ref) {
    return new RegistryError({
        operation: 'resolve source',
        registry: ref.registry,
        repository: ref.repository,
        status: 404,
        reason: `${(0,model_reference/* formatReference */.FH)(ref)} does not exist`,
        temporary: false
    });
}
/**
 * Apply a platform filter: all entries match → the index unchanged; one → that image; several →
 * a new index listing only them (a new digest, since the bytes change).
 */
async function selectPlatforms(src, top, filters) {
    if (!(0,media_types/* isIndex */.nw)(top.mediaType))
        return top;
    const index = top.parsed;
    const kept = index.manifests.filter(m => (0,registry_platform/* matchesPlatform */.pC)(m, filters));
    if (kept.length === 0) {
        const available = index.manifests.flatMap(m => m.platform ? [(0,registry_platform/* formatPlatform */.Bq)(m.platform)] : []);
        throw new RegistryError({
            operation: 'select platforms',
            registry: src.registry,
            repository: src.name,
            reason: `no manifest for ${filters.map(registry_platform/* formatPlatform */.Bq).join(', ')} (has ${available.join(', ')})`,
            temporary: false
        });
    }
    if (kept.length === index.manifests.length)
        return top;
    if (kept.length === 1)
        return src.getManifest(kept[0].digest);
    const original = JSON.parse(top.bytes.toString('utf8'));
    const bytes = Buffer.from(JSON.stringify({ ...original, manifests: kept }));
    return {
        digest: sha256Digest(bytes),
        mediaType: top.mediaType,
        bytes,
        parsed: { ...index, manifests: kept }
    };
}

;// CONCATENATED MODULE: ./shared/registry/image-config.ts




// Image configs are small JSON documents; refuse anything absurd.
const CONFIG_LIMIT = 8 * 1024 * 1024;
/**
 * Read an image's config (https://github.com/opencontainers/image-spec/blob/main/config.md). For
 * an index, the config of the first entry matching `platform` (default: the first entry with a
 * real platform; attestation entries say `unknown/unknown`).
 */
async function readImageConfig(ctx, ref, platform) {
    const repo = ctx.repository(ref, [pullScope(ref.repository)]);
    const top = await repo.getManifest(ref.digest ?? ref.tag ?? 'latest');
    let image = top;
    if ((0,media_types/* isIndex */.nw)(top.mediaType)) {
        const entries = top.parsed.manifests;
        const entry = platform
            ? entries.find(m => (0,registry_platform/* matchesPlatform */.pC)(m, [platform]))
            : (entries.find(m => m.platform && m.platform.os !== 'unknown') ?? entries[0]);
        if (!entry) {
            throw new RegistryError({
                operation: 'read image config',
                registry: ref.registry,
                repository: ref.repository,
                reason: 'the index has no matching image',
                temporary: false
            });
        }
        image = await repo.getManifest(entry.digest);
    }
    const config = image.parsed.config;
    const bytes = await repo.readBlob(config.digest, CONFIG_LIMIT);
    const parsed = JSON.parse(bytes.toString('utf8'));
    const created = typeof parsed.created === 'string' ? new Date(parsed.created) : undefined;
    const labels = parsed.config?.Labels;
    return {
        digest: top.digest,
        imageDigest: image.digest,
        configDigest: config.digest,
        ...(created && !Number.isNaN(created.getTime()) && { created }),
        labels: typeof labels === 'object' && labels !== null ? labels : {},
        ...(typeof parsed.os === 'string' && { os: parsed.os }),
        ...(typeof parsed.architecture === 'string' && { architecture: parsed.architecture })
    };
}

// EXTERNAL MODULE: ./shared/registry/limiter.ts
var registry_limiter = __webpack_require__(604);
;// CONCATENATED MODULE: ./shared/registry/blob-ledger.ts
/**
 * Which repositories of each registry hold a blob, as far as this run knows (it uploaded or
 * mounted the blob there, a HEAD found it there, or a copy read it from there), and which
 * transfers of a blob into a registry are under way. Copies of images that share layers (a
 * common base) use it to upload each shared blob once per registry and mount it everywhere
 * else: a mount is one small request instead of the blob's bytes.
 */
class BlobLedger {
    holders = new Map();
    transfers = new Map();
    arriving = new Map();
    /** Note that `repository` of `registry` holds the blob. */
    holds(registry, repository, digest) {
        const k = key(registry, digest);
        let repositories = this.holders.get(k);
        if (!repositories)
            this.holders.set(k, (repositories = new Set()));
        repositories.add(repository);
    }
    /** A repository of `registry` other than `except` known to hold the blob. */
    holder(registry, digest, except) {
        for (const repository of this.holders.get(key(registry, digest)) ?? []) {
            if (repository !== except)
                return repository;
        }
        return undefined;
    }
    /**
     * Run `transfer` (a blob copy into `repository` of `registry`) once the first transfer of the
     * same blob into that registry that is still under way has settled, so this one finds the
     * blob there (or a repository to mount it from) instead of uploading it again. Transfers that
     * wait all go together afterwards, not one after another. `wait: false` runs at once (a
     * registry that cannot mount gains nothing from waiting). A transfer into a repository the
     * blob is already on its way into (two tags of one image set) always waits for that one,
     * and then finds the blob there.
     */
    async after(registry, repository, digest, transfer, wait = true) {
        const here = `${registry}/${repository} ${digest}`;
        const arriving = this.arriving.get(here);
        if (arriving) {
            await arriving.catch(() => undefined);
            return transfer();
        }
        const run = this.afterOthers(registry, digest, transfer, wait);
        this.arriving.set(here, run);
        try {
            return await run;
        }
        finally {
            if (this.arriving.get(here) === run)
                this.arriving.delete(here);
        }
    }
    async afterOthers(registry, digest, transfer, wait) {
        const k = key(registry, digest);
        const first = this.transfers.get(k);
        if (first) {
            if (wait)
                await first.catch(() => undefined);
            return transfer();
        }
        const run = transfer();
        this.transfers.set(k, run);
        try {
            return await run;
        }
        finally {
            this.transfers.delete(k);
        }
    }
}
function key(registry, digest) {
    return `${registry} ${digest}`;
}

;// CONCATENATED MODULE: ./shared/registry/capabilities.ts
/**
 * The answers of every registry this client talked to, kept for the client's life, so a
 * question costs one request per registry and run, not one per image. While a question is
 * being asked, other callers wait for that answer instead of asking again.
 */
class RegistryCapabilities {
    known = new Map();
    asking = new Map();
    claimed = new Set();
    /** true or false once answered; undefined while unknown. */
    get(registry, capability) {
        return this.known.get(capabilities_key(registry, capability));
    }
    set(registry, capability, supported) {
        this.known.set(capabilities_key(registry, capability), supported);
    }
    /**
     * For a question whose asking costs nothing extra when the answer is no (the caller then
     * does what it would have done anyway): true for the one caller that should ask now, while
     * the answer is unknown; everyone else goes the known way without waiting. `release` hands
     * the question back when the attempt did not tell.
     */
    claim(registry, capability) {
        const k = capabilities_key(registry, capability);
        if (this.known.has(k) || this.claimed.has(k))
            return false;
        this.claimed.add(k);
        return true;
    }
    release(registry, capability) {
        this.claimed.delete(capabilities_key(registry, capability));
    }
    /**
     * Ask once: when the answer is unknown and nobody is asking, run `attempt` (a real request
     * the caller needs anyway) and learn from `verdict` (undefined: the answer did not tell).
     * When someone else is asking, wait for them first. Returns the attempt's result when this
     * caller made it, or `{asked: false}` when the answer is known (see `get`).
     */
    async ask(registry, capability, attempt, verdict) {
        const k = capabilities_key(registry, capability);
        for (;;) {
            if (this.known.has(k))
                return { asked: false };
            const pending = this.asking.get(k);
            if (!pending)
                break;
            // A failed or untelling attempt leaves the question open: the next waiter asks.
            await pending.catch(() => undefined);
        }
        const run = attempt();
        this.asking.set(k, run);
        try {
            const result = await run;
            const supported = verdict(result);
            if (supported !== undefined)
                this.known.set(k, supported);
            return { asked: true, result };
        }
        finally {
            this.asking.delete(k);
        }
    }
}
function capabilities_key(registry, capability) {
    return `${capability} ${registry}`;
}

;// CONCATENATED MODULE: ./shared/registry/manifest-cache.ts
// Manifests are a few KiB; this holds thousands while bounding a hostile registry's effect.
const DEFAULT_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * Manifests this run already fetched by digest, per repository: a digest names exactly one
 * sequence of bytes (each was verified against it), so reading it again from the same
 * repository can only give the same answer. Promote reads an image's manifest to check its
 * labels and again to write the final tags; the second read is this cache. Least recently used
 * entries go first once `limitBytes` is reached.
 */
class ManifestCache {
    limitBytes;
    entries = new Map();
    bytes = 0;
    constructor(limitBytes = DEFAULT_LIMIT_BYTES) {
        this.limitBytes = limitBytes;
    }
    get(registry, repository, digest) {
        const k = manifest_cache_key(registry, repository, digest);
        const hit = this.entries.get(k);
        if (hit) {
            // Map order is insertion order: re-insert to mark it recently used.
            this.entries.delete(k);
            this.entries.set(k, hit);
        }
        return hit;
    }
    /** Remember a manifest read from `repository`; only under its own digest. */
    put(registry, repository, manifest) {
        if (manifest.bytes.length > this.limitBytes)
            return;
        const k = manifest_cache_key(registry, repository, manifest.digest);
        if (this.entries.has(k))
            return;
        this.entries.set(k, manifest);
        this.bytes += manifest.bytes.length;
        for (const [oldest, entry] of this.entries) {
            if (this.bytes <= this.limitBytes)
                break;
            this.entries.delete(oldest);
            this.bytes -= entry.bytes.length;
        }
    }
}
function manifest_cache_key(registry, repository, digest) {
    return `${registry}/${repository}@${digest}`;
}

;// CONCATENATED MODULE: ./shared/registry/repository-writes.ts
/**
 * The order of manifest writes into one repository: PUTs may overlap each other, a DELETE runs
 * alone. distribution deletes a manifest by walking every tag of the repository to untag those
 * naming it; a tag written or removed during that walk makes the walk fail half way (a 500), and
 * the tags it had not reached stay behind, naming a manifest that is gone. Waiters are served in
 * arrival order, so a DELETE is never starved by a stream of PUTs.
 */
class RepositoryWrites {
    puts = 0;
    deleting = false;
    waiting = [];
    /** Run a manifest PUT (other PUTs may run at the same time). */
    put(send) {
        return this.run(false, send);
    }
    /** Run a manifest DELETE (nothing else of this repository's writes at the same time). */
    delete(send) {
        return this.run(true, send);
    }
    async run(exclusive, send) {
        if (this.waiting.length > 0 || !this.free(exclusive)) {
            await new Promise(wake => this.waiting.push({ exclusive, wake }));
        }
        else {
            this.take(exclusive);
        }
        try {
            return await send();
        }
        finally {
            if (exclusive)
                this.deleting = false;
            else
                this.puts--;
            this.wakeNext();
        }
    }
    free(exclusive) {
        return !this.deleting && (!exclusive || this.puts === 0);
    }
    take(exclusive) {
        if (exclusive)
            this.deleting = true;
        else
            this.puts++;
    }
    wakeNext() {
        while (this.waiting.length > 0 && this.free(this.waiting[0].exclusive)) {
            const next = this.waiting.shift();
            this.take(next.exclusive);
            next.wake();
            if (next.exclusive)
                return;
        }
    }
}

;// CONCATENATED MODULE: ./shared/registry/inspect.ts


/**
 * HEAD `reference`; an index (or a registry that does not say) is fetched by digest to tell a
 * real index from an empty one or a placeholder. Undefined when the reference does not exist.
 * With `read`, one GET instead (one round trip either way, and the bytes are then at hand for
 * whoever needs the manifest next: the repository keeps what it read by digest).
 */
async function inspectManifest(repo, reference, options = {}) {
    let raw;
    if (options.read) {
        raw = await repo.findManifest(reference);
        if (!raw)
            return undefined;
    }
    else {
        const head = await repo.headManifest(reference);
        if (!head)
            return undefined;
        if (head.mediaType !== '' && !(0,media_types/* isIndex */.nw)(head.mediaType))
            return { ...head, kind: 'image' };
        raw = await repo.getManifest(head.digest);
    }
    const kind = isUntagPlaceholder(raw)
        ? 'placeholder'
        : isEmptyIndex(raw)
            ? 'empty-index'
            : (0,media_types/* isIndex */.nw)(raw.mediaType)
                ? 'index'
                : 'image';
    return { digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length, kind };
}

;// CONCATENATED MODULE: ./shared/registry/link.ts
/**
 * The `rel="next"` target of a `Link` header (RFC 8288), resolved against `base`; undefined on
 * the last page. distribution sends `</v2/<name>/tags/list?last=x&n=100>; rel="next"`.
 */
function nextLink(header, base) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (!match)
            continue;
        const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2]);
        if (rels && rels[1].toLowerCase().split(/\s+/).includes('next')) {
            return new URL(match[1], base).toString();
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./shared/registry/same-origin.ts

/**
 * A pagination link (`Link: <...>; rel="next"`, a JSON `next`) as given, when it points to the
 * same origin (scheme, host and port) as `base`. A link to anywhere else would carry the request
 * — and the token some APIs send with every page — to a host the registry picked; `refuse`
 * builds the error for that.
 */
function sameOriginLink(next, base, refuse) {
    let url;
    try {
        url = new URL(next, base);
    }
    catch {
        throw refuse(`the next-page link ${(0,outside_text/* quoteOutside */.YM)(next)} is not a URL`);
    }
    if (url.origin !== new URL(base).origin) {
        throw refuse(`the next-page link ${(0,outside_text/* quoteOutside */.YM)(next)} leaves ${new URL(base).origin}; pagination is only followed on the same origin`);
    }
    return url.toString();
}

;// CONCATENATED MODULE: ./shared/registry/repository.ts











// Manifests are small; the distribution spec suggests registries cap them at 4 MiB.
const MANIFEST_LIMIT = 4 * 1024 * 1024;
const TAGS_LIMIT = 16 * 1024 * 1024;
// A million tags at distribution's page size; a registry that pages on and on is refused.
const MAX_TAG_PAGES = 1000;
/** One URL path segment: percent-encoded, keeping the `:` of a digest (RFC 3986 allows it). */
function pathSegment(text) {
    return encodeURIComponent(text).replace(/%3A/gi, ':');
}
/**
 * Manifest and tag operations on one repository
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md). Token scopes are fixed
 * per instance so every request reuses one cached token.
 */
class Repository {
    transport;
    registry;
    name;
    scopes;
    manifests;
    writes;
    constructor(transport, registry, name, scopes, manifests, 
    /** Shared by every client of this repository in the client (see RepositoryWrites). */
    writes = new RepositoryWrites()) {
        this.transport = transport;
        this.registry = registry;
        this.name = name;
        this.scopes = scopes;
        this.manifests = manifests;
        this.writes = writes;
        // Names reach URL paths: only the distribution grammar, so no `..` or `?` can steer a request.
        if (!grammar/* REPOSITORY_PATH_RE */.nY.test(name)) {
            throw this.error('open repository', `${(0,outside_text/* quoteOutside */.YM)(name)} is not a repository name`, false);
        }
    }
    /** HEAD a manifest by tag or digest; undefined when it does not exist. */
    async headManifest(reference) {
        const res = await this.transport.request({
            ...this.base('HEAD manifest', 'HEAD', `manifests/${reference}`),
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            expect: [200, 404]
        });
        await drain(res.body);
        if (res.status === 404)
            return undefined;
        const digest = header(res, 'docker-content-digest');
        if (!digest) {
            // Some registries omit the digest on HEAD; GET gives the bytes to hash.
            const raw = await this.getManifest(reference);
            return { digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length };
        }
        const problem = (0,grammar/* digestProblem */.WQ)(digest);
        if (problem)
            throw this.error('HEAD manifest', `Docker-Content-Digest: ${problem}`, false);
        const size = Number(header(res, 'content-length') ?? 0);
        if (!Number.isSafeInteger(size) || size < 0) {
            throw this.error('HEAD manifest', 'the Content-Length is not a byte count', false);
        }
        const mediaType = (header(res, 'content-type') ?? '').split(';')[0].trim();
        return { digest, mediaType, size };
    }
    /**
     * GET a manifest by tag or digest, keeping the exact bytes; the digest is computed from the
     * bytes and must equal the requested digest and the registry's `Docker-Content-Digest`. A
     * digest this run already read from this repository is not fetched again.
     */
    async getManifest(reference) {
        const manifest = await this.readManifest(reference, false);
        if (!manifest)
            throw this.error('GET manifest', `${reference} does not exist`, false);
        return manifest;
    }
    /** GET a manifest like getManifest; undefined when it does not exist (404). */
    findManifest(reference) {
        return this.readManifest(reference, true);
    }
    /** Same repository (transport, cache), other token scopes (e.g. a mount's source too). */
    withScopes(scopes) {
        return new Repository(this.transport, this.registry, this.name, scopes, this.manifests, this.writes);
    }
    async readManifest(reference, missingOk) {
        const byDigest = reference.includes(':');
        const cached = byDigest ? this.manifests?.get(this.registry, this.name, reference) : undefined;
        if (cached)
            return cached;
        const request = {
            ...this.base('GET manifest', 'GET', `manifests/${reference}`),
            headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
            ...(missingOk && { expect: [200, 404] })
        };
        const manifest = await this.transport.request(request, async (res) => {
            if (res.status === 404) {
                await drain(res.body);
                return undefined;
            }
            // A registry announcing a giant manifest is refused before a byte is read.
            if (Number(header(res, 'content-length') ?? 0) > MANIFEST_LIMIT) {
                res.body.destroy();
                throw this.error('GET manifest', `the manifest is larger than ${MANIFEST_LIMIT} bytes`, false);
            }
            const bytes = await readBody(res.body, MANIFEST_LIMIT);
            const claimed = byDigest ? reference : header(res, 'docker-content-digest');
            const bad = claimed !== undefined ? (0,grammar/* digestProblem */.WQ)(claimed) : undefined;
            if (bad)
                throw this.error('GET manifest', `Docker-Content-Digest: ${bad}`, false);
            const digest = digestLike(claimed ?? 'sha256:', bytes);
            if (claimed !== undefined && claimed !== digest) {
                // A truncated or altered body; retrying fetches it again.
                throw this.error('GET manifest', `received bytes hash to ${digest}, expected ${claimed}`, true);
            }
            let parsed;
            try {
                parsed = JSON.parse(bytes.toString('utf8'));
            }
            catch {
                throw this.error('GET manifest', `${reference} is not valid JSON`, true);
            }
            const mediaType = manifestMediaType(parsed, header(res, 'content-type'));
            const problem = manifestProblem(parsed, mediaType);
            if (problem)
                throw this.error('GET manifest', `${reference}: ${problem}`, false);
            return { digest, mediaType, bytes, parsed: parsed };
        });
        if (manifest)
            this.manifests?.put(this.registry, this.name, manifest);
        return manifest;
    }
    /** PUT manifest bytes under a tag or digest; fails if the registry computes another digest. */
    async putManifest(reference, manifest) {
        const res = await this.writes.put(async () => {
            const answer = await this.transport.request({
                ...this.base('PUT manifest', 'PUT', `manifests/${reference}`),
                headers: { 'content-type': manifest.mediaType, 'content-length': manifest.bytes.length },
                body: () => manifest.bytes,
                expect: [200, 201, 202]
            });
            await drain(answer.body);
            return answer;
        });
        const stored = header(res, 'docker-content-digest');
        if (stored !== undefined && stored !== manifest.digest) {
            throw this.error('PUT manifest', `registry stored ${stored}, expected ${manifest.digest}`, false);
        }
    }
    /**
     * DELETE a manifest by tag or digest; returns the status (202 deleted, 404 absent). It runs
     * alone among this client's manifest writes to the repository (see RepositoryWrites).
     */
    async deleteManifest(reference, expect = [200, 202, 404]) {
        const send = async () => {
            const res = await this.transport.request({
                ...this.base('DELETE manifest', 'DELETE', `manifests/${reference}`),
                expect
            });
            await drain(res.body);
            return res.status;
        };
        return this.writes.delete(send);
    }
    /**
     * Every tag, following `Link` pagination. A next link may be relative (the distribution
     * spec's `</v2/...>`) or absolute; each is resolved against the URL of the page that sent it.
     */
    async listTags(pageSize = 1000) {
        const tags = [];
        let pages = 0;
        const seen = new Set();
        let path = `/v2/${this.name}/tags/list?n=${pageSize}`;
        while (path !== undefined) {
            const page = await this.transport.request({ ...this.base('list tags', 'GET', ''), path, expect: [200, 404] }, async (res) => {
                if (res.status === 404) {
                    await drain(res.body);
                    return { tags: [] };
                }
                const body = JSON.parse((await readBody(res.body, TAGS_LIMIT)).toString('utf8'));
                const origin = await this.transport.origin();
                // Each next link is resolved against the page that sent it (relative or absolute).
                const pageUrl = new URL(path, origin).toString();
                const next = nextLink(header(res, 'link'), pageUrl);
                // Names are checked by the caller; anything but strings is not a tag list at all.
                const tags = body.tags ?? [];
                if (!Array.isArray(tags) || tags.some(t => typeof t !== 'string')) {
                    throw this.error('list tags', 'the "tags" of the answer is not a list of strings', false);
                }
                // The next page stays on this registry: a Link elsewhere would take our requests along.
                const refuse = (reason) => this.error('list tags', reason, false);
                return { tags, next: next && sameOriginLink(next, origin, refuse) };
            });
            for (const tag of page.tags)
                tags.push(tag); // no spread: a page may hold 10^5 names
            if (page.next !== undefined && (++pages >= MAX_TAG_PAGES || seen.has(page.next))) {
                const why = seen.has(page.next)
                    ? 'a page links back to an earlier one'
                    : `more than ${MAX_TAG_PAGES} pages`;
                throw this.error('list tags', `${why}; the tag list does not end`, false);
            }
            if (page.next !== undefined)
                seen.add(page.next);
            path = page.next;
        }
        return tags;
    }
    /** HEAD a blob; true when the repository holds it. */
    async hasBlob(digest) {
        const res = await this.transport.request({
            ...this.base('HEAD blob', 'HEAD', `blobs/${digest}`),
            expect: [200, 404]
        });
        await drain(res.body);
        return res.status === 200;
    }
    /** GET a blob as a stream (redirects followed without credentials); the caller reads it. */
    getBlob(digest, retry = true) {
        return this.transport.request({
            ...this.base('GET blob', 'GET', `blobs/${digest}`),
            retry,
            crossOriginRedirects: true
        });
    }
    /** GET a small blob (an image config) into memory, verifying its digest. */
    async readBlob(digest, limit) {
        const request = {
            ...this.base('GET blob', 'GET', `blobs/${digest}`),
            crossOriginRedirects: true
        };
        return this.transport.request(request, async (res) => {
            const bytes = await readBody(res.body, limit);
            const actual = digestLike(digest, bytes);
            if (actual !== digest)
                throw this.error('GET blob', `received ${actual}, expected ${digest}`, true);
            return bytes;
        });
    }
    /**
     * A request template for this repository. A manifest or blob reference in `suffix` must be a
     * tag or a digest: one read from a registry (`1/../../victim/app/manifests/latest`) would
     * otherwise move the request to another repository.
     */
    base(operation, method, suffix) {
        const [, kind, reference] = /^(manifests|blobs)\/([^?]*)$/.exec(suffix) ?? [];
        if (reference !== undefined && suffix !== 'blobs/uploads/') {
            const problem = kind === 'blobs' || reference.includes(':')
                ? (0,grammar/* digestProblem */.WQ)(reference)
                : (0,grammar/* tagProblem */.qH)(reference);
            if (problem)
                throw this.error(operation, problem, false);
            suffix = `${kind}/${pathSegment(reference)}`;
        }
        return {
            operation,
            method,
            repository: this.name,
            path: `/v2/${this.name.split('/').map(pathSegment).join('/')}/${suffix}`,
            scopes: this.scopes,
            expect: [200]
        };
    }
    /** A RegistryError about this repository. */
    error(operation, reason, temporary) {
        return new RegistryError({
            operation,
            registry: this.registry,
            repository: this.name,
            reason,
            temporary
        });
    }
}

;// CONCATENATED MODULE: ./shared/registry/retag.ts


/**
 * Point `tags` of one repository at the manifest `source` (a tag or digest) names: one GET and
 * one PUT per tag, no blob traffic (the blobs are already in the repository). With `knownDigest`
 * the tags are HEADed first and those already holding it are left alone, unless `checked` says
 * the caller has just found none holding it (then the GET may be served from what the client
 * read before: a digest names one manifest).
 */
async function retagImage(ctx, repository, source, tags, knownDigest, checked = false) {
    const repo = ctx.repository(repository, [pushScope(repository.repository)]);
    let pending = tags;
    if (knownDigest !== undefined && !checked) {
        const heads = await Promise.all(tags.map(t => repo.headManifest(t)));
        pending = tags.filter((_, i) => heads[i]?.digest !== knownDigest);
        if (pending.length === 0) {
            const mediaType = heads[0]?.mediaType ?? '';
            return { digest: knownDigest, mediaType, tags: tags.map(tag => ({ tag, status: 'skipped' })) };
        }
    }
    // GET by digest when known, so a concurrent push to the source tag cannot change what we copy.
    const manifest = await repo.getManifest(knownDigest ?? source);
    if (isEmptyIndex(manifest)) {
        // An index without entries (an untag placeholder, a broken push) is no image to tag.
        throw repo.error('retag', `${source} (${manifest.digest}) is an index with no manifests; refusing to tag it`, false);
    }
    await Promise.all(pending.map(t => repo.putManifest(t, manifest)));
    return {
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        tags: tags.map(tag => ({ tag, status: pending.includes(tag) ? 'written' : 'skipped' }))
    };
}

;// CONCATENATED MODULE: ./shared/registry/adapters/rest.ts





const REST_BODY_LIMIT = 32 * 1024 * 1024;
/** Call a registry's REST API with retries on temporary failures; errors are RegistryErrors. */
function restCall(ctx, call) {
    const payload = call.json === undefined ? undefined : Buffer.from(JSON.stringify(call.json));
    const fail = (info, cause) => new RegistryError({ operation: call.operation, registry: call.registry, repository: call.repository, ...info }, { cause });
    return withRetry(async () => {
        const headers = {
            'user-agent': ctx.userAgent,
            accept: 'application/json',
            ...call.headers,
            ...(payload && { 'content-type': 'application/json', 'content-length': payload.length })
        };
        let status;
        let text;
        let link;
        let retryAfter;
        try {
            const res = await ctx.http.send({
                method: call.method,
                url: new URL(call.url),
                headers,
                body: payload
            });
            status = res.status;
            link = res.headers.link;
            retryAfter = res.headers['retry-after'];
            text = (await readBody(res.body, REST_BODY_LIMIT)).toString('utf8');
        }
        catch (cause) {
            throw fail({ temporary: isTemporaryFailure(cause) }, cause);
        }
        if (!call.expect.includes(status)) {
            const reason = (0,outside_text/* escapeOutside */.XV)(text.slice(0, 300).replace(/\s+/g, ' ').trim()) || undefined;
            const retryAfterMs = parseRetryAfter(retryAfter, ctx.clock.now());
            throw fail({ status, reason, temporary: isTemporaryStatus(status), retryAfterMs });
        }
        let body;
        try {
            body = text === '' ? undefined : JSON.parse(text);
        }
        catch (cause) {
            throw fail({ status, reason: 'response is not JSON', temporary: true }, cause);
        }
        return { status, link, body };
    }, ctx.retry, ctx.clock, {
        isTemporary: isTemporaryFailure,
        retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined)
    });
}
/** Parse an API timestamp (ISO 8601 or RFC 1123 as Quay sends); undefined when unparseable. */
function parseApiDate(value) {
    if (typeof value !== 'string')
        return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}

;// CONCATENATED MODULE: ./shared/registry/adapters/docker-hub.ts



/** Docker Hub's web API root; tests point it at a local fixture. */
const DOCKER_HUB_API = 'https://hub.docker.com';
/**
 * Docker Hub tags through `hub.docker.com/v2`: the registry API cannot delete tags there
 * (docker/hub-feedback#2360), so log in (`POST /v2/users/login` → JWT) and use the tag endpoints.
 */
class DockerHubTagApi {
    ctx;
    credentials;
    baseUrl;
    kind = 'docker-hub';
    knowsTagTimes = true;
    jwt;
    constructor(ctx, credentials, baseUrl = DOCKER_HUB_API) {
        this.ctx = ctx;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }
    /** `DELETE /v2/repositories/<ns>/<repo>/tags/<tag>/`. */
    async deleteTag(repository, tag) {
        const res = await restCall(this.ctx, {
            ...this.call(repository, 'delete tag (Docker Hub API)', 'DELETE', `tags/${encodeURIComponent(tag)}/`),
            headers: await this.auth(repository),
            expect: [200, 202, 204, 404]
        });
        return res.status === 404 ? 'absent' : 'deleted';
    }
    /** The tag's `last_updated`. */
    async tagUpdatedAt(repository, tag) {
        const res = await restCall(this.ctx, {
            ...this.call(repository, 'get tag (Docker Hub API)', 'GET', `tags/${encodeURIComponent(tag)}/`),
            headers: await this.auth(repository),
            expect: [200, 404]
        });
        if (res.status === 404)
            return undefined;
        return parseApiDate(res.body.last_updated);
    }
    /** Every tag with its `last_updated`, following `next` pages. */
    async listTags(repository) {
        const tags = [];
        let url = this.call(repository, '', 'GET', 'tags/?page_size=100').url;
        while (url) {
            const res = await restCall(this.ctx, {
                ...this.call(repository, 'list tags (Docker Hub API)', 'GET', ''),
                url,
                headers: await this.auth(repository),
                expect: [200]
            });
            const page = res.body;
            for (const t of Array.isArray(page.results) ? page.results : []) {
                tags.push({
                    name: t.name,
                    updatedAt: parseApiDate(t.last_updated),
                    ...(typeof t.digest === 'string' && { digest: t.digest })
                });
            }
            // The Hub JWT goes with every page: follow `next` only on the API's own origin.
            const refuse = (reason) => new RegistryError({
                operation: 'list tags (Docker Hub API)',
                registry: repository.registry,
                repository: repository.repository,
                reason,
                temporary: false
            });
            url =
                typeof page.next === 'string' && page.next !== ''
                    ? sameOriginLink(page.next, url, refuse)
                    : undefined;
        }
        return tags;
    }
    call(repository, operation, method, suffix) {
        // Hub repositories are exactly namespace/name ("library/alpine").
        const [namespace, ...rest] = repository.repository.split('/');
        const path = `${encodeURIComponent(namespace)}/${encodeURIComponent(rest.join('/'))}`;
        return {
            operation,
            registry: repository.registry,
            repository: repository.repository,
            method,
            url: `${this.baseUrl}/v2/repositories/${path}/${suffix}`
        };
    }
    async auth(repository) {
        const credentials = this.credentials?.(repository.registry);
        if (!credentials) {
            throw new RegistryError({
                operation: 'log in to Docker Hub API',
                registry: repository.registry,
                reason: 'no credentials for docker.io',
                temporary: false
            });
        }
        this.jwt ??= restCall(this.ctx, {
            operation: 'log in to Docker Hub API',
            registry: repository.registry,
            method: 'POST',
            url: `${this.baseUrl}/v2/users/login`,
            json: { username: credentials.username, password: credentials.password },
            expect: [200]
        }).then(res => String(res.body.token ?? ''), error => {
            this.jwt = undefined;
            throw error;
        });
        return { authorization: `JWT ${await this.jwt}` };
    }
}

;// CONCATENATED MODULE: ./shared/registry/adapters/ghcr.ts






/** The GitHub REST API root (`GITHUB_API_URL`); tests point it at a local fixture. */
const GITHUB_API = 'https://api.github.com';
/**
 * GHCR tags: the registry answers 405 to every DELETE (skopeo#1880), so untag — PUT a unique
 * placeholder under the tag — then delete the placeholder's package version through the GitHub
 * Packages REST API (`/orgs|users/<owner>/packages/container/<pkg>/versions`).
 */
class GhcrTagApi {
    ctx;
    oci;
    token;
    baseUrl;
    kind = 'ghcr';
    knowsTagTimes = true;
    // Whether each owner is an organisation or a user, learnt once.
    ownerKinds = new Map();
    constructor(ctx, oci, token, baseUrl = GITHUB_API) {
        this.ctx = ctx;
        this.oci = oci;
        this.token = token;
        this.baseUrl = baseUrl;
    }
    /**
     * Untag, then delete the placeholder version (never the version other tags share). A tag
     * already on a placeholder (an earlier delete that did not finish) only needs the version
     * deleted.
     */
    async deleteTag(repository, tag) {
        const versions = await this.versions(repository);
        if (!versions.some(v => v.metadata?.container?.tags?.includes(tag)))
            return 'absent';
        const placeholder = (await this.oci.placeholderAt(repository, tag)) ??
            (await this.oci.placeholderUnder(repository, tag));
        // The REST listing can lag the registry by a moment; look again a few times.
        const version = await withRetry(async () => {
            const found = (await this.versions(repository)).find(v => v.name === placeholder);
            if (found)
                return found;
            throw new RegistryError({
                operation: 'find placeholder version (GitHub API)',
                registry: repository.registry,
                repository: repository.repository,
                reason: `no package version ${placeholder} yet`,
                temporary: true
            });
        }, this.ctx.retry, this.ctx.clock, { isTemporary: isTemporaryFailure });
        if (!Number.isSafeInteger(version.id) || version.id <= 0) {
            throw this.refuse(repository, 'the package version has no numeric id');
        }
        await restCall(this.ctx, {
            ...(await this.call(repository, 'delete package version (GitHub API)', 'DELETE', `/${version.id}`)),
            expect: [204, 404]
        });
        return 'deleted';
    }
    /** `updated_at` of the package version carrying the tag. */
    async tagUpdatedAt(repository, tag) {
        const version = (await this.versions(repository)).find(v => v.metadata?.container?.tags?.includes(tag));
        return parseApiDate(version?.updated_at);
    }
    /** Every package version, newest first, following `Link` pages. */
    async versions(repository) {
        const all = [];
        let url = (await this.call(repository, '', 'GET', '?per_page=100')).url;
        while (url) {
            const res = await restCall(this.ctx, {
                ...(await this.call(repository, 'list package versions (GitHub API)', 'GET', '')),
                url,
                expect: [200]
            });
            const page = res.body ?? [];
            if (!Array.isArray(page))
                throw this.refuse(repository, 'the answer is not a list of versions');
            for (const version of page)
                all.push(version);
            // The GitHub token goes with every page: follow the Link only on the API's own origin.
            const next = nextLink(res.link, url);
            url = next && sameOriginLink(next, url, reason => this.refuse(repository, reason));
        }
        return all;
    }
    refuse(repository, reason) {
        return new RegistryError({
            operation: 'list package versions (GitHub API)',
            registry: repository.registry,
            repository: repository.repository,
            reason,
            temporary: false
        });
    }
    async call(repository, operation, method, suffix) {
        if (!this.token) {
            throw new RegistryError({
                operation,
                registry: repository.registry,
                repository: repository.repository,
                reason: 'no GitHub token for the Packages API',
                temporary: false
            });
        }
        const [owner, ...rest] = repository.repository.split('/');
        // The package name is the path after the owner, with "/" escaped (owner/a/b → "a%2Fb").
        const pkg = encodeURIComponent(rest.join('/'));
        const headers = {
            authorization: `Bearer ${this.token}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28'
        };
        const base = (kind) => `${this.baseUrl}/${kind}/${owner}/packages/container/${pkg}/versions`;
        let kind = this.ownerKinds.get(owner);
        if (!kind) {
            // Organisation first; a 404 there means the owner is a user.
            const probe = await restCall(this.ctx, {
                operation: 'find package owner (GitHub API)',
                registry: repository.registry,
                repository: repository.repository,
                method: 'GET',
                url: `${base('orgs')}?per_page=1`,
                headers,
                expect: [200, 404]
            });
            kind = probe.status === 200 ? 'orgs' : 'users';
            this.ownerKinds.set(owner, kind);
        }
        const { registry } = repository;
        return {
            operation,
            registry,
            repository: repository.repository,
            method,
            url: `${base(kind)}${suffix}`,
            headers
        };
    }
}

;// CONCATENATED MODULE: ./shared/registry/adapters/oci.ts



/**
 * Tag delete through the registry API alone: OCI `DELETE /manifests/<tag>` where supported,
 * otherwise the untag method — PUT a unique placeholder under the tag, then DELETE the
 * placeholder's digest. Never deletes the digest the tag pointed at, which other tags may share.
 * A tag already on a placeholder is an untag that did not finish: only its DELETE is left.
 */
class OciTagApi {
    ctx;
    kind = 'oci';
    // The registry API keeps no time per tag; staging records stand in (see shared/staging).
    knowsTagTimes = false;
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** Delete the tag; `absent` when it did not exist. */
    async deleteTag(repository, tag) {
        return (await this.deleteTags(repository, [tag]))[0];
    }
    /**
     * Delete several tags of one repository at once. Where the registry cannot delete a tag,
     * one placeholder goes under all of them and a single DELETE of its digest removes them
     * together: the digest is unique to this call, so it names none but these tags.
     */
    async deleteTags(repository, tags, known = []) {
        const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
        const contents = await Promise.all(tags.map((tag, i) => known[i] ?? inspectManifest(repo, tag)));
        const outcomes = contents.map(c => (c ? 'deleted' : 'absent'));
        // A tag on a placeholder is an untag that did not finish: the placeholder is unique to
        // that untag, so deleting its digest touches nothing else.
        const unfinished = new Set(contents.flatMap(c => (c?.kind === 'placeholder' ? [c.digest] : [])));
        for (const digest of unfinished)
            await repo.deleteManifest(digest, [200, 202, 404]);
        let live = tags.filter((_, i) => contents[i] !== undefined && contents[i]?.kind !== 'placeholder');
        if (live.length === 0)
            return outcomes;
        // Whether the registry deletes tags is asked once per run (distribution 2.x answers 400);
        // concurrent deletes wait for that first answer instead of each asking again.
        const { capabilities } = this.ctx;
        const registry = repository.registry;
        const [first] = live;
        const asked = await capabilities.ask(registry, 'tag-delete', () => repo.deleteManifest(first, [200, 202, 400, 404, 405]), status => (status === 400 || status === 405 ? false : status === 404 ? undefined : true));
        if (asked.asked) {
            const status = asked.result;
            if (status === 404)
                outcomes[tags.indexOf(first)] = 'absent';
            if (status === 404 || status === 200 || status === 202)
                live = live.slice(1);
            else
                this.ctx.logger.debug(`${registry}: tag DELETE answered ${status}; using untag`);
        }
        if (capabilities.get(registry, 'tag-delete')) {
            const statuses = await Promise.all(live.map(tag => repo.deleteManifest(tag, [200, 202, 404])));
            live.forEach((tag, i) => {
                if (statuses[i] === 404)
                    outcomes[tags.indexOf(tag)] = 'absent';
            });
            return outcomes;
        }
        if (live.length > 0)
            await this.untag(repository, live);
        return outcomes;
    }
    /** Move the tags to one fresh placeholder and delete the placeholder by digest. */
    async untag(repository, tags) {
        const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
        const placeholder = untagPlaceholder(tags.join(' '), new Date(this.ctx.clock.now()));
        await Promise.all(tags.map(tag => repo.putManifest(tag, placeholder)));
        await repo.deleteManifest(placeholder.digest, [200, 202]);
    }
    /** PUT a unique placeholder under the tag (moving it off the real image); returns its digest. */
    async placeholderUnder(repository, tag) {
        const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
        const placeholder = untagPlaceholder(tag, new Date(this.ctx.clock.now()));
        await repo.putManifest(tag, placeholder);
        return placeholder.digest;
    }
    /** The digest of the placeholder the tag holds (an unfinished untag), if it holds one. */
    async placeholderAt(repository, tag) {
        const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
        const content = await inspectManifest(repo, tag);
        return content?.kind === 'placeholder' ? content.digest : undefined;
    }
    /** The registry API has no tag timestamps (an image's `created` is its build date, not this). */
    async tagUpdatedAt() {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./shared/registry/adapters/quay.ts


/** Quay's API root; tests point it at a local fixture. */
const QUAY_API = 'https://quay.io';
/**
 * Quay tags through `/api/v1` with an OAuth bearer token (an application token with
 * `repo:write`; robot credentials only work on the registry API). Red Hat Quay API reference:
 * `deleteFullTag`, `listRepoTags`.
 */
class QuayTagApi {
    ctx;
    token;
    baseUrl;
    kind = 'quay';
    knowsTagTimes = true;
    constructor(ctx, token, baseUrl = QUAY_API) {
        this.ctx = ctx;
        this.token = token;
        this.baseUrl = baseUrl;
    }
    /** `DELETE /api/v1/repository/<ns>/<repo>/tag/<tag>` → 204. */
    async deleteTag(repository, tag) {
        const res = await restCall(this.ctx, {
            ...this.call(repository, 'delete tag (Quay API)', 'DELETE', `tag/${encodeURIComponent(tag)}`),
            expect: [200, 202, 204, 404]
        });
        return res.status === 404 ? 'absent' : 'deleted';
    }
    /** The active tag's `last_modified`. */
    async tagUpdatedAt(repository, tag) {
        const query = `tag/?specificTag=${encodeURIComponent(tag)}&onlyActiveTags=true`;
        const res = await restCall(this.ctx, {
            ...this.call(repository, 'get tag (Quay API)', 'GET', query),
            expect: [200]
        });
        const tags = res.body.tags ?? [];
        return parseApiDate(tags.find(t => t.name === tag)?.last_modified);
    }
    /** Every active tag with `last_modified`, following `has_additional` pages. */
    async listTags(repository) {
        const tags = [];
        for (let page = 1;; page++) {
            const res = await restCall(this.ctx, {
                ...this.call(repository, 'list tags (Quay API)', 'GET', `tag/?onlyActiveTags=true&limit=100&page=${page}`),
                expect: [200]
            });
            const body = res.body;
            for (const t of body.tags ?? []) {
                tags.push({
                    name: t.name,
                    updatedAt: parseApiDate(t.last_modified),
                    ...(t.manifest_digest && { digest: t.manifest_digest })
                });
            }
            if (!body.has_additional)
                return tags;
        }
    }
    call(repository, operation, method, suffix) {
        if (!this.token) {
            throw new RegistryError({
                operation,
                registry: repository.registry,
                repository: repository.repository,
                reason: 'no Quay API token configured',
                temporary: false
            });
        }
        const path = repository.repository.split('/').map(encodeURIComponent).join('/');
        return {
            operation,
            registry: repository.registry,
            repository: repository.repository,
            method,
            url: `${this.baseUrl}/api/v1/repository/${path}/${suffix}`,
            headers: { authorization: `Bearer ${this.token}` }
        };
    }
}

;// CONCATENATED MODULE: ./shared/registry/tag-apis.ts





// Registries whose registry API cannot delete a tag: Docker Hub (Hub API), Quay (its tag API),
// GHCR (untag, then delete the package version through the GitHub REST API).
const DEFAULT_KINDS = {
    [model_reference/* DOCKER_HUB */.Xb]: 'docker-hub',
    'quay.io': 'quay',
    'ghcr.io': 'ghcr'
};
/** Picks and caches the tag API adapter for each registry host. */
class TagApis {
    rest;
    oci;
    apis = new Map();
    constructor(ctx, rest) {
        this.rest = rest;
        this.oci = new OciTagApi(ctx);
    }
    /** The adapter for a registry host. */
    for(registry) {
        const { options } = this.rest;
        const kind = options.tagApis?.[registry] ?? DEFAULT_KINDS[registry] ?? 'oci';
        if (kind === 'oci')
            return this.oci;
        let api = this.apis.get(kind);
        if (!api) {
            if (kind === 'docker-hub') {
                api = new DockerHubTagApi(this.rest, options.credentials, options.dockerHubApiUrl);
            }
            else if (kind === 'quay') {
                api = new QuayTagApi(this.rest, options.quayToken, options.quayApiUrl);
            }
            else {
                const token = options.githubToken ?? options.credentials?.(registry)?.password;
                api = new GhcrTagApi(this.rest, this.oci, token, options.githubApiUrl);
            }
            this.apis.set(kind, api);
        }
        return api;
    }
    /** Tags with update times from adapters that can list them (Docker Hub, Quay). */
    async listTagInfo(repository) {
        const api = this.for(repository.registry);
        return api.listTags ? api.listTags(repository) : undefined;
    }
}

// EXTERNAL MODULE: ./shared/registry/version.ts
var version = __webpack_require__(8016);
;// CONCATENATED MODULE: ./shared/registry/index.ts
























/** Run a use case, prefixing RegistryErrors with what it was doing. */
async function contextual(context, run) {
    try {
        return await run();
    }
    catch (error) {
        throw withContext(error, context);
    }
}
/** Connections per registry: enough for parallel images, few enough for any registry's limits. */
const DEFAULT_CONNECTIONS = 32;
/** Blob transfers per destination registry at once. */
const DEFAULT_CONCURRENCY = 8;
const silentLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: () => undefined
};
/**
 * The registry client's facade: copy, retag, tag-only delete, tag listing and image inspection
 * over the distribution API, with one connection pool, token cache and limiter set per instance.
 * Call `close()` when done so keep-alive sockets do not hold the process open.
 */
class Registry {
    options;
    http;
    transports = new Map();
    limiters = new Map();
    ctx;
    tagApis;
    constructor(options = {}) {
        this.options = options;
        this.http = new HttpClient({
            ca: options.ca,
            timeoutMs: options.timeoutMs,
            maxSockets: options.connections ?? DEFAULT_CONNECTIONS,
            ...(options.proxy && { proxy: options.proxy })
        });
        const clock = options.clock ?? systemClock;
        const logger = options.logger ?? silentLogger;
        const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
        const capabilities = new RegistryCapabilities();
        const manifests = new ManifestCache();
        // Manifest writes per repository, ordered so a DELETE never overlaps another write.
        const writes = new Map();
        const writesTo = (name) => {
            const key = (0,model_reference/* formatReference */.FH)({ registry: name.registry, repository: name.repository });
            let order = writes.get(key);
            if (!order)
                writes.set(key, (order = new RepositoryWrites()));
            return order;
        };
        this.ctx = {
            repository: (name, scopes) => new Repository(this.transport(name.registry), name.registry, name.repository, scopes, manifests, writesTo(name)),
            limiter: registry => {
                let limiter = this.limiters.get(registry);
                if (!limiter)
                    this.limiters.set(registry, (limiter = new registry_limiter/* Limiter */.j(options.concurrency ?? DEFAULT_CONCURRENCY)));
                return limiter;
            },
            blobs: { retry, clock, logger, chunkSize: options.chunkSize, capabilities },
            ledger: new BlobLedger(),
            capabilities,
            clock,
            logger
        };
        this.tagApis = new TagApis(this.ctx, {
            http: this.http,
            retry,
            clock,
            userAgent: options.userAgent ?? version/* USER_AGENT */._,
            options
        });
    }
    /**
     * Copy `source` to `dest` under `tags` (none: by digest only), keeping the digest; with
     * `platforms` (`linux/amd64`…) only those entries of an index are copied.
     */
    copy(source, dest, tags, options = {}) {
        const platforms = options.platforms?.map((p, i) => (0,registry_platform/* parsePlatform */.FL)(p, `platforms[${i}]`));
        const context = `copying ${(0,model_reference/* formatReference */.FH)(source)} to ${(0,model_reference/* formatReference */.FH)(dest)}`;
        return contextual(context, () => copyImage(this.ctx, source, dest, tags, platforms ? { platforms } : {}));
    }
    /** The digest `copy(source, …, {platforms})` would write, found without writing anything. */
    copyDigest(source, options = {}) {
        const platforms = options.platforms?.map((p, i) => (0,registry_platform/* parsePlatform */.FL)(p, `platforms[${i}]`));
        return contextual(`resolving ${(0,model_reference/* formatReference */.FH)(source)}`, () => copyDigest(this.ctx, source, platforms ? { platforms } : {}));
    }
    /**
     * Point `tags` of `repository` at what `source` (tag or digest) names; no blob traffic. With
     * `digest`, tags already holding it are left alone; `checked` says the caller has just read
     * the tags and none holds it, so they are not read again.
     */
    retag(repository, source, tags, options = {}) {
        const context = `tagging ${(0,model_reference/* formatReference */.FH)(repository)}:${source} as ${tags.join(', ')}`;
        return contextual(context, () => retagImage(this.ctx, repository, source, tags, options.digest, options.checked));
    }
    /** Delete only the tag `ref.tag` (never a digest other tags may share). */
    deleteTag(ref) {
        const api = this.tagApis.for(ref.registry);
        return contextual(`deleting tag ${(0,model_reference/* formatReference */.FH)(ref)}`, () => api.deleteTag(ref, ref.tag));
    }
    /**
     * Delete only these tags of one repository (never a digest other tags may share), together:
     * on a registry that cannot delete a tag, one placeholder and one DELETE for all of them.
     * `known`: what each tag held when the caller just read it (an image or index, or a
     * placeholder), so it is not read again; a tag that changed meanwhile is still only ever
     * moved to a placeholder and removed. Outcomes in the order of `tags`.
     */
    deleteTags(repository, tags, known = []) {
        const api = this.tagApis.for(repository.registry);
        const name = { registry: repository.registry, repository: repository.repository };
        const context = `deleting tags ${tags.join(', ')} of ${(0,model_reference/* formatReference */.FH)(name)}`;
        return contextual(context, () => api.deleteTags
            ? api.deleteTags(name, tags, known)
            : Promise.all(tags.map(tag => api.deleteTag(name, tag))));
    }
    /**
     * Every valid tag of a repository (empty when the repository does not exist). Names that are
     * not tags (`1/../../victim/app/manifests/latest`, a line break) are left out with one
     * warning naming them, escaped: they never reach a URL, a command or a log line as they are.
     */
    async listTags(repository) {
        const repo = this.ctx.repository(repository, [pullScope(repository.repository)]);
        return this.validTags(repository, await repo.listTags(), t => t);
    }
    /** Tags with their last-update times, where the registry's own API offers them. */
    async listTagInfo(repository) {
        const infos = await this.tagApis.listTagInfo(repository);
        return infos && this.validTags(repository, infos, t => t.name);
    }
    validTags(repository, items, name) {
        const isTag = (t) => {
            const n = name(t);
            return typeof n === 'string' && (0,grammar/* tagProblem */.qH)(n) === undefined;
        };
        const invalid = items.filter(t => !isTag(t));
        if (invalid.length === 0)
            return [...items];
        const shown = invalid.slice(0, 5).map(t => (0,outside_text/* quoteOutside */.YM)(String(name(t)), 80));
        const more = invalid.length > 5 ? ` and ${invalid.length - 5} more` : '';
        this.ctx.logger.warning(`${(0,model_reference/* formatReference */.FH)(repository)}: the registry listed ${invalid.length} name${invalid.length === 1 ? '' : 's'} that ${invalid.length === 1 ? 'is' : 'are'} not a valid tag, skipped: ${shown.join(', ')}${more}`);
        return items.filter(isTag);
    }
    /** Digest, media type and size of what `ref` names; undefined when it does not exist. */
    resolve(ref, options = {}) {
        const repo = this.ctx.repository(ref, [pullScope(ref.repository)]);
        const reference = ref.digest ?? ref.tag ?? 'latest';
        if (!options.read)
            return repo.headManifest(reference);
        // GET instead of HEAD for a caller that copies next: the client keeps the manifest, so the
        // copy does not ask for it again (one round trip less).
        return repo
            .findManifest(reference)
            .then(raw => raw && { digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length });
    }
    /**
     * What `ref` holds: an image, an index, an empty index or imagegate's untag placeholder (an
     * index is fetched to tell); undefined when it does not exist. `read`: GET the manifest
     * rather than HEAD it, for a caller that reads it next anyway (the client keeps it).
     */
    inspect(ref, options = {}) {
        const repo = this.ctx.repository(ref, [pullScope(ref.repository)]);
        return contextual(`inspecting ${(0,model_reference/* formatReference */.FH)(ref)}`, () => inspectManifest(repo, ref.digest ?? ref.tag ?? 'latest', options));
    }
    /** Labels, `created`, os and architecture from the image config (an index: `platform` or the first image). */
    imageConfig(ref, platform) {
        return readImageConfig(this.ctx, ref, platform === undefined ? undefined : (0,registry_platform/* parsePlatform */.FL)(platform));
    }
    /**
     * Whether the registry's own API keeps a time per tag (Docker Hub, Quay, GHCR); elsewhere only
     * a staging record can say when a tag was pushed.
     */
    knowsTagTimes(registry) {
        return this.tagApis.for(registry).knowsTagTimes;
    }
    /**
     * How old the tag is, by the registry API's own update time; undefined where the registry has
     * no such API or does not know the tag. Never the image's `created`: that is its build date.
     */
    async tagAge(ref) {
        const api = this.tagApis.for(ref.registry);
        const updatedAt = await api.tagUpdatedAt(ref, ref.tag);
        if (!updatedAt)
            return undefined;
        return { updatedAt, ageMs: this.ctx.clock.now() - updatedAt.getTime(), source: api.kind };
    }
    /** Store a small document as an OCI artifact under `ref.tag`; returns its manifest digest. */
    putArtifact(ref, content) {
        const context = `writing artifact ${(0,model_reference/* formatReference */.FH)(ref)}`;
        return contextual(context, () => putArtifact(this.ctx, ref, content));
    }
    /** The payload of an `artifactType` artifact under `ref.tag`; undefined when the tag is absent. */
    getArtifact(ref, artifactType, limit) {
        const context = `reading artifact ${(0,model_reference/* formatReference */.FH)(ref)}`;
        return contextual(context, () => getArtifact(this.ctx, ref, artifactType, limit));
    }
    /** Assemble an index from platform images already in the repository and tag it. */
    putIndex(ref, members) {
        return contextual(`writing index ${(0,model_reference/* formatReference */.FH)(ref)}`, () => putIndex(this.ctx, ref, members));
    }
    /**
     * Start talking to `registries` now (connection, TLS handshake, the `/v2/` probe that finds
     * the scheme and the auth challenge) while the caller still works out what to ask them, e.g.
     * the merged change from the GitHub API. `connections`: how many requests the caller will
     * send at once (up to the pool size), so that many connections pay their handshakes now, side
     * by side. Sends no credentials and writes nothing; a failure here is left to the first real
     * request, which probes again.
     */
    warmUp(registries, connections = 1) {
        const count = Math.max(1, Math.min(connections, this.options.connections ?? DEFAULT_CONNECTIONS));
        for (const registry of new Set(registries)) {
            this.transport(registry)
                .warmUp(count)
                .catch(() => undefined);
        }
    }
    /** Close pooled connections. */
    close() {
        this.http.close();
    }
    transport(registry) {
        let transport = this.transports.get(registry);
        if (!transport) {
            const { options } = this;
            transport = new Transport({
                registry,
                http: this.http,
                clock: this.ctx.clock,
                retry: this.ctx.blobs.retry,
                logger: this.ctx.logger,
                userAgent: options.userAgent ?? version/* USER_AGENT */._,
                credentials: options.credentials,
                insecure: options.insecure?.includes(registry),
                ...(options.plainHttp?.includes(registry) && { scheme: 'http' })
            });
            this.transports.set(registry, transport);
        }
        return transport;
    }
}


/***/ }),

/***/ 604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/** A counting semaphore: at most `limit` tasks run at once, the rest wait in FIFO order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 1))
            throw new RangeError(`concurrency limit must be at least 1, got ${limit}`);
    }
    /** Run `task` when a slot is free. */
    async run(task) {
        if (this.active >= this.limit)
            await new Promise(resolve => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}


/***/ }),

/***/ 9836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   Vv: () => (/* binding */ DOCKER_MANIFEST),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   g1: () => (/* binding */ OCI_EMPTY),
/* harmony export */   m6: () => (/* binding */ DOCKER_MANIFEST_LIST),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   pJ: () => (/* binding */ isImageManifest)
/* harmony export */ });
/**
 * Manifest media types the client reads and writes
 * (https://github.com/opencontainers/image-spec/blob/main/media-types.md,
 * https://distribution.github.io/distribution/spec/manifest-v2-2/).
 */
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** The OCI empty descriptor's media type, used by the untag placeholder. */
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** Every manifest type, for `Accept`; a registry picks the stored one and never converts. */
const MANIFEST_ACCEPT = [
    OCI_INDEX,
    DOCKER_MANIFEST_LIST,
    OCI_MANIFEST,
    DOCKER_MANIFEST
].join(', ');
/** Whether the media type is a multi-platform index (OCI index or Docker manifest list). */
function isIndex(mediaType) {
    return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}
/** Whether the media type is a single-platform image manifest. */
function isImageManifest(mediaType) {
    return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}


/***/ }),

/***/ 8505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   pC: () => (/* binding */ matchesPlatform)
/* harmony export */ });
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7649);

/** Parse `os/arch[/variant]`; throws InputError naming `field`. */
function parsePlatform(value, field = 'platform') {
    const parts = value.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9._-]+$/i.test(p))) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(field, `"${value}" is not a platform (expected os/arch[/variant])`);
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant !== undefined && { variant }) };
}
/** `os/arch[/variant]` for messages. */
function formatPlatform(platform) {
    const base = `${platform.os}/${platform.architecture}`;
    return platform.variant ? `${base}/${platform.variant}` : base;
}
/** Whether an index entry matches any filter; a filter without variant accepts every variant. */
function matchesPlatform(entry, filters) {
    const p = entry.platform;
    if (!p)
        return false;
    return filters.some(f => f.os === p.os &&
        f.architecture === p.architecture &&
        (f.variant === undefined || f.variant === p.variant));
}


/***/ }),

/***/ 8016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export IMAGEGATE_VERSION */
/** imagegate's version, sent in `User-Agent`; a unit test keeps it equal to package.json's. */
const IMAGEGATE_VERSION = '0.1.0';
/** The `User-Agent` header value registries see (they log it; Docker Hub groups pulls by it). */
const USER_AGENT = `imagegate/${IMAGEGATE_VERSION}`;


/***/ }),

/***/ 471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ loadCredentials)
/* harmony export */ });
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9135);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _model_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1066);





/**
 * Build the credential store from the `registry-credentials` input (parsed and masked as it was
 * read) and the docker config left by `docker login` / docker/login-action, whose secrets are
 * masked the moment they are read.
 */
function loadCredentials(explicit, env = process.env, mask = _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq) {
    const configPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker'), 'config.json');
    const fromDocker = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(configPath)
        ? (0,_model_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDockerConfigAuths */ .Lt)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(configPath, 'utf8'), mask)
        : [];
    return new _model_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .CredentialStore */ .L5([...explicit, ...fromDocker]);
}


/***/ }),

/***/ 4235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ createRegistry)
});

// UNUSED EXPORTS: REGISTRY_CA_ENV

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./shared/model/proxy-env.ts
/**
 * The proxy rules of the runner and @actions/http-client, read from `env`: HTTPS_PROXY for
 * https and HTTP_PROXY for http (the lower-case variables win), none for loopback hosts, and
 * none for a NO_PROXY entry that is `*`, the host, the host:port, or a parent domain
 * (`example.com` and `.example.com` both cover `registry.example.com`). A proxy value without a
 * scheme means http.
 */
function proxyFromEnv(env) {
    return url => {
        if (bypassed(url, env.no_proxy || env.NO_PROXY || ''))
            return undefined;
        const value = url.protocol === 'https:'
            ? env.https_proxy || env.HTTPS_PROXY
            : env.http_proxy || env.HTTP_PROXY;
        if (!value)
            return undefined;
        try {
            return new URL(value);
        }
        catch {
            return /^https?:\/\//.test(value) ? undefined : new URL(`http://${value}`);
        }
    };
}
function bypassed(url, noProxy) {
    const host = url.hostname.toUpperCase();
    if (isLoopback(host))
        return true;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const hosts = [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map(entry => entry.trim().toUpperCase())
        .filter(entry => entry !== '')
        .some(entry => entry === '*' ||
        hosts.some(h => h === entry || h.endsWith(`.${entry}`) || (entry.startsWith('.') && h.endsWith(entry))));
}
function isLoopback(host) {
    return (host === 'LOCALHOST' ||
        host.startsWith('127.') ||
        host.startsWith('[::1]') ||
        host.startsWith('[0:0:0:0:0:0:0:1]'));
}

// EXTERNAL MODULE: ./shared/registry/index.ts + 32 modules
var registry = __webpack_require__(9647);
;// CONCATENATED MODULE: ./shared/runner/registry.ts



/** Environment variable naming extra CA files (PEM, comma-separated) registries may use. */
const REGISTRY_CA_ENV = 'IMAGEGATE_REGISTRY_CA_FILES';
/**
 * The registry client as commands use it: credentials from the store, client chatter as debug
 * lines, the GitHub API (for GHCR package versions) from the context, extra CAs from the
 * environment, the Quay API token from the quay.io credential.
 */
function createRegistry(store, io, options = {}) {
    const { githubToken, concurrency } = options;
    const caFiles = (io.env[REGISTRY_CA_ENV] ?? '').split(',').filter(f => f.trim() !== '');
    const quay = store.find('quay.io');
    return new registry/* Registry */.O({
        credentials: store.lookup,
        ...(caFiles.length > 0 && { ca: caFiles.map(f => (0,external_node_fs_.readFileSync)(f.trim(), 'utf8')) }),
        logger: { debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m) },
        ...(io.ctx.apiUrl && { githubApiUrl: io.ctx.apiUrl }),
        proxy: proxyFromEnv(io.env),
        ...(githubToken && { githubToken }),
        ...(quay?.apiToken && { quayToken: quay.apiToken }),
        ...(concurrency !== undefined && { concurrency })
    });
}


/***/ })

};

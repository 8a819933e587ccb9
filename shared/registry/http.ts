import http from 'node:http';
import https from 'node:https';
import {Readable} from 'node:stream';
import tls from 'node:tls';
import {type ProxyResolver} from '../model/proxy-env.js';
import {TunnelAgent, proxyHeaders} from './proxy.js';

/** Connection settings shared by every request of one client instance. */
export interface HttpOptions {
  /** Extra CA certificates (PEM), trusted in addition to the system roots (the buildset registry's CA). */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Idle timeout: a request fails when the socket is silent this long (headers or body). */
  readonly timeoutMs?: number;
  /** Sockets per host; blob parallelism is limited separately. */
  readonly maxSockets?: number;
  /** The proxy for each URL (HTTPS_PROXY and friends); default: no proxy. */
  readonly proxy?: ProxyResolver;
}

/** One HTTP request; `body` is sent as is (a stream is consumed, so build it per attempt). */
export interface SendRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string | number>>;
  readonly body?: Buffer | Readable;
}

/** A response whose body is still a stream; the caller must consume or destroy it. */
export interface SendResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: http.IncomingMessage;
}

/** A request failed below HTTP (connect, TLS, reset, timeout); `code` is node's error code. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: {cause?: unknown}
  ) {
    super(message, options);
  }

  /** TLS verification failures and refused plaintext are configuration errors, not blips. */
  get temporary(): boolean {
    const code = this.code ?? '';
    return !(
      /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|ERR_SSL|ERR_TLS/.test(code) || code === 'ENOTFOUND'
    );
  }
}

/**
 * Sends requests over keep-alive agents (one pool per client, so connections are reused),
 * through the proxy `options.proxy` names for each URL (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
 */
export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  /** One tunnelling agent per proxy, so tunnels are pooled and kept alive too. */
  private readonly tunnels = new Map<string, TunnelAgent>();
  private readonly agentOptions: https.AgentOptions;
  private readonly timeoutMs: number;
  private readonly proxyFor: ProxyResolver;

  constructor(options: HttpOptions = {}) {
    const maxSockets = options.maxSockets ?? 32;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.proxyFor = options.proxy ?? (() => undefined);
    this.httpAgent = new http.Agent({keepAlive: true, maxSockets, scheduling: 'lifo'});
    const extra = options.ca === undefined ? [] : [options.ca].flat();
    this.agentOptions = {
      keepAlive: true,
      maxSockets,
      scheduling: 'lifo',
      // Node's `ca` replaces the system roots, so keep them next to the custom CA.
      ...(extra.length > 0 && {ca: [...tls.rootCertificates, ...extra]})
    };
    this.httpsAgent = new https.Agent(this.agentOptions);
  }

  /** Send one request and resolve when the response headers arrive. */
  send(request: SendRequest): Promise<SendResponse> {
    const {url} = request;
    const secure = url.protocol === 'https:';
    const proxy = this.proxyFor(url);
    const headers = request.headers as http.OutgoingHttpHeaders;
    const options: http.RequestOptions = proxy
      ? secure
        ? {method: request.method, headers, agent: this.tunnel(proxy)}
        : // Plain HTTP goes to the proxy itself, naming the whole URL (RFC 9112 absolute-form).
          {
            method: request.method,
            host: proxy.hostname,
            port: Number(proxy.port) || 80,
            path: url.href,
            headers: {...headers, host: url.host, ...proxyHeaders(proxy)},
            agent: this.httpAgent
          }
      : {method: request.method, headers, agent: secure ? this.httpsAgent : this.httpAgent};
    const target = proxy && !secure ? undefined : url;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        reject(toConnectionError(error, request));
      };
      const req = (
        target === undefined
          ? http.request(options, onResponse)
          : (secure ? https : http).request(target, options, onResponse)
      ) as http.ClientRequest;
      function onResponse(res: http.IncomingMessage): void {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        resolve({status: res.statusCode ?? 0, headers: res.headers, body: res});
      }
      req.setTimeout(this.timeoutMs, () => {
        req.destroy(
          Object.assign(new Error(`no data for ${this.timeoutMs} ms`), {code: 'ETIMEDOUT'})
        );
      });
      const body = request.body;
      req.on('error', error => {
        fail(error);
        // Stop reading the source of a streamed body (e.g. another registry's blob response).
        if (body !== undefined && !Buffer.isBuffer(body)) body.destroy();
      });
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
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
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    for (const tunnel of this.tunnels.values()) tunnel.destroy();
  }

  private tunnel(proxy: URL): TunnelAgent {
    let agent = this.tunnels.get(proxy.href);
    if (!agent) {
      agent = new TunnelAgent(proxy, this.agentOptions, this.timeoutMs);
      this.tunnels.set(proxy.href, agent);
    }
    return agent;
  }
}

function toConnectionError(error: unknown, request: SendRequest): unknown {
  // Duck-typed: node's errors may come from another realm (jest VM modules).
  const message = (error as {message?: unknown} | null)?.message;
  if (typeof message !== 'string' || error instanceof ConnectionError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  // Errors raised by our own body stream (digest checks) are not connection problems.
  if (code === undefined && !/socket|hang up|aborted/i.test(message)) return error;
  if ((error as {temporary?: unknown}).temporary !== undefined) return error;
  return new ConnectionError(
    `${request.method} ${request.url.host}${request.url.pathname}: ${message}`,
    code,
    {cause: error}
  );
}

/** Read a whole (small) response body, failing beyond `limit` bytes. */
export async function readBody(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new Error(`response body larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Discard a response body so its socket returns to the pool. */
export function drain(body: Readable): Promise<void> {
  return new Promise(resolve => {
    if (body.readableEnded || body.destroyed) return resolve();
    body.on('end', resolve);
    body.on('error', () => resolve());
    body.on('close', () => resolve());
    body.resume();
  });
}

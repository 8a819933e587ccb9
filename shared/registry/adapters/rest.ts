import {escapeOutside} from '../../model/outside-text.js';
import {RegistryError, isTemporaryStatus} from '../errors.js';
import {HttpClient, readBody} from '../http.js';
import {Clock, RetryPolicy, parseRetryAfter, withRetry} from '../retry.js';
import {isTemporaryFailure} from '../transport.js';

/** What the REST adapters share: HTTP pool, retry policy, clock, user agent. */
export interface RestContext {
  readonly http: HttpClient;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly userAgent: string;
}

/** A JSON API call. */
export interface RestCall {
  readonly operation: string;
  /** Registry the API belongs to, for error messages. */
  readonly registry: string;
  readonly repository?: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  /** Statuses that are not errors. */
  readonly expect: readonly number[];
}

/** The status, headers and parsed JSON body (undefined when empty) of a successful call. */
export interface RestResponse {
  readonly status: number;
  readonly link?: string;
  readonly body: unknown;
}

const REST_BODY_LIMIT = 32 * 1024 * 1024;

/** Call a registry's REST API with retries on temporary failures; errors are RegistryErrors. */
export function restCall(ctx: RestContext, call: RestCall): Promise<RestResponse> {
  const payload = call.json === undefined ? undefined : Buffer.from(JSON.stringify(call.json));
  const fail = (
    info: {status?: number; reason?: string; temporary: boolean; retryAfterMs?: number},
    cause?: unknown
  ) =>
    new RegistryError(
      {operation: call.operation, registry: call.registry, repository: call.repository, ...info},
      {cause}
    );
  return withRetry(
    async () => {
      const headers: Record<string, string | number> = {
        'user-agent': ctx.userAgent,
        accept: 'application/json',
        ...call.headers,
        ...(payload && {'content-type': 'application/json', 'content-length': payload.length})
      };
      let status: number;
      let text: string;
      let link: string | undefined;
      let retryAfter: string | undefined;
      try {
        const res = await ctx.http.send({
          method: call.method,
          url: new URL(call.url),
          headers,
          body: payload
        });
        status = res.status;
        link = res.headers.link as string | undefined;
        retryAfter = res.headers['retry-after'] as string | undefined;
        text = (await readBody(res.body, REST_BODY_LIMIT)).toString('utf8');
      } catch (cause) {
        throw fail({temporary: isTemporaryFailure(cause)}, cause);
      }
      if (!call.expect.includes(status)) {
        const reason = escapeOutside(text.slice(0, 300).replace(/\s+/g, ' ').trim()) || undefined;
        const retryAfterMs = parseRetryAfter(retryAfter, ctx.clock.now());
        throw fail({status, reason, temporary: isTemporaryStatus(status), retryAfterMs});
      }
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch (cause) {
        throw fail({status, reason: 'response is not JSON', temporary: true}, cause);
      }
      return {status, link, body};
    },
    ctx.retry,
    ctx.clock,
    {
      isTemporary: isTemporaryFailure,
      retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined)
    }
  );
}

/** Parse an API timestamp (ISO 8601 or RFC 1123 as Quay sends); undefined when unparseable. */
export function parseApiDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

import {escapeOutside} from '../model/outside-text.js';

/** One entry of the distribution-spec error body (https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes). */
export interface OciErrorDetail {
  readonly code: string;
  readonly message?: string;
  readonly detail?: unknown;
}

/** What failed, where: the fields every RegistryError carries. */
export interface RegistryErrorInfo {
  /** What the client was doing, e.g. `PUT manifest`, `upload blob`, `fetch token`. */
  readonly operation: string;
  /** Registry host as in the reference, e.g. `quay.io`, `127.0.0.1:5000`. */
  readonly registry: string;
  readonly repository?: string;
  /** HTTP status, when the registry answered. */
  readonly status?: number;
  readonly errors?: readonly OciErrorDetail[];
  /** Whether retrying the same request may succeed (5xx, 429, resets, truncated bodies). */
  readonly temporary: boolean;
  /** A short explanation when there is no OCI error body (e.g. "digest mismatch"). */
  readonly reason?: string;
  /** How long the registry asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;
  /** The use case, added by the facade: `copying a:1 to b`. */
  readonly context?: string;
}

// Statuses a registry uses for load or transient trouble; 408 for proxies timing out.
const TEMPORARY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
// distribution's TOOMANYREQUESTS and UNAVAILABLE are transient whatever the status says.
const TEMPORARY_CODES = new Set(['TOOMANYREQUESTS', 'UNAVAILABLE']);

/** Whether an HTTP status (and OCI codes) should be retried. */
export function isTemporaryStatus(status: number, errors: readonly OciErrorDetail[] = []): boolean {
  return TEMPORARY_STATUSES.has(status) || errors.some(e => TEMPORARY_CODES.has(e.code));
}

/** A registry request failed; the message names the operation, registry and repository. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  readonly operation: string;
  readonly registry: string;
  readonly repository?: string;
  readonly status?: number;
  readonly errors: readonly OciErrorDetail[];
  readonly temporary: boolean;
  readonly retryAfterMs?: number;
  /** Everything this error was built from, for re-wrapping with context. */
  readonly info: RegistryErrorInfo;

  constructor(info: RegistryErrorInfo, options?: {cause?: unknown}) {
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
  get codes(): string[] {
    return this.errors.map(e => e.code);
  }
}

function describe(info: RegistryErrorInfo, cause: unknown): string {
  const where = info.repository ? `${info.registry}/${info.repository}` : info.registry;
  const parts = [`${info.operation} ${where} failed`];
  if (info.context) parts.unshift(info.context);
  if (info.status !== undefined) parts.push(`HTTP ${info.status}`);
  // The error body is the registry's text: escaped, so it cannot start a line or a command.
  for (const e of (info.errors ?? []).slice(0, 5)) {
    const code = escapeOutside(e.code, 60);
    parts.push(e.message ? `${code}: ${escapeOutside(e.message)}` : code);
  }
  if (info.reason) parts.push(escapeOutside(info.reason, 1000));
  else if (info.status === undefined && causeMessage(cause))
    parts.push(escapeOutside(causeMessage(cause)!, 1000));
  return parts.join(': ');
}

/** The same failure with the use case in front of the message; other errors pass unchanged. */
export function withContext(error: unknown, context: string): unknown {
  if (!(error instanceof RegistryError)) return error;
  const inner = error.info.context ? `${context}: ${error.info.context}` : context;
  return new RegistryError({...error.info, context: inner}, {cause: error.cause ?? error});
}

/** Parse the OCI error body; returns [] for bodies that are not `{"errors": [...]}`. */
export function parseOciErrors(body: string): OciErrorDetail[] {
  try {
    const parsed = JSON.parse(body) as {errors?: unknown};
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors
      .filter((e): e is {code: string} => typeof (e as {code?: unknown})?.code === 'string')
      .map(e => {
        const {code, message, detail} = e as {code: string; message?: unknown; detail?: unknown};
        return {
          code,
          ...(typeof message === 'string' && {message}),
          ...(detail !== undefined && {detail})
        };
      });
  } catch {
    return [];
  }
}

/**
 * The message of an error-like value. Duck-typed on purpose: errors raised by node internals come
 * from another realm under jest's VM modules, where `instanceof Error` is false.
 */
export function causeMessage(cause: unknown): string | undefined {
  const message = (cause as {message?: unknown} | null | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

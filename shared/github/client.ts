import {USER_AGENT} from '../registry/version.js';

/** A failed GitHub REST call, with the status and the endpoint (never the token). */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    readonly status: number,
    readonly endpoint: string,
    detail: string,
    options?: {cause?: unknown}
  ) {
    super(`GitHub API ${endpoint}: ${detail}`, options);
  }
}

export interface GitHubClientOptions {
  /** `GITHUB_API_URL`, e.g. https://api.github.com or a GHES /api/v3 root. */
  readonly apiUrl: string;
  readonly token?: string;
  /** Injected for tests and the CLI; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * The few GitHub REST endpoints imagegate needs, over plain fetch. Responses are JSON; a 404
 * returns undefined where "not there" is a normal answer.
 */
export class GitHubClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: GitHubClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** GET a JSON resource; undefined on 404. */
  async get<T>(path: string): Promise<T | undefined> {
    const response = await this.request('GET', path);
    if (response.status === 404) return undefined;
    return (await response.json()) as T;
  }

  /** Send a request and throw GitHubApiError on a non-2xx status other than 404. */
  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': USER_AGENT
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        ...(body !== undefined && {body: JSON.stringify(body)}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
      });
    } catch (e) {
      throw new GitHubApiError(0, `${method} ${path}`, `request failed: ${(e as Error).message}`, {
        cause: e
      });
    }
    if (!response.ok && response.status !== 404) {
      const text = (await response.text()).slice(0, 300);
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check github-token and its permissions)'
          : '';
      throw new GitHubApiError(
        response.status,
        `${method} ${path}`,
        `HTTP ${response.status}${hint}: ${text}`
      );
    }
    return response;
  }
}

import {errorMessage} from '../model/errors.js';
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
  /** Per request; the retries of 5xx and network failures come on top. Default 30 s. */
  readonly timeoutMs?: number;
  /** Retries of a failing request (default 3), after 1 s, 4 s, 9 s × `retryDelayMs`/1000. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
}

/** The Octokit instance behind the client, with @octokit/plugin-retry. */
type Octokit = Awaited<ReturnType<typeof createOctokit>>;

/**
 * Octokit from @actions/github (GHES base URL, the runner's proxy settings, pagination) with
 * retries, loaded on first use so that commands which never call GitHub do not pay for it.
 */
async function createOctokit(options: GitHubClientOptions) {
  const [{getOctokit}, {GitHub, defaults}, {retry}] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-retry')
  ]);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchThroughProxy = (defaults.request?.fetch ?? globalThis.fetch) as typeof fetch;
  const settings = {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: USER_AGENT,
    retry: {retries: options.retries ?? 3, retryAfterBaseValue: options.retryDelayMs ?? 1000},
    request: {
      ...defaults.request,
      fetch: (url: string, init: RequestInit) =>
        fetchThroughProxy(url, {...init, signal: AbortSignal.timeout(timeoutMs)})
    }
  };
  // getOctokit insists on a token; public repositories can be read without one.
  return options.token
    ? getOctokit(options.token, settings, retry)
    : new (GitHub.plugin(retry))(settings);
}

/**
 * The few GitHub REST endpoints imagegate needs, through Octokit. Paths are relative to the API
 * root (`/repos/o/r/pulls/1`); a 404 returns undefined where "not there" is a normal answer.
 */
export class GitHubClient {
  private octokit?: Promise<Octokit>;

  constructor(private readonly options: GitHubClientOptions) {}

  /** GET a JSON resource; undefined on 404. */
  async get<T>(path: string): Promise<T | undefined> {
    const response = await this.call('GET', path, () =>
      this.client().then(o => o.request(`GET ${path}`))
    );
    return response === undefined ? undefined : (response.data as T);
  }

  /** Every item of a paginated list (`Link: rel="next"`); `[]` on 404. */
  async list<T>(path: string): Promise<T[]> {
    const items = await this.call('GET', path, () =>
      this.client().then(o => o.paginate(`GET ${path}`, {per_page: 100}))
    );
    return (items ?? []) as T[];
  }

  /** Send a request with a JSON body; throws GitHubApiError on failure (404 too). */
  async request(method: string, path: string, body?: Record<string, unknown>): Promise<unknown> {
    const response = await this.call(method, path, () =>
      this.client().then(o => o.request(`${method} ${path}`, body ?? {}))
    );
    if (response === undefined) {
      throw new GitHubApiError(404, `${method} ${path}`, 'HTTP 404: Not Found');
    }
    return response.data;
  }

  private client(): Promise<Octokit> {
    this.octokit ??= createOctokit(this.options);
    return this.octokit;
  }

  /** Run one call; a 404 is undefined, any other failure a GitHubApiError naming the endpoint. */
  private async call<T>(
    method: string,
    path: string,
    run: () => Promise<T>
  ): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      const {status, response} = e as {status?: unknown; response?: unknown};
      if (status === 404) return undefined;
      const endpoint = `${method} ${path}`;
      // No response: the request failed below HTTP (DNS, refused, timeout).
      if (typeof status !== 'number' || response === undefined) {
        throw new GitHubApiError(0, endpoint, `request failed: ${errorMessage(e)}`, {cause: e});
      }
      const hint =
        status === 401 || status === 403 ? ' (check github-token and its permissions)' : '';
      const detail = errorMessage(e).slice(0, 300);
      throw new GitHubApiError(status, endpoint, `HTTP ${status}${hint}: ${detail}`, {cause: e});
    }
  }
}

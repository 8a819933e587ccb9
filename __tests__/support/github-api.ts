/**
 * A local stand-in for the GitHub REST API (the one thing that cannot exist offline), reached by
 * the code under test through GITHUB_API_URL. Routes are `'METHOD /path'` → JSON body, or a
 * function for status codes and bodies that depend on the request. Every request is recorded.
 */
import {createServer, type IncomingMessage} from 'node:http';
import {type AddressInfo} from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Without the query; routes match on it. */
  readonly path: string;
  /** The query parameters (`page`, `per_page`). */
  readonly query: URLSearchParams;
  readonly authorization?: string;
  readonly body: string;
}

export type RouteHandler = (request: RecordedRequest) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

export interface GitHubApiFixture {
  readonly url: string;
  readonly routes: Record<string, unknown | RouteHandler>;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * Start the fixture on a free port of `address` (default loopback). Unknown routes answer 404
 * like GitHub.
 */
export async function startGitHubApi(
  routes: Record<string, unknown | RouteHandler> = {},
  address = '127.0.0.1'
): Promise<GitHubApiFixture> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', 'http://fixture');
    const path = url.pathname;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      ...(req.headers.authorization && {authorization: req.headers.authorization}),
      body
    };
    requests.push(recorded);
    const route = routes[`${recorded.method} ${path}`];
    const answer =
      route === undefined
        ? {status: 404, body: {message: 'Not Found'}}
        : typeof route === 'function'
          ? (route as RouteHandler)(recorded)
          : {status: 200, body: route};
    res.writeHead(answer.status, {'content-type': 'application/json', ...answer.headers});
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>(resolve => server.listen(0, address, resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    routes,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

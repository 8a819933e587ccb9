/**
 * A spec-style paging proxy in front of a real (plain-HTTP) registry. distribution 2.8 ignores
 * `n` and `last` on `tags/list` and never sends a `Link` header, so this proxy answers
 * `GET /v2/<name>/tags/list` itself from the registry's full list: sorted, only tags after
 * `last`, at most min(n, pageSize) of them, and while more remain
 * `Link: </v2/<name>/tags/list?n=<n>&last=<tag>>; rel="next"` (the distribution spec's form; an
 * absolute URL with `absoluteLinks`). Every other request is forwarded unchanged, Host header
 * included, so upload `Location`s point back at the proxy.
 */
import {Agent, createServer, request, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface PagingProxyOptions {
  /** Upstream `127.0.0.1:PORT` (plain HTTP). */
  readonly target: string;
  /** Most tags on one page, whatever `n` asks (default 100). */
  readonly pageSize?: number;
  /** Send `http://host/v2/...` instead of `/v2/...` in `Link`. */
  readonly absoluteLinks?: boolean;
}

export interface PagingProxy {
  /** `127.0.0.1:PORT` of the proxy. */
  readonly host: string;
  /** The `tags/list` requests answered, path and query as sent. */
  readonly pages: string[];
  stop(): Promise<void>;
}

const TAGS_LIST = /^\/v2\/(.+)\/tags\/list$/;

export async function startPagingProxy(options: PagingProxyOptions): Promise<PagingProxy> {
  const [targetHost, targetPort] = options.target.split(':');
  const agent = new Agent({keepAlive: true});
  const pages: string[] = [];
  const pageSize = options.pageSize ?? 100;

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const up = request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent
      },
      upRes => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      }
    );
    up.on('error', () => res.socket?.destroy());
    req.pipe(up);
  };

  const page = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    pages.push(`${url.pathname}${url.search}`);
    const upstream = await fetch(`http://${options.target}${url.pathname}`, {
      headers: req.headers.authorization ? {authorization: req.headers.authorization} : {}
    });
    const text = await upstream.text();
    if (upstream.status !== 200) {
      res.writeHead(upstream.status, {'content-type': 'application/json'});
      res.end(text);
      return;
    }
    const body = JSON.parse(text) as {name: string; tags: string[] | null};
    const last = url.searchParams.get('last');
    const asked = Number(url.searchParams.get('n') ?? pageSize);
    const n = Math.max(1, Math.min(Number.isFinite(asked) ? asked : pageSize, pageSize));
    const all = [...(body.tags ?? [])].sort();
    const after = last === null ? all : all.filter(t => t > last);
    const tags = after.slice(0, n);
    const headers: Record<string, string> = {'content-type': 'application/json'};
    if (after.length > n) {
      const next = `${url.pathname}?n=${n}&last=${encodeURIComponent(tags[tags.length - 1])}`;
      const target = options.absoluteLinks ? `http://${req.headers.host}${next}` : next;
      headers.link = `<${target}>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify({name: body.name, tags}));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (req.method === 'GET' && TAGS_LIST.test(url.pathname)) {
      req.resume();
      page(req, res, url).catch(() => res.socket?.destroy());
      return;
    }
    forward(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    pages,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      agent.destroy();
    }
  };
}

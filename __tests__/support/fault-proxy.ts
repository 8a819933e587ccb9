/**
 * A fault-injection HTTP proxy on loopback in front of a real (plain-HTTP) registry, for the
 * retry tests (the real registry stays behind it: a fake is allowed only for fault injection). Each request draws from a seeded PRNG: with
 * probability `rate` it gets one fault, chosen uniformly from `faults`:
 * - `5xx`: 500/502/503/504 without reaching the registry;
 * - `429`: Too Many Requests with `Retry-After: <retryAfterSeconds>`;
 * - `reset`: the client connection is destroyed before any response;
 * - `truncate`: the registry's response is forwarded with half its body, then the socket dies;
 * - `slow`: the response is forwarded after `slowMs`.
 * The Host header is passed through, so the registry's `Location` headers point back at us.
 */
import {createServer, request, Agent, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type FaultKind = '5xx' | '429' | 'reset' | 'truncate' | 'slow';

export interface FaultProxyOptions {
  /** Upstream `127.0.0.1:PORT` (plain HTTP). */
  target: string;
  seed: number;
  /** Probability in [0, 1] that a request is faulted. */
  rate: number;
  faults?: FaultKind[];
  retryAfterSeconds?: number;
  slowMs?: number;
  /** Only requests for which this returns true may be faulted (default: all). */
  match?: (method: string, path: string) => boolean;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  fault?: FaultKind;
}

export interface FaultProxy {
  /** `127.0.0.1:PORT` of the proxy. */
  host: string;
  requests: ProxiedRequest[];
  /** Change the fault rate between phases of a test. */
  setRate(rate: number): void;
  stop(): Promise<void>;
}

/** mulberry32: small, fast, good enough for test fault schedules. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const random = prng(opts.seed);
  const faults = opts.faults ?? ['5xx', '429', 'reset', 'truncate', 'slow'];
  const agent = new Agent({keepAlive: true});
  const requests: ProxiedRequest[] = [];
  let rate = opts.rate;

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    onResponse: (up: IncomingMessage) => void
  ): void => {
    const up = request(
      {
        host: opts.target.split(':')[0],
        port: Number(opts.target.split(':')[1]),
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent
      },
      onResponse
    );
    up.on('error', () => res.socket?.destroy());
    req.pipe(up);
  };

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const eligible = opts.match ? opts.match(method, path) : true;
    const fault =
      eligible && random() < rate ? faults[Math.floor(random() * faults.length)] : undefined;
    requests.push({method, path, ...(fault && {fault})});
    const respond = (status: number, headers: Record<string, string> = {}) => {
      req.resume();
      req.on('end', () => {
        const body = JSON.stringify({errors: [{code: 'UNAVAILABLE', message: 'injected fault'}]});
        res.writeHead(status, {'content-type': 'application/json', ...headers});
        res.end(body);
      });
    };
    switch (fault) {
      case '5xx':
        return respond([500, 502, 503, 504][Math.floor(random() * 4)]);
      case '429':
        return respond(429, {'retry-after': String(opts.retryAfterSeconds ?? 0)});
      case 'reset':
        req.socket.destroy();
        return;
      case 'truncate':
        return forward(req, res, up => {
          const length = Number(up.headers['content-length'] ?? 0);
          if (method === 'HEAD' || length < 2) {
            up.resume();
            res.socket?.destroy();
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          let left = Math.floor(length / 2);
          up.on('data', (chunk: Buffer) => {
            if (left <= 0) return;
            const part = chunk.subarray(0, left);
            left -= part.length;
            res.write(part);
            if (left <= 0) {
              up.destroy();
              setImmediate(() => res.socket?.destroy());
            }
          });
        });
      default:
        return forward(req, res, up => {
          const send = () => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          };
          if (fault === 'slow') setTimeout(send, opts.slowMs ?? 200);
          else send();
        });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    setRate: r => {
      rate = r;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      agent.destroy();
    }
  };
}

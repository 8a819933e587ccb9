/**
 * A proxy in front of a real (plain-HTTP) registry that stands in for the registry dying in the
 * middle of a write sequence. It counts write requests (anything but GET and HEAD). Armed with
 * `crashAfterWrite(k)`, it forwards the k-th write to the registry, so the write happens, then
 * drops the answer and every later request (open connections are cut, new ones reset at once)
 * until `revive()`: the client sees exactly what it sees when the registry is killed right after
 * applying that write. The registry's storage stays on disk, so after `revive()` a rerun finds
 * the state the crash left. `refuse()` answers matching requests itself, e.g. a DELETE that a
 * registry forbids.
 */
import {Agent, createServer, request, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export interface CrashProxy {
  /** `127.0.0.1:PORT` of the proxy. */
  readonly host: string;
  /** Write requests forwarded since the last `resetCount()`. */
  readonly writes: number;
  /** Every write request forwarded since the last `resetCount()`, as `METHOD /path`. */
  readonly writeLog: readonly string[];
  /** Whether the "registry" is down (a crash happened and `revive()` was not called yet). */
  readonly dead: boolean;
  resetCount(): void;
  /** Die right after forwarding the k-th write from now (1-based). */
  crashAfterWrite(k: number): void;
  /** Come back up; forward everything again. */
  revive(): void;
  /** Resolves once no forwarded request is still in the registry's hands. */
  idle(): Promise<void>;
  /** Answer requests matching `match` with `status` (an OCI error body); undefined: stop refusing. */
  refuse(match?: (method: string, path: string) => boolean, status?: number): void;
  stop(): Promise<void>;
}

const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

export async function startCrashProxy(target: string): Promise<CrashProxy> {
  const [targetHost, targetPort] = target.split(':');
  const agent = new Agent({keepAlive: true});
  const sockets = new Set<Socket>();
  let writeLog: string[] = [];
  let crashAt: number | undefined;
  let dead = false;
  let refusal: {match: (method: string, path: string) => boolean; status: number} | undefined;
  // Forwarded requests the registry has not finished answering, and who waits for none.
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const settle = (): void => {
    if (--inFlight > 0) return;
    const done = waiters;
    waiters = [];
    for (const wake of done) wake();
  };

  const die = (): void => {
    dead = true;
    for (const socket of sockets) socket.destroy();
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    if (dead) {
      req.socket.destroy();
      return;
    }
    if (refusal?.match(method, path)) {
      req.resume();
      req.on('end', () => {
        const body = JSON.stringify({errors: [{code: 'DENIED', message: 'refused by the test'}]});
        res.writeHead(refusal?.status ?? 405, {'content-type': 'application/json'});
        res.end(body);
      });
      return;
    }
    let last = false;
    if (isWrite(method)) {
      writeLog.push(`${method} ${path.replace(/\?.*$/, '')}`);
      last = crashAt !== undefined && writeLog.length === crashAt;
    }
    inFlight++;
    let settled = false;
    const finish = (): void => {
      if (!settled) {
        settled = true;
        settle();
      }
    };
    const up = request(
      {
        host: targetHost,
        port: Number(targetPort),
        method,
        path,
        headers: req.headers,
        agent
      },
      upRes => {
        upRes.on('end', finish);
        upRes.on('close', finish);
        if (last) {
          // The registry applied the write; its answer never reaches the client.
          upRes.resume();
          upRes.on('end', die);
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      }
    );
    up.on('error', () => {
      finish();
      res.socket?.destroy();
    });
    // A client cut off mid-body (the crash) must not leave the registry waiting for the rest.
    req.on('close', () => {
      if (!req.complete) up.destroy();
    });
    req.pipe(up);
  };

  const server = createServer(handle);
  server.on('connection', socket => {
    if (dead) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get writes() {
      return writeLog.length;
    },
    get writeLog() {
      return writeLog;
    },
    get dead() {
      return dead;
    },
    resetCount: () => {
      writeLog = [];
    },
    crashAfterWrite: k => {
      writeLog = [];
      crashAt = k;
    },
    idle: () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>(wake => waiters.push(wake)),
    revive: () => {
      dead = false;
      crashAt = undefined;
    },
    refuse: (match, status = 405) => {
      refusal = match ? {match, status} : undefined;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      agent.destroy();
    }
  };
}

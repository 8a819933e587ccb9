/**
 * A latency proxy on loopback in front of a real registry: it stands in for a registry tens of
 * milliseconds away (GHCR, Docker Hub, Quay, ECR seen from a runner). It is a TCP delay line, so
 * it works for plain HTTP and TLS alike, and HTTP keep-alive stays visible: a request on a
 * reused connection costs one round trip, the first request on a new connection three.
 * - every byte from the client reaches the registry half a round trip later, and every byte of
 *   the answer reaches the client half a round trip later (one round trip per request);
 * - the first bytes of a new connection wait two more round trips (the TCP and TLS handshakes
 *   a real client pays before it can send anything).
 * Bandwidth is not limited. The registry's `Location` headers point back at the proxy, since
 * the client's Host header is passed through untouched.
 */
import {createServer, connect, type Socket} from 'node:net';
import type {AddressInfo} from 'node:net';

export const DEFAULT_RTT_MS = 40;

export interface LatencyProxyOptions {
  /** Upstream `127.0.0.1:PORT`. */
  readonly target: string;
  /** Round trip time in milliseconds (default 40). */
  readonly rttMs?: number;
}

export interface LatencyProxy {
  /** `127.0.0.1:PORT` of the proxy. */
  readonly host: string;
  readonly rttMs: number;
  /** Connections accepted since the last `resetStats()`. */
  readonly connections: number;
  /** The most connections open at one time since the last `resetStats()`. */
  readonly peakOpen: number;
  /** `performance.now()` when the first byte of the first connection arrived, since the reset. */
  readonly firstByteAt: number | undefined;
  resetStats(): void;
  stop(): Promise<void>;
}

// Hold at most this much per direction before pausing the sender (backpressure).
const HIGH_WATER = 4 << 20;

/**
 * Forward `from` to `to`, each chunk released at its due time (arrival + `delayMs`, or the
 * connection's handshake end if later), in order, with backpressure, and the end forwarded
 * after the last chunk.
 */
function delayLine(from: Socket, to: Socket, delayMs: number, notBefore: () => number): void {
  const queue: {due: number; data: Buffer | null}[] = [];
  let held = 0;
  let timer: NodeJS.Timeout | undefined;
  const release = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0].due <= now) {
      const {data} = queue.shift()!;
      if (data === null) {
        to.end();
        return;
      }
      held -= data.length;
      if (!to.destroyed) to.write(data);
    }
    if (held < HIGH_WATER && from.isPaused()) from.resume();
    if (queue.length > 0) timer = setTimeout(release, Math.max(0, queue[0].due - now));
  };
  const push = (data: Buffer | null): void => {
    const due = Math.max(performance.now() + delayMs, notBefore());
    queue.push({due, data});
    if (data) held += data.length;
    if (held >= HIGH_WATER) from.pause();
    if (!timer) timer = setTimeout(release, Math.max(0, queue[0].due - performance.now()));
  };
  from.on('data', (data: Buffer) => push(data));
  from.on('end', () => push(null));
  from.on('close', () => {
    // A reset (not an orderly end) reaches the other side as a reset, after the delay.
    if (!from.readableEnded) setTimeout(() => to.destroy(), delayMs);
  });
  to.on('drain', () => {
    if (held < HIGH_WATER) from.resume();
  });
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const rttMs = options.rttMs ?? DEFAULT_RTT_MS;
  const [host, port] = options.target.split(':');
  const sockets = new Set<Socket>();
  let connections = 0;
  let open = 0;
  let peakOpen = 0;
  let firstByteAt: number | undefined;

  const server = createServer({noDelay: true}, client => {
    connections++;
    peakOpen = Math.max(peakOpen, ++open);
    client.on('close', () => open--);
    // The handshakes end two round trips after the client connected; nothing goes before.
    const ready = performance.now() + 2 * rttMs;
    const upstream = connect({host, port: Number(port), noDelay: true});
    sockets.add(client).add(upstream);
    const forget = (socket: Socket) => () => sockets.delete(socket);
    client.on('close', forget(client));
    upstream.on('close', forget(upstream));
    client.once('data', () => {
      firstByteAt ??= performance.now();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    delayLine(client, upstream, rttMs / 2, () => ready + rttMs / 2);
    delayLine(upstream, client, rttMs / 2, () => 0);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port: listening} = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${listening}`,
    rttMs,
    get connections() {
      return connections;
    },
    get peakOpen() {
      return peakOpen;
    },
    get firstByteAt() {
      return firstByteAt;
    },
    resetStats: () => {
      connections = 0;
      peakOpen = open;
      firstByteAt = undefined;
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>(resolve => server.close(() => resolve()));
    }
  };
}

import http from 'node:http';
import https from 'node:https';
import {type Duplex} from 'node:stream';
import tls from 'node:tls';

/** `Proxy-Authorization` for a proxy URL with user info (`http://user:pass@proxy:3128`). */
export function proxyHeaders(proxy: URL): Record<string, string> {
  if (proxy.username === '' && proxy.password === '') return {};
  const credentials = `${proxy.username}:${proxy.password}`;
  return {'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}`};
}

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/**
 * An https.Agent that reaches each server through the proxy's CONNECT tunnel, then speaks TLS
 * to the server itself (the proxy sees neither the requests nor the credentials). Sockets are
 * pooled and kept alive like any other agent's, so a tunnel is opened once per connection.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
    private readonly connectTimeoutMs: number
  ) {
    super(options);
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: ConnectionCallback
  ): Duplex | undefined {
    const fail = (error: Error): void => callback?.(error, undefined as unknown as Duplex);
    const target = `${options.host}:${options.port}`;
    const secureProxy = this.proxy.protocol === 'https:';
    const connect = (secureProxy ? https : http).request({
      host: this.proxy.hostname,
      port: Number(this.proxy.port) || (secureProxy ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: {host: target, ...proxyHeaders(this.proxy)},
      agent: false
    });
    connect.setTimeout(this.connectTimeoutMs, () =>
      connect.destroy(new Error(`proxy ${this.proxy.host} did not open a tunnel to ${target}`))
    );
    connect.once('connect', (res, socket) => {
      connect.setTimeout(0);
      if (res.statusCode !== 200) {
        socket.destroy();
        fail(
          new Error(
            `proxy ${this.proxy.host} refused a tunnel to ${target}: HTTP ${res.statusCode}`
          )
        );
        return;
      }
      callback?.(null, tls.connect({...(options as tls.ConnectionOptions), socket}));
    });
    connect.once('error', fail);
    connect.end();
    // Node's Agent waits for the callback when createConnection returns nothing.
    return undefined;
  }
}

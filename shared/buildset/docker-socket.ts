import {request} from 'node:http';

/**
 * The local dockerd's API socket: DOCKER_HOST when it names a unix socket, the default socket
 * when DOCKER_HOST is unset, undefined when the CLI talks to a daemon elsewhere (tcp, ssh).
 */
export function dockerSocket(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return '/var/run/docker.sock';
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

/**
 * The registry mirrors the daemon has live (`GET /info`, `RegistryConfig.Mirrors`), straight
 * from its socket: a few milliseconds, where `docker info` costs a CLI start (100-250 ms on a
 * busy 2-core runner) per poll. Undefined when the socket cannot be asked or the answer has
 * another shape.
 */
export function liveMirrors(socketPath: string, timeoutMs = 2000): Promise<string[] | undefined> {
  return new Promise(resolve => {
    const req = request({socketPath, path: '/info', method: 'GET', agent: false}, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => resolve(undefined));
      res.on('end', () => {
        try {
          if (res.statusCode !== 200) return resolve(undefined);
          const info = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            RegistryConfig?: {Mirrors?: unknown};
          };
          const mirrors = info.RegistryConfig?.Mirrors ?? [];
          resolve(
            Array.isArray(mirrors) && mirrors.every(m => typeof m === 'string')
              ? (mirrors as string[])
              : undefined
          );
        } catch {
          resolve(undefined);
        }
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

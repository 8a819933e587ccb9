import {request} from 'node:http';

/**
 * The local dockerd's API socket: DOCKER_HOST when it names a unix socket, the default socket
 * when DOCKER_HOST is unset, undefined when the CLI talks to a daemon elsewhere (tcp, ssh).
 * Asking it directly costs a few milliseconds where each docker CLI run costs a process start
 * (100-250 ms on a busy 2-core runner); callers fall back to the CLI when it does not answer.
 */
export function dockerSocket(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return '/var/run/docker.sock';
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

/** One API call; undefined when the socket cannot be reached or does not answer in time. */
function call(
  socketPath: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  timeoutMs = 5000
): Promise<{status: number; body: string} | undefined> {
  return new Promise(resolve => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath,
        method,
        path,
        agent: false,
        headers: payload === undefined ? {} : {'content-type': 'application/json'}
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => resolve(undefined));
        res.on('end', () =>
          resolve({status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')})
        );
      }
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(undefined));
    req.end(payload);
  });
}

/**
 * The registry mirrors the daemon has live (`GET /info`, `RegistryConfig.Mirrors`). Undefined
 * when the socket cannot be asked or the answer has another shape.
 */
export async function liveMirrors(socketPath: string): Promise<string[] | undefined> {
  const answer = await call(socketPath, 'GET', '/info', undefined, 2000);
  if (answer?.status !== 200) return undefined;
  try {
    const info = JSON.parse(answer.body) as {RegistryConfig?: {Mirrors?: unknown}};
    const mirrors = info.RegistryConfig?.Mirrors ?? [];
    return Array.isArray(mirrors) && mirrors.every(m => typeof m === 'string')
      ? (mirrors as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `docker exec --detach <container> <argv>` through the API (create the exec, start it
 * detached); false when the socket cannot do it (not reachable, another daemon, no such
 * container), so the caller runs the CLI instead.
 */
export async function execDetached(
  socketPath: string,
  container: string,
  argv: readonly string[]
): Promise<boolean> {
  const created = await call(
    socketPath,
    'POST',
    `/containers/${encodeURIComponent(container)}/exec`,
    {Cmd: argv, AttachStdin: false, AttachStdout: false, AttachStderr: false}
  );
  if (created?.status !== 201) return false;
  let id: unknown;
  try {
    id = (JSON.parse(created.body) as {Id?: unknown}).Id;
  } catch {
    return false;
  }
  if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id)) return false;
  const started = await call(socketPath, 'POST', `/exec/${id}/start`, {Detach: true});
  return started?.status === 200;
}

import {request as httpRequest} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {createServer} from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {type CommandRunner} from '../../engine/command.js';
import {execDetached} from './docker-socket.js';

/** One registry container to run: its name, where it listens and which files it mounts. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  /**
   * Host port to publish container port 5000 on, and the host addresses to bind it to (one
   * `--publish` each): only those its clients use, never every interface.
   */
  readonly publish?: {readonly port: number; readonly addresses: readonly string[]};
  /** Run on this docker network with this fixed address instead of publishing a port. */
  readonly network?: {readonly name: string; readonly ip: string};
  /** Host file → container path, all read-only except `storage`. */
  readonly configFile: string;
  readonly tlsDir: string;
  readonly authDir?: string;
  readonly storageDir: string;
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The read-only twin, a second registry process in the same container (startMirrorProcess):
   * its container port published on 127.0.0.1:`port` only, its configuration mounted.
   */
  readonly mirror?: {
    readonly port: number;
    readonly containerPort: number;
    readonly configFile: string;
  };
}

/** Where the registry image expects things (registry:2 and its look-alikes). */
export const IN_CONTAINER = {
  config: '/etc/docker/registry/config.yml',
  tls: '/imagegate/tls',
  auth: '/imagegate/auth',
  storage: '/var/lib/registry',
  mirrorConfig: '/imagegate/mirror.yml'
} as const;

/**
 * `<docker|podman> run` argv for one registry container. It runs as the calling user, so the
 * storage it writes under RUNNER_TEMP stays ours to cache and delete; `--restart=always` brings
 * it back after a dockerd restart (restart-docker).
 */
export function runArgs(spec: ContainerSpec, uid = process.getuid?.(), gid = process.getgid?.()) {
  const args = ['run', '--detach', '--name', spec.name, '--restart=always'];
  if (uid !== undefined && gid !== undefined) args.push('--user', `${uid}:${gid}`);
  for (const [k, v] of Object.entries(spec.labels)) args.push('--label', `${k}=${v}`);
  if (spec.network) args.push('--network', spec.network.name, '--ip', spec.network.ip);
  if (spec.publish) {
    for (const address of spec.publish.addresses)
      args.push('--publish', `${address}:${spec.publish.port}:5000`);
  }
  if (spec.mirror) {
    args.push('--publish', `127.0.0.1:${spec.mirror.port}:${spec.mirror.containerPort}`);
    args.push('--volume', `${spec.mirror.configFile}:${IN_CONTAINER.mirrorConfig}:ro`);
  }
  args.push('--volume', `${spec.configFile}:${IN_CONTAINER.config}:ro`);
  args.push('--volume', `${spec.tlsDir}:${IN_CONTAINER.tls}:ro`);
  if (spec.authDir) args.push('--volume', `${spec.authDir}:${IN_CONTAINER.auth}:ro`);
  args.push('--volume', `${spec.storageDir}:${IN_CONTAINER.storage}`);
  args.push(spec.image);
  return args;
}

/** Start a container; throws with the engine's message when it does not start. */
export async function startContainer(
  runner: CommandRunner,
  command: string,
  spec: ContainerSpec
): Promise<void> {
  const result = await runner.run({command, args: runArgs(spec)});
  if (result.code !== 0) {
    throw new Error(`${command} run ${spec.image} failed: ${result.stderr.trim()}`);
  }
}

/** The engine's words when a `--publish` address is on no interface of the host. */
const ADDRESS_GONE = /cannot assign requested address/i;

/**
 * Start a container that publishes its port on host addresses read a moment before. A bridge
 * can go away in between (podman removes its bridge when its last container stops), and the
 * engine then refuses the start: start again on the addresses `present` still lists, after
 * removing the container the refused start left created. Loopback is always kept.
 */
export async function startOnPresentAddresses(
  runner: CommandRunner,
  command: string,
  spec: ContainerSpec,
  present: () => readonly string[]
): Promise<void> {
  for (let current = spec; ;) {
    try {
      return await startContainer(runner, command, current);
    } catch (error) {
      const publish = current.publish;
      if (!publish || !ADDRESS_GONE.test(String(error))) throw error;
      const live = new Set(['127.0.0.1', ...present()]);
      const addresses = publish.addresses.filter(a => live.has(a));
      if (addresses.length === publish.addresses.length) throw error;
      await removeContainer(runner, command, current.name);
      current = {...current, publish: {...publish, addresses}};
    }
  }
}

/**
 * `exec --detach`: the read-only twin as a second `registry serve` in the running container
 * (registry:2 and its look-alikes have `registry` on the PATH). With docker, through dockerd's
 * socket when it answers (no CLI start on the start-up's critical path), else the CLI. Throws
 * with the engine's message.
 */
export async function startMirrorProcess(
  runner: CommandRunner,
  command: string,
  spec: ContainerSpec,
  dockerSocket?: string
): Promise<void> {
  const argv = ['registry', 'serve', IN_CONTAINER.mirrorConfig];
  if (command === 'docker' && dockerSocket && (await execDetached(dockerSocket, spec.name, argv)))
    return;
  const args = ['exec', '--detach', spec.name, ...argv];
  const result = await runner.run({command, args});
  if (result.code !== 0) {
    throw new Error(
      `${command} exec registry serve (the read-only twin) failed in ${spec.image}: ${result.stderr.trim()}`
    );
  }
}

/** `rm --force` (stop and remove); true when it existed. */
export async function removeContainer(
  runner: CommandRunner,
  command: string,
  name: string
): Promise<boolean> {
  const result = await runner.run({command, args: ['rm', '--force', '--volumes', name]});
  return result.code === 0;
}

/** A free TCP port on all interfaces (bound and released: the container binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Poll `<url>/v2/` (over HTTPS trusting only `ca`, or plain HTTP without one) until it answers
 * `want` (401 for the authenticated registry, 200 for the anonymous mirror).
 */
export async function waitForRegistry(
  url: string,
  ca: string | undefined,
  want: number,
  timeoutMs = 30_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const status = await getStatus(`${url}/v2/`, ca);
      if (status === want) return;
      last = `HTTP ${status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(15);
  }
  throw new Error(`the registry at ${url} did not answer /v2/ with ${want} (last: ${last})`);
}

function getStatus(url: string, ca: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, {...(ca && {ca}), agent: false}, res => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

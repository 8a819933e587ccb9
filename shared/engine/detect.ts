import {accessSync, constants, realpathSync} from 'node:fs';
import {delimiter, join} from 'node:path';
import {type CommandRunner} from './command.js';
import {type BuilderKind, type EngineProfile} from './profile.js';

/**
 * Forces a docker build path (`buildx`, `buildkit` or `classic`) instead of detecting one; for
 * machines where detection guesses wrong, and for tests that cover each path.
 */
export const DOCKER_BUILDER_ENV = 'IMAGEGATE_DOCKER_BUILDER';

const DOCKER_KINDS = ['buildx', 'buildkit', 'classic'] as const;

/** Side effects of detection, injected. */
export interface DetectOptions {
  readonly runner: CommandRunner;
  readonly env?: NodeJS.ProcessEnv;
  /** Whether a file is an executable (default: the filesystem). */
  readonly isExecutable?: (path: string) => boolean;
}

/** The engine could not be used at all (missing binary, forced path unavailable). */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

/** Detect the build path once per step: buildx, else a BuildKit-capable client, else classic. */
export async function detectEngine(
  command: 'docker' | 'podman',
  options: DetectOptions
): Promise<EngineProfile> {
  const env = options.env ?? process.env;
  if (command === 'podman') {
    const version = await clientVersion(options.runner, 'podman');
    if (version === undefined)
      throw new EngineUnavailableError('podman is not installed or does not run');
    return {kind: 'podman', binary: 'podman', version, reason: 'container-command is podman'};
  }
  const forced = env[DOCKER_BUILDER_ENV]?.trim();
  if (forced && !(DOCKER_KINDS as readonly string[]).includes(forced)) {
    throw new EngineUnavailableError(
      `${DOCKER_BUILDER_ENV}="${forced}" is not one of ${DOCKER_KINDS.join(', ')}`
    );
  }
  const clients = dockerClients(env, options.isExecutable ?? isExecutable);
  if (clients.length === 0)
    throw new EngineUnavailableError('docker is not installed (no docker on PATH)');
  const first = clients[0];
  const want = (kind: BuilderKind) => !forced || forced === kind;
  const buildx = await options.runner.run({command: first, args: ['buildx', 'version']});
  if (want('buildx') && buildx.code === 0) {
    const version = buildx.stdout.trim().split(/\s+/)[1];
    return {
      kind: 'buildx',
      binary: first,
      ...(version && {version}),
      reason: `\`${first} buildx\` works`
    };
  }
  if (forced === 'buildx')
    throw new EngineUnavailableError(
      `${DOCKER_BUILDER_ENV}=buildx, but \`${first} buildx version\` fails`
    );
  const versions = new Map<string, string | undefined>();
  for (const client of clients) versions.set(client, await clientVersion(options.runner, client));
  if (want('buildkit')) {
    // Clients from 23 on hand BuildKit builds to buildx and fail without it; older ones drive
    // the daemon's embedded BuildKit themselves.
    const capable = clients.find(c => major(versions.get(c)) > 0 && major(versions.get(c)) < 23);
    if (capable) {
      const version = versions.get(capable);
      return {
        kind: 'buildkit',
        binary: capable,
        ...(version && {version}),
        reason: `no docker buildx; ${capable} (client ${version}) drives the daemon's BuildKit`
      };
    }
    if (forced === 'buildkit') {
      throw new EngineUnavailableError(
        `${DOCKER_BUILDER_ENV}=buildkit, but no docker client older than 23 is on PATH`
      );
    }
  }
  const version = versions.get(first);
  if (version === undefined) throw new EngineUnavailableError(`${first} does not run`);
  return {
    kind: 'classic',
    binary: first,
    version,
    reason: forced
      ? `${DOCKER_BUILDER_ENV}=classic`
      : 'no docker buildx and no client that drives BuildKit without it'
  };
}

/** Every distinct docker executable on PATH, in PATH order. */
export function dockerClients(
  env: NodeJS.ProcessEnv,
  executable: (p: string) => boolean
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'docker');
    if (!executable(candidate)) continue;
    let real = candidate;
    try {
      real = realpathSync(candidate);
    } catch {
      // keep the PATH spelling
    }
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(candidate);
  }
  return out;
}

async function clientVersion(runner: CommandRunner, binary: string): Promise<string | undefined> {
  const r = await runner.run({
    command: binary,
    args: ['version', '--format', '{{.Client.Version}}']
  });
  const v = r.stdout.trim().split('\n')[0]?.trim();
  // `docker version` exits 1 when the daemon is down but still prints the client version.
  return v && /^[0-9]/.test(v) ? v : undefined;
}

function major(version: string | undefined): number {
  return version ? Number(/^([0-9]+)/.exec(version)?.[1] ?? 0) : 0;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

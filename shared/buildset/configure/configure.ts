import {accessSync, constants, statSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {delimiter, join} from 'node:path';
import {type Runtime} from '../../inputs/buildset-registry.js';
import {DOCKER_HUB} from '../../model/reference.js';
import {BUILDER_NAME, buildkitdToml, buildxCreateArgs, buildxVersionArgs} from './buildx.js';
import {configureContainers} from './containers-config.js';
import {type BuildsetDeps} from '../deps.js';
import {type RegistryEndpoint, configureDocker, mirrorUrl} from './docker-config.js';
import {type FileEditJournal} from './file-edits.js';

/** What configuring did that post must undo besides the file edits. */
export interface Configured {
  readonly runtimes: readonly Runtime[];
  /** The mirror URL added to daemon.json (dockerd reloaded), if any. */
  readonly dockerMirror?: string;
  readonly builder?: string;
}

/** Where the docker CLI looks for plugins such as docker-buildx (user directory first). */
export function cliPluginDirs(env: NodeJS.ProcessEnv): string[] {
  return [
    join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'cli-plugins'),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins'
  ];
}

/**
 * Which runtimes exist here: docker (a daemon answers; `dockerKnown` when running the registry
 * with docker proved it already), buildx (its plugin is installed and runs), and
 * podman/buildah/skopeo (one of them on PATH). Commands run only where a file check cannot
 * answer: each costs a process start, and this runs while the registry's container starts.
 */
export async function detectRuntimes(deps: BuildsetDeps, dockerKnown = false): Promise<Runtime[]> {
  const {env} = deps;
  const ok = async (command: string, args: string[]) =>
    (await deps.runner.run({command, args})).code === 0;
  const docker =
    dockerKnown || (await ok('docker', ['version', '--format', '{{.Server.Version}}']));
  const buildx =
    docker &&
    cliPluginDirs(env).some(dir => isExecutable(join(dir, 'docker-buildx'))) &&
    (await ok('docker', buildxVersionArgs()));
  const podman = ['podman', 'buildah', 'skopeo'].some(name => onPath(name, env));
  const found: Runtime[] = [];
  if (docker) found.push('docker');
  if (buildx) found.push('buildx');
  if (podman) found.push('podman');
  return found;
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some(dir => dir !== '' && isExecutable(join(dir, name)));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface ConfigureRequest {
  readonly runtimes: readonly Runtime[];
  readonly namespaces: readonly string[];
  readonly endpoint: RegistryEndpoint;
  readonly caCertFile: string;
  readonly rootDir: string;
  readonly restartDocker: boolean;
  /** Called once the builder exists, so post removes it even if a later step fails. */
  readonly onBuilder: (name: string) => void;
}

/** Point every requested runtime at the buildset registry; see the "Use" section. */
export async function configureRuntimes(
  deps: BuildsetDeps,
  journal: FileEditJournal,
  req: ConfigureRequest
): Promise<Configured> {
  let dockerMirror: string | undefined;
  let builder: string | undefined;
  if (req.runtimes.includes('docker')) {
    const mirrorHub = req.namespaces.includes(DOCKER_HUB);
    const reload = await configureDocker(journal, deps.paths, req.endpoint, mirrorHub);
    if (reload) dockerMirror = mirrorUrl(req.endpoint);
    if (reload && req.restartDocker) {
      deps.log.info('Restarting dockerd so BuildKit FROM uses the mirror too (restart-docker)');
      await deps.dockerd.restart();
    } else if (reload) {
      await deps.dockerd.reload({mirror: mirrorUrl(req.endpoint), present: true});
    }
    deps.log.info(`docker: CA in ${deps.paths.dockerCertsDir}, auth in ${deps.paths.dockerConfig}`);
  }
  if (req.runtimes.includes('podman')) {
    await configureContainers(journal, deps.paths, req.endpoint, req.namespaces);
    deps.log.info(`podman/buildah/skopeo: mirrors in ${deps.paths.registriesConfDir}`);
  }
  if (req.runtimes.includes('buildx')) {
    const toml = join(req.rootDir, 'buildkitd.toml');
    await writeFile(toml, buildkitdToml(req.endpoint.registry, req.namespaces, req.caCertFile));
    const result = await deps.runner.run({command: 'docker', args: buildxCreateArgs(toml)});
    if (result.code !== 0) throw new Error(`docker buildx create failed: ${result.stderr.trim()}`);
    builder = BUILDER_NAME;
    req.onBuilder(builder);
    deps.log.info(`buildx: builder ${BUILDER_NAME} selected`);
  }
  return {runtimes: req.runtimes, ...(dockerMirror && {dockerMirror}), ...(builder && {builder})};
}

import {homedir} from 'node:os';
import {join} from 'node:path';

/**
 * Every machine-wide file the buildset registry touches, injectable so tests can point them at
 * temporary directories instead of /etc.
 */
export interface SystemPaths {
  /** dockerd's configuration (`registry-mirrors`). */
  readonly daemonJson: string;
  /** dockerd's per-registry CA directory (`<dir>/<host:port>/ca.crt`). */
  readonly dockerCertsDir: string;
  /** The docker CLI's config.json (auths). */
  readonly dockerConfig: string;
  /** dockerd's pid file, for SIGHUP. */
  readonly dockerPidFile: string;
  /** containers-registries.conf drop-in directory (podman, buildah, skopeo). */
  readonly registriesConfDir: string;
  /** containers-certs.d directory. */
  readonly containersCertsDir: string;
  /** The containers auth file (podman, buildah, skopeo). */
  readonly containersAuthFile: string;
}

/** The standard locations, honouring DOCKER_CONFIG, REGISTRY_AUTH_FILE and XDG_RUNTIME_DIR. */
export function systemPaths(env: NodeJS.ProcessEnv = process.env): SystemPaths {
  const uid = process.getuid?.() ?? 0;
  const runtimeDir = env.XDG_RUNTIME_DIR || (uid === 0 ? '/run' : `/run/user/${uid}`);
  return {
    daemonJson: '/etc/docker/daemon.json',
    dockerCertsDir: '/etc/docker/certs.d',
    dockerConfig: join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json'),
    dockerPidFile: '/var/run/docker.pid',
    registriesConfDir: '/etc/containers/registries.conf.d',
    containersCertsDir: '/etc/containers/certs.d',
    // c/image's default for root is /run/containers/0/auth.json.
    containersAuthFile:
      env.REGISTRY_AUTH_FILE ||
      (uid === 0 ? '/run/containers/0/auth.json' : join(runtimeDir, 'containers/auth.json'))
  };
}

/** `systemPaths()` with every `/etc`-style path moved under `root` (tests). */
export function pathsUnder(root: string, env: NodeJS.ProcessEnv = process.env): SystemPaths {
  return {
    daemonJson: join(root, 'etc/docker/daemon.json'),
    dockerCertsDir: join(root, 'etc/docker/certs.d'),
    dockerConfig: join(env.DOCKER_CONFIG || join(root, 'home/.docker'), 'config.json'),
    dockerPidFile: join(root, 'run/docker.pid'),
    registriesConfDir: join(root, 'etc/containers/registries.conf.d'),
    containersCertsDir: join(root, 'etc/containers/certs.d'),
    containersAuthFile: env.REGISTRY_AUTH_FILE || join(root, 'run/containers/0/auth.json')
  };
}

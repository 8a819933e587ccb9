import {DOCKER_HUB, type RepositoryName} from './reference.js';
import {hostPathComponent} from './registry-location.js';

/**
 * How the buildset-registry action tells later steps of the job about the active buildset
 * registry: environment variables (written to GITHUB_ENV). Build and upload push what they
 * build there too, under the final names, so consumer jobs find the images.
 */
export const BuildsetEnv = {
  /** `host:port` of the active buildset registry; unset means none. */
  Registry: 'IMAGEGATE_BUILDSET_REGISTRY',
  Username: 'IMAGEGATE_BUILDSET_REGISTRY_USERNAME',
  /** Masked by the action that sets it. */
  Password: 'IMAGEGATE_BUILDSET_REGISTRY_PASSWORD',
  /** A directory holding the registry's `ca.crt` (podman/skopeo `--cert-dir`). */
  CertDir: 'IMAGEGATE_BUILDSET_REGISTRY_CERT_DIR'
} as const;

/** The active buildset registry as the environment describes it. */
export interface BuildsetRegistryEnv {
  readonly registry: string;
  readonly username?: string;
  readonly password?: string;
  readonly certDir?: string;
}

/** Read the buildset registry variables; undefined when no buildset registry is active. */
export function readBuildsetRegistryEnv(env: NodeJS.ProcessEnv): BuildsetRegistryEnv | undefined {
  const registry = env[BuildsetEnv.Registry]?.trim();
  if (!registry) return undefined;
  const username = env[BuildsetEnv.Username]?.trim();
  const password = env[BuildsetEnv.Password];
  const certDir = env[BuildsetEnv.CertDir]?.trim();
  return {
    registry,
    ...(username && password && {username, password}),
    ...(certDir && {certDir})
  };
}

/**
 * Zuul's namespacing inside the buildset registry: docker.io images
 * are stored un-namespaced (`library/alpine`, `org/app`) so dockerd's `registry-mirrors` finds
 * them; every other registry's images under `<upstream host>/<path>`, the host written as one
 * path component that keeps its port (`registry.example:5000` → `registry.example_5000`), so the
 * buildset post step can tell the final name back (buildset/namespaces.ts).
 */
export function buildsetRepository(registry: string, finalName: RepositoryName): RepositoryName {
  if (finalName.registry === DOCKER_HUB) return {registry, repository: finalName.repository};
  return {registry, repository: `${namespacePath(finalName.registry)}/${finalName.repository}`};
}

/** The path prefix a namespace's images live under in the buildset registry ('' for docker.io). */
export function namespacePath(namespace: string): string {
  return namespace === DOCKER_HUB ? '' : hostPathComponent(namespace);
}

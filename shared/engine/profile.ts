/**
 * The build paths imagegate knows: docker with buildx, docker with the daemon's own BuildKit
 * (`DOCKER_BUILDKIT=1` and a client that still drives it), docker's classic builder, podman.
 */
export type BuilderKind = 'buildx' | 'buildkit' | 'classic' | 'podman';

/** The engine chosen for a step: which binary, which path, and why (logged once). */
export interface EngineProfile {
  readonly kind: BuilderKind;
  /** The CLI binary, e.g. `docker`, `/usr/bin/docker`, `podman`. */
  readonly binary: string;
  /** Client version as the binary reports it. */
  readonly version?: string;
  /** One sentence saying why this path was taken. */
  readonly reason: string;
}

/** How to reach one registry from the CLI. */
export interface RegistryAccess {
  /** Plain HTTP or unverified TLS (loopback registries, as dockerd itself treats them). */
  readonly insecure: boolean;
  /** podman/skopeo `--cert-dir`: a directory holding the registry's `ca.crt`. */
  readonly certDir?: string;
}

/** Whether the path builds several platforms in one command (else one build per platform). */
export function buildsPlatformsTogether(kind: BuilderKind): boolean {
  return kind === 'buildx' || kind === 'podman';
}

/** Whether the path can build for a platform other than the daemon's own. */
export function canCrossBuild(kind: BuilderKind): boolean {
  // The classic builder commits FROM-scratch metadata steps with the daemon's platform and then
  // refuses its own intermediate image ("does not match the specified platform").
  return kind !== 'classic';
}

/** A human label for logs and the job summary. */
export function describeProfile(profile: EngineProfile): string {
  const names: Record<BuilderKind, string> = {
    buildx: 'docker buildx',
    buildkit: 'docker BuildKit (DOCKER_BUILDKIT=1)',
    classic: 'docker classic builder',
    podman: 'podman'
  };
  return `${names[profile.kind]} via ${profile.binary}${profile.version ? ` ${profile.version}` : ''}`;
}

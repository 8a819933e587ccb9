import {type Command} from './command.js';
import {type EngineProfile, type RegistryAccess} from './profile.js';

/** Where a step keeps its temporary login: DOCKER_CONFIG for docker, an auth file for podman. */
export interface AuthScope {
  /** Temporary DOCKER_CONFIG directory (docker) — also holds `docker manifest` lists. */
  readonly dockerConfig: string;
  /** Temporary containers auth file (podman). */
  readonly authFile: string;
}

const isPodman = (p: EngineProfile) => p.kind === 'podman';

function auth(
  profile: EngineProfile,
  scope: AuthScope
): {args: string[]; env: Record<string, string>} {
  return isPodman(profile)
    ? {args: ['--authfile', scope.authFile], env: {}}
    : {args: [], env: {DOCKER_CONFIG: scope.dockerConfig}};
}

function transport(profile: EngineProfile, access: RegistryAccess): string[] {
  if (!isPodman(profile)) return []; // dockerd decides TLS itself (certs.d, insecure-registries)
  return [
    ...(access.insecure ? ['--tls-verify=false'] : []),
    ...(access.certDir !== undefined ? ['--cert-dir', access.certDir] : [])
  ];
}

/** `login --password-stdin`: the password goes to stdin, never argv. */
export function loginCommand(
  profile: EngineProfile,
  scope: AuthScope,
  registry: string,
  username: string,
  password: string,
  access: RegistryAccess
): Command {
  const a = auth(profile, scope);
  return {
    command: profile.binary,
    args: [
      'login',
      ...a.args,
      ...transport(profile, access),
      '--username',
      username,
      '--password-stdin',
      registry
    ],
    env: a.env,
    input: password
  };
}

/** `tag <source> <target>` in the local store. */
export function tagCommand(profile: EngineProfile, source: string, target: string): Command {
  return {command: profile.binary, args: ['tag', source, target]};
}

/** Remove local tags (an image goes only with its last tag). */
export function untagCommand(profile: EngineProfile, refs: readonly string[]): Command {
  return {command: profile.binary, args: ['image', 'rm', ...refs]};
}

/**
 * Push one local image (or podman manifest list, with all its platforms) to `target`.
 * docker pushes the tag named `target`, so callers tag first; podman pushes `source` directly.
 */
export function pushCommand(
  profile: EngineProfile,
  scope: AuthScope,
  source: string,
  target: string,
  access: RegistryAccess,
  options: {digestFile: string; manifestList?: boolean}
): Command {
  const a = auth(profile, scope);
  if (!isPodman(profile)) {
    return {command: profile.binary, args: ['push', target], env: a.env};
  }
  const verb = options.manifestList ? ['manifest', 'push', '--all'] : ['push'];
  return {
    command: profile.binary,
    args: [
      ...verb,
      ...a.args,
      ...transport(profile, access),
      '--digestfile',
      options.digestFile,
      source,
      `docker://${target}`
    ]
  };
}

/** docker: assemble a manifest list from pushed per-platform digests (no buildx needed). */
export function manifestCreateCommand(
  profile: EngineProfile,
  scope: AuthScope,
  target: string,
  members: readonly string[],
  access: RegistryAccess
): Command {
  return {
    command: profile.binary,
    args: ['manifest', 'create', ...(access.insecure ? ['--insecure'] : []), target, ...members],
    env: auth(profile, scope).env
  };
}

/** docker: push the list created by manifestCreateCommand; prints the list's digest. */
export function manifestPushCommand(
  profile: EngineProfile,
  scope: AuthScope,
  target: string,
  access: RegistryAccess
): Command {
  return {
    command: profile.binary,
    args: ['manifest', 'push', '--purge', ...(access.insecure ? ['--insecure'] : []), target],
    env: auth(profile, scope).env
  };
}

/** `docker push` prints `<tag>: digest: sha256:… size: N`; the registry's own digest. */
export function parsePushDigest(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
  if (matches.length > 0) return matches[matches.length - 1][1];
  // `docker manifest push` prints the bare digest.
  return /^(sha256:[0-9a-f]{64})\s*$/m.exec(output)?.[1];
}

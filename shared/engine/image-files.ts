import {type Command} from './command.js';
import {type EngineProfile} from './profile.js';

/**
 * Commands that read a built image back out of the local store: its identity (for the build
 * record) and an OCI layout tarball of it (for actions/upload-artifact).
 */

/** `image inspect`: the image id and the digests it was pulled or pushed by, on one line. */
export function inspectCommand(profile: EngineProfile, ref: string): Command {
  return {
    command: profile.binary,
    args: ['image', 'inspect', '--format', '{{.Id}}|{{join .RepoDigests ","}}', ref]
  };
}

/** The local image's id and the digest it has in `repository` (or any registry), when known. */
export function parseInspect(
  output: string,
  repository: string
): {imageId?: string; digest?: string} {
  const [id = '', digests = ''] = output.trim().split('\n')[0].split('|');
  const imageId = /^(sha256:)?[0-9a-f]{64}$/.test(id)
    ? id.startsWith('sha256:')
      ? id
      : `sha256:${id}`
    : undefined;
  const repoDigests = digests
    .split(',')
    .map(d => d.trim())
    .filter(d => /^[^@\s]+@sha256:[0-9a-f]{64}$/.test(d));
  const own = repoDigests.find(d => d.startsWith(`${repository}@`)) ?? repoDigests[0];
  return {...(imageId && {imageId}), ...(own && {digest: own.slice(own.indexOf('@') + 1)})};
}

/**
 * Save one image as an OCI layout tarball: podman `save --format oci-archive`; docker `save`,
 * which writes an OCI image layout from Engine 25 on (older engines are refused before building).
 */
export function saveCommand(profile: EngineProfile, ref: string, file: string): Command {
  return profile.kind === 'podman'
    ? {command: profile.binary, args: ['save', '--format', 'oci-archive', '--output', file, ref]}
    : {command: profile.binary, args: ['save', '--output', file, ref]};
}

/** `docker version` of the daemon, to know whether `docker save` writes an OCI layout. */
export function serverVersionCommand(profile: EngineProfile): Command {
  return {command: profile.binary, args: ['version', '--format', '{{.Server.Version}}']};
}

/** docker Engine 25 and later write an OCI image layout with `docker save`. */
export function savesOciLayout(serverVersion: string): boolean {
  const major = Number(/^([0-9]+)\./.exec(serverVersion.trim())?.[1] ?? 0);
  return major >= 25;
}

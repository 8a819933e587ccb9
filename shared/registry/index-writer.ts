import {RepositoryName} from '../model/reference.js';
import {pushScope} from './auth.js';
import {RegistryContext} from './context.js';
import {sha256Digest} from './digest.js';
import {RegistryError} from './errors.js';
import {DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_INDEX} from './media-types.js';
import {parsePlatform} from './platform.js';
import {RawManifest} from './types.js';

/** One platform image already in the repository. */
export interface IndexMember {
  readonly digest: string;
  /** `os/arch[/variant]`. */
  readonly platform: string;
}

/**
 * Assemble an index from platform images already pushed to the repository and PUT it under
 * `ref.tag` (a docker manifest list when every member is a docker v2 manifest, else an OCI
 * index). This replaces `docker manifest create/push`, which needs its own TLS setup and cannot
 * use imagegate's credentials; returns the index digest.
 */
export async function putIndex(
  ctx: RegistryContext,
  ref: RepositoryName & {tag: string},
  members: readonly IndexMember[]
): Promise<string> {
  const repo = ctx.repository(ref, [pushScope(ref.repository)]);
  const manifests = await Promise.all(
    members.map(async member => {
      const head = await repo.headManifest(member.digest);
      if (!head) {
        throw new RegistryError({
          operation: 'write index',
          registry: ref.registry,
          repository: ref.repository,
          reason: `platform image ${member.digest} (${member.platform}) is not in the repository`,
          temporary: false
        });
      }
      const {os, architecture, variant} = parsePlatform(member.platform);
      const platform = {architecture, os, ...(variant && {variant})};
      return {mediaType: head.mediaType, digest: head.digest, size: head.size, platform};
    })
  );
  const mediaType = manifests.every(m => m.mediaType === DOCKER_MANIFEST)
    ? DOCKER_MANIFEST_LIST
    : OCI_INDEX;
  const parsed = {schemaVersion: 2 as const, mediaType, manifests};
  const bytes = Buffer.from(JSON.stringify(parsed));
  const manifest = {digest: sha256Digest(bytes), mediaType, bytes, parsed} as RawManifest;
  await repo.putManifest(ref.tag, manifest);
  return manifest.digest;
}

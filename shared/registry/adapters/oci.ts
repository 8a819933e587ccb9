import {randomUUID} from 'node:crypto';
import {RepositoryName} from '../../model/reference.js';
import {deleteScope, pullScope} from '../auth.js';
import {EngineContext} from '../context.js';
import {sha256Digest} from '../digest.js';
import {readImageConfig} from '../image-config.js';
import {OCI_INDEX} from '../media-types.js';
import {RawManifest} from '../types.js';
import {DeleteOutcome, TagApi} from './tag-api.js';

/**
 * A tiny manifest unique to this call: an OCI index with no entries (references no blob) and
 * annotations naming the tag, the time and a nonce, so its digest is shared with nothing else.
 */
export function untagPlaceholder(
  tag: string,
  now: Date,
  nonce: string = randomUUID()
): RawManifest {
  const parsed = {
    schemaVersion: 2 as const,
    mediaType: OCI_INDEX,
    manifests: [],
    annotations: {
      'org.opencontainers.image.description': 'imagegate untag placeholder',
      'org.opencontainers.image.created': now.toISOString(),
      'dev.imagegate.untag.tag': tag,
      'dev.imagegate.untag.nonce': nonce
    }
  };
  const bytes = Buffer.from(JSON.stringify(parsed));
  return {digest: sha256Digest(bytes), mediaType: OCI_INDEX, bytes, parsed};
}

/**
 * Tag delete through the registry API alone: OCI `DELETE /manifests/<tag>` where supported,
 * otherwise the untag method — PUT a unique placeholder under the tag, then DELETE the
 * placeholder's digest. Never deletes the digest the tag pointed at, which other tags may share.
 */
export class OciTagApi implements TagApi {
  readonly kind = 'oci';
  // Registries that answered a tag DELETE with 400/405 (distribution 2.x answers 400).
  private readonly noTagDelete = new Set<string>();

  constructor(private readonly ctx: EngineContext) {}

  /** Delete the tag; `absent` when it did not exist. */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    if (!(await repo.headManifest(tag))) return 'absent';
    if (!this.noTagDelete.has(repository.registry)) {
      const status = await repo.deleteManifest(tag, [200, 202, 400, 404, 405]);
      if (status === 200 || status === 202) return 'deleted';
      if (status === 404) return 'absent';
      this.ctx.logger.debug(`${repository.registry}: tag DELETE answered ${status}; using untag`);
      this.noTagDelete.add(repository.registry);
    }
    return this.untag(repository, tag);
  }

  /** Move the tag to a fresh placeholder and delete the placeholder by digest. */
  async untag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const digest = await this.placeholderUnder(repository, tag);
    await repo.deleteManifest(digest, [200, 202]);
    return 'deleted';
  }

  /** PUT a unique placeholder under the tag (moving it off the real image); returns its digest. */
  async placeholderUnder(repository: RepositoryName, tag: string): Promise<string> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const placeholder = untagPlaceholder(tag, new Date(this.ctx.clock.now()));
    await repo.putManifest(tag, placeholder);
    return placeholder.digest;
  }

  /** The image's `created` time (the registry API has no tag timestamps). */
  async tagUpdatedAt(repository: RepositoryName, tag: string): Promise<Date | undefined> {
    const repo = this.ctx.repository(repository, [pullScope(repository.repository)]);
    if (!(await repo.headManifest(tag))) return undefined;
    return (await readImageConfig(this.ctx, {...repository, tag})).created;
  }
}

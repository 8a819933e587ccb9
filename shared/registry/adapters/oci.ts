import {RepositoryName} from '../../model/reference.js';
import {deleteScope} from '../auth.js';
import {EngineContext} from '../context.js';
import {inspectManifest} from '../inspect.js';
import {untagPlaceholder} from '../placeholder.js';
import {DeleteOutcome, TagApi} from './tag-api.js';

/**
 * Tag delete through the registry API alone: OCI `DELETE /manifests/<tag>` where supported,
 * otherwise the untag method — PUT a unique placeholder under the tag, then DELETE the
 * placeholder's digest. Never deletes the digest the tag pointed at, which other tags may share.
 * A tag already on a placeholder is an untag that did not finish: only its DELETE is left.
 */
export class OciTagApi implements TagApi {
  readonly kind = 'oci';
  // The registry API keeps no time per tag; staging records stand in (see shared/staging).
  readonly knowsTagTimes = false;

  constructor(private readonly ctx: EngineContext) {}

  /** Delete the tag; `absent` when it did not exist. */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const content = await inspectManifest(repo, tag);
    if (!content) return 'absent';
    if (content.kind === 'placeholder') {
      // The placeholder is unique to the interrupted untag: its digest names nothing else.
      await repo.deleteManifest(content.digest, [200, 202, 404]);
      return 'deleted';
    }
    // Whether the registry deletes tags is asked once per run (distribution 2.x answers 400);
    // concurrent deletes wait for that first answer instead of each asking again.
    const {capabilities} = this.ctx;
    const registry = repository.registry;
    const asked = await capabilities.ask(
      registry,
      'tag-delete',
      () => repo.deleteManifest(tag, [200, 202, 400, 404, 405]),
      status => (status === 400 || status === 405 ? false : status === 404 ? undefined : true)
    );
    let status = asked.asked ? asked.result : undefined;
    if (status === undefined && capabilities.get(registry, 'tag-delete')) {
      status = await repo.deleteManifest(tag, [200, 202, 404]);
    }
    if (status === 200 || status === 202) return 'deleted';
    if (status === 404) return 'absent';
    if (status !== undefined)
      this.ctx.logger.debug(`${registry}: tag DELETE answered ${status}; using untag`);
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

  /** The digest of the placeholder the tag holds (an unfinished untag), if it holds one. */
  async placeholderAt(repository: RepositoryName, tag: string): Promise<string | undefined> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const content = await inspectManifest(repo, tag);
    return content?.kind === 'placeholder' ? content.digest : undefined;
  }

  /** The registry API has no tag timestamps (an image's `created` is its build date, not this). */
  async tagUpdatedAt(): Promise<Date | undefined> {
    return undefined;
  }
}

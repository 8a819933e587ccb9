import {RepositoryName} from '../../model/reference.js';
import {deleteScope} from '../auth.js';
import {RegistryContext} from '../context.js';
import {type ManifestContent, inspectManifest} from '../inspect.js';
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

  constructor(private readonly ctx: RegistryContext) {}

  /** Delete the tag; `absent` when it did not exist. */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    return (await this.deleteTags(repository, [tag]))[0];
  }

  /**
   * Delete several tags of one repository at once. Where the registry cannot delete a tag,
   * one placeholder goes under all of them and a single DELETE of its digest removes them
   * together: the digest is unique to this call, so it names none but these tags.
   */
  async deleteTags(
    repository: RepositoryName,
    tags: readonly string[],
    known: readonly (ManifestContent | undefined)[] = []
  ): Promise<DeleteOutcome[]> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const contents = await Promise.all(
      tags.map((tag, i) => known[i] ?? inspectManifest(repo, tag))
    );
    const outcomes: DeleteOutcome[] = contents.map(c => (c ? 'deleted' : 'absent'));
    // A tag on a placeholder is an untag that did not finish: the placeholder is unique to
    // that untag, so deleting its digest touches nothing else.
    const unfinished = new Set(
      contents.flatMap(c => (c?.kind === 'placeholder' ? [c.digest] : []))
    );
    for (const digest of unfinished) await repo.deleteManifest(digest, [200, 202, 404]);
    let live = tags.filter(
      (_, i) => contents[i] !== undefined && contents[i]?.kind !== 'placeholder'
    );
    if (live.length === 0) return outcomes;
    // Whether the registry deletes tags is asked once per run (distribution 2.x answers 400);
    // concurrent deletes wait for that first answer instead of each asking again.
    const {capabilities} = this.ctx;
    const registry = repository.registry;
    const [first] = live;
    const asked = await capabilities.ask(
      registry,
      'tag-delete',
      () => repo.deleteManifest(first, [200, 202, 400, 404, 405]),
      status => (status === 400 || status === 405 ? false : status === 404 ? undefined : true)
    );
    if (asked.asked) {
      const status = asked.result;
      if (status === 404) outcomes[tags.indexOf(first)] = 'absent';
      if (status === 404 || status === 200 || status === 202) live = live.slice(1);
      else this.ctx.logger.debug(`${registry}: tag DELETE answered ${status}; using untag`);
    }
    if (capabilities.get(registry, 'tag-delete')) {
      const statuses = await Promise.all(
        live.map(tag => repo.deleteManifest(tag, [200, 202, 404]))
      );
      live.forEach((tag, i) => {
        if (statuses[i] === 404) outcomes[tags.indexOf(tag)] = 'absent';
      });
      return outcomes;
    }
    if (live.length > 0) await this.untag(repository, live);
    return outcomes;
  }

  /** Move the tags to one fresh placeholder and delete the placeholder by digest. */
  async untag(repository: RepositoryName, tags: readonly string[]): Promise<void> {
    const repo = this.ctx.repository(repository, [deleteScope(repository.repository)]);
    const placeholder = untagPlaceholder(tags.join(' '), new Date(this.ctx.clock.now()));
    await Promise.all(tags.map(tag => repo.putManifest(tag, placeholder)));
    await repo.deleteManifest(placeholder.digest, [200, 202]);
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

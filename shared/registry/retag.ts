import {RepositoryName} from '../model/reference.js';
import {pushScope} from './auth.js';
import {RegistryContext} from './context.js';
import {TagOutcome} from './copy.js';
import {isEmptyIndex} from './placeholder.js';

/** What a retag did. */
export interface RetagResult {
  readonly digest: string;
  readonly mediaType: string;
  readonly tags: readonly TagOutcome[];
}

/**
 * Point `tags` of one repository at the manifest `source` (a tag or digest) names: one GET and
 * one PUT per tag, no blob traffic (the blobs are already in the repository). With `knownDigest`
 * the tags are HEADed first and those already holding it are left alone, unless `checked` says
 * the caller has just found none holding it (then the GET may be served from what the client
 * read before: a digest names one manifest).
 */
export async function retagImage(
  ctx: RegistryContext,
  repository: RepositoryName,
  source: string,
  tags: readonly string[],
  knownDigest?: string,
  checked = false
): Promise<RetagResult> {
  const repo = ctx.repository(repository, [pushScope(repository.repository)]);
  let pending = tags;
  if (knownDigest !== undefined && !checked) {
    const heads = await Promise.all(tags.map(t => repo.headManifest(t)));
    pending = tags.filter((_, i) => heads[i]?.digest !== knownDigest);
    if (pending.length === 0) {
      const mediaType = heads[0]?.mediaType ?? '';
      return {digest: knownDigest, mediaType, tags: tags.map(tag => ({tag, status: 'skipped'}))};
    }
  }
  // GET by digest when known, so a concurrent push to the source tag cannot change what we copy.
  const manifest = await repo.getManifest(knownDigest ?? source);
  if (isEmptyIndex(manifest)) {
    // An index without entries (an untag placeholder, a broken push) is no image to tag.
    throw repo.error(
      'retag',
      `${source} (${manifest.digest}) is an index with no manifests; refusing to tag it`,
      false
    );
  }
  await Promise.all(pending.map(t => repo.putManifest(t, manifest)));
  return {
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags: tags.map(tag => ({tag, status: pending.includes(tag) ? 'written' : 'skipped'}))
  };
}

import {isIndex} from './media-types.js';
import {isEmptyIndex, isUntagPlaceholder} from './placeholder.js';
import {ManifestHead, Repository} from './repository.js';

/**
 * What a tag holds: an `image`, an `index` with entries, an `empty-index` (no entries: not an
 * image at all) or imagegate's untag `placeholder` (a deletion that did not finish).
 */
export type ManifestKind = 'image' | 'index' | 'empty-index' | 'placeholder';

export interface ManifestContent extends ManifestHead {
  readonly kind: ManifestKind;
}

/**
 * HEAD `reference`; an index (or a registry that does not say) is fetched by digest to tell a
 * real index from an empty one or a placeholder. Undefined when the reference does not exist.
 */
export async function inspectManifest(
  repo: Repository,
  reference: string
): Promise<ManifestContent | undefined> {
  const head = await repo.headManifest(reference);
  if (!head) return undefined;
  if (head.mediaType !== '' && !isIndex(head.mediaType)) return {...head, kind: 'image'};
  const raw = await repo.getManifest(head.digest);
  const kind: ManifestKind = isUntagPlaceholder(raw)
    ? 'placeholder'
    : isEmptyIndex(raw)
      ? 'empty-index'
      : isIndex(raw.mediaType)
        ? 'index'
        : 'image';
  return {digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length, kind};
}

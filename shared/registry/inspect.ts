import {isIndex} from './media-types.js';
import {isEmptyIndex, isUntagPlaceholder} from './placeholder.js';
import {ManifestHead, Repository} from './repository.js';
import {RawManifest} from './types.js';

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
 * With `read`, one GET instead (one round trip either way, and the bytes are then at hand for
 * whoever needs the manifest next: the repository keeps what it read by digest).
 */
export async function inspectManifest(
  repo: Repository,
  reference: string,
  options: {read?: boolean} = {}
): Promise<ManifestContent | undefined> {
  let raw: RawManifest | undefined;
  if (options.read) {
    raw = await repo.findManifest(reference);
    if (!raw) return undefined;
  } else {
    const head = await repo.headManifest(reference);
    if (!head) return undefined;
    if (head.mediaType !== '' && !isIndex(head.mediaType)) return {...head, kind: 'image'};
    raw = await repo.getManifest(head.digest);
  }
  const kind: ManifestKind = isUntagPlaceholder(raw)
    ? 'placeholder'
    : isEmptyIndex(raw)
      ? 'empty-index'
      : isIndex(raw.mediaType)
        ? 'index'
        : 'image';
  return {digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length, kind};
}

import {type Ancestry} from '../github/changes.js';
import {InputError, errorMessage} from '../model/errors.js';
import {type ImageReference, formatReference} from '../model/reference.js';
import {type ManifestContent} from '../registry/index.js';
import {REVISION_LABEL} from './verify.js';

/** What deciding the order of two promotions needs, passed in. */
export interface OrderOptions {
  /** `allow-downgrade`: warn instead of refusing. */
  readonly allowDowngrade: boolean;
  /** The merged commit being promoted. */
  readonly revision?: string;
  /** The revision label of the image a digest names (memoised by the caller). */
  readonly revisionOf: (ref: ImageReference, digest: string) => Promise<string | undefined>;
  /** The GitHub compare API (`base...head`); undefined when there is no API to ask. */
  readonly compare?: (base: string, head: string) => Promise<Ancestry | undefined>;
  readonly warn: (message: string) => void;
}

/**
 * Refuse to move `final` off its `current` image unless the merged commit descends from the
 * commit that image was built from (its revision label; the GitHub compare API decides): two
 * merges promoted out of order must not move a tag back to the older image. When the order
 * cannot be decided, refuse too; `allow-downgrade` turns both refusals into warnings. A final tag
 * on no image at all (an empty index or placeholder) has nothing to protect.
 */
export async function checkOrder(
  field: string,
  final: ImageReference & {tag: string},
  current: ManifestContent,
  options: OrderOptions
): Promise<void> {
  if (current.kind === 'empty-index' || current.kind === 'placeholder') return;
  const name = formatReference(final);
  const refuse = (detail: string): void => {
    if (!options.allowDowngrade) {
      throw new InputError(field, `${detail}; set allow-downgrade: true to promote anyway`);
    }
    options.warn(`${field}: ${detail}; promoting anyway (allow-downgrade: true)`);
  };
  const undecidable = (why: string): void =>
    refuse(`cannot tell whether ${name} would move forward: ${why}`);
  const older = await options.revisionOf(final, current.digest);
  const newer = options.revision;
  if (older === undefined) return undecidable(`its image has no ${REVISION_LABEL} label`);
  if (newer === undefined) return undecidable('the merged commit is unknown');
  if (older === newer) return;
  if (!options.compare) return undecidable('there is no GitHub API to compare commits with');
  let ancestry: Ancestry | undefined;
  try {
    ancestry = await options.compare(older, newer);
  } catch (e) {
    return undecidable(`comparing ${older}...${newer} failed: ${errorMessage(e)}`);
  }
  switch (ancestry) {
    case 'ahead':
    case 'identical':
      return;
    case 'behind':
      return refuse(
        `${name} holds an image of ${older}, which is newer than ${newer} (the merged commit): promoting would move it back`
      );
    case 'diverged':
      return undecidable(`${older} and ${newer} have diverged (not one branch)`);
    default:
      return undecidable(`GitHub does not know ${older} or ${newer}`);
  }
}

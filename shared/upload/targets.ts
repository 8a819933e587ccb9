import {type ChangeIdentity, changeTag} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {formatReference, withTag} from '../model/reference.js';
import {type RegistryLocation, stagedRepository} from '../model/registry-location.js';

/** Where upload sends an image: `tag` (change tags), `release` (final tags) or `intermediate`. */
export type UploadMode = 'tag' | 'release' | 'intermediate';

/** One reference to push, with the final name it stands for. */
export interface PushTarget {
  /** Full reference to push to. */
  readonly ref: string;
  /** The final repository (full name) and tag this push is for. */
  readonly finalRepository: string;
  readonly finalTag: string;
}

/** What target computation needs besides the image. */
export interface TargetContext {
  readonly mode: UploadMode;
  readonly identity: ChangeIdentity;
  readonly intermediate?: RegistryLocation;
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`: staged tags are `<run id>-<attempt>_<tag>`. */
  readonly runId: string;
  readonly runAttempt: string;
}

/** The references one image is pushed to, in tag order. */
export function pushTargets(image: ContainerImage, ctx: TargetContext): PushTarget[] {
  return image.tags.map(tag => {
    const finalRepository = formatReference(image.repository);
    let ref: string;
    if (ctx.mode === 'release') {
      ref = formatReference(withTag(image.repository, tag));
    } else if (ctx.mode === 'tag') {
      ref = formatReference(withTag(image.repository, changeTag(ctx.identity, tag)));
    } else {
      const staged = stagedRepository(ctx.intermediate as RegistryLocation, image.repository);
      ref = formatReference(withTag(staged, `${ctx.runId}-${ctx.runAttempt}_${tag}`));
    }
    return {ref, finalRepository, finalTag: tag};
  });
}

/** The registry host of a full reference. */
export function hostOf(ref: string): string {
  return ref.slice(0, ref.indexOf('/'));
}

import {type ChangeIdentity} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors} from '../model/errors.js';
import {type RecordPlace, platformRecordTag, recordRepository} from '../model/platform-records.js';
import {type RepositoryName, formatReference, withTag} from '../model/reference.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {pushTargets} from '../upload/targets.js';

/** Where a merge writes: change tags (gate), final tags (release), staged tags, or the buildset. */
export type MergeMode = 'tag' | 'release' | 'intermediate' | 'buildset';

/** One tag the merged index goes under, and the final name it stands for. */
export interface MergeTarget {
  readonly tag: string;
  readonly finalRepository: string;
  readonly finalTag: string;
}

/** What the merge does for one entry of the list. */
export interface MergePlan {
  readonly image: ContainerImage;
  /** Where the records are and the index goes (one repository: no blob ever moves). */
  readonly repository: RepositoryName;
  readonly targets: readonly MergeTarget[];
  /** Platforms that must be present, in the entry's order. */
  readonly required: readonly string[];
  /** Platforms that may be missing. */
  readonly optional: readonly string[];
  /** Record tag of each platform. */
  readonly records: ReadonlyMap<string, string>;
}

/** What planning needs besides the images. */
export interface MergeContext {
  readonly mode: MergeMode;
  readonly identity: ChangeIdentity;
  readonly intermediate?: RegistryLocation;
  /** The active buildset registry (`host:port`), in buildset mode. */
  readonly buildsetRegistry?: string;
  readonly runId: string;
  readonly runAttempt: string;
  readonly platforms: readonly string[];
  readonly optionalPlatforms: readonly string[];
}

/**
 * Plan the merge of every entry: the repository its platform jobs recorded into, the tags the
 * index goes under (the ones upload would have pushed), and the platforms it asks for (its
 * `arch`, or the run's `platforms` for an entry without). Throws InputErrors naming the fields.
 */
export function planMerge(images: readonly ContainerImage[], ctx: MergeContext): MergePlan[] {
  const errors: InputError[] = [];
  const plans: MergePlan[] = [];
  for (const image of images) {
    const asked = image.arch.length > 0 ? image.arch : ctx.platforms;
    if (asked.length === 0) {
      errors.push(
        new InputError(
          `${image.field}.arch`,
          'names no platform: set arch, or platforms on the merge (what an entry without arch is built for)'
        )
      );
      continue;
    }
    const place = placeOf(ctx);
    const repository = recordRepository(image, place);
    plans.push({
      image,
      repository,
      targets: targetsOf(image, ctx),
      required: asked.filter(p => !ctx.optionalPlatforms.includes(p)),
      optional: asked.filter(p => ctx.optionalPlatforms.includes(p)),
      records: new Map(asked.map(p => [p, platformRecordTag(ctx.identity, image, p)]))
    });
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return plans;
}

function placeOf(ctx: MergeContext): RecordPlace {
  if (ctx.mode === 'buildset') return {kind: 'buildset', registry: ctx.buildsetRegistry as string};
  if (ctx.mode === 'intermediate')
    return {kind: 'intermediate', location: ctx.intermediate as RegistryLocation};
  return {kind: 'final'};
}

function targetsOf(image: ContainerImage, ctx: MergeContext): MergeTarget[] {
  const finalRepository = formatReference(image.repository);
  if (ctx.mode === 'buildset') {
    return image.tags.map(tag => ({tag, finalRepository, finalTag: tag}));
  }
  return pushTargets(image, {
    mode: ctx.mode,
    identity: ctx.identity,
    ...(ctx.intermediate && {intermediate: ctx.intermediate}),
    runId: ctx.runId,
    runAttempt: ctx.runAttempt
  }).map(t => ({
    tag: t.ref.slice(t.ref.lastIndexOf(':') + 1),
    finalRepository,
    finalTag: t.finalTag
  }));
}

/** `repository:tag` of one of the plan's tags, for messages and outputs. */
export function refOf(plan: MergePlan, tag: string): string {
  return formatReference(withTag(plan.repository, tag));
}
